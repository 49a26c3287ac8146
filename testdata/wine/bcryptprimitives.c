/*
 * A stand-in for Windows' bcryptprimitives.dll, for running secdesk.exe
 * under Debian 12's Wine 8, which has none. Every Go >= 1.22 Windows
 * program calls ProcessPrng from it before main, so without it nothing
 * starts. This one exports only ProcessPrng, on top of RtlGenRandom
 * (advapi32's SystemFunction036), which Wine has.
 *
 * A test fixture: built by .ci/wine-check into a throwaway Wine prefix,
 * never shipped; real Windows 10 and 11 have the real DLL.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)instance; (void)reason; (void)reserved;
	return TRUE;
}
