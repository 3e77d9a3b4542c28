/*
 * bcryptprimitives.c is a stand-in for Windows' bcryptprimitives.dll for
 * wine 8 (Debian 12), which has no such DLL: Go's runtime (1.22 and
 * later) loads it from system32 at start and calls its ProcessPrng for
 * random bytes, and throws when it is missing. wine_smoke_test.go builds
 * this with mingw-w64 into the throwaway wine prefix's system32:
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll \
 *       bcryptprimitives.c -ladvapi32
 *
 * ProcessPrng fills the buffer from advapi32's RtlGenRandom
 * (SystemFunction036), in pieces because that takes a ULONG length. Like
 * the real one it cannot fail; if RtlGenRandom does, it returns FALSE and
 * Go's runtime stops rather than run without randomness.
 */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
