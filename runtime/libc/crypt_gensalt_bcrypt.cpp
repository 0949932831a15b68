// Settings for bcrypt ($2b$, $2a$, $2y$): "$2?$", the cost as two digits
// (log2 of the rounds, 4 to 31, 5 when 0 is asked), '$', and 16 random
// bytes as 22 characters of bcrypt's own base-64 (alphabet "./A-Za-z0-9",
// most significant bits first). $2x$ (the old sign-extension bug's
// marker) is for checking old hashes only: no new setting.
#include <errno.h>

#include "crypt_method_catalog.hpp"

namespace lwp::libc::crypt_internal {
namespace {

constexpr char bcrypt_alphabet[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::size_t bcrypt_salt_bytes = 16;

void generate_bcrypt(char subtype, unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                     char* output, std::size_t output_size) noexcept {
    if (count == 0) count = 5;
    if (random_size < bcrypt_salt_bytes || count < 4 || count > 31) {
        errno = EINVAL;
        return;
    }
    if (output_size < 7 + 22 + 1) {
        errno = ERANGE;
        return;
    }
    char* out = output;
    *out++ = '$';
    *out++ = '2';
    *out++ = subtype;
    *out++ = '$';
    *out++ = static_cast<char>('0' + count / 10);
    *out++ = static_cast<char>('0' + count % 10);
    *out++ = '$';
    // 128 bits, 6 at a time from the first byte's top bit; the last
    // character carries 2 bits and four zeros.
    unsigned bits = 0, held = 0;
    for (std::size_t i = 0; i < bcrypt_salt_bytes; ++i) {
        bits = bits << 8 | random_bytes[i];
        held += 8;
        while (held >= 6) {
            held -= 6;
            *out++ = bcrypt_alphabet[(bits >> held) & 0x3f];
        }
    }
    *out++ = bcrypt_alphabet[(bits << (6 - held)) & 0x3f];
    *out = '\0';
}

}  // namespace

void generate_bcrypt_b_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                               char* output, std::size_t output_size) noexcept {
    generate_bcrypt('b', count, random_bytes, random_size, output, output_size);
}

void generate_bcrypt_a_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                               char* output, std::size_t output_size) noexcept {
    generate_bcrypt('a', count, random_bytes, random_size, output, output_size);
}

void generate_bcrypt_y_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                               char* output, std::size_t output_size) noexcept {
    generate_bcrypt('y', count, random_bytes, random_size, output, output_size);
}

void refuse_bcrypt_x_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept {
    errno = EINVAL;
}

}  // namespace lwp::libc::crypt_internal
