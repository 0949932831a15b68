// md5crypt: crypt's "$1$" method (Poul-Henning Kamp's FreeBSD scheme):
// up to 8 salt characters ending at '$' or the end, a fixed 1000 rounds.
#include <string.h>

#include <cstring>

#include "crypt_md5.hpp"
#include "crypt_methods.hpp"

namespace lwp::libc::crypt_internal {

void md5_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept {
    static constexpr char prefix[] = "$1$";
    constexpr std::size_t prefix_size = sizeof prefix - 1;
    constexpr std::size_t max_salt = 8;
    const char* salt = setting + prefix_size;
    std::size_t salt_size = std::strcspn(salt, "$");
    if (salt_size > max_salt) salt_size = max_salt;

    // The alternate digest: phrase, salt, phrase.
    unsigned char alternate[md5_digest::digest_size];
    md5_digest digest_alternate;
    digest_alternate.update(phrase, phrase_size);
    digest_alternate.update(salt, salt_size);
    digest_alternate.update(phrase, phrase_size);
    digest_alternate.finish(alternate);

    // The first digest: phrase, prefix, salt, the alternate stretched to
    // the phrase's length, then for each bit of that length from the lowest
    // a zero byte for a 1 and the phrase's first byte for a 0 (a quirk of
    // the original code that every md5crypt keeps).
    unsigned char result[md5_digest::digest_size];
    md5_digest digest;
    digest.update(phrase, phrase_size);
    digest.update(prefix, prefix_size);
    digest.update(salt, salt_size);
    for (std::size_t left = phrase_size; left > 0; left -= left < md5_digest::digest_size ? left : md5_digest::digest_size)
        digest.update(alternate, left < md5_digest::digest_size ? left : md5_digest::digest_size);
    static constexpr unsigned char zero_byte = 0;
    for (std::size_t bits = phrase_size; bits > 0; bits >>= 1) digest.update(bits & 1 ? &zero_byte : reinterpret_cast<const unsigned char*>(phrase), 1);
    digest.finish(result);

    // 1000 rounds mixing the previous digest with phrase and salt by round number.
    for (int round = 0; round < 1000; ++round) {
        md5_digest digest_round;
        if (round & 1)
            digest_round.update(phrase, phrase_size);
        else
            digest_round.update(result, md5_digest::digest_size);
        if (round % 3 != 0) digest_round.update(salt, salt_size);
        if (round % 7 != 0) digest_round.update(phrase, phrase_size);
        if (round & 1)
            digest_round.update(result, md5_digest::digest_size);
        else
            digest_round.update(phrase, phrase_size);
        digest_round.finish(result);
    }

    char* out = output;
    std::memcpy(out, prefix, prefix_size);
    out += prefix_size;
    std::memcpy(out, salt, salt_size);
    out += salt_size;
    *out++ = '$';
    // Bytes in groups (i, i + 6, i + 12) for i < 4, then (4, 10, 5), then byte 11.
    for (int i = 0; i < 5; ++i) {
        int last = i < 4 ? i + 12 : 5;
        out = append_base64(out, unsigned{result[i]} << 16 | unsigned{result[i + 6]} << 8 | result[last], 4);
    }
    out = append_base64(out, result[11], 2);
    *out = '\0';
    explicit_bzero(alternate, sizeof alternate);
    explicit_bzero(result, sizeof result);
}

}  // namespace lwp::libc::crypt_internal
