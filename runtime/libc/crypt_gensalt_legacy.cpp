// Settings for the small legacy methods, as libxcrypt builds them: NT
// ($3$, which has no salt), sha1crypt ($sha1$, NetBSD's) and sunmd5 ($md5,
// Solaris's). The last two hide a few random bits in the iteration count,
// so that two settings asked with the same count differ there too.
#include <errno.h>

#include <cstdint>

#include "crypt_methods.hpp"
#include "crypt_method_catalog.hpp"

namespace lwp::libc::crypt_internal {
namespace {

char* append_text(char* out, const char* text) noexcept {
    while (*text != '\0') *out++ = *text++;
    return out;
}

constexpr unsigned long sha1crypt_default_count = 262144;
constexpr std::size_t sha1crypt_max_salt = 64;  // characters

constexpr unsigned long sunmd5_min_count = 32768;
constexpr unsigned long sunmd5_max_count = 0xffffffffUL - 65536;
constexpr std::size_t sunmd5_max_setting = 32;  // "$md5,rounds=4294967295$" and 8 characters and '$'

}  // namespace

// Any count but 0 is refused; no random bytes are used.
void generate_nt_setting(unsigned long count, const unsigned char*, std::size_t, char* output,
                         std::size_t output_size) noexcept {
    if (output_size < 4) {
        errno = ERANGE;
        return;
    }
    if (count != 0) {
        errno = EINVAL;
        return;
    }
    append_text(output, "$3$")[0] = '\0';
}

// "$sha1$" and the count less a random part of up to a quarter of it (the
// first 4 random bytes, little-endian, modulo count / 4), '$', then 4 salt
// characters for each further 3 bytes (most significant byte first here),
// at most 64 and as many as fit, and '$'.
void generate_sha1crypt_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                                char* output, std::size_t output_size) noexcept {
    if (random_size < 12 + 4) {
        errno = EINVAL;
        return;
    }
    // libxcrypt's room for the salt the bytes could give, 10 digits and
    // "$sha1$$$" with its NUL (computed in size_t, as there).
    if (output_size < (random_size - 4) * 4 / 3 + sizeof "$sha1$$$" + 10) {
        errno = ERANGE;
        return;
    }
    if (count == 0) count = sha1crypt_default_count;
    if (count < 4) count = 4;
    if (count > 0xffffffffUL) count = 0xffffffffUL;
    std::uint32_t perturbation = std::uint32_t{random_bytes[0]} | std::uint32_t{random_bytes[1]} << 8 |
                                 std::uint32_t{random_bytes[2]} << 16 | std::uint32_t{random_bytes[3]} << 24;
    auto rounds = static_cast<std::uint32_t>(count - perturbation % (count / 4));

    char* out = append_text(output, "$sha1$");
    out = append_decimal(out, rounds);
    *out++ = '$';
    std::size_t salt_start = static_cast<std::size_t>(out - output);
    std::size_t salt_limit = salt_start + sha1crypt_max_salt;
    if (salt_limit + 2 > output_size) salt_limit = output_size - 2;
    for (std::size_t used = 4; used + 3 < random_size && static_cast<std::size_t>(out - output) + 4 < salt_limit;
         used += 3) {
        unsigned value = unsigned{random_bytes[used]} << 16 | unsigned{random_bytes[used + 1]} << 8 |
                         random_bytes[used + 2];
        out = append_base64(out, value, 4);
    }
    *out++ = '$';
    *out = '\0';
}

// "$md5,rounds=N$", N the count (at least 32768, at most 2^32 - 65537) plus
// the first two random bytes as a 16-bit number, then 8 salt characters
// from the next 6 bytes, and '$'.
void generate_sunmd5_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                             char* output, std::size_t output_size) noexcept {
    if (output_size < sunmd5_max_setting + 1) {
        errno = ERANGE;
        return;
    }
    if (random_size < 6 + 2) {
        errno = EINVAL;
        return;
    }
    if (count < sunmd5_min_count)
        count = sunmd5_min_count;
    else if (count > sunmd5_max_count)
        count = sunmd5_max_count;
    count += static_cast<unsigned long>(random_bytes[0]) << 8 | random_bytes[1];
    char* out = append_text(output, "$md5,rounds=");
    out = append_decimal(out, count);
    *out++ = '$';
    for (std::size_t used = 2; used < 8; used += 3) {
        unsigned value = unsigned{random_bytes[used]} | unsigned{random_bytes[used + 1]} << 8 |
                         unsigned{random_bytes[used + 2]} << 16;
        out = append_base64(out, value, 4);
    }
    *out++ = '$';
    *out = '\0';
}

}  // namespace lwp::libc::crypt_internal
