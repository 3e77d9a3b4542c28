/*
 * droptarget.c is a Windows OLE drop target for the drag-out test under
 * wine (dragout_wine_test.go, make test-windows-drag): a plain Win32
 * window that registers an IDropTarget with RegisterDragDrop, the way
 * Explorer and Outlook take files, and prints what it is offered and
 * what it receives, one line each, to its standard output:
 *
 *   ready <hwnd>
 *   enter <format>|<format>|...     the data object's formats (EnumFormatEtc)
 *   leave
 *   drop <n> <path>                 the n files of CF_HDROP; the first's path
 *   content <hex>                   the first file's bytes, in hex
 *   dropfail <reason>
 *
 * It accepts a drop (DROPEFFECT_COPY) only when CF_HDROP is offered.
 * Built with mingw-w64 (no C runtime beyond msvcrt):
 *
 *   x86_64-w64-mingw32-gcc -O2 -s -mconsole -o droptarget.exe droptarget.c \
 *       -lole32 -luuid -lshell32 -luser32 -lgdi32
 *
 * droptarget.exe [x y width height [title]] places its window there; it
 * is topmost, so the window dragged from never covers it.
 */
#define COBJMACROS
#include <windows.h>
#include <ole2.h>
#include <shellapi.h>
#include <stdio.h>
#include <stdlib.h>

static void say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

/* formatName writes a clipboard format's name into buf. */
static void formatName(CLIPFORMAT cf, char *buf, int n)
{
	switch (cf) {
	case CF_HDROP: lstrcpynA(buf, "CF_HDROP", n); return;
	case CF_TEXT: lstrcpynA(buf, "CF_TEXT", n); return;
	case CF_UNICODETEXT: lstrcpynA(buf, "CF_UNICODETEXT", n); return;
	}
	if (GetClipboardFormatNameA(cf, buf, n) <= 0)
		snprintf(buf, n, "#%u", (unsigned)cf);
}

static BOOL hasHDROP(IDataObject *obj)
{
	FORMATETC fe = { CF_HDROP, NULL, DVASPECT_CONTENT, -1, TYMED_HGLOBAL };
	return IDataObject_QueryGetData(obj, &fe) == S_OK;
}

static void sayFormats(IDataObject *obj)
{
	IEnumFORMATETC *en = NULL;
	FORMATETC fe;
	char name[256];
	int first = 1;

	say("enter ");
	if (SUCCEEDED(IDataObject_EnumFormatEtc(obj, DATADIR_GET, &en)) && en) {
		while (IEnumFORMATETC_Next(en, 1, &fe, NULL) == S_OK) {
			formatName(fe.cfFormat, name, sizeof name);
			say("%s%s", first ? "" : "|", name);
			first = 0;
			if (fe.ptd)
				CoTaskMemFree(fe.ptd);
		}
		IEnumFORMATETC_Release(en);
	}
	say("\n");
}

/* sayFile prints the bytes of the file at path in hex. */
static void sayFile(const WCHAR *path)
{
	HANDLE f = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	unsigned char buf[4096];
	DWORD n;

	if (f == INVALID_HANDLE_VALUE) {
		say("dropfail cannot open the file: error %lu\n", GetLastError());
		return;
	}
	say("content ");
	while (ReadFile(f, buf, sizeof buf, &n, NULL) && n > 0)
		for (DWORD i = 0; i < n; i++)
			say("%02x", buf[i]);
	say("\n");
	CloseHandle(f);
}

static void sayDrop(IDataObject *obj)
{
	FORMATETC fe = { CF_HDROP, NULL, DVASPECT_CONTENT, -1, TYMED_HGLOBAL };
	STGMEDIUM sm;
	WCHAR path[MAX_PATH * 4];
	char utf8[MAX_PATH * 12];
	HRESULT hr = IDataObject_GetData(obj, &fe, &sm);

	if (FAILED(hr)) {
		say("dropfail GetData(CF_HDROP): 0x%08lx\n", (unsigned long)hr);
		return;
	}
	HDROP drop = (HDROP)GlobalLock(sm.hGlobal);
	UINT count = DragQueryFileW(drop, 0xFFFFFFFF, NULL, 0);
	if (count == 0 || !DragQueryFileW(drop, 0, path, MAX_PATH * 4)) {
		say("dropfail CF_HDROP names no file\n");
	} else {
		WideCharToMultiByte(CP_UTF8, 0, path, -1, utf8, sizeof utf8, NULL, NULL);
		say("drop %u %s\n", count, utf8);
		sayFile(path);
	}
	GlobalUnlock(sm.hGlobal);
	ReleaseStgMedium(&sm);
}

/* The drop target: one static object, never freed. */
typedef struct {
	IDropTarget iface;
	BOOL accept;
} Target;

static HRESULT STDMETHODCALLTYPE tQueryInterface(IDropTarget *This, REFIID riid, void **out)
{
	if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDropTarget)) {
		*out = This;
		return S_OK;
	}
	*out = NULL;
	return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE tAddRef(IDropTarget *This) { return 2; }
static ULONG STDMETHODCALLTYPE tRelease(IDropTarget *This) { return 1; }

static HRESULT STDMETHODCALLTYPE tDragEnter(IDropTarget *This, IDataObject *obj, DWORD keys, POINTL pt, DWORD *effect)
{
	Target *t = (Target *)This;
	sayFormats(obj);
	t->accept = hasHDROP(obj);
	*effect = t->accept ? (*effect & DROPEFFECT_COPY) : DROPEFFECT_NONE;
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE tDragOver(IDropTarget *This, DWORD keys, POINTL pt, DWORD *effect)
{
	Target *t = (Target *)This;
	*effect = t->accept ? (*effect & DROPEFFECT_COPY) : DROPEFFECT_NONE;
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE tDragLeave(IDropTarget *This)
{
	say("leave\n");
	return S_OK;
}

static HRESULT STDMETHODCALLTYPE tDrop(IDropTarget *This, IDataObject *obj, DWORD keys, POINTL pt, DWORD *effect)
{
	Target *t = (Target *)This;
	if (!hasHDROP(obj)) {
		say("dropfail no CF_HDROP\n");
		*effect = DROPEFFECT_NONE;
		return S_OK;
	}
	sayDrop(obj);
	*effect = *effect & DROPEFFECT_COPY;
	t->accept = FALSE;
	return S_OK;
}

static IDropTargetVtbl targetVtbl = {
	tQueryInterface, tAddRef, tRelease, tDragEnter, tDragOver, tDragLeave, tDrop,
};
static Target target = { { &targetVtbl }, FALSE };

static LRESULT CALLBACK wndProc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
	switch (msg) {
	case WM_PAINT: {
		PAINTSTRUCT ps;
		HDC dc = BeginPaint(hwnd, &ps);
		RECT r;
		GetClientRect(hwnd, &r);
		FillRect(dc, &r, (HBRUSH)GetStockObject(GRAY_BRUSH));
		DrawTextA(dc, "Drop here", -1, &r, DT_CENTER | DT_VCENTER | DT_SINGLELINE);
		EndPaint(hwnd, &ps);
		return 0;
	}
	case WM_DESTROY:
		RevokeDragDrop(hwnd);
		PostQuitMessage(0);
		return 0;
	}
	return DefWindowProcW(hwnd, msg, wp, lp);
}

int main(int argc, char **argv)
{
	int x = 0, y = 0, w = 300, h = 300;
	const char *title = "Rapport drop target";
	WNDCLASSW wc = { 0 };
	HRESULT hr;

	if (argc >= 5) {
		x = atoi(argv[1]);
		y = atoi(argv[2]);
		w = atoi(argv[3]);
		h = atoi(argv[4]);
	}
	if (argc >= 6)
		title = argv[5];
	hr = OleInitialize(NULL);
	if (FAILED(hr)) {
		say("dropfail OleInitialize: 0x%08lx\n", (unsigned long)hr);
		return 1;
	}
	wc.lpfnWndProc = wndProc;
	wc.hInstance = GetModuleHandleW(NULL);
	wc.hCursor = LoadCursor(NULL, IDC_ARROW);
	wc.lpszClassName = L"RapportDropTarget";
	RegisterClassW(&wc);
	HWND hwnd = CreateWindowExA(WS_EX_TOPMOST, "RapportDropTarget", title, WS_POPUP | WS_VISIBLE,
		x, y, w, h, NULL, NULL, wc.hInstance, NULL);
	if (!hwnd) {
		say("dropfail CreateWindow: error %lu\n", GetLastError());
		return 1;
	}
	hr = RegisterDragDrop(hwnd, &target.iface);
	if (FAILED(hr)) {
		say("dropfail RegisterDragDrop: 0x%08lx\n", (unsigned long)hr);
		return 1;
	}
	say("ready %p\n", (void *)hwnd);
	MSG msg;
	while (GetMessageW(&msg, NULL, 0, 0) > 0) {
		TranslateMessage(&msg);
		DispatchMessageW(&msg);
	}
	OleUninitialize();
	return 0;
}
