// crypt with the small legacy methods, as Debian's libcrypt (libxcrypt
// 4.4.33) answers: NT ($3$), sha1crypt ($sha1$) and sunmd5 ($md5). Every
// expected hash below was computed by libxcrypt.
#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

struct known_answer {
    const char* phrase;
    const char* setting;
    const char* hash;
};

static const struct known_answer answers[] = {
    // NT: MD4 of the phrase's bytes as UTF-16LE code units; no salt, the
    // rest of the setting ignored. The 70-byte phrase spans three MD4 blocks.
    {"password", "$3$",
     "$3$$8846f7eaee8fb117ad06bdd830b7586c"},
    {"", "$3$",
     "$3$$31d6cfe0d16ae931b73c59d7e0c089c0"},
    {"password", "$3$abcdef",
     "$3$$8846f7eaee8fb117ad06bdd830b7586c"},
    {"\xc3\xa9t\xc3\xa9", "$3$",
     "$3$$08d99d1c849800a7919753af1dea415d"},
    {"0123456789012345678901234567890123456789012345678901234567890123456789", "$3$",
     "$3$$d4bc9a81fc7951ad9c3994c1aa4e5ad9"},
    {"password", "$sha1$1$abc",
     "$sha1$1$abc$8GM5i5Jm9uBPhbv5S2Gh3aSkRAre"},
    {"password", "$sha1$0$abc",
     "$sha1$0$abc$NJ6LX3hlXLhrwFNSgz.6avGKQFD0"},
    {"password", "$sha1$$abc",
     "$sha1$0$abc$NJ6LX3hlXLhrwFNSgz.6avGKQFD0"},
    {"password", "$sha1$+3$salt$",
     "$sha1$3$salt$NIAqx41kaCMhZ25DsnGCRbb9MnOq"},
    {"password", "$sha1$25$saltsaltsalt$hashignored",
     "$sha1$25$saltsaltsalt$mHoYV0.Dd4ZFXaCltK50ot.KHmzn"},
    {"", "$sha1$2$x",
     "$sha1$2$x$xuVu0m550KkmE6tmgb7TWkunezI0"},
    {"a phrase longer than sixty-four bytes, which HMAC first hashes to a key", "$sha1$7$KdhUmCKvU7TuTgu6",
     "$sha1$7$KdhUmCKvU7TuTgu6$FN6lP4d9z0nFoOTPBW2Qz2Qm2Hc8"},
    {"password", "$md5$",
     "$md5$$llcQt2H/OVQCpQFhfcdcD."},
    {"password", "$md5$abc",
     "$md5$abc$cqWooU4A6T51.n3LJSiHS."},
    {"password", "$md5,rounds=1$abc$",
     "$md5,rounds=1$abc$$b4jnmjFDtjahuWfkWl/9K0"},
    {"password", "$md5$abc$",
     "$md5$abc$$X04WY3oNZzHPP8m7BDaa6/"},
    {"password", "$md5$abc$$",
     "$md5$abc$$X04WY3oNZzHPP8m7BDaa6/"},
    {"password", "$md5,rounds=100$saltstring$oldhash",
     "$md5,rounds=100$saltstring$8nQbX.VH6cN7I.Czd7X1.1"},
    {"", "$md5,abc",
     "$md5,abc$1WeC0jyXYs9XZBgZjf0JC."},
    {"password", "$md5$rounds=5$x$$",
     "$md5$rounds=5$x$$WANr.8zeBfJvnQCMAl2IR."},
};

// Settings refused with the failure token and EINVAL.
static const char* const refused[] = {
    "$3",                // not "$3$"
    "$sha1", "$sha1$",   // no count
    "$sha1$1",           // no '$' after the count
    "$sha1$1$",          // an empty salt
    "$sha1$x$abc",       // not a number
    "$sha1$+$abc",       // a sign and no digits
    "$sha1$1$ab,c",      // a salt character outside the crypt alphabet
    "$md5", "$md5x",     // neither '$' nor ',' after "$md5"
    "$md5$rounds=0$x",   // an explicit zero
    "$md5$rounds=01$x",  // a leading zero
    "$md5$rounds=$x",
    "$md5,rounds=1,x",   // the count ends with '$' only
    "$md5$rounds=4294967296$x",  // above 2^32 - 1
    "$md5$ab,c",
};

static void check_answer(const struct known_answer* answer) {
    struct crypt_data data;
    memset(&data, 0, sizeof data);
    CHECK_STREQ(crypt_r(answer->phrase, answer->setting, &data), answer->hash);
    CHECK_STREQ(crypt(answer->phrase, answer->setting), answer->hash);
    // A stored hash is its own setting.
    CHECK_STREQ(crypt(answer->phrase, answer->hash), answer->hash);
    int size = (int)sizeof data;
    void* area = NULL;
    CHECK_STREQ(crypt_ra(answer->phrase, answer->setting, &area, &size), answer->hash);
    free(area);
}

int main(void) {
    for (size_t i = 0; i < sizeof answers / sizeof answers[0]; ++i) check_answer(&answers[i]);
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; ++i) {
        errno = 0;
        CHECK_STREQ(crypt("password", refused[i]), "*0");
        CHECK_EQ(errno, EINVAL);
        struct crypt_data data;
        errno = 0;
        CHECK(crypt_rn("password", refused[i], &data, (int)sizeof data) == NULL);
        CHECK_EQ(errno, EINVAL);
    }
    // The methods are legacy ones: crypt_checksalt says so.
    CHECK_EQ(crypt_checksalt("$3$"), CRYPT_SALT_METHOD_LEGACY);
    CHECK_EQ(crypt_checksalt("$sha1$1$abc"), CRYPT_SALT_METHOD_LEGACY);
    CHECK_EQ(crypt_checksalt("$md5$abc"), CRYPT_SALT_METHOD_LEGACY);
    // And crypt_gensalt's settings for them hash.
    static const char* const prefixes[] = {"$3$", "$sha1", "$md5"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; ++i) {
        char setting[CRYPT_GENSALT_OUTPUT_SIZE];
        // A small count for sha1crypt, so the test stays quick (sunmd5's
        // count is at least 32768 plus a random part: about 0.1 s).
        CHECK(crypt_gensalt_rn(prefixes[i], i == 1 ? 100 : 0, NULL, 0, setting, sizeof setting) != NULL);
        const char* hash = crypt("password", setting);
        CHECK(hash[0] == '$');
        CHECK_STREQ(crypt("password", hash), hash);
    }
    return 0;
}
