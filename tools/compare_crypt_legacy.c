/* Differential comparison of crypt_r for NT ($3$), sha1crypt ($sha1$) and
 * sunmd5 ($md5) between libxcrypt and lwp (figures in docs/libc.md's
 * "password hashing" row): random phrases and settings, the answer and errno
 * one a line.
 *
 *   gcc -O1 tools/compare_crypt_legacy.c -o /tmp/ref -lcrypt
 *   build/bin/lwp-cc -O1 tools/compare_crypt_legacy.c -o /tmp/lwp
 *   /tmp/ref 12000 > /tmp/ref.txt; /tmp/lwp 12000 > /tmp/lwp.txt
 *   diff /tmp/ref.txt /tmp/lwp.txt
 */
#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static unsigned long long state = 0x9E3779B97F4A7C15ULL;
static unsigned long long next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
static unsigned long below(unsigned long n) { return (unsigned long)(next() % n); }
static const char a64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
static void salt(char* s, size_t n) { for (size_t i = 0; i < n; ++i) s[i] = a64[below(64)]; s[n] = 0; }
int main(int argc, char** argv) {
    long cases = argc > 1 ? atol(argv[1]) : 1000;
    static struct crypt_data data;
    for (long i = 0; i < cases; ++i) {
        char phrase[600]; size_t plen = below(4) == 0 ? below(520) : below(40);
        int printable = below(2);
        for (size_t k = 0; k < plen; ++k) phrase[k] = printable ? (char)(0x20 + below(95)) : (char)(1 + below(255));
        phrase[plen] = 0;
        char setting[700], s[400];
        switch (below(3)) {
        case 0: // NT
            salt(s, below(10));
            snprintf(setting, sizeof setting, "$3$%s", below(4) ? "" : s);
            break;
        case 1: { // sha1crypt
            static const char* counts[] = {"0", "1", "2", "7", "+3", "-0", "", "01", "1x", "100"};
            const char* c = below(3) ? NULL : counts[below(10)];
            char cb[24]; if (!c) { snprintf(cb, sizeof cb, "%lu", below(1500)); c = cb; }
            salt(s, below(5) == 0 ? below(400) : 1 + below(20));
            snprintf(setting, sizeof setting, "$sha1$%s$%s%s", c, s, below(3) == 0 ? "$" : below(5) == 0 ? "$xyz" : "");
            break; }
        default: { // sunmd5
            static const char* heads[] = {"$md5$", "$md5,", "$md5", "$md5x"};
            const char* h = heads[below(4)];
            char r[40] = "";
            unsigned long kind = below(5);
            if (kind == 0) snprintf(r, sizeof r, "rounds=%lu$", below(300));
            else if (kind == 1) snprintf(r, sizeof r, "rounds=0%lu$", below(9));
            else if (kind == 2) snprintf(r, sizeof r, "rounds=%lu,", below(300));
            salt(s, below(6) == 0 ? below(380) : below(12));
            static const char* tails[] = {"", "$", "$$", "$abc", ",", "$$x"};
            snprintf(setting, sizeof setting, "%s%s%s%s", h, r, s, tails[below(6)]);
            break; }
        }
        // Some settings get a byte mangled.
        if (below(10) == 0) { size_t len = strlen(setting); if (len) setting[below(len)] = (char)(1 + below(255)); }
        memset(&data, 0, sizeof data);
        errno = 0;
        char* r = crypt_r(phrase, setting, &data);
        int e = errno;
        printf("%ld %s errno=%d\n", i, r, e);
    }
    return 0;
}
