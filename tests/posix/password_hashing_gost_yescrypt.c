// crypt's gost-yescrypt method ("$gy$"): answers and refusals as Debian's
// libcrypt (libxcrypt 4.4.33) gives them. Every expected hash below was
// computed by libxcrypt. A "$gy$" setting is a "$y$" setting with another
// prefix (see password_hashing_yescrypt.c for its parameters); the hash is
// yescrypt's passed through two HMACs over GOST R 34.11-2012 (Streebog,
// 256 bits), keyed first by the phrase's Streebog digest: phrases of 63,
// 64 and 511 bytes, and a 64-byte salt (a setting longer than Streebog's
// block), reach every path of the digest's padding.
#include <crypt.h>
#include <errno.h>
#include <string.h>

#include "../integration/check.h"

struct known_answer {
    const char* phrase;
    const char* setting;
    const char* hash;
};

// 511 bytes, the longest phrase crypt takes; 64 and 63 bytes, one
// Streebog block and one byte short of it. Filled by main.
static char long_phrase[512];
static char block_phrase[65];
static char short_block_phrase[64];

static const struct known_answer answers[] = {
    // Debian's yescrypt cost with the gost prefix (N = 4096, r = 32).
    {"password", "$gy$j9T$F5Jx5fExrKuPp53xLKQ..1",
     "$gy$j9T$F5Jx5fExrKuPp53xLKQ..1$Dogv.jai3UfiqXFIeQV0FWiA2xx/QPuuov.EGnMByDD"},
    // An empty salt; a trailing "$"; text after the last '$' (not echoed).
    {"password", "$gy$j7T$", "$gy$j7T$$XE/ENKe9LhhaJwyMpSDSYkIdkZVzEobqxwv5vasSC59"},
    {"password", "$gy$j7T$abcd$", "$gy$j7T$abcd$ZeGaKaBh.vwSU9L6Gh99EiRWkQhR7Dtiw3uqKPu6hz2"},
    {"password", "$gy$j/.$abcd$xyz", "$gy$j/.$abcd$ofxMeP.pNUo6xe9U9NjZ.nldB5ZuodsXaeBWPH4S8M0"},
    // RW with N = 4, an empty phrase; N = 256, r = 4, t = 1.
    {"", "$gy$j/.$abcd", "$gy$j/.$abcd$7HlwUlrv0F9YwS/DhlOQXRhvYYkZZQQM02EHnP/sk8."},
    {"x", "$gy$j75/.$Gn4fc5Wd", "$gy$j75/.$Gn4fc5Wd$i0zuTnrCzHALFzxa/gkZbLGVhkcnPMvEQOo24wml6o7"},
    // Classic scrypt and WORM flavors, which gost-yescrypt takes too.
    {"password", "$gy$./.$abcd", "$gy$./.$abcd$Ske5TWfX5spLV49AHXsb0Fywfvm6ExnZIOYGGYM8PY4"},
    {"password", "$gy$//.$abcd", "$gy$//.$abcd$xz4aArnWtRWLp6L3q5FBJsrm6kBVSZc.x2PYBD05lZ9"},
    // Bytes outside ASCII.
    {"\xff\x80 phrase", "$gy$j7T$QF3hhuK8pb4U0lKcGMp3P.",
     "$gy$j7T$QF3hhuK8pb4U0lKcGMp3P.$A.3ekOP23kikp0vKodDBnsz3FUKil/gvVK.CZ7JiJc6"},
    {long_phrase, "$gy$j7T$abcd", "$gy$j7T$abcd$.xKLYbXinbt.i43aBjNi4xZbUEBbNF30dfW1YgduOe7"},
    {block_phrase, "$gy$j7T$abcd", "$gy$j7T$abcd$q7wAl.EZrtwA/g7cTtTjyA5rfz1GvyM2gP9n//6ZQOC"},
    {short_block_phrase, "$gy$j7T$abcd", "$gy$j7T$abcd$susQZl8u.5Vv.SYej5Inj4BRCD8Rigf7B88WSKWfEG6"},
    {"password",
     "$gy$j7T$16BGLQVafkpuz27CHMRWbglqv.38DINSXchmrw/49EJOTYdinsx05AFKPUZejoty16BGLQVafkpuz27CHMRWb.",
     "$gy$j7T$16BGLQVafkpuz27CHMRWbglqv.38DINSXchmrw/49EJOTYdinsx05AFKPUZejoty16BGLQVafkpuz27CHMRWb.$"
     "5pAVBby4QCfljSEPUch7FPUmwO6.n7wWRvhbCycrfID"},
};

// Settings libxcrypt refuses with "*0" and EINVAL: those yescrypt refuses.
static const char* const refused[] = {
    // Cut short, no '$' before the salt, a salt of one character.
    "$gy$", "$gy$j7T", "$gy$jT$abc", "$gy$j7T$a", "$gy$j7T5/$abcd",
    // Another flavor; N = 2; g given; a 65-byte salt.
    "$gy$k7T$abcd", "$gy$j..$abcd", "$gy$j551.$abcd", "$gy$j7T$ab#d",
    "$gy$j7T$16BGLQVafkpuz27CHMRWbglqv.38DINSXchmrw/49EJOTYdinsx05AFKPUZejoty16BGLQVafkpuz27CHMRWbgl",
    // N = 2^64.
    "$gy$jz.$abcd",
};

static void check_answer(const struct known_answer* answer) {
    struct crypt_data data;
    memset(&data, 0, sizeof data);
    CHECK_STREQ(crypt_r(answer->phrase, answer->setting, &data), answer->hash);
    // A stored hash is its own setting.
    CHECK_STREQ(crypt(answer->phrase, answer->hash), answer->hash);
    CHECK_STREQ(crypt_rn(answer->phrase, answer->hash, &data, sizeof data), answer->hash);
}

int main(void) {
    for (int i = 0; i < 511; ++i) long_phrase[i] = (char)(' ' + 1 + (i * 7) % 94);
    memset(block_phrase, 'q', 64);
    memset(short_block_phrase, 'q', 63);
    for (size_t i = 0; i < sizeof answers / sizeof answers[0]; ++i) check_answer(&answers[i]);
    // Not yescrypt's hash of the same setting, and a different phrase differs.
    CHECK(strcmp(crypt("password", "$y$j7T$abcd$") + 1, answers[2].hash + 2) != 0);
    CHECK(strcmp(crypt("passwore", answers[0].setting), answers[0].hash) != 0);

    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; ++i) {
        errno = 0;
        CHECK_STREQ(crypt("password", refused[i]), "*0");
        CHECK_EQ(errno, EINVAL);
        struct crypt_data data;
        memset(&data, 0, sizeof data);
        errno = 0;
        CHECK(crypt_rn("password", refused[i], &data, sizeof data) == NULL);
        CHECK_EQ(errno, EINVAL);
        CHECK_STREQ(data.output, "*0");
    }

    // The whole setting and a hash after it must fit the 384-byte answer
    // area: 339 characters are hashed (the salt ends at the last '$'), 340
    // refused with ERANGE.
    char setting[400] = "$gy$j7T$abcd$";
    size_t length = strlen(setting);
    while (length < 339) setting[length++] = 'x';
    setting[length] = '\0';
    CHECK_STREQ(crypt("password", setting), answers[2].hash);
    setting[length++] = 'x';
    setting[length] = '\0';
    errno = 0;
    CHECK_STREQ(crypt("password", setting), "*0");
    CHECK_EQ(errno, ERANGE);

    // crypt_checksalt: a strong method.
    CHECK_EQ(crypt_checksalt("$gy$"), CRYPT_SALT_OK);
    CHECK_EQ(crypt_checksalt("$gy$j9T$abc"), CRYPT_SALT_OK);
    CHECK_EQ(crypt_checksalt("$gy$j9T$a:c"), CRYPT_SALT_INVALID);

    // crypt_gensalt's "$gy$" settings are hashed.
    char* generated = crypt_gensalt("$gy$", 1, "0123456789abcdef", 16);
    CHECK(generated != NULL);
    CHECK_STREQ(generated, "$gy$j75$k2XAnEHBqQ1Ct2aMXFKNa/");
    char generated_setting[CRYPT_GENSALT_OUTPUT_SIZE];
    strcpy(generated_setting, generated);
    const char* hash = crypt("password", generated_setting);
    CHECK(strncmp(hash, generated_setting, strlen(generated_setting)) == 0);
    CHECK_EQ(strlen(hash), strlen(generated_setting) + 1 + 43);
    return 0;
}
