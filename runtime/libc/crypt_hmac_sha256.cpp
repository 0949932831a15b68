// HMAC-SHA256 and one-iteration PBKDF2-HMAC-SHA256 (crypt_hmac_sha256.hpp).
#include "crypt_hmac_sha256.hpp"

#include <string.h>

namespace lwp::libc::crypt_internal {

namespace {
constexpr std::size_t block_size = 64;  // SHA-256's input block
}

hmac_sha256_key::hmac_sha256_key(const void* key, std::size_t key_size) noexcept {
    // A key longer than a block is replaced by its digest; a shorter one is
    // padded with zeros to a block.
    unsigned char padded[block_size] = {};
    if (key_size > block_size) {
        sha256_digest digest;
        digest.update(key, key_size);
        digest.finish(padded);
    } else {
        memcpy(padded, key, key_size);
    }
    unsigned char pad[block_size];
    for (std::size_t i = 0; i < block_size; ++i) pad[i] = static_cast<unsigned char>(padded[i] ^ 0x36);
    inner.update(pad, block_size);
    for (std::size_t i = 0; i < block_size; ++i) pad[i] = static_cast<unsigned char>(padded[i] ^ 0x5c);
    outer.update(pad, block_size);
    explicit_bzero(padded, sizeof padded);
    explicit_bzero(pad, sizeof pad);
}

// The prepared digests hold the key's pads: not left behind.
hmac_sha256_key::~hmac_sha256_key() {
    explicit_bzero(&inner, sizeof inner);
    explicit_bzero(&outer, sizeof outer);
}

void hmac_sha256_key::finish(sha256_digest& message_digest,
                             unsigned char out[sha256_digest::digest_size]) const noexcept {
    unsigned char inner_result[sha256_digest::digest_size];
    message_digest.finish(inner_result);
    sha256_digest outer_digest = outer;
    outer_digest.update(inner_result, sizeof inner_result);
    outer_digest.finish(out);
    explicit_bzero(inner_result, sizeof inner_result);
    explicit_bzero(&message_digest, sizeof message_digest);
    explicit_bzero(&outer_digest, sizeof outer_digest);
}

void hmac_sha256_key::mac(const void* message, std::size_t message_size,
                          unsigned char out[sha256_digest::digest_size]) const noexcept {
    sha256_digest digest = start();
    digest.update(message, message_size);
    finish(digest, out);
}

void pbkdf2_sha256_once(const void* password, std::size_t password_size, const void* salt, std::size_t salt_size,
                        unsigned char* out, std::size_t out_size) noexcept {
    hmac_sha256_key key(password, password_size);
    // The salt (yescrypt's whole state, for the last step) goes in once;
    // each block continues a copy of the digest after it.
    sha256_digest salted = key.start();
    salted.update(salt, salt_size);
    unsigned char block[sha256_digest::digest_size];
    for (std::uint32_t index = 1; out_size > 0; ++index) {
        unsigned char counter[4] = {static_cast<unsigned char>(index >> 24), static_cast<unsigned char>(index >> 16),
                                    static_cast<unsigned char>(index >> 8), static_cast<unsigned char>(index)};
        sha256_digest digest = salted;
        digest.update(counter, sizeof counter);
        key.finish(digest, block);
        std::size_t take = out_size < sizeof block ? out_size : sizeof block;
        memcpy(out, block, take);
        out += take;
        out_size -= take;
    }
    explicit_bzero(&salted, sizeof salted);
    explicit_bzero(block, sizeof block);
}

}  // namespace lwp::libc::crypt_internal
