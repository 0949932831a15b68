// Which C library a program is told it runs on: the glibc version whose
// headers lwp was built against (and so whose ABI it provides, the headers
// a program built with lwp-cc is compiled against), as "2.36". Shared by
// gnu_get_libc_version (library_version.cpp) and confstr's
// _CS_GNU_LIBC_VERSION and _CS_GNU_LIBPTHREAD_VERSION
// (configuration_strings.cpp); docs/libc.md says why these answers.
#pragma once

#include <features.h>  // __GLIBC__, __GLIBC_MINOR__

#define LWP_LIBRARY_VERSION_TEXT(number) #number
#define LWP_LIBRARY_VERSION_NUMBER(number) LWP_LIBRARY_VERSION_TEXT(number)

// "2.36": a string literal, so the strings built on it are literals too.
#define LWP_GLIBC_ABI_VERSION \
    LWP_LIBRARY_VERSION_NUMBER(__GLIBC__) "." LWP_LIBRARY_VERSION_NUMBER(__GLIBC_MINOR__)
