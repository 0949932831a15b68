// Settings for yescrypt ($y$), gost-yescrypt ($gy$) and scrypt ($7$), as
// libxcrypt builds them. Both encode their parameters and salt in the crypt
// alphabet, least significant bits first; the salt in groups of up to 3
// bytes, a group of n bytes taking ceil(8n / 6) characters.
#include <errno.h>

#include <cstring>

#include "crypt_methods.hpp"
#include "crypt_method_catalog.hpp"

namespace lwp::libc::crypt_internal {
namespace {

// Characters for n random bytes, as libxcrypt computes it (in size_t, so
// that a huge n wraps as it does there).
constexpr std::size_t encoded_size(std::size_t bytes) noexcept { return (bytes * 8 + 5) / 6; }

char* append_salt(char* out, const unsigned char* bytes, std::size_t size) noexcept {
    for (std::size_t i = 0; i < size; i += 3) {
        std::size_t group = size - i < 3 ? size - i : 3;
        unsigned value = 0;
        for (std::size_t k = 0; k < group; ++k) value |= unsigned{bytes[i + k]} << (8 * k);
        out = append_base64(out, value, static_cast<int>(encoded_size(group)));
    }
    return out;
}

// yescrypt takes at most 64 bytes of salt; more are ignored.
constexpr std::size_t yescrypt_max_salt_bytes = 64;
constexpr std::size_t yescrypt_min_salt_bytes = 16;
// "$y$", room for up to 8 parameters of up to 6 characters, '$': what
// libxcrypt reserves before the salt, whatever the parameters take.
constexpr std::size_t yescrypt_reserved_prefix = 3 + 8 * 6 + 1;
// yescrypt's flavour for its default flags (YESCRYPT_DEFAULTS: the RW mode,
// 6 rounds, gather 4, simple 2, 12 KiB S-boxes), as one character.
constexpr char yescrypt_default_flavour = 'j';

void generate_yescrypt_into(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                            char* output, std::size_t output_size) noexcept {
    if (random_size > yescrypt_max_salt_bytes) random_size = yescrypt_max_salt_bytes;
    if (output_size < yescrypt_reserved_prefix + encoded_size(random_size) + 1) {
        errno = ERANGE;
        return;
    }
    if (count > 11 || random_size < yescrypt_min_salt_bytes) {
        errno = EINVAL;
        return;
    }
    // Cost 1..11 (5 for 0): 1 and 2 are 1 and 2 MiB in 1 KiB blocks (r = 8),
    // 3 to 11 are 4 MiB to 1 GiB in 4 KiB blocks (r = 32). N and r go in
    // as one character each, log2(N) - 1 and r - 1.
    if (count == 0) count = 5;
    unsigned block_size = count < 3 ? 8 : 32;
    unsigned log2_blocks = static_cast<unsigned>(count < 3 ? count + 9 : count + 7);
    char* out = output;
    *out++ = '$';
    *out++ = 'y';
    *out++ = '$';
    *out++ = yescrypt_default_flavour;
    *out++ = hash_alphabet[log2_blocks - 1];
    *out++ = hash_alphabet[block_size - 1];
    *out++ = '$';
    out = append_salt(out, random_bytes, random_size);
    *out = '\0';
}

// scrypt's parameters: cost 6 to 11 (7 for 0) is N = 2^(cost + 7), one
// character; r = 32 and p = 1 as 30-bit fields of 5 characters each.
constexpr std::size_t scrypt_prefix_size = 3 + 1 + 5 * 2;

}  // namespace

void generate_yescrypt_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                               char* output, std::size_t output_size) noexcept {
    generate_yescrypt_into(count, random_bytes, random_size, output, output_size);
}

// yescrypt's setting with "$gy$" for "$y$": one character more.
void generate_gost_yescrypt_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                                    char* output, std::size_t output_size) noexcept {
    std::size_t salt_size = random_size > yescrypt_max_salt_bytes ? yescrypt_max_salt_bytes : random_size;
    if (output_size < 1 + yescrypt_reserved_prefix + encoded_size(salt_size)) {
        errno = ERANGE;
        return;
    }
    generate_yescrypt_into(count, random_bytes, random_size, output, output_size - 1);
    if (output[0] == '*') return;
    std::memmove(output + 1, output, std::strlen(output) + 1);
    output[1] = 'g';
}

// scrypt takes the same salt sizes as yescrypt (at most 64 bytes used).
void generate_scrypt_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                             char* output, std::size_t output_size) noexcept {
    if (random_size > yescrypt_max_salt_bytes) random_size = yescrypt_max_salt_bytes;
    if (output_size < scrypt_prefix_size + encoded_size(random_size) + 1) {
        errno = ERANGE;
        return;
    }
    if ((count > 0 && count < 6) || count > 11 || random_size < yescrypt_min_salt_bytes) {
        errno = EINVAL;
        return;
    }
    if (count == 0) count = 7;
    char* out = output;
    *out++ = '$';
    *out++ = '7';
    *out++ = '$';
    *out++ = hash_alphabet[count + 7];
    out = append_base64(out, 32, 5);
    out = append_base64(out, 1, 5);
    out = append_salt(out, random_bytes, random_size);
    *out = '\0';
}

}  // namespace lwp::libc::crypt_internal
