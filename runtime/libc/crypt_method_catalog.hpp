// What crypt (crypt_dispatch.cpp), crypt_gensalt (crypt_gensalt.cpp) and
// crypt_checksalt (crypt_method_catalog.cpp) share: every method Debian's
// libcrypt (libxcrypt 4.4.33) knows, with the function that hashes with it
// (crypt_methods.hpp) where lwp has one, and the function that builds its
// setting strings. A generator writes a whole setting (NUL-terminated) into output,
// or leaves output as the failure token crypt_gensalt_rn put there and sets
// errno: EINVAL for a count or an amount of random bytes the method refuses,
// ERANGE for an output area too small. Each follows libxcrypt's rules, quirks
// included, so that the same (count, random bytes, size) give the same
// string or the same refusal.
#pragma once

#include <cstddef>

#include "crypt_methods.hpp"

namespace lwp::libc::crypt_internal {

using SettingGenerator = void (*)(unsigned long count, const unsigned char* random_bytes,
                                  std::size_t random_size, char* output, std::size_t output_size) noexcept;

struct KnownMethod {
    const char* prefix;  // "" for traditional DES and bigcrypt: two salt characters
    // How many bytes crypt_gensalt draws from the kernel when the caller
    // gives none (libxcrypt's figure for the method).
    unsigned char default_random_size;
    SettingGenerator generate;
    // nullptr for a method lwp does not hash: crypt refuses its settings
    // and crypt_checksalt calls them invalid, as a libxcrypt built without
    // the method does.
    HashMethod hash;
    // libxcrypt's "strong" mark: crypt_checksalt answers CRYPT_SALT_OK for
    // it, CRYPT_SALT_METHOD_LEGACY otherwise.
    bool strong;
};

// The method whose prefix a setting (or gensalt prefix) starts with, as
// libxcrypt matches it (first in libxcrypt's order; an empty string or two
// salt characters are DES), or nullptr.
const KnownMethod* find_known_method(const char* setting) noexcept;

// Settings are stored in colon-separated files: libxcrypt refuses any with
// a character that is not printable ASCII, or one of those that mean
// something there or in shells ("!*:;\\"), whatever the method.
bool setting_characters_allowed(const char* setting) noexcept;

void generate_sha512_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_sha256_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_md5_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_bcrypt_b_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_bcrypt_a_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_bcrypt_y_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void refuse_bcrypt_x_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_yescrypt_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_gost_yescrypt_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_scrypt_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_des_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_bsdi_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_nt_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_sha1crypt_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;
void generate_sunmd5_setting(unsigned long, const unsigned char*, std::size_t, char*, std::size_t) noexcept;

}  // namespace lwp::libc::crypt_internal
