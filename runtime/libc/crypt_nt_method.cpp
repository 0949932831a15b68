// The NT hash ($3$), FreeBSD's crypt method for Windows' password hashes:
// MD4 over the phrase as UTF-16LE, each byte taken as one code unit (as
// libxcrypt does: a UTF-8 phrase is not decoded), written "$3$$" and 32
// lower-case hexadecimal digits. There is no salt: anything after "$3$" in
// the setting is ignored.
#include <string.h>

#include "crypt_md4.hpp"
#include "crypt_methods.hpp"

namespace lwp::libc::crypt_internal {

void nt_crypt(const char* phrase, std::size_t phrase_size, const char*, char* output) noexcept {
    md4_digest digest;
    for (std::size_t i = 0; i < phrase_size; ++i) {
        const unsigned char code_unit[2] = {static_cast<unsigned char>(phrase[i]), 0};
        digest.update(code_unit, sizeof code_unit);
    }
    unsigned char hash[md4_digest::digest_size];
    digest.finish(hash);
    static constexpr char hex_digits[] = "0123456789abcdef";
    char* out = output;
    memcpy(out, "$3$$", 4);
    out += 4;
    for (unsigned char byte : hash) {
        *out++ = hex_digits[byte >> 4];
        *out++ = hex_digits[byte & 0xf];
    }
    *out = '\0';
    explicit_bzero(hash, sizeof hash);
}

}  // namespace lwp::libc::crypt_internal
