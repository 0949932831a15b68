/* lwp's stand-in for glibc's internal array_length.h. */
#ifndef LWP_GLIBC_STANDIN_ARRAY_LENGTH_H
#define LWP_GLIBC_STANDIN_ARRAY_LENGTH_H
#define array_length(array) (sizeof(array) / sizeof((array)[0]))
#define array_end(array) (&(array)[array_length(array)])
#endif
