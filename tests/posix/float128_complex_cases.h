/* What the _Float128 complex functions' tests share: the special values
 * their cases are written with, and CASE2, one call checked bit for bit. */
#ifndef LWP_TESTS_POSIX_FLOAT128_COMPLEX_CASES_H
#define LWP_TESTS_POSIX_FLOAT128_COMPLEX_CASES_H

#include <errno.h>
#include <fenv.h>

#include "../integration/check.h"
#include "float128_encoding.h"

#define NAN_ __builtin_nanf128("")
#define SNAN_ __builtin_nansf128("")
#define INF_ __builtin_inff128()
#define MAX_ __FLT128_MAX__
#define MIN_ 0x1p-16382f128
#define TRUE_MIN_ 0x1p-16494f128

/* Calls function(re + i im) into `result`, a _Complex _Float128 it
 * declares, and checks that it raised exactly the flags given and set errno
 * to error (0: left alone). The arguments pass through volatile variables
 * so that the compiler folds nothing. For the CASE macros of these tests,
 * which then check the result's parts as each needs. */
#define CALL2(result, function, re, im, raised, error)                \
    volatile F real_part = (re), imaginary_part = (im);               \
    _Complex _Float128 z;                                             \
    __real__ z = real_part;                                           \
    __imag__ z = imaginary_part;                                      \
    feclearexcept(FE_ALL_EXCEPT);                                     \
    errno = 0;                                                        \
    _Complex _Float128 result = function(z);                          \
    CHECK_EQ(fetestexcept(FE_ALL_EXCEPT), (raised));                  \
    CHECK_EQ(errno, (error))

/* function(re + i im) has the parts' encodings given, raises exactly the
 * flags given and sets errno to error (0: left alone). */
#define CASE2(function, re, im, real_high, real_low, imaginary_high, imaginary_low, raised, error) \
    do {                                                                                      \
        CALL2(result, function, re, im, raised, error);                                        \
        CHECK_EQ(high_of(__real__ result), (real_high));                                       \
        CHECK_EQ(low_of(__real__ result), (real_low));                                         \
        CHECK_EQ(high_of(__imag__ result), (imaginary_high));                                  \
        CHECK_EQ(low_of(__imag__ result), (imaginary_low));                                    \
    } while (0)

#endif
