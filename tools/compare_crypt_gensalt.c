/* Differential comparison of crypt_gensalt_rn/_ra/crypt_gensalt and
 * crypt_checksalt between libxcrypt and lwp (the figures in docs/libc.md's
 * "password hashing" row): the same pseudo-random tuples (prefix, count,
 * random bytes, nrbytes, output size, entry point) on both sides, one answer
 * a line; the settings that may hit libxcrypt's assertion run in a child,
 * recorded as ABORT.
 *
 *   gcc -O1 -D_GNU_SOURCE tools/compare_crypt_gensalt.c -o /tmp/ref -lcrypt
 *   build/bin/lwp-cc -O1 -D_GNU_SOURCE tools/compare_crypt_gensalt.c -o /tmp/lwp
 *   /tmp/ref 300000 > /tmp/ref.txt 2>/dev/null; /tmp/lwp 300000 > /tmp/lwp.txt
 *   diff /tmp/ref.txt /tmp/lwp.txt
 */
#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static unsigned long long state = 88172645463325252ULL;
static unsigned long long next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
static unsigned long below(unsigned long n) { return (unsigned long)(next() % n); }

static const char* prefixes[] = {NULL, "", "$y$", "$gy$", "$7$", "$2b$", "$2a$", "$2y$", "$2x$", "$6$", "$5$", "$1$",
    "$sha1", "$sha1$", "$md5", "$md5,", "$md5$", "$3$", "_", "ab", "./", "Zz", "a", "$", "$9$", "*0", "$2$", "$6", "$y",
    "$6$rounds=5000$abc", "$y$j9T$", "_J9..", "a$", "$sha", "$md", "$3", "!!", ":a", "$2c$", "$7", "$argon2id$", "$sm3$"};

static unsigned long pick_count(void) {
    switch (below(8)) {
    case 0: return 0;
    case 1: return below(40);
    case 2: return below(2000);
    case 3: { static const unsigned long edges[] = {999, 1000, 1001, 4999, 5000, 5001, 9999, 10000, 10001, 99999, 100000,
        999999999, 1000000000, 32767, 32768, 65535, 65536, 262144, 0xffffff, 0x1000000, 0xffffffffUL, 0x100000000UL,
        0xffffffffUL - 65536, 0xffffffffUL - 65535, 4, 5, 6, 7, 8, 11, 12, 31, 32, 3, 2, 1, 100, 1000000, (unsigned long)-1};
        return edges[below(sizeof edges / sizeof edges[0])]; }
    case 4: return below(300000);
    case 5: return next();
    case 6: return below(20000000);
    default: return next() >> below(64);
    }
}

static int pick_nrbytes(void) {
    switch (below(6)) {
    case 0: return (int)below(24);
    case 1: return (int)below(80);
    case 2: return (int)below(300);
    case 3: return -(int)below(5) - 1;
    case 4: return (int)(120 + below(20));
    default: return (int)below(70);
    }
}

static int pick_size(void) {
    switch (below(5)) {
    case 0: return (int)below(40) - 2;
    case 1: return (int)below(200);
    case 2: return 192;
    case 3: return (int)below(400);
    default: return (int)(20 + below(70));
    }
}

int main(int argc, char** argv) {
    long cases = argc > 1 ? atol(argv[1]) : 1000;
    static unsigned char rbytes[1024];
    static char output[1024];
    for (long i = 0; i < cases; ++i) {
        const char* prefix = prefixes[below(sizeof prefixes / sizeof prefixes[0])];
        unsigned long count = pick_count();
        int nrbytes = pick_nrbytes();
        int size = pick_size();
        int entry = (int)below(6);  // 0-3 rn, 4 ra, 5 plain
        for (size_t k = 0; k < sizeof rbytes; ++k) rbytes[k] = (unsigned char)next();
        // The sha-family settings at tight sizes may hit libxcrypt's
        // assertion: those run in a child, to record the abort.
        int risky = entry < 4 && size < 48 && size > 0;
        pid_t child = risky ? fork() : 0;
        if (child == 0) {
            memset(output, '#', sizeof output);
            errno = 0;
            char* answer;
            if (entry < 4)
                answer = crypt_gensalt_rn(prefix, count, (const char*)rbytes, nrbytes, output, size);
            else if (entry == 4)
                answer = crypt_gensalt_ra(prefix, count, (const char*)rbytes, nrbytes);
            else
                answer = crypt_gensalt(prefix, count, (const char*)rbytes, nrbytes);
            int saved = errno;
            printf("%ld %s|%lu|%d|%d|%d: ", i, prefix ? prefix : "NULL", count, nrbytes, size, entry);
            if (entry < 4)
                printf("%s errno=%d out=%.*s\n", answer ? "ok" : "NULL", answer ? 0 : saved,
                       size > 0 ? (int)strnlen(output, (size_t)size) : 3, output);
            else
                printf("%s errno=%d\n", answer ? answer : "NULL", answer ? 0 : saved);
            if (entry == 4) free(answer);
            if (risky) { fflush(stdout); _exit(0); }
        } else {
            int status;
            waitpid(child, &status, 0);
            if (!WIFEXITED(status))
                printf("%ld %s|%lu|%d|%d|%d: ABORT\n", i, prefix ? prefix : "NULL", count, nrbytes, size, entry);
        }
        fflush(stdout);
    }
    // crypt_checksalt over random settings: a known prefix or none, then
    // random characters (mostly the crypt alphabet, some any byte).
    for (long i = 0; i < cases / 2; ++i) {
        char setting[40];
        const char* prefix = prefixes[below(sizeof prefixes / sizeof prefixes[0])];
        size_t at = 0;
        if (prefix) { strcpy(setting, prefix); at = strlen(prefix); }
        size_t extra = below(12);
        for (size_t k = 0; k < extra && at < sizeof setting - 1; ++k) {
            unsigned long kind = below(10);
            setting[at++] = kind < 8 ? "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$,="[below(66)]
                                     : (char)(1 + below(255));
        }
        setting[at] = '\0';
        int nullsetting = below(50) == 0;
        printf("C %ld ", i);
        if (nullsetting) printf("NULL");
        for (size_t k = 0; !nullsetting && k < at; ++k)
            printf((unsigned char)setting[k] > 0x20 && (unsigned char)setting[k] < 0x7f ? "%c" : "\\x%02x", (unsigned char)setting[k]);
        printf(": %d\n", crypt_checksalt(nullsetting ? NULL : setting));
    }
    printf("preferred %s\n", crypt_preferred_method());
    return 0;
}
