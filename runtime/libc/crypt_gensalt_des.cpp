// Settings for the DES-based methods: traditional DES and bigcrypt (two
// salt characters, from the low 6 bits of two random bytes; no count), and
// BSDi's extended DES ('_', the count in 4 characters, then 4 salt
// characters from 3 bytes), as libxcrypt builds them.
#include <errno.h>

#include "crypt_methods.hpp"
#include "crypt_method_catalog.hpp"

namespace lwp::libc::crypt_internal {

void generate_des_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                          char* output, std::size_t output_size) noexcept {
    if (output_size < 3) {
        errno = ERANGE;
        return;
    }
    if (random_size < 2 || count != 0) {
        errno = EINVAL;
        return;
    }
    output[0] = hash_alphabet[random_bytes[0] & 0x3f];
    output[1] = hash_alphabet[random_bytes[1] & 0x3f];
    output[2] = '\0';
}

// The count is 725 for 0, at most 2^24 - 1, and always odd: an even count
// makes DES's weak keys easier to spot in the hash.
void generate_bsdi_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                           char* output, std::size_t output_size) noexcept {
    if (output_size < 1 + 4 + 4 + 1) {
        errno = ERANGE;
        return;
    }
    if (random_size < 3) {
        errno = EINVAL;
        return;
    }
    if (count == 0) count = 725;
    if (count > 0xffffff) count = 0xffffff;
    count |= 1;
    unsigned salt = unsigned{random_bytes[0]} | unsigned{random_bytes[1]} << 8 | unsigned{random_bytes[2]} << 16;
    char* out = output;
    *out++ = '_';
    out = append_base64(out, static_cast<unsigned>(count), 4);
    out = append_base64(out, salt, 4);
    *out = '\0';
}

}  // namespace lwp::libc::crypt_internal
