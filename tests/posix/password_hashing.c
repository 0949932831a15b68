// crypt, crypt_r, crypt_rn, crypt_ra: answers and failures as Debian's
// libcrypt (libxcrypt 4.4.33) gives them, for sha512crypt, sha256crypt and
// md5crypt. Every expected hash below was computed by libxcrypt.
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

static const struct known_answer answers[] = {
    {"password", "$6$saltstring",
     "$6$saltstring$adDbXsJjcDlq2662QPgd.tkSOVmnG9Tt3oXl4HR60SusC3AGjirnDenVZp3DGwLwqy6iYKCzannhaX9DR72nN1"},
    // rounds= is echoed whenever given, the default 5000 included.
    {"password", "$6$rounds=1000$saltstring",
     "$6$rounds=1000$saltstring$EzTqOEb9gQc3Va/4p4pnqWqp/wIh1Otyhg9H9E8sV0eDyHGbNBkoMxYIM0ODHPBfmDNWb6wRiAvTriYxeDgb9."},
    {"password", "$6$rounds=5000$abc",
     "$6$rounds=5000$abc$rvqzMBuMVukmply9mZJpW0wJMdDfgUKLDrSNxf9l66h/ytQiKNAdqHSj5YPJpxWJpVjRXibQXRddCl9xYHQnd0"},
    // The salt ends at '$' (a stored hash as setting) and stops at 16 characters.
    {"password", "$6$abc$def",
     "$6$abc$rvqzMBuMVukmply9mZJpW0wJMdDfgUKLDrSNxf9l66h/ytQiKNAdqHSj5YPJpxWJpVjRXibQXRddCl9xYHQnd0"},
    {"password", "$6$0123456789abcdefXYZ$",
     "$6$0123456789abcdef$xDR267KnEdmU47Tv58n3gNdiOagKeAfIkcMyR6onqwUh3VWY6KqolWZcf8h/S6vI3O1EuVVODhFyX8F.iTNDA0"},
    {"password", "$6$",
     "$6$$bLTg4cpho8PIUrjfsE7qlU08Qx2UEfw..xOc6I1wpGVtyVYToGrr7BzRdAAnEr5lYFr1Z9WcCf1xNZ1HG9qFW1"},
    {"password", "$6$rounds=1000$rounds=2000$x",
     "$6$rounds=1000$rounds=2000$3kB95kzajR9S1Qo3.aJm7F7JADBqQ4i4EXJHD0JS7F071wATK7vut7RLVX0MuagFrKFr1U/XQjVd.yH2MjiM7."},
    {"", "$6$abc",
     "$6$abc$mJP3a6FyA8uCnzRtlnNypPwjnvpi5TP9qOrInzrfDmwxUQG38PkpCPdqfTb8JQfAngapMxeim4AZ..hSdRRzD."},
    {"password", "$5$saltstring", "$5$saltstring$OH4IDuTlsuTYPdED1gsuiRMyTAwNlRWyA6Xr3I4/dQ5"},
    {"password", "$5$", "$5$$V0edGK/GfSrNwzYCrbML4V/gvkNuNTfvn.Pt/LMSAf8"},
    {"password", "$5$a$b$c", "$5$a$x8ssIx34C.IRiXo29UURs5AcnNhdWP3dXGeLtS3KoBB"},
    {"password", "$5$rounds=5000$x", "$5$rounds=5000$x$QuXuHd11TU4Jrzbx2O3AVG0O8ZhauOFyHji0hyKRXl9"},
    // md5crypt: 8 salt characters at most, no rounds field.
    {"password", "$1$saltstring$", "$1$saltstri$qQY4WxjABChYG1ccLpfkz/"},
    {"password", "$1$", "$1$$I2o9Z7NcvQAKp7wyCTlia0"},
    {"password", "$1$a$b", "$1$a$ST5kqD4oZxgiNWF1.mkWu1"},
    {"password", "$1$rounds=4$x", "$1$rounds=4$rsRVjuV1vxDssF.f.SCnM/"},
};

// Settings libxcrypt refuses: "*0" (or "*1" for a setting starting "*0") and EINVAL.
static const char* const refused[] = {
    "$6$rounds=10$saltstring", "$6$rounds=0$abc", "$6$rounds=01000$abc", "$6$rounds=1000abc", "$6$rounds=$abc",
    "$6$rounds=1000", "$6", "$6$ab:c", "$6$a b", "$6$a*b", "$6$a!b", "$6$a;b", "$6$a\\b", "$6$\x01",
    "$6$rounds=4294967296$x", "$6$rounds=+1000$x", "$6$rounds=999$x", "$5$rounds=10$s", "", "*", "$x$", "$",
    "a",
};

static void check_answer(const struct known_answer* answer) {
    struct crypt_data data;
    memset(&data, 0, sizeof data);
    CHECK_STREQ(crypt_r(answer->phrase, answer->setting, &data), answer->hash);
    CHECK_STREQ(crypt(answer->phrase, answer->setting), answer->hash);
    // A stored hash is its own setting: hashing the phrase again gives it back.
    CHECK_STREQ(crypt(answer->phrase, answer->hash), answer->hash);
}

static void* hash_in_thread(void* argument) {
    const struct known_answer* answer = argument;
    struct crypt_data* data = calloc(1, sizeof *data);
    CHECK(data != NULL);
    for (int i = 0; i < 4; ++i) CHECK_STREQ(crypt_r(answer->phrase, answer->setting, data), answer->hash);
    free(data);
    return NULL;
}

int main(void) {
    for (size_t i = 0; i < sizeof answers / sizeof answers[0]; ++i) check_answer(&answers[i]);

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
    errno = 0;
    CHECK_STREQ(crypt("password", "*0"), "*1");
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_STREQ(crypt("password", "*1"), "*0");
    CHECK_EQ(errno, EINVAL);
    /* Null arguments, which <crypt.h> says never to pass, through a
     * pointer the compiler cannot see is null. */
    const char* volatile no_text = NULL;
    errno = 0;
    CHECK_STREQ(crypt(no_text, "$6$abc"), "*0");
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_STREQ(crypt("x", no_text), "*0");
    CHECK_EQ(errno, EINVAL);

    // Phrases up to 511 bytes are hashed whole; 512 and up are refused with ERANGE.
    char long_phrase[600];
    memset(long_phrase, 'a', sizeof long_phrase);
    long_phrase[511] = '\0';
    CHECK_STREQ(crypt(long_phrase, "$6$abc"),
                "$6$abc$Zyy22kBzgFuxYGA.CDrryvXnrsqB6ByQ62j1nDksPCudTWiM1PbJLUENiN2dG0yY6tIp0IlDZvc1GUds.eWnI0");
    long_phrase[510] = '\0';
    CHECK_STREQ(crypt(long_phrase, "$6$abc"),
                "$6$abc$TpXUJoDY0cndJixCWFdvoU1Igi1d70tOuP3inGq7dGaDtaZaIEgcXGuN.QuAfp7oTX9cJyCjUL7PMIZM3kZDb1");
    long_phrase[510] = 'a';
    long_phrase[511] = 'a';
    long_phrase[512] = '\0';
    errno = 0;
    CHECK_STREQ(crypt(long_phrase, "$6$abc"), "*0");
    CHECK_EQ(errno, ERANGE);

    // One crypt_data reused: each call's answer replaces the last.
    struct crypt_data shared;
    memset(&shared, 0, sizeof shared);
    CHECK_STREQ(crypt_r(answers[0].phrase, answers[0].setting, &shared), answers[0].hash);
    CHECK_STREQ(crypt_r("password", "$6$rounds=10$x", &shared), "*0");
    CHECK_STREQ(crypt_r(answers[8].phrase, answers[8].setting, &shared), answers[8].hash);
    CHECK_STREQ(shared.output, answers[8].hash);

    // crypt_rn: the answer inside the area; an area smaller than a crypt_data is ERANGE.
    errno = 0;
    char* in_area = crypt_rn("password", "$1$a$b", &shared, sizeof shared);
    CHECK(in_area != NULL);
    CHECK_STREQ(in_area, "$1$a$ST5kqD4oZxgiNWF1.mkWu1");
    errno = 0;
    CHECK(crypt_rn("password", "$1$a$b", &shared, 100) == NULL);
    CHECK_EQ(errno, ERANGE);

    // crypt_ra allocates the area when given none and reports its size.
    void* area = NULL;
    int area_size = 0;
    CHECK_STREQ(crypt_ra("password", "$5$saltstring", &area, &area_size), answers[8].hash);
    CHECK(area != NULL);
    CHECK_EQ(area_size, (int)sizeof(struct crypt_data));
    CHECK(crypt_ra("password", "$6$rounds=1$x", &area, &area_size) == NULL);
    free(area);

    // Four threads hashing at once with crypt_r, each its own method.
    pthread_t threads[4];
    const struct known_answer* per_thread[4] = {&answers[0], &answers[1], &answers[8], &answers[12]};
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_create(&threads[i], NULL, hash_in_thread, (void*)per_thread[i]), 0);
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_join(threads[i], NULL), 0);
    return 0;
}
