/* lwp's stand-in for gnulib's intprops.h as glibc's tests use it (misc/
 * tst-select, rt/tst-mqueue10, posix/tst-spawn6, time/tst-clock_nanosleep):
 * the bounds of an integer type as constant expressions, and how long the
 * decimal text of its values can be. Each macro takes a type or, through
 * __typeof__, an expression. */
#ifndef LWP_GLIBC_STANDIN_INTPROPS_H
#define LWP_GLIBC_STANDIN_INTPROPS_H

#include <limits.h>

/* (t)-1 is below (t)0 only in a signed type. */
#define TYPE_SIGNED(t) (!((__typeof__(t))0 < (__typeof__(t))-1))
#define TYPE_WIDTH(t) (sizeof(t) * CHAR_BIT)
/* The largest value, built without overflowing: 2^(width-2) - 1, doubled,
 * plus one, is 2^(width-1) - 1 for a signed type. */
#define TYPE_MAXIMUM(t)                                                                           \
    ((__typeof__(t))(!TYPE_SIGNED(t) ? (__typeof__(t))-1                                          \
                                     : ((((__typeof__(t))1 << (TYPE_WIDTH(t) - 2)) - 1) * 2 + 1)))
/* Two's complement: the smallest is the complement of the largest (0 for an
 * unsigned type). */
#define TYPE_MINIMUM(t) ((__typeof__(t))~TYPE_MAXIMUM(t))

/* Digits of an n-bit value: floor(n log10 2) + 1, and 0.302 > log10 2, so
 * n * 302 / 1000 + 1 is enough; one more for a minus sign. */
#define INT_BITS_STRLEN_BOUND(bits) ((bits) * 302 / 1000 + 1)
#define INT_STRLEN_BOUND(t) (INT_BITS_STRLEN_BOUND(TYPE_WIDTH(t) - TYPE_SIGNED(t)) + TYPE_SIGNED(t))
/* With the terminating null. */
#define INT_BUFSIZE_BOUND(t) (INT_STRLEN_BOUND(t) + 1)

#endif
