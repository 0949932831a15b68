/* Differential comparison of crypt_r for gost-yescrypt ($gy$) between
 * libxcrypt and lwp (figures in docs/libc.md's "password hashing" row):
 * random phrases and valid or mangled "$gy$" settings at small costs, the
 * answer and errno one a line. Run under a 48 MiB address-space limit, so
 * that mangled settings asking for gigabytes fail the same way in both.
 *
 *   gcc -O1 tools/compare_crypt_gost_yescrypt.c -o /tmp/ref -lcrypt
 *   build/bin/lwp-cc -O1 tools/compare_crypt_gost_yescrypt.c -o /tmp/lwp
 *   (ulimit -v 49152; /tmp/ref 4000 > /tmp/ref.txt; /tmp/lwp 4000 > /tmp/lwp.txt)
 *   diff /tmp/ref.txt /tmp/lwp.txt
 */
#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static unsigned long long state = 0x2545F4914F6CDD1DULL;
static unsigned long long next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
static unsigned long below(unsigned long n) { return (unsigned long)(next() % n); }
static const char a64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
int main(int argc, char** argv) {
    long cases = argc > 1 ? atol(argv[1]) : 1000;
    static struct crypt_data data;
    for (long i = 0; i < cases; ++i) {
        /* Phrases of 0..519 bytes (lengths near Streebog's 64-byte block
         * favoured), printable or any byte. */
        char phrase[600];
        size_t plen = below(3) == 0 ? below(520) : below(4) == 0 ? 60 + below(10) : below(40);
        int printable = below(2);
        for (size_t k = 0; k < plen; ++k) phrase[k] = printable ? (char)(0x20 + below(95)) : (char)(1 + below(255));
        phrase[plen] = 0;
        /* Flavor j (RW), '.' (scrypt), '/' (WORM) or any character; log2 N
         * 2..8 (first character 1..7) or any; r 1..8; optional p/t field
         * mask; a salt of 0..90 characters, sometimes with '$' tails. */
        static const char flavors[] = "jjjj./";
        char setting[700];
        size_t n = 0;
        memcpy(setting, "$gy$", 4);
        n = 4;
        setting[n++] = below(8) == 0 ? a64[below(64)] : flavors[below(sizeof flavors - 1)];
        setting[n++] = below(8) == 0 ? a64[below(64)] : a64[1 + below(7)];
        setting[n++] = below(8) == 0 ? a64[below(64)] : a64[below(8)];
        if (below(4) == 0) {
            unsigned mask = 1 + (unsigned)below(3); /* p, t or both */
            setting[n++] = a64[mask - 1];
            if (mask & 1) setting[n++] = a64[below(3)];
            if (mask & 2) setting[n++] = a64[below(3)];
        }
        if (below(10) != 0) setting[n++] = '$';
        size_t slen = below(4) == 0 ? below(91) : below(24);
        /* Mostly whole groups of four characters: a shorter last group is
         * refused unless its unused bits happen to be zero. */
        if (below(4) != 0) slen -= slen % 4;
        for (size_t k = 0; k < slen; ++k) setting[n++] = a64[below(64)];
        if (below(5) == 0) {
            setting[n++] = '$';
            size_t tail = below(6);
            for (size_t k = 0; k < tail; ++k) setting[n++] = a64[below(64)];
        }
        setting[n] = 0;
        /* Mangle a third: a random byte replaced, or the setting cut short. */
        if (below(3) == 0) {
            size_t at = below(n);
            if (below(2) == 0)
                setting[at] = (char)(1 + below(255));
            else
                setting[at] = 0;
        }
        errno = 0;
        char* r = crypt_r(phrase, setting, &data);
        printf("%ld %s %d\n", i, r, r[0] == '*' ? errno : 0);
        fflush(stdout);
    }
    return 0;
}
