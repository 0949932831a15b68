// fwide: a stream's orientation.
//
// As in glibc, a stream takes an orientation, byte or wide, once and for
// good (stream::orientation, orient in stdio_stream.hpp): from fwide with a
// non-zero mode, or from its first call of either kind. Streams start with
// none (fopen, fdopen, a successful freopen, tmpfile, stdin, stdout,
// stderr), except those glibc makes byte-oriented at once (popen,
// open_memstream, fmemopen, fopencookie) and open_wmemstream's, wide from
// the start.
//
// Which calls orient a stream, and what the other kind then does, is
// glibc's:
// - byte output: printf and its family, fputs, puts and fwrite orient it,
//   and on a wide-oriented stream write nothing and fail (-1, EOF, 0,
//   errno and the error flag untouched); fputc, putc and putchar orient it
//   and go on (on open_wmemstream's stream the byte is stored as a wide
//   character, as glibc's stores it);
// - byte input: fgetc and its names, fgets, fread, getline, getdelim and
//   fscanf orient it, and on a wide-oriented stream read nothing (EOF,
//   null, 0, -1, the flags untouched); ungetc does neither;
// - wide calls: fputwc, fputws, fwprintf, fgetwc, fgetws, fwscanf orient
//   it, and on a byte-oriented stream fail (WEOF, EOF, -1, null); ungetwc
//   orients it and goes on;
// - fflush, the seeks, setvbuf, fwrite or fread of nothing leave it alone.
// The C library's own messages (perror, psignal, error, warn, getopt's)
// are written on a stream of either kind, as glibc's are
// (stdio_messages.hpp); perror leaves a stream without orientation so.
//
// printf's share is one test and one store on a byte of the stream that
// sits in the padding after its flags (stream_format_sink.hpp).
#include <stdio.h>
#include <wchar.h>

#include "stdio_stream.hpp"

// glibc: a mode of 0 only asks; any other fixes the orientation unless the
// stream has one already; the answer is the orientation after that.
extern "C" int fwide(FILE* file, int mode) {
    lwp::libc::stream& s = lwp::libc::as_stream(file);
    if (mode != 0) lwp::libc::orient(s, mode > 0 ? lwp::libc::wide_use : lwp::libc::byte_use);
    return lwp::libc::orientation_of(s);
}
