// sha512crypt: crypt's "$6$" method (crypt_sha_method.hpp over SHA-512).
#include <string.h>

#include "crypt_sha2.hpp"
#include "crypt_sha_method.hpp"

namespace lwp::libc::crypt_internal {

void sha512_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept {
    // 63 of the 64 bytes in 21 groups, then byte 63 as two characters.
    auto tail = [](char* out, const unsigned char* d) noexcept { return append_base64(out, d[63], 2); };
    sha_crypt<sha512_digest>(phrase, phrase_size, setting, 3, 22, 63, tail, output);
}

}  // namespace lwp::libc::crypt_internal
