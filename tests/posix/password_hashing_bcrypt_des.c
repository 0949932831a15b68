// crypt, crypt_r, crypt_rn: bcrypt ($2b$ $2a$ $2y$ $2x$), traditional DES,
// bigcrypt and BSDi extended DES (_) as Debian's libcrypt (libxcrypt
// 4.4.33) answers them. Every expected hash below was computed by libxcrypt.
#include <crypt.h>
#include <errno.h>
#include <string.h>

#include "../integration/check.h"

struct known_answer {
    const char* phrase;
    const char* setting;
    const char* hash;
};

#define LONG_PHRASE "averyverylongpassphrase1234"
#define DIGITS_LETTERS "0123456789abcdefghijklmnopqrstuvwxyz"
#define SALT_A "$2b$04$abcdefghijklmnopqrstuu"

static const struct known_answer answers[] = {
    // Traditional DES: two salt characters, the rest of the setting ignored,
    // the phrase cut at 8 bytes.
    {"password", "ab", "abJnggxhB/yWI"},
    {"password", "abc", "abJnggxhB/yWI"},
    {"password", "a/", "a/jnaC0CnEjXA"},
    {"password", "..", "..UZoIyj/Hy/c"},
    {"password", "zz", "zzXUHfURnGg8I"},
    {"", "ab", "abmF1QH4PEr.E"},
    {"\xc3\xa9t\xc3\xa9", "ab", "ab5ad2Q7liuxQ"},
    {"password9", "ab", "abJnggxhB/yWI"},
    {LONG_PHRASE, "ab", "abEsSWf5WzReg"},
    {LONG_PHRASE, "ab1234567890x", "abEsSWf5WzReg"},
    // bigcrypt: a setting longer than 13 characters and a phrase longer than
    // 8 bytes; an 8-byte phrase gives the traditional hash.
    {LONG_PHRASE, "ab1234567890xy", "abEsSWf5WzRegBO.flj.pLskU528kW2eM2AJz.lTLbMXLM"},
    {DIGITS_LETTERS, "abJnggxhB/yWI1234", "ab2wHQ4RTFVKI3cyxPgr4a7QWEHfh0uTWT2qc51R8i0s.6dEEQdEr8Z9w"},
    {"password", "ab1234567890xyz", "abJnggxhB/yWI"},
    // BSDi: count (little end first), salt, the whole phrase; a zero count
    // encrypts once; characters past the ninth ignored.
    {"password", "_J9..CCCC", "_J9..CCCC.MOp/ZbelpA"},
    {"password", "_J9..CCCCxyz", "_J9..CCCC.MOp/ZbelpA"},
    {"password", "_....abcd", "_....abcdJZJP1o1hSpg"},
    {"password", "_zz..abcd", "_zz..abcdgq9m.OSc3So"},
    {LONG_PHRASE, "_J9..CCCC", "_J9..CCCCrGOcCS9qc0k"},
    {"", "_J9..CCCC", "_J9..CCCCBeguG7nmIew"},
    {DIGITS_LETTERS, "_J9..CCCC", "_J9..CCCCyTm/fodgUhk"},
    // bcrypt: the four variants agree on ASCII phrases.
    {"password", SALT_A, "$2b$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm"},
    {"password", "$2a$04$abcdefghijklmnopqrstuu", "$2a$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm"},
    {"password", "$2y$04$abcdefghijklmnopqrstuu", "$2y$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm"},
    {"password", "$2x$04$abcdefghijklmnopqrstuu", "$2x$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm"},
    // The 22nd salt character's low 4 bits are dropped; anything after the
    // salt is ignored.
    {"password", "$2b$04$abcdefghijklmnopqrstuv", "$2b$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm"},
    {"password", "$2y$04$abcdefghijklmnopqrstuuextra", "$2y$04$abcdefghijklmnopqrstuughE8Ev8uGFaUgY2cNEySvxngrb/Jzdm"},
    {"password", "$2b$04$abcdefghijklmnopqrstu.", "$2b$04$abcdefghijklmnopqrstu.utqifOaYVU3C7488gLW7DiF2.D.avTW"},
    {"password", "$2b$05$CCCCCCCCCCCCCCCCCCCCC.", "$2b$05$CCCCCCCCCCCCCCCCCCCCC.aDV7CQarKHMuNfh2oJkFzsHZya4whFe"},
    {"", SALT_A, "$2b$04$abcdefghijklmnopqrstuubyCG3zY1GIXMyxfivm.ClDiInHzxjiq"},
    // Only 72 bytes of the phrase count.
    {"012345678901234567890123456789012345678901234567890123456789012345678901", SALT_A,
     "$2b$04$abcdefghijklmnopqrstuum2G75IXDN/xsgbNa/hCiPSKyIHQd70S"},
    {"0123456789012345678901234567890123456789012345678901234567890123456789012", SALT_A,
     "$2b$04$abcdefghijklmnopqrstuum2G75IXDN/xsgbNa/hCiPSKyIHQd70S"},
    // Bytes >= 0x80: $2x$ reproduces the old sign-extension bug, $2a$ adds
    // the anti-collision change where the bug would have given the same key.
    {"\xff\xff\xa3", "$2a$05$/OK.fbVrR/bpIqNJ5ianF.", "$2a$05$/OK.fbVrR/bpIqNJ5ianF.nqd1wy.pTMdcvrRWxyiGL2eMz.2a85."},
    {"\xff\xff\xa3", "$2b$05$/OK.fbVrR/bpIqNJ5ianF.", "$2b$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e"},
    {"\xff\xff\xa3", "$2x$05$/OK.fbVrR/bpIqNJ5ianF.", "$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e"},
    {"\xa3", "$2a$05$/OK.fbVrR/bpIqNJ5ianF.", "$2a$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq"},
    {"\xa3", "$2y$05$/OK.fbVrR/bpIqNJ5ianF.", "$2y$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq"},
    {"\xa3", "$2x$05$/OK.fbVrR/bpIqNJ5ianF.", "$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e"},
    {"\xff\xa3" "abc\x80", "$2a$04$abcdefghijklmnopqrstuu", "$2a$04$abcdefghijklmnopqrstuu/n/IFoR9v0sQPISjquyu7fb0.o4Nknu"},
    {"\xff\xa3" "abc\x80", "$2x$04$abcdefghijklmnopqrstuu", "$2x$04$abcdefghijklmnopqrstuujLO9v10n6OsPCLC0yEmtFHkXuglNhVy"},
};

// Settings libxcrypt refuses with "*0" and EINVAL.
static const char* const refused[] = {
    // bcrypt: cost outside 04..31 or not two digits, unknown variant,
    // salt too short or with a character outside bcrypt's alphabet.
    "$2b$03$abcdefghijklmnopqrstuu", "$2a$00$abcdefghijklmnopqrstuu", "$2b$32$abcdefghijklmnopqrstuu",
    "$2b$40$abcdefghijklmnopqrstuu", "$2b$4$abcdefghijklmnopqrstuu", "$2b$4a$abcdefghijklmnopqrstuu",
    "$2b$04abcdefghijklmnopqrstuu", "$2c$04$abcdefghijklmnopqrstuu", "$2$04$abcdefghijklmnopqrstuu",
    "$2b$04$abcdefghijklmnopqrstu", "$2b$04$", "$2b$", "$2b$04$abcdefghijklmnopqrst$u", "$2b$04$abcdefghij-lmnopqrstuu",
    // BSDi: fewer than 8 characters after '_', or one outside the alphabet.
    "_", "_abc", "_J9..CCC", "_J9..CC-C", "_J9{.CCCC",
    // DES: a single salt character, or a second one outside the alphabet.
    "a", "a$", "a{", "{a", "-a", "a-b",
};

static void check_answer(const struct known_answer* answer) {
    struct crypt_data data;
    memset(&data, 0, sizeof data);
    errno = 0;
    CHECK_STREQ(crypt_r(answer->phrase, answer->setting, &data), answer->hash);
    CHECK_EQ(errno, 0);
    CHECK_STREQ(crypt(answer->phrase, answer->setting), answer->hash);
    // A stored hash is a setting that gives itself back.
    CHECK_STREQ(crypt(answer->phrase, answer->hash), answer->hash);
    CHECK_STREQ(crypt_rn(answer->phrase, answer->setting, &data, sizeof data), answer->hash);
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

    // The dispatch's rules hold for these methods too: a forbidden
    // character anywhere, even past what the method reads, is refused, and
    // so is a phrase of 512 bytes or more (ERANGE).
    errno = 0;
    CHECK_STREQ(crypt("password", "ab:"), "*0");
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_STREQ(crypt("password", "$2b$04$abcdefghijklmnopqrstuu*"), "*0");
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_STREQ(crypt("password", "_J9..CCCC;"), "*0");
    CHECK_EQ(errno, EINVAL);
    char long_phrase[513];
    memset(long_phrase, 'p', sizeof long_phrase - 1);
    long_phrase[512] = '\0';
    errno = 0;
    CHECK_STREQ(crypt(long_phrase, "ab"), "*0");
    CHECK_EQ(errno, ERANGE);
    errno = 0;
    CHECK_STREQ(crypt(long_phrase, SALT_A), "*0");
    CHECK_EQ(errno, ERANGE);
    // 511 bytes are hashed: DES uses 8 of them, bcrypt 72, bigcrypt 128
    // (16 pieces).
    long_phrase[511] = '\0';
    CHECK_STREQ(crypt(long_phrase, "ab"), "abgAOrlY2VEck");
    CHECK_STREQ(crypt("pppppppp", "ab"), "abgAOrlY2VEck");
    CHECK_STREQ(crypt(long_phrase, SALT_A), "$2b$04$abcdefghijklmnopqrstuuNt.0ah97gHY3F7JC1Z6EXmQc0bQBhIO");
    long_phrase[72] = '\0';
    CHECK_STREQ(crypt(long_phrase, SALT_A), "$2b$04$abcdefghijklmnopqrstuuNt.0ah97gHY3F7JC1Z6EXmQc0bQBhIO");
    long_phrase[72] = 'p';
    CHECK_STREQ(crypt(long_phrase, "xy0123456789AB"),
                "xy9hNjvnV6gt.d5IgW8dokiw9WizQatni7w3T7nkumNKygKHhy9UCahpYHSjB80rWwxQVTu4QmEmkEErorUOUIwNe6eW8rHAFfXBUFqoh1"
                "HbqNS.4jpz2/hokOo1JyDZk/j/5.oTU3BnLN9Hs/Bpi3wZBoU2wwz5oJry432bSOXwrl2vro");
    return 0;
}
