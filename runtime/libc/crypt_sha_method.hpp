// The SHA-crypt scheme shared by sha256crypt ($5$) and sha512crypt ($6$)
// (Ulrich Drepper's specification, "Unix crypt using SHA-256 and SHA-512"),
// written once over the digest; each method's file instantiates it.
//
// Setting: prefix, optionally "rounds=N$" (N from 1000 to 999,999,999,
// written without sign or leading zero: libxcrypt refuses anything else
// rather than clamping, and echoes the field whenever it was given, even at
// the default 5000), then up to 16 salt characters ending at '$' or the end.
#pragma once

#include <errno.h>

#include <cstring>

#include "crypt_methods.hpp"

namespace lwp::libc::crypt_internal {

inline constexpr unsigned long sha_crypt_default_rounds = 5000;
inline constexpr unsigned long sha_crypt_min_rounds = 1000;
inline constexpr unsigned long sha_crypt_max_rounds = 999999999;
inline constexpr std::size_t sha_crypt_max_salt = 16;

// Feeds digest-sized copies of block, then the first part of one more, so
// that exactly size bytes go in: the scheme's way of stretching a digest
// to the length of the phrase or salt.
template <class Digest>
void update_repeated(Digest& digest, const unsigned char* block, std::size_t size) noexcept {
    for (; size >= Digest::digest_size; size -= Digest::digest_size) digest.update(block, Digest::digest_size);
    digest.update(block, size);
}

// Writes the encoded digest: the scheme takes the bytes three at a time in
// a fixed interleaved order (first of each group the most significant),
// which for both digests is group k starting at (k * step) % modulus with
// its other two bytes a third of the modulus apart. encode_tail handles the
// one or two bytes left over.
template <class Digest, class Tail>
char* encode_sha_crypt(char* out, const unsigned char* d, unsigned step, unsigned modulus, Tail encode_tail) noexcept {
    unsigned third = modulus / 3;
    for (unsigned k = 0; k < third; ++k) {
        unsigned first = (k * step) % modulus;
        unsigned value = unsigned{d[first]} << 16 | unsigned{d[(first + third) % modulus]} << 8 |
                         d[(first + 2 * third) % modulus];
        out = append_base64(out, value, 4);
    }
    return encode_tail(out, d);
}

template <class Digest, class Tail>
void sha_crypt(const char* phrase, std::size_t phrase_size, const char* setting, std::size_t prefix_size,
               unsigned step, unsigned modulus, Tail encode_tail, char* output) noexcept {
    const char* salt = setting + prefix_size;
    unsigned long rounds = sha_crypt_default_rounds;
    bool rounds_given = false;
    static constexpr char rounds_field[] = "rounds=";
    if (std::strncmp(salt, rounds_field, sizeof rounds_field - 1) == 0) {
        const char* digits = salt + sizeof rounds_field - 1;
        if (*digits < '1' || *digits > '9') {
            errno = EINVAL;
            return;
        }
        // Stop counting once past the maximum, so no digit string overflows.
        rounds = 0;
        for (; *digits >= '0' && *digits <= '9'; ++digits) {
            rounds = rounds * 10 + static_cast<unsigned long>(*digits - '0');
            if (rounds > sha_crypt_max_rounds) {
                errno = EINVAL;
                return;
            }
        }
        if (*digits != '$' || rounds < sha_crypt_min_rounds) {
            errno = EINVAL;
            return;
        }
        salt = digits + 1;
        rounds_given = true;
    }
    std::size_t salt_size = std::strcspn(salt, "$");
    if (salt_size > sha_crypt_max_salt) salt_size = sha_crypt_max_salt;
    const auto* phrase_bytes = reinterpret_cast<const unsigned char*>(phrase);
    const auto* salt_bytes = reinterpret_cast<const unsigned char*>(salt);
    constexpr std::size_t size = Digest::digest_size;

    // Digest B: phrase, salt, phrase.
    unsigned char b[size];
    Digest digest;
    digest.update(phrase_bytes, phrase_size);
    digest.update(salt_bytes, salt_size);
    digest.update(phrase_bytes, phrase_size);
    digest.finish(b);

    // Digest A: phrase, salt, B stretched to the phrase's length, then for
    // each bit of that length from the lowest, B for a 1 and the phrase for a 0.
    unsigned char a[size];
    Digest digest_a;
    digest_a.update(phrase_bytes, phrase_size);
    digest_a.update(salt_bytes, salt_size);
    update_repeated(digest_a, b, phrase_size);
    for (std::size_t bits = phrase_size; bits > 0; bits >>= 1) {
        if (bits & 1)
            digest_a.update(b, size);
        else
            digest_a.update(phrase_bytes, phrase_size);
    }
    digest_a.finish(a);

    // P: the digest of the phrase repeated once per byte of it, stretched
    // to the phrase's length. S: the digest of the salt repeated 16 + A[0]
    // times, stretched to the salt's length. (Stretched lazily below.)
    unsigned char p_digest[size];
    Digest digest_p;
    for (std::size_t i = 0; i < phrase_size; ++i) digest_p.update(phrase_bytes, phrase_size);
    digest_p.finish(p_digest);
    unsigned char s_digest[size];
    Digest digest_s;
    for (unsigned i = 0; i < 16u + a[0]; ++i) digest_s.update(salt_bytes, salt_size);
    digest_s.finish(s_digest);

    // The rounds, each mixing the previous digest C with P and S in an
    // order that depends on the round number, to make the work unskippable.
    unsigned char c[size];
    std::memcpy(c, a, size);
    for (unsigned long round = 0; round < rounds; ++round) {
        Digest digest_c;
        if (round & 1)
            update_repeated(digest_c, p_digest, phrase_size);
        else
            digest_c.update(c, size);
        if (round % 3 != 0) update_repeated(digest_c, s_digest, salt_size);
        if (round % 7 != 0) update_repeated(digest_c, p_digest, phrase_size);
        if (round & 1)
            digest_c.update(c, size);
        else
            update_repeated(digest_c, p_digest, phrase_size);
        digest_c.finish(c);
    }

    // Output: prefix, the rounds field if given, salt, '$', encoded C.
    char* out = output;
    std::memcpy(out, setting, prefix_size);
    out += prefix_size;
    if (rounds_given) {
        std::memcpy(out, rounds_field, sizeof rounds_field - 1);
        out += sizeof rounds_field - 1;
        char digits[12];
        int count = 0;
        for (unsigned long value = rounds; value > 0; value /= 10) digits[count++] = static_cast<char>('0' + value % 10);
        while (count > 0) *out++ = digits[--count];
        *out++ = '$';
    }
    std::memcpy(out, salt, salt_size);
    out += salt_size;
    *out++ = '$';
    out = encode_sha_crypt<Digest>(out, c, step, modulus, encode_tail);
    *out = '\0';

    // Intermediate digests say something about the phrase: not left on the stack.
    explicit_bzero(a, size);
    explicit_bzero(b, size);
    explicit_bzero(c, size);
    explicit_bzero(p_digest, size);
    explicit_bzero(s_digest, size);
}

}  // namespace lwp::libc::crypt_internal
