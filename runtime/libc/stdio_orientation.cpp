// fwide: a stream's orientation.
//
// glibc's streams take an orientation from their first call, byte or wide,
// and from then on fail the calls of the other kind (fputs, fwrite, printf
// on a wide stream; fwprintf, fputwc on a byte one). lwp's streams have
// none: every wide call is the byte call plus the locale's conversion (one
// ASCII byte in "C", UTF-8 in C.UTF-8: stdio_wide_characters.cpp,
// stdio_wide_printf.cpp), and byte and wide calls mix freely on any stream
// (C leaves mixing them undefined). So the true answer is always the one C
// gives for a stream without orientation, 0, and a request for one changes
// nothing, as C's fwide may decline to. The one exception is
// open_wmemstream's stream (stdio_wide_memstream.cpp), which takes wide
// output only: wide, 1, glibc's answer for it.
#include <stdio.h>
#include <wchar.h>

#include "stdio_stream.hpp"

extern "C" int fwide(FILE* file, int) { return lwp::libc::as_stream(file).wide_memory ? 1 : 0; }
