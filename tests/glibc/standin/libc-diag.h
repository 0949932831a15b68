/* lwp's stand-in for glibc's libc-diag.h: what a test uses to silence one
 * compiler warning around code that means to do what it warns of (passing a
 * null pointer to a function declared nonnull, to check the error it gives). */
#ifndef LWP_GLIBC_STANDIN_LIBC_DIAG_H
#define LWP_GLIBC_STANDIN_LIBC_DIAG_H

#define LWP_DIAG_PRAGMA(text) _Pragma(#text)
#define DIAG_PUSH_NEEDS_COMMENT _Pragma("GCC diagnostic push")
#define DIAG_POP_NEEDS_COMMENT _Pragma("GCC diagnostic pop")
/* The GCC version glibc notes is only a reminder for its maintainers. */
#define DIAG_IGNORE_NEEDS_COMMENT(version, option) LWP_DIAG_PRAGMA(GCC diagnostic ignored option)

#endif
