// One wide character read from a stream whose bytes are UTF-8 (the wide
// input calls in C.UTF-8: fgetwc and its names, fgetws, the wide scanf
// family), as glibc's wide streams read it.
#pragma once

#include <wchar.h>

#include "stdio_stream.hpp"

namespace lwp::libc {

// The caller holds the stream's lock. The character, or WEOF: at the end
// (the end flag set), on a read error (error flag and errno from the read),
// or for a sequence utf8_conversion.hpp refuses (errno EILSEQ, the error
// flag set, all of its bytes left unread, as glibc leaves them). A sequence
// the end cuts short is what glibc makes of it: the end, its bytes left
// unread and errno untouched, when it follows characters of the same read;
// EILSEQ with the error flag (the end flag clear), its bytes taken, when
// its first byte is the first of a read (the stream had nothing unread).
wint_t next_utf8_character_locked(stream& s);

}  // namespace lwp::libc
