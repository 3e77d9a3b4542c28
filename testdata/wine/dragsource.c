/*
 * dragsource.c is the control for the drag-out test under wine
 * (dragout_wine_test.go): a plain Win32 window that, when pressed, drags
 * the file named on its command line the way a Windows program does it in
 * C, with the shell's data object for it (SHParseDisplayName, SHBindToParent,
 * IShellFolder::GetUIObjectOf; wine 8 has no SHCreateDataObject) and
 * DoDragDrop. It prints how the drag ended:
 *
 *   ready <hwnd>
 *   result <hresult> <effect>      DRAGDROP_S_DROP is 0x00040100,
 *                                  DRAGDROP_S_CANCEL 0x00040101
 *   fail <reason>
 *
 * It shows that wine carries an OLE drag from one process's window to
 * another's, independently of Rapport. Built with mingw-w64:
 *
 *   x86_64-w64-mingw32-gcc -O2 -s -mconsole -o dragsource.exe dragsource.c \
 *       -lole32 -luuid -lshell32 -luser32 -lgdi32
 *
 * dragsource.exe <file> [x y width height]
 */
#define COBJMACROS
#include <windows.h>
#include <ole2.h>
#include <shlobj.h>
#include <stdio.h>
#include <stdlib.h>

static WCHAR file[MAX_PATH * 4];

static HRESULT STDMETHODCALLTYPE sQueryInterface(IDropSource *This, REFIID riid, void **out)
{
	if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDropSource)) {
		*out = This;
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE sAddRef(IDropSource *This) { return 2; }
static ULONG STDMETHODCALLTYPE sRelease(IDropSource *This) { return 1; }

static HRESULT STDMETHODCALLTYPE sQueryContinueDrag(IDropSource *This, BOOL esc, DWORD keys)
{
	if (esc)
		return DRAGDROP_S_CANCEL;
	if (!(keys & MK_LBUTTON))
		return DRAGDROP_S_DROP;
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE sGiveFeedback(IDropSource *This, DWORD effect)
{
	return DRAGDROP_S_USEDEFAULTCURSORS;
}

static IDropSourceVtbl sourceVtbl = {
	sQueryInterface, sAddRef, sRelease, sQueryContinueDrag, sGiveFeedback,
};
static IDropSource source = { &sourceVtbl };

static void drag(void)
{
	PIDLIST_ABSOLUTE pidl = NULL;
	IDataObject *obj = NULL;
	DWORD effect = 0;
	HRESULT hr = SHParseDisplayName(file, NULL, &pidl, 0, NULL);

	if (FAILED(hr)) {
		printf("fail SHParseDisplayName: 0x%08lx\n", (unsigned long)hr);
		fflush(stdout);
		return;
	}
	IShellFolder *folder = NULL;
	PCUITEMID_CHILD child = NULL;
	hr = SHBindToParent(pidl, &IID_IShellFolder, (void **)&folder, &child);
	if (SUCCEEDED(hr)) {
		hr = IShellFolder_GetUIObjectOf(folder, NULL, 1, &child, &IID_IDataObject, NULL, (void **)&obj);
		IShellFolder_Release(folder);
	}
	if (FAILED(hr)) {
		printf("fail GetUIObjectOf(IDataObject): 0x%08lx\n", (unsigned long)hr);
		fflush(stdout);
		CoTaskMemFree(pidl);
		return;
	}
	hr = DoDragDrop(obj, &source, DROPEFFECT_COPY, &effect);
	printf("result 0x%08lx %lu\n", (unsigned long)hr, effect);
	fflush(stdout);
	IDataObject_Release(obj);
	CoTaskMemFree(pidl);
}

static LRESULT CALLBACK wndProc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
	switch (msg) {
	case WM_LBUTTONDOWN:
		drag();
		return 0;
	case WM_PAINT: {
		PAINTSTRUCT ps;
		HDC dc = BeginPaint(hwnd, &ps);
		RECT r;
		GetClientRect(hwnd, &r);
		FillRect(dc, &r, (HBRUSH)GetStockObject(WHITE_BRUSH));
		DrawTextA(dc, "Drag me", -1, &r, DT_CENTER | DT_VCENTER | DT_SINGLELINE);
		EndPaint(hwnd, &ps);
		return 0;
	}
	case WM_DESTROY:
		PostQuitMessage(0);
		return 0;
	}
	return DefWindowProcW(hwnd, msg, wp, lp);
}

int main(int argc, char **argv)
{
	int x = 0, y = 0, w = 200, h = 200;
	WNDCLASSW wc = { 0 };
	HRESULT hr;

	if (argc < 2) {
		printf("fail usage: dragsource.exe <file> [x y width height]\n");
		return 2;
	}
	MultiByteToWideChar(CP_ACP, 0, argv[1], -1, file, MAX_PATH * 4);
	if (argc >= 6) {
		x = atoi(argv[2]);
		y = atoi(argv[3]);
		w = atoi(argv[4]);
		h = atoi(argv[5]);
	}
	hr = OleInitialize(NULL);
	if (FAILED(hr)) {
		printf("fail OleInitialize: 0x%08lx\n", (unsigned long)hr);
		return 1;
	}
	wc.lpfnWndProc = wndProc;
	wc.hInstance = GetModuleHandleW(NULL);
	wc.hCursor = LoadCursor(NULL, IDC_ARROW);
	wc.lpszClassName = L"RapportDragSource";
	RegisterClassW(&wc);
	HWND hwnd = CreateWindowExW(0, L"RapportDragSource", L"Rapport drag source", WS_POPUP | WS_VISIBLE,
		x, y, w, h, NULL, NULL, wc.hInstance, NULL);
	if (!hwnd) {
		printf("fail CreateWindow: error %lu\n", GetLastError());
		return 1;
	}
	printf("ready %p\n", (void *)hwnd);
	fflush(stdout);
	MSG msg;
	while (GetMessageW(&msg, NULL, 0, 0) > 0) {
		TranslateMessage(&msg);
		DispatchMessageW(&msg);
	}
	OleUninitialize();
	return 0;
}
