// What MD5, SHA-256 and SHA-512 share (RFC 1321, FIPS 180-4): input
// gathered into blocks, each block compressed as it fills, and the closing
// padding: a 1 bit, zeros up to the length field, then the message's length
// in bits (little-endian for MD5, big-endian for SHA; SHA-512's 16-byte
// field has its high half zero, passwords being far shorter than 2^64
// bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace lwp::libc::crypt_internal {

template <std::size_t block_size>
struct block_buffer {
    std::uint64_t length = 0;  // bytes taken so far
    unsigned char pending[block_size];

    template <typename Compress>
    void add(const void* data, std::size_t size, Compress compress) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        while (size > 0) {
            std::size_t used = length % block_size;
            std::size_t take = size < block_size - used ? size : block_size - used;
            std::memcpy(pending + used, bytes, take);
            length += take;
            bytes += take;
            size -= take;
            if (length % block_size == 0) compress(pending);
        }
    }

    // The length field is 8 bytes (MD5, SHA-256) or 16 (SHA-512): the
    // padding reaches its start, and its bytes before the last 8 are zero.
    template <typename Compress>
    void pad(std::size_t length_field_size, bool big_endian, Compress compress) {
        std::uint64_t bit_length = length * 8;
        unsigned char marker = 0x80, zero = 0;
        add(&marker, 1, compress);
        while (length % block_size != block_size - length_field_size) add(&zero, 1, compress);
        for (std::size_t i = 8; i < length_field_size; ++i) add(&zero, 1, compress);
        unsigned char length_bytes[8];
        for (int i = 0; i < 8; ++i)
            length_bytes[i] = static_cast<unsigned char>(bit_length >> (big_endian ? 56 - 8 * i : 8 * i));
        add(length_bytes, 8, compress);
    }
};

}  // namespace lwp::libc::crypt_internal
