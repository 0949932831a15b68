// HMAC-SHA256 (RFC 2104) and PBKDF2-HMAC-SHA256 (RFC 8018), as yescrypt
// and scrypt need them, over the SHA-256 of crypt_sha2.hpp.
#pragma once

#include <cstddef>

#include "crypt_sha2.hpp"

namespace lwp::libc::crypt_internal {

// A key made ready once: the digests that have already taken the key xor
// the inner pad and the outer pad, copied for each message.
class hmac_sha256_key {
public:
    hmac_sha256_key(const void* key, std::size_t key_size) noexcept;
    ~hmac_sha256_key();
    // A message's MAC in two steps, for callers that reuse a common start:
    // start() gives the digest to feed the message to, finish() the MAC.
    sha256_digest start() const noexcept { return inner; }
    void finish(sha256_digest& message_digest, unsigned char out[sha256_digest::digest_size]) const noexcept;
    void mac(const void* message, std::size_t message_size,
             unsigned char out[sha256_digest::digest_size]) const noexcept;

private:
    sha256_digest inner;
    sha256_digest outer;
};

inline void hmac_sha256(const void* key, std::size_t key_size, const void* message, std::size_t message_size,
                        unsigned char out[sha256_digest::digest_size]) noexcept {
    hmac_sha256_key(key, key_size).mac(message, message_size, out);
}

// PBKDF2 with one iteration, which is all scrypt and yescrypt use:
// block i (from 1) of the output is HMAC(password, salt || i as 4 bytes
// big-endian).
void pbkdf2_sha256_once(const void* password, std::size_t password_size, const void* salt, std::size_t salt_size,
                        unsigned char* out, std::size_t out_size) noexcept;

}  // namespace lwp::libc::crypt_internal
