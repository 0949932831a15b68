// ferror clearerr fileno: questions about a stream. (feof is always 0 for
// these output-only streams.)
#include <stdio.h>

#include "stdio_stream.hpp"

using lwp::libc::as_stream;
using lwp::libc::glibc_error_flag;

extern "C" {

int ferror(FILE* file) noexcept { return (as_stream(file).glibc_flags & glibc_error_flag) != 0; }

int feof(FILE*) noexcept { return 0; }

void clearerr(FILE* file) noexcept { as_stream(file).glibc_flags &= ~glibc_error_flag; }

// Before its first output a stream has not filled in its descriptor yet.
int fileno(FILE* file) noexcept { return file == stderr ? 2 : 1; }

}  // extern "C"
