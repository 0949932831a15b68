// crypt's yescrypt method ("$y$", Debian's default for /etc/shadow) and
// scrypt method ("$7$", the same core in its classic scrypt mode):
// answers and refusals as Debian's libcrypt (libxcrypt 4.4.33) gives them.
// Every expected hash below was computed by libxcrypt. A setting's
// parameters are yescrypt's variable-length base-64 numbers: flavor ("j"
// full yescrypt, "." classic scrypt, "/" scrypt with yescrypt's WORM
// changes), log2 N - 1, r - 1, then optionally a mask of further fields
// (1 p - 2, 2 t - 1, 4 g - 1, 8 log2 NROM - 1), '$' and the salt.
// A "$7$" setting has one character for log2 N, five each for r and p
// (6 bits a character from the lowest), then the salt as it is.
#include <crypt.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

struct known_answer {
    const char* phrase;
    const char* setting;
    const char* hash;
};

// 511 bytes, the longest phrase crypt takes; filled by main.
static char long_phrase[512];

static const struct known_answer answers[] = {
    // Debian's default cost (N = 4096, r = 32): large enough for the pre-hash pass.
    {"password", "$y$j9T$F5Jx5fExrKuPp53xLKQ..1",
     "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$tnSYvahCwPBHKZUspmcxMfb0.WiB9W.zEaKlOBL35rC"},
    // An empty salt; a trailing "$" (the salt ends at the last one).
    {"password", "$y$j7T$",
     "$y$j7T$$mBQ9XKEcfMuYxmA4IQKwanddXFt6vyeyes.Q3D9gUz5"},
    {"password", "$y$j7T$abcd$",
     "$y$j7T$abcd$SVtfn6BczZ6HAIhT7aFKBPxjKQbv6VCB9WNFLRlslK0"},
    // RW: N = 4 (the least); N = 64, r = 8, p = 3; N = 1024, r = 8, t = 2;
    // N = 256, r = 4, t = 1; N = 8192, r = 1; N = 32768, r = 8 (pre-hashed);
    // N = 4096, r = 8, p = 8.
    {"password", "$y$j/.$abcd",
     "$y$j/.$abcd$kvwIW8JO5bMyV8mldz/U6MGk/V1WBL84go8y6WzSib0"},
    {"password", "$y$j35./$abcd",
     "$y$j35./$abcd$FTT3QInSPAhC9Wq9FMnJvpXaEXIbTrFOOn6qtdC7Zz5"},
    {"password", "$y$j75//$abcd",
     "$y$j75//$abcd$ifgLbhOIJqOXV98rCOMlrkl0ZQY8Jx7aLOBUQAwW3b8"},
    {"password", "$y$j51/.$abcd",
     "$y$j51/.$abcd$67WfMee/u861jtDEfcjPqiy7VkF2c6ECMrcbkBgWD29"},
    {"password", "$y$jA.$J4ZUO2kG6lr7pEQ9",
     "$y$jA.$J4ZUO2kG6lr7pEQ9$By/7tM802CNKMqMKgbPfHtDUQQ8C82rF7WGk.tDoxv0"},
    {"password", "$y$jC5$abcdefgh",
     "$y$jC5$abcdefgh$Ur.KFmwb7ArcaV/y67xzjOhN5RwV0vjjE0UAxh.YwL5"},
    {"password", "$y$j95.4$abcd",
     "$y$j95.4$abcd$HkPfIbCF3HRfXsq47K7AR9kxW09Vu1cMqIk5g7.luu9"},
    // Classic scrypt: N = 4, r = 1; N = 512, r = 2, p = 3; N = 8192, r = 3.
    {"password", "$y$./.$abcd",
     "$y$./.$abcd$hyG2ZoTSug96s42YCwT8QxExBT5Xf/1STaoflhceRE6"},
    {"password", "$y$.6/./$abcd",
     "$y$.6/./$abcd$Blx3w9dxL3G6.JEV1FYkXK1w5C2vJdIAoK8yUJuwT54"},
    {"password", "$y$.A0$saltsalt",
     "$y$.A0$saltsalt$xf7dL.pYfE4H2Tzub6.0CqMRtWZT1uZwxNb9pmLT89B"},
    // WORM: N = 4, r = 1; N = 256, r = 4, t = 3; N = 512, r = 2, p = 2, t = 1.
    {"password", "$y$//.$abcd",
     "$y$//.$abcd$srQrXCbo2GZvU/vSuP12zzhq48MVgnuz5QVOlhuWlx2"},
    {"password", "$y$/51/0$abcd",
     "$y$/51/0$abcd$vIMkzrNK2agAPFAV/YQ.krGQhb3WBe2XMl6a932LJL5"},
    {"password", "$y$/6/0..$abcd",
     "$y$/6/0..$abcd$IArrZDrzl0AOTf/w0EB1UYWmGrlVD3x2TCgBrY2nHr1"},
    // Empty, non-ASCII and 511-byte phrases (classic scrypt takes the
    // phrase itself as HMAC key, digested first when over 64 bytes).
    {"", "$y$j7T$abcd",
     "$y$j7T$abcd$fPt7ju3sZAPFvvieHTEhgTfPVcebJ4UNkWJClwzNOA."},
    {"", "$y$.6/$abcd",
     "$y$.6/$abcd$oafC.qrcoceIgm2t8/MfNB69xZ1fxgYZWiTZS2E4Cl0"},
    {"\xff\x80p\xc3\xa4ss", "$y$j7T$abcd",
     "$y$j7T$abcd$MGfEQxsVV0M3U/589HLztAlHrzqAla5/lTquZwbbiy6"},
    {long_phrase, "$y$j7T$abcd",
     "$y$j7T$abcd$43TIbYddKy0WSM7/eANCCCvDLJ37MsmB4YNc/C7/MX0"},
    {long_phrase, "$y$.6/$abcd",
     "$y$.6/$abcd$LuBwrUIOkcPlTDRBivSLi4WCEuOi23bKIh7fNW4IBcA"},
    // A 64-byte salt, the most there can be.
    {"password", "$y$j7T$16BGLQVafkpuz27CHMRWbglqv.38DINSXchmrw/49EJOTYdinsx05AFKPUZejoty16BGLQVafkpuz27CHMRWb.",
     "$y$j7T$16BGLQVafkpuz27CHMRWbglqv.38DINSXchmrw/49EJOTYdinsx05AFKPUZejoty16BGLQVafkpuz27CHMRWb.$K6b5mbsx3fWVdwmOrJTYHxS3QLj3ZrAIHsIP/AjkCOB"},
    // scrypt: the published vector (N = 16384, r = 8, p = 1); N = 4 with
    // p = 2 and 1; '$' inside the salt; a character outside the alphabet
    // right after a '$' (allowed there); N = 8 with r = 2, p = 2; empty phrase.
    {"pleaseletmein", "$7$C6..../....SodiumChloride",
     "$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D"},
    {"password", "$7$06....0....", "$7$06....0....$NT37OH.IW8RfXbtzmfujBQHDyF4EyxbydyaEQ08Qni/"},
    {"password", "$7$06..../....ab", "$7$06..../....ab$Ua.U8Jk27HiBPTmz/d1lH03FP3aCvXusGxzFOQ0i8OC"},
    {"password", "$7$16....0....a$b$c", "$7$16....0....a$b$mf6efinKPgp4fqqPQmNDdQJr0mD5i7oRAtuOt2x1X3D"},
    {"password", "$7$06..../....salt$with$dollars$",
     "$7$06..../....salt$with$dollars$Qpg1MhzJtmJhbQQrV0ODHy5M6zxrt9mhqcMVxhc5QGC"},
    {"password", "$7$06....0....a$#c", "$7$06....0....a$BwormGmUYbhOaLRm6iSiWFqg9Dq6T8XS5x1u9qoj36."},
    {"password", "$7$2./.../....x", "$7$2./.../....x$kgQdn26ST79KPF4VhZ0jfQNrgB628CSE4snX42rDZb0"},
    {"", "$7$06..../....ab", "$7$06..../....ab$IiepuGYQ30TCSGa/5LtIi4XVMN8KVNbPZByMD0JFgm2"},
};

// Settings libxcrypt refuses with "*0" and EINVAL.
static const char* const refused[] = {
    // Flavors: RW with another pwxform shape (46, 48, 2), and past the last (258, 300).
    "$y$i55$abcd", "$y$k.55$abcd", "$y$055$abcd", "$y$nG55$abcd", "$y$nw55$abcd",
    // N: 2 (below 4, the least), 2^32 (above 2^31), 2^64; RW with N / p = 2.
    "$y$j..$abcd", "$y$...$abcd", "$y$jT.$abcd", "$y$jz.$abcd", "$y$j0..0$abcd",
    // g (hash upgrades) and NROM (a ROM) given; t with classic scrypt; r p = 2^30.
    "$y$j551.$abcd", "$y$j5557$abcd", "$y$.55/.$abcd", "$y$j5zyxvrD$abcd",
    // Salts: a lone last character, nonzero unused bits, a byte outside the
    // alphabet, '$' inside, 65 bytes.
    "$y$j7T$abcde", "$y$j7T$ab", "$y$j7T$ab#d", "$y$j7T$ab$cd$ef",
    "$y$j7T$16BGLQVafkpuz27CHMRWbglqv.38DINSXchmrw/49EJOTYdinsx05AFKPUZejoty16BGLQVafkpuz27CHMRWbgl",
    // Parameters cut short or without the '$' before the salt.
    "$y$", "$y$j", "$y$j7", "$y$j7T", "$y$jk", "$y$j7T/$abcd", "$y$j7T.$abcd", "$y$j7Tx",
    // Memory: V would be 2^63 bytes (N = 2^31, r = 2^25), which no mapping
    // gets; libxcrypt answers its failed allocation with EINVAL, not ENOMEM.
    "$y$jSz.xvrD$abcd", "$y$.Sz.xvrD$abcd",
    // scrypt: N = 2, log2 N = 0 or 63 (N above 2^31); r = 0; r or p cut
    // short; '#' not right after a '$'; V of 2^63 bytes (N = 2^31, r = 2^25).
    "$7$/6..../....ab", "$7$.6..../....ab", "$7$z6..../....x", "$7$06.........", "$7$06....0...", "$7$06....",
    "$7$", "$7$0", "$7$06....0....a#c", "$7$T....0/....x",
};

static void check_answer(const struct known_answer* answer) {
    struct crypt_data data;
    memset(&data, 0, sizeof data);
    CHECK_STREQ(crypt_r(answer->phrase, answer->setting, &data), answer->hash);
    // A stored hash is its own setting: hashing the phrase again gives it back.
    CHECK_STREQ(crypt(answer->phrase, answer->hash), answer->hash);
    CHECK_STREQ(crypt_rn(answer->phrase, answer->hash, &data, sizeof data), answer->hash);
}

static void* hash_in_thread(void* argument) {
    const struct known_answer* answer = argument;
    struct crypt_data* data = calloc(1, sizeof *data);
    CHECK(data != NULL);
    for (int i = 0; i < 3; ++i) CHECK_STREQ(crypt_r(answer->phrase, answer->setting, data), answer->hash);
    free(data);
    return NULL;
}

int main(void) {
    for (int i = 0; i < 511; ++i) long_phrase[i] = (char)(' ' + 1 + (i * 7) % 94);
    for (size_t i = 0; i < sizeof answers / sizeof answers[0]; ++i) check_answer(&answers[i]);
    // A different phrase, a different hash.
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
    // area: a setting of 339 characters is hashed (its salt ends at the
    // last '$'), one of 340 refused with ERANGE, whatever it holds.
    char setting[400] = "$y$j7T$abcd$";
    size_t length = strlen(setting);
    while (length < 339) setting[length++] = 'x';
    setting[length] = '\0';
    char expected[400];
    strcpy(expected, crypt("password", "$y$j7T$abcd$"));
    CHECK_STREQ(crypt("password", setting), expected);
    setting[length++] = 'x';
    setting[length] = '\0';
    errno = 0;
    CHECK_STREQ(crypt("password", setting), "*0");
    CHECK_EQ(errno, ERANGE);

    // The same room is needed for scrypt's settings.
    strcpy(setting, "$7$06....0....$");
    length = strlen(setting);
    while (length < 340) setting[length++] = 'x';
    setting[length] = '\0';
    errno = 0;
    CHECK_STREQ(crypt("password", setting), "*0");
    CHECK_EQ(errno, ERANGE);
    setting[339] = '\0';
    CHECK_STREQ(crypt("password", setting), "$7$06....0....$NT37OH.IW8RfXbtzmfujBQHDyF4EyxbydyaEQ08Qni/");

    // A 512-byte phrase is refused before the method (ERANGE).
    char too_long[513];
    memset(too_long, 'a', 512);
    too_long[512] = '\0';
    errno = 0;
    CHECK_STREQ(crypt(too_long, "$y$j7T$abcd"), "*0");
    CHECK_EQ(errno, ERANGE);

    // One crypt_data reused after a refusal; crypt_ra allocating its area.
    struct crypt_data shared;
    memset(&shared, 0, sizeof shared);
    CHECK_STREQ(crypt_r("password", "$y$jSz.xvrD$abcd", &shared), "*0");
    CHECK_STREQ(crypt_r(answers[3].phrase, answers[3].setting, &shared), answers[3].hash);
    void* area = NULL;
    int area_size = 0;
    CHECK_STREQ(crypt_ra(answers[4].phrase, answers[4].setting, &area, &area_size), answers[4].hash);
    CHECK(crypt_ra("password", "$y$j7T$ab", &area, &area_size) == NULL);
    free(area);

    // Four threads hashing at once, each with its own memory.
    pthread_t threads[4];
    const struct known_answer* per_thread[4] = {&answers[0], &answers[4], &answers[11], &answers[23]};
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_create(&threads[i], NULL, hash_in_thread, (void*)per_thread[i]), 0);
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_join(threads[i], NULL), 0);
    return 0;
}
