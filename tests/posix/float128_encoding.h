/* The binary128 encodings the _Float128 tests compare: a value made from
 * its two 64-bit words, opaque to the compiler (which would otherwise
 * evaluate the calls under test itself, at compile time), and the words of
 * a result. */
#ifndef LWP_TESTS_POSIX_FLOAT128_ENCODING_H
#define LWP_TESTS_POSIX_FLOAT128_ENCODING_H

#include <stdint.h>
#include <string.h>

typedef _Float128 F;
typedef unsigned __int128 u128;

static inline F make(uint64_t high, uint64_t low) {
    u128 b = (u128)high << 64 | low;
    F x;
    memcpy(&x, &b, sizeof x);
    __asm__ volatile("" : "+m"(x));
    return x;
}

static inline u128 bits_of(F x) {
    u128 b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static inline uint64_t high_of(F x) { return (uint64_t)(bits_of(x) >> 64); }
static inline uint64_t low_of(F x) { return (uint64_t)bits_of(x); }

/* The distance in encodings between two finite values (across zero): the
 * number of binary128 values from one to the other, their ulps apart. */
static inline u128 distance(F a, F b) {
    u128 ua = bits_of(a), ub = bits_of(b), sign = (u128)1 << 127;
    __int128 oa = (ua & sign) ? -(__int128)(ua & ~sign) : (__int128)ua;
    __int128 ob = (ub & sign) ? -(__int128)(ub & ~sign) : (__int128)ub;
    return oa > ob ? (u128)(oa - ob) : (u128)(ob - oa);
}

#endif
