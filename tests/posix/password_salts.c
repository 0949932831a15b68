// crypt_gensalt, crypt_gensalt_rn, crypt_gensalt_ra, crypt_checksalt and
// crypt_preferred_method as Debian's libcrypt (libxcrypt 4.4.33) answers.
// Every expected setting and refusal below was produced by libxcrypt from
// the same random bytes.
#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

static const char random_bytes[200] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij";

struct generated {
    const char* prefix;
    unsigned long count;
    int nrbytes;
    int output_size;
    const char* setting;
};

static const struct generated generated[] = {
    // yescrypt: cost 1-11 (5 by default) in the N and r characters, the
    // salt every random byte given, up to 64.
    {"$y$", 0UL, 16, 192, "$y$j9T$k2XAnEHBqQ1Ct2aMXFKNa/"},
    {"$y$", 1UL, 16, 192, "$y$j75$k2XAnEHBqQ1Ct2aMXFKNa/"},
    {"$y$", 11UL, 64, 192,
     "$y$jFT$k2XAnEHBqQ1Ct2aMXFKNaR4OddqOgpaPj/LQmB5RpNrRsZbS/7oE2JYF5VIG8h2HBtoHE3ZIHFJJKR3KNd3Al."},
    {"$y$", 11UL, 90, 192,
     "$y$jFT$k2XAnEHBqQ1Ct2aMXFKNaR4OddqOgpaPj/LQmB5RpNrRsZbS/7oE2JYF5VIG8h2HBtoHE3ZIHFJJKR3KNd3Al."},
    {"$y$", 2UL, 17, 192, "$y$j85$k2XAnEHBqQ1Ct2aMXFKNaR4"},
    {"$y$", 0UL, 16, 75, "$y$j9T$k2XAnEHBqQ1Ct2aMXFKNa/"},
    {"$gy$", 0UL, 16, 192, "$gy$j9T$k2XAnEHBqQ1Ct2aMXFKNa/"},
    {"$gy$", 0UL, 16, 76, "$gy$j9T$k2XAnEHBqQ1Ct2aMXFKNa/"},
    {"$7$", 0UL, 16, 192, "$7$CU..../....k2XAnEHBqQ1Ct2aMXFKNa/"},
    {"$7$", 11UL, 20, 192, "$7$GU..../....k2XAnEHBqQ1Ct2aMXFKNaR4Odd4"},
    {"$7$", 0UL, 16, 37, "$7$CU..../....k2XAnEHBqQ1Ct2aMXFKNa/"},
    {"$2b$", 0UL, 16, 192, "$2b$05$KBCwKxOzLha2MUDgW0PjXe"},
    {"$2a$", 12UL, 16, 192, "$2a$12$KBCwKxOzLha2MUDgW0PjXe"},
    {"$2y$", 31UL, 16, 192, "$2y$31$KBCwKxOzLha2MUDgW0PjXe"},
    // sha512crypt/sha256crypt: rounds clamped to 1000..999999999, left out
    // at the default 5000; 4 characters per 3 bytes, never the last 3 given.
    {"$6$", 0UL, 15, 192, "$6$k2XAnEHBqQ1Ct2aM"},
    {"$6$", 5000UL, 100, 192, "$6$k2XAnEHBqQ1Ct2aM"},
    {"$6$", 1000UL, 3, 192, "$6$rounds=1000$"},
    {"$6$", 1UL, 4, 192, "$6$rounds=1000$k2XA"},
    {"$6$", 20000UL, 15, 192, "$6$rounds=20000$k2XAnEHBqQ1Ct2aM"},
    {"$5$", 999999999999UL, 15, 192, "$5$rounds=999999999$k2XAnEHBqQ1Ct2aM"},
    {"$5$", 0UL, 6, 192, "$5$k2XA"},
    {"$6$", 0UL, 15, 13, "$6$k2XAnEHB"},
    {"$6$", 0UL, 15, 9, "$6$k2XA"},
    {"$1$", 0UL, 9, 192, "$1$k2XAnEHB"},
    // A prefix is matched by its start: the rest is ignored.
    {"$6$rounds=9000$abc", 0UL, 15, 192, "$6$k2XAnEHBqQ1Ct2aM"},
    {"$sha1", 0UL, 20, 192, "$sha1$249552$qI1BtUnBX7KMaJ4NdVqN$"},
    {"$sha1", 5UL, 40, 192, "$sha1$5$qI1BtUnBX7KMaJ4NdVqNghaOjtKPm35QpFrQsRbR/dLS$"},
    {"$sha1", 0UL, 20, 43, "$sha1$249552$qI1BtUnBX7KMaJ4NdVqN$"},
    {"$md5", 0UL, 8, 192, "$md5,rounds=45105$mA1BpMnB$"},
    {"$md5", 5000000000UL, 8, 192, "$md5,rounds=4294914096$mA1BpMnB$"},
    {"$3$", 0UL, 1, 192, "$3$"},
    {"_", 0UL, 3, 192, "_J9..k2XA"},
    {"_", 16777216UL, 3, 192, "_zzzzk2XA"},
    // DES: an empty prefix or any two salt characters.
    {"", 0UL, 2, 192, "kl"},
    {"ab", 0UL, 2, 192, "kl"},
};

struct refused {
    const char* prefix;
    unsigned long count;
    int nrbytes;
    int output_size;
    int error;
};

static const struct refused refusals[] = {
    {"$y$", 12UL, 16, 192, EINVAL},    // cost above 11
    {"$y$", 0UL, 15, 192, EINVAL},     // fewer than 16 random bytes
    {"$y$", 0UL, 16, 74, ERANGE},      // output too small
    {"$gy$", 0UL, 16, 75, ERANGE},
    {"$gy$", 12UL, 16, 192, EINVAL},
    {"$7$", 5UL, 16, 192, EINVAL},     // scrypt's cost is 6..11
    {"$7$", 12UL, 16, 192, EINVAL},
    {"$7$", 0UL, 15, 192, EINVAL},
    {"$7$", 0UL, 16, 36, ERANGE},
    {"$2b$", 3UL, 16, 192, EINVAL},    // bcrypt's cost is 4..31
    {"$2b$", 32UL, 16, 192, EINVAL},
    {"$2a$", 0UL, 15, 192, EINVAL},
    {"$2y$", 0UL, 16, 29, ERANGE},
    {"$2x$", 0UL, 16, 192, EINVAL},    // for old hashes only
    {"$6$", 0UL, 2, 192, EINVAL},
    {"$6$", 0UL, 15, 7, ERANGE},
    {"$5$", 1001UL, 15, 19, ERANGE},
    {"$1$", 1UL, 9, 192, EINVAL},      // md5crypt has no count
    {"$1$", 0UL, 9, 7, ERANGE},
    {"$sha1", 0UL, 15, 192, EINVAL},
    {"$sha1", 0UL, 20, 39, ERANGE},
    {"$md5", 0UL, 7, 192, EINVAL},
    {"$md5", 0UL, 8, 32, ERANGE},
    {"$3$", 1UL, 1, 192, EINVAL},
    {"$3$", 0UL, 1, 3, ERANGE},
    {"_", 0UL, 2, 192, EINVAL},
    {"_", 0UL, 3, 9, ERANGE},
    {"", 1UL, 2, 192, EINVAL},         // DES has no count
    {"", 0UL, 1, 192, EINVAL},
    {"$9$", 0UL, 16, 192, EINVAL},     // unknown prefixes
    {"a", 0UL, 16, 192, EINVAL},
    {"*0", 0UL, 16, 192, EINVAL},
    {"$", 0UL, 16, 192, EINVAL},
    {"$2$", 0UL, 16, 192, EINVAL},
    {"$6$", 0UL, 15, 2, ERANGE},       // less than the shortest setting
};

static void check_generated(const struct generated* g) {
    char output[400];
    errno = 0;
    CHECK_STREQ(crypt_gensalt_rn(g->prefix, g->count, random_bytes, g->nrbytes, output, g->output_size), g->setting);
    CHECK_EQ(errno, 0);
    if (strlen(g->setting) < CRYPT_GENSALT_OUTPUT_SIZE && g->output_size >= CRYPT_GENSALT_OUTPUT_SIZE) {
        CHECK_STREQ(crypt_gensalt(g->prefix, g->count, random_bytes, g->nrbytes), g->setting);
        char* allocated = crypt_gensalt_ra(g->prefix, g->count, random_bytes, g->nrbytes);
        CHECK_STREQ(allocated, g->setting);
        free(allocated);
    }
}

static void check_refused(const struct refused* r) {
    char output[400];
    memset(output, '#', sizeof output);
    errno = 0;
    CHECK(crypt_gensalt_rn(r->prefix, r->count, random_bytes, r->nrbytes, output, r->output_size) == NULL);
    CHECK_EQ(errno, r->error);
    // The failure token, cut to the room given.
    CHECK_STREQ(output, r->output_size >= 3 ? "*0" : r->output_size == 2 ? "*" : "");
    if (r->output_size >= CRYPT_GENSALT_OUTPUT_SIZE) {
        errno = 0;
        CHECK(crypt_gensalt(r->prefix, r->count, random_bytes, r->nrbytes) == NULL);
        CHECK_EQ(errno, r->error);
        errno = 0;
        CHECK(crypt_gensalt_ra(r->prefix, r->count, random_bytes, r->nrbytes) == NULL);
        CHECK_EQ(errno, r->error);
    }
}

static int all_in(const char* text, const char* alphabet) { return strspn(text, alphabet) == strlen(text); }

static const char crypt_alphabet[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// With no random bytes given, the kernel's: the format is the method's,
// and two settings differ (the chance that they do not is at most 2^-12,
// DES's two characters; the check allows three tries for those).
struct drawn {
    const char* prefix;
    const char* start;  // what every setting starts with
    size_t size;        // its length, 0 if it varies
    const char* salt_alphabet;
};

static const char bcrypt_alphabet[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

static const struct drawn drawn[] = {
    {NULL, "$y$j9T$", 29, crypt_alphabet},    {"$y$", "$y$j9T$", 29, crypt_alphabet},
    {"$gy$", "$gy$j9T$", 30, crypt_alphabet}, {"$7$", "$7$CU..../....", 36, crypt_alphabet},
    {"$2b$", "$2b$05$", 29, bcrypt_alphabet}, {"$2a$", "$2a$05$", 29, bcrypt_alphabet},
    {"$2y$", "$2y$05$", 29, bcrypt_alphabet}, {"$6$", "$6$", 19, crypt_alphabet},
    {"$5$", "$5$", 19, crypt_alphabet},       {"$1$", "$1$", 11, crypt_alphabet},
    {"$sha1", "$sha1$", 0, NULL},             {"$md5", "$md5,rounds=", 0, NULL},
    {"_", "_J9..", 9, crypt_alphabet},        {"", "", 2, crypt_alphabet},
};

static void check_drawn(const struct drawn* d) {
    char first[CRYPT_GENSALT_OUTPUT_SIZE], second[CRYPT_GENSALT_OUTPUT_SIZE];
    int differed = 0;
    for (int attempt = 0; attempt < 3 && !differed; ++attempt) {
        // nrbytes is ignored when rbytes is NULL.
        CHECK(crypt_gensalt_rn(d->prefix, 0, NULL, 0, first, sizeof first) == first);
        CHECK(crypt_gensalt_rn(d->prefix, 0, NULL, -7, second, sizeof second) == second);
        differed = strcmp(first, second) != 0;
    }
    CHECK(differed);
    CHECK(strncmp(first, d->start, strlen(d->start)) == 0);
    if (d->size != 0) {
        CHECK_EQ(strlen(first), d->size);
        CHECK(all_in(first + strlen(d->start), d->salt_alphabet));
    }
    // What crypt_gensalt gives, crypt_checksalt takes (libxcrypt's
    // "strong" methods OK, the others legacy).
    int verdict = crypt_checksalt(first);
    CHECK(verdict == CRYPT_SALT_OK || verdict == CRYPT_SALT_METHOD_LEGACY);
}

// The md5 and sha1 methods hide random bits in their count: check that
// format by hand.
static void check_drawn_counts(void) {
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    CHECK(crypt_gensalt_rn("$md5", 0, NULL, 0, setting, sizeof setting) != NULL);
    char* end;
    unsigned long rounds = strtoul(setting + strlen("$md5,rounds="), &end, 10);
    CHECK(rounds >= 32768 && rounds <= 32768 + 65535);
    CHECK_EQ(strlen(end), 10);
    CHECK(end[0] == '$' && end[9] == '$');
    CHECK(crypt_gensalt_rn("$sha1", 0, NULL, 0, setting, sizeof setting) != NULL);
    rounds = strtoul(setting + strlen("$sha1$"), &end, 10);
    CHECK(rounds > 262144 - 65536 && rounds <= 262144);
    CHECK_EQ(strlen(end), 22);
    CHECK(end[0] == '$' && end[21] == '$');
    CHECK_STREQ(crypt_gensalt_rn("$3$", 0, NULL, 0, setting, sizeof setting), "$3$");
}

struct checked {
    const char* setting;
    int verdict;
};

static const struct checked checked[] = {
    {"$y$", CRYPT_SALT_OK},
    {"$y$j9T$abc", CRYPT_SALT_OK},
    {"$7$", CRYPT_SALT_OK},
    {"$2b$", CRYPT_SALT_OK},
    {"$2a$05$x", CRYPT_SALT_OK},
    {"$2y$", CRYPT_SALT_OK},
    {"$6$", CRYPT_SALT_OK},
    {"$6$rounds=10$x", CRYPT_SALT_OK},  // parameters are not looked at
    {"$5$", CRYPT_SALT_METHOD_LEGACY},
    {"$1$", CRYPT_SALT_METHOD_LEGACY},
    {"$sha1", CRYPT_SALT_METHOD_LEGACY},
    {"$md5", CRYPT_SALT_METHOD_LEGACY},
    {"$md5x", CRYPT_SALT_METHOD_LEGACY},  // the prefix alone is judged
    {"$3$", CRYPT_SALT_METHOD_LEGACY},
    {"_", CRYPT_SALT_METHOD_LEGACY},
    {"_x", CRYPT_SALT_METHOD_LEGACY},
    {"ab", CRYPT_SALT_METHOD_LEGACY},
    {"..", CRYPT_SALT_METHOD_LEGACY},
    {"MN............", CRYPT_SALT_METHOD_LEGACY},
    {"", CRYPT_SALT_INVALID},
    {"a", CRYPT_SALT_INVALID},
    {"A%", CRYPT_SALT_INVALID},
    {"$@", CRYPT_SALT_INVALID},
    {"$2$", CRYPT_SALT_INVALID},
    {"$2c$", CRYPT_SALT_INVALID},
    {"$9$", CRYPT_SALT_INVALID},
    {"$1", CRYPT_SALT_INVALID},
    {"*0", CRYPT_SALT_INVALID},
    {"*1", CRYPT_SALT_INVALID},
    {"!!", CRYPT_SALT_INVALID},
    {"$6$a:b", CRYPT_SALT_INVALID},  // characters no setting may hold
    {"$6$a b", CRYPT_SALT_INVALID},
    {"$6$a;b", CRYPT_SALT_INVALID},
    {"$6$a\\b", CRYPT_SALT_INVALID},
    {"$6$\x7f", CRYPT_SALT_INVALID},
    {"$6$\xc3\xa9", CRYPT_SALT_INVALID},
    {"\x01\x01", CRYPT_SALT_INVALID},
    {"$2x$", CRYPT_SALT_METHOD_LEGACY},  // bcrypt's old sign-extension bug, kept for old hashes
    {"$2x$05$abc", CRYPT_SALT_METHOD_LEGACY},
    {"$gy$", CRYPT_SALT_OK},
    {"$gy$j9T$abc", CRYPT_SALT_OK},
};

int main(void) {
    for (size_t i = 0; i < sizeof generated / sizeof generated[0]; ++i) check_generated(&generated[i]);
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; ++i) check_refused(&refusals[i]);

    // No room at all: nothing is written.
    char untouched[4] = "###";
    errno = 0;
    CHECK(crypt_gensalt_rn("$6$", 0, random_bytes, 15, untouched, 0) == NULL);
    CHECK_EQ(errno, ERANGE);
    CHECK_STREQ(untouched, "###");
    CHECK(crypt_gensalt_rn("$6$", 0, random_bytes, 15, untouched, -1) == NULL);
    CHECK_STREQ(untouched, "###");

    // The static area is one, the same each call.
    char* static_area = crypt_gensalt("$6$", 0, random_bytes, 15);
    CHECK(static_area == crypt_gensalt("$5$", 0, random_bytes, 15));
    CHECK_STREQ(static_area, "$5$k2XAnEHBqQ1Ct2aM");

    for (size_t i = 0; i < sizeof drawn / sizeof drawn[0]; ++i) check_drawn(&drawn[i]);
    check_drawn_counts();
    char* allocated = crypt_gensalt_ra(NULL, 0, NULL, 0);
    CHECK(allocated != NULL && strncmp(allocated, "$y$j9T$", 7) == 0);
    free(allocated);

    // A setting from crypt_gensalt, at each method's default cost, is one
    // crypt takes: the hash starts with it and goes on.
    static const char* const hashed_prefixes[] = {"$y$", "$gy$", "$7$", "$2b$", "$2a$", "$2y$", "$6$", "$5$",
                                                  "$sha1", "$md5", "$1$", "$3$", "_", ""};
    for (size_t i = 0; i < sizeof hashed_prefixes / sizeof hashed_prefixes[0]; ++i) {
        char setting[CRYPT_GENSALT_OUTPUT_SIZE];
        CHECK(crypt_gensalt_rn(hashed_prefixes[i], 0, NULL, 0, setting, sizeof setting) != NULL);
        const char* hash = crypt("password", setting);
        CHECK(hash[0] != '*' && strncmp(hash, setting, strlen(setting)) == 0 && strlen(hash) > strlen(setting));
    }

    CHECK_STREQ(crypt_preferred_method(), "$y$");
    CHECK_EQ(crypt_checksalt(NULL), CRYPT_SALT_INVALID);
    for (size_t i = 0; i < sizeof checked / sizeof checked[0]; ++i)
        CHECK_EQ(crypt_checksalt(checked[i].setting), checked[i].verdict);
    return 0;
}
