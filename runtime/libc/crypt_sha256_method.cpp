// sha256crypt: crypt's "$5$" method (crypt_sha_method.hpp over SHA-256).
#include <string.h>

#include "crypt_sha2.hpp"
#include "crypt_sha_method.hpp"

namespace lwp::libc::crypt_internal {

void sha256_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept {
    // 30 of the 32 bytes in ten groups, then bytes 31 and 30 as three characters.
    auto tail = [](char* out, const unsigned char* d) noexcept {
        return append_base64(out, unsigned{d[31]} << 8 | d[30], 3);
    };
    sha_crypt<sha256_digest>(phrase, phrase_size, setting, 3, 21, 30, tail, output);
}

}  // namespace lwp::libc::crypt_internal
