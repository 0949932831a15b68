// yescrypt's key derivation (crypt_yescrypt.hpp), written from the
// yescrypt specification and its reference implementation's structure:
// PBKDF2 spreads the password over p lanes of 128r bytes, SMix runs each
// lane through the large array V, PBKDF2 condenses the lanes again.
//
// Word order: as the specification has it, the 16 words of each 64-byte
// sub-block are held in "lane order", position i holding the block's word
// (5 i) mod 16 (the order a 4-wide SIMD Salsa20 keeps them in). pwxform
// and the S-boxes are defined over that order, so it is kept throughout
// and undone only where bytes come in or go out.
#include "crypt_yescrypt.hpp"

#include <string.h>
#include <sys/mman.h>

#include <bit>

#include "crypt_hmac_sha256.hpp"

namespace lwp::libc::crypt_internal {
namespace {

using word = std::uint32_t;
constexpr std::size_t sub_block_words = 16;  // one Salsa20 block, 64 bytes

// pwxform's S-boxes: three of 2^8 entries of two 64-bit words each.
constexpr std::size_t sbox_entries = 256;
constexpr std::size_t sbox_words = sbox_entries * 2 * 2;
constexpr std::size_t sboxes_bytes = 3 * sbox_words * sizeof(word);  // 12 KiB
// Selects an entry from a word: a byte offset of a 16-byte entry.
constexpr word sbox_offset_mask = (sbox_entries - 1) * 16;
constexpr int pwxform_rounds = 6;
constexpr std::uint32_t prehash_flag = 0x10000000;  // the inner pass of a large RW hash

word load_le32(const unsigned char* bytes) {
    return word{bytes[0]} | word{bytes[1]} << 8 | word{bytes[2]} << 16 | word{bytes[3]} << 24;
}

void store_le32(unsigned char* bytes, word value) {
    for (int i = 0; i < 4; ++i) bytes[i] = static_cast<unsigned char>(value >> (8 * i));
}

constexpr std::size_t natural_index(std::size_t lane_position) { return lane_position * 5 % 16; }

// Salsa20's quarter-round (Bernstein, "The Salsa20 family of stream ciphers").
void quarter_round(word& a, word& b, word& c, word& d) {
    b ^= std::rotl(a + d, 7);
    c ^= std::rotl(b + a, 9);
    d ^= std::rotl(c + b, 13);
    a ^= std::rotl(d + c, 18);
}

// The Salsa20 core with the given number of double rounds, its input added
// to its output, on a sub-block in lane order.
void salsa20(word block[sub_block_words], int double_rounds) {
    word x[16];
    for (std::size_t i = 0; i < 16; ++i) x[natural_index(i)] = block[i];
    for (int round = 0; round < double_rounds; ++round) {
        quarter_round(x[0], x[4], x[8], x[12]);  // columns
        quarter_round(x[5], x[9], x[13], x[1]);
        quarter_round(x[10], x[14], x[2], x[6]);
        quarter_round(x[15], x[3], x[7], x[11]);
        quarter_round(x[0], x[1], x[2], x[3]);  // rows
        quarter_round(x[5], x[6], x[7], x[4]);
        quarter_round(x[10], x[11], x[8], x[9]);
        quarter_round(x[15], x[12], x[13], x[14]);
    }
    for (std::size_t i = 0; i < 16; ++i) block[i] += x[natural_index(i)];
}

void xor_words(word* into, const word* from, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) into[i] ^= from[i];
}

// scrypt's BlockMix over Salsa20/8: each sub-block is chained into the
// previous result; the results go out even ones first, then odd ones.
// scratch holds 2r sub-blocks.
void blockmix_salsa8(word* block, word* scratch, std::size_t r) {
    word x[sub_block_words];
    memcpy(x, block + (2 * r - 1) * sub_block_words, sizeof x);
    for (std::size_t i = 0; i < 2 * r; ++i) {
        xor_words(x, block + i * sub_block_words, sub_block_words);
        salsa20(x, 4);
        memcpy(scratch + i * sub_block_words, x, sizeof x);
    }
    for (std::size_t i = 0; i < r; ++i) {
        memcpy(block + i * sub_block_words, scratch + 2 * i * sub_block_words, sizeof x);
        memcpy(block + (r + i) * sub_block_words, scratch + (2 * i + 1) * sub_block_words, sizeof x);
    }
}

// A lane's pwxform state: the S-boxes read (s0, s1) and written (s2),
// which rotate after each use, and the next 64-bit entry of s2 to write.
struct pwxform_state {
    word* s0;
    word* s1;
    word* s2;
    std::size_t write_entry;
};

std::uint64_t sbox_value(const word* entry, int k) {
    return std::uint64_t{entry[2 * k + 1]} << 32 | entry[2 * k];
}

// pwxform on one sub-block: 4 gathers of 2 simple 64-bit lanes; each
// round multiplies each lane's halves and mixes in two S-box entries
// chosen by the gather's first lane. Rounds 1 to 4 also record their
// results in s2, so later blocks depend on this one's history.
void pwxform(word x[sub_block_words], pwxform_state& state) {
    // Locals, and the block in 64-bit lanes: the S-box stores could
    // otherwise alias both, forcing reloads after each.
    word* s0 = state.s0;
    word* s1 = state.s1;
    word* s2 = state.s2;
    std::size_t write_entry = state.write_entry;
    std::uint64_t lanes[8];
    for (int i = 0; i < 8; ++i) lanes[i] = std::uint64_t{x[2 * i + 1]} << 32 | x[2 * i];
    for (int round = 0; round < pwxform_rounds; ++round) {
        for (int gather = 0; gather < 4; ++gather) {
            std::uint64_t& first = lanes[2 * gather];
            std::uint64_t& second = lanes[2 * gather + 1];
            const word* entry0 = s0 + (static_cast<word>(first) & sbox_offset_mask) / sizeof(word);
            const word* entry1 = s1 + (static_cast<word>(first >> 32) & sbox_offset_mask) / sizeof(word);
            first = ((first >> 32) * (first & 0xffffffff) + sbox_value(entry0, 0)) ^ sbox_value(entry1, 0);
            second = ((second >> 32) * (second & 0xffffffff) + sbox_value(entry0, 1)) ^ sbox_value(entry1, 1);
            if (round != 0 && round != pwxform_rounds - 1) {
                word* entry = s2 + 2 * write_entry;
                entry[0] = static_cast<word>(first);
                entry[1] = static_cast<word>(first >> 32);
                entry[2] = static_cast<word>(second);
                entry[3] = static_cast<word>(second >> 32);
                write_entry += 2;
            }
        }
    }
    for (int i = 0; i < 8; ++i) {
        x[2 * i] = static_cast<word>(lanes[i]);
        x[2 * i + 1] = static_cast<word>(lanes[i] >> 32);
    }
    state.s0 = s2;
    state.s1 = s0;
    state.s2 = s1;
    state.write_entry = write_entry & (sbox_entries * 2 - 1);
}

// yescrypt's BlockMix: pwxform chained through the 2r sub-blocks, then
// Salsa20/2 on the last one.
void blockmix_pwxform(word* block, std::size_t r, pwxform_state& state) {
    word x[sub_block_words];
    memcpy(x, block + (2 * r - 1) * sub_block_words, sizeof x);
    for (std::size_t i = 0; i < 2 * r; ++i) {
        xor_words(x, block + i * sub_block_words, sub_block_words);
        pwxform(x, state);
        memcpy(block + i * sub_block_words, x, sizeof x);
    }
    salsa20(block + (2 * r - 1) * sub_block_words, 1);
}

// The low 32 bits of the last sub-block's first 64-bit word: enough, as
// every index taken from it is masked below 2^31.
word integerify(const word* block, std::size_t r) { return block[(2 * r - 1) * sub_block_words]; }

std::uint64_t power_of_two_floor(std::uint64_t value) {
    while (value & (value - 1)) value &= value - 1;
    return value;
}

// A lane's state between the byte form PBKDF2 gives and lane order.
void load_block(word* x, const unsigned char* bytes, std::size_t r) {
    for (std::size_t k = 0; k < 2 * r; ++k)
        for (std::size_t i = 0; i < 16; ++i)
            x[k * 16 + i] = load_le32(bytes + 4 * (k * 16 + natural_index(i)));
}

void store_block(unsigned char* bytes, const word* x, std::size_t r) {
    for (std::size_t k = 0; k < 2 * r; ++k)
        for (std::size_t i = 0; i < 16; ++i) store_le32(bytes + 4 * (k * 16 + natural_index(i)), x[k * 16 + i]);
}

void mix(word* x, word* scratch, std::size_t r, pwxform_state* state) {
    if (state != nullptr)
        blockmix_pwxform(x, r, *state);
    else
        blockmix_salsa8(x, scratch, r);
}

// SMix's first loop: fills V with the successive states. With RW each
// step also mixes in an earlier block: j from Integerify wrapped into the
// blocks written so far (its low bits below the largest power of two not
// above i, offset to end at i).
void smix1(unsigned char* bytes, std::size_t r, std::uint64_t n, bool rw, word* v, word* xy, pwxform_state* state) {
    std::size_t block_words = 32 * r;
    word* x = xy;
    load_block(x, bytes, r);
    for (std::uint64_t i = 0; i < n; ++i) {
        memcpy(v + i * block_words, x, block_words * sizeof(word));
        if (rw && i > 1) {
            std::uint64_t span = power_of_two_floor(i);
            std::uint64_t j = (integerify(x, r) & (span - 1)) + (i - span);
            xor_words(x, v + j * block_words, block_words);
        }
        mix(x, xy + block_words, r, state);
    }
    store_block(bytes, x, r);
}

// SMix's second loop: loops steps, each mixing in V_j for j from
// Integerify; with RW the mixed state is written back to V_j.
void smix2(unsigned char* bytes, std::size_t r, std::uint64_t n, std::uint64_t loops, bool rw, word* v, word* xy,
           pwxform_state* state) {
    std::size_t block_words = 32 * r;
    word* x = xy;
    load_block(x, bytes, r);
    for (std::uint64_t i = 0; i < loops; ++i) {
        std::uint64_t j = integerify(x, r) & (n - 1);
        xor_words(x, v + j * block_words, block_words);
        if (rw) memcpy(v + j * block_words, x, block_words * sizeof(word));
        mix(x, xy + block_words, r, state);
    }
    store_block(bytes, x, r);
}

// The memory one derivation uses, in one mapping.
struct work_area {
    unsigned char* b;       // p lanes of 128r bytes
    word* v;                // n blocks of 128r bytes
    word* xy;               // two blocks of 128r bytes
    word* sboxes;           // p sets of S-boxes (RW only)
    pwxform_state* states;  // p states (RW only)
};

// SMix over all lanes. With RW the lanes split V between them for the
// first part, each with its own S-boxes made by classic SMix1, and the
// first lane's S-box seed also rekeys the password; then every lane runs
// the rest of its second loop over the whole V, read-only.
void smix(work_area& area, std::size_t r, std::uint64_t n, std::uint32_t p, std::uint32_t t, std::uint32_t flags,
          unsigned char password[32]) {
    bool rw = (flags & yescrypt_rw) != 0;
    std::uint64_t chunk = n / p;
    std::uint64_t loops_all = chunk;
    if (rw) {
        if (t <= 1) {
            if (t == 1) loops_all *= 2;
            loops_all = (loops_all + 2) / 3;  // a third (two thirds for t = 1), rounded up
        } else {
            loops_all *= t - 1;
        }
    } else if (t != 0) {
        if (t == 1) loops_all += (loops_all + 1) / 2;  // one and a half, rounded up
        loops_all *= t;
    }
    std::uint64_t loops_rw = rw ? loops_all / p : 0;
    chunk &= ~std::uint64_t{1};
    loops_all = (loops_all + 1) & ~std::uint64_t{1};
    loops_rw = (loops_rw + 1) & ~std::uint64_t{1};

    std::size_t block_bytes = 128 * r;
    for (std::uint32_t i = 0; i < p; ++i) {
        std::uint64_t first = i * chunk;
        std::uint64_t count = i < p - 1 ? chunk : n - first;
        unsigned char* lane = area.b + i * block_bytes;
        word* lane_v = area.v + first * (block_bytes / sizeof(word));
        pwxform_state* state = nullptr;
        if (rw) {
            word* sboxes = area.sboxes + std::size_t{i} * 3 * sbox_words;
            smix1(lane, 1, sboxes_bytes / 128, false, sboxes, area.xy, nullptr);
            state = &area.states[i];
            *state = {sboxes + 2 * sbox_words, sboxes + sbox_words, sboxes, 0};
            if (i == 0) hmac_sha256(lane + block_bytes - 64, 64, password, 32, password);
        }
        smix1(lane, r, count, rw, lane_v, area.xy, state);
        smix2(lane, r, power_of_two_floor(count), loops_rw, rw, lane_v, area.xy, state);
    }
    for (std::uint32_t i = 0; i < p; ++i)
        smix2(area.b + i * block_bytes, r, n, loops_all - loops_rw, false, area.v, area.xy,
              rw ? &area.states[i] : nullptr);
}

// One pass of the derivation into a 32-byte hash, in an area big enough.
void derive(const unsigned char* password, std::size_t password_size, const unsigned char* salt,
            std::size_t salt_size, std::uint32_t flags, std::uint64_t n, std::uint32_t r, std::uint32_t p,
            std::uint32_t t, work_area& area, unsigned char hash[32]) {
    // Every mode but classic scrypt first replaces the password by a MAC
    // of it, and then by the first 32 bytes of the expanded lanes.
    unsigned char rekeyed[32];
    if (flags != 0) {
        static constexpr char prehash_key[] = "yescrypt-prehash";
        hmac_sha256(prehash_key, (flags & prehash_flag) ? 16 : 8, password, password_size, rekeyed);
        password = rekeyed;
        password_size = sizeof rekeyed;
    }
    std::size_t lanes_bytes = std::size_t{128} * r * p;
    pbkdf2_sha256_once(password, password_size, salt, salt_size, area.b, lanes_bytes);
    if (flags != 0) memcpy(rekeyed, area.b, sizeof rekeyed);

    if (p == 1 || (flags & yescrypt_rw)) {
        smix(area, r, n, p, t, flags, rekeyed);
    } else {
        // scrypt's lanes are independent: each runs SMix alone, reusing V.
        for (std::uint32_t i = 0; i < p; ++i) {
            work_area lane_area = area;
            lane_area.b = area.b + std::size_t{128} * r * i;
            smix(lane_area, r, n, 1, t, flags, rekeyed);
        }
    }
    pbkdf2_sha256_once(password, password_size, area.b, lanes_bytes, hash, 32);

    // The final steps are SCRAM's (RFC 5802): the hash is the digest of the
    // "client key" MAC keyed with the derived key.
    if (flags != 0 && !(flags & prehash_flag)) {
        unsigned char client_key[32];
        static constexpr char client_key_label[] = "Client Key";
        hmac_sha256(hash, 32, client_key_label, sizeof client_key_label - 1, client_key);
        sha256_digest digest;
        digest.update(client_key, sizeof client_key);
        digest.finish(hash);
        explicit_bzero(client_key, sizeof client_key);
    }
    explicit_bzero(rekeyed, sizeof rekeyed);
}

// libxcrypt's limits: a mode it knows with nothing foreign in it, N a
// power of two from 4 to 2^31 (at least 4 per lane with RW), r p below
// 2^30, and sizes that fit a size_t.
bool parameters_allowed(const yescrypt_parameters& parameters) {
    const auto& [flags, n, r, p, t, g, nrom] = parameters;
    if (g != 0 || nrom != 0) return false;
    switch (flags & yescrypt_mode_mask) {
    case 0:
        if (flags != 0 || t != 0) return false;
        break;
    case yescrypt_worm:
        if (flags != yescrypt_worm) return false;
        break;
    case yescrypt_rw:
        if ((flags & ~(yescrypt_mode_mask | yescrypt_rw_shape_mask)) != 0 ||
            (flags & yescrypt_rw_shape_mask) != yescrypt_rw_shape)
            return false;
        break;
    default:
        return false;
    }
    if (std::uint64_t{r} * p >= (std::uint64_t{1} << 30)) return false;
    if (n > UINT32_MAX || (n & (n - 1)) != 0 || n <= 3 || r < 1 || p < 1) return false;
    if (r > SIZE_MAX / 256 / p || n > SIZE_MAX / 128 / r) return false;
    if ((flags & yescrypt_rw) && n / p <= 3) return false;
    return true;
}

// Adds size to total unless that overflows.
bool add_size(std::size_t& total, std::size_t size) {
    if (total + size < size) return false;
    total += size;
    return true;
}

}  // namespace

bool yescrypt_kdf(const unsigned char* password, std::size_t password_size, const unsigned char* salt,
                  std::size_t salt_size, const yescrypt_parameters& parameters,
                  unsigned char hash[yescrypt_hash_size]) noexcept {
    if (!parameters_allowed(parameters)) return false;
    const std::uint32_t flags = parameters.flags;
    const std::uint64_t n = parameters.n;
    const std::uint32_t r = parameters.r, p = parameters.p;
    bool rw = (flags & yescrypt_rw) != 0;

    // Sized for the main pass (the pre-hash pass needs less), and taken
    // before any work, so that a hash too big for the machine fails at once.
    std::size_t lanes_bytes = std::size_t{128} * r * p;
    std::size_t v_bytes = std::size_t{128} * r * n;
    std::size_t xy_bytes = std::size_t{256} * r;
    std::size_t total = lanes_bytes;
    if (!add_size(total, v_bytes) || !add_size(total, xy_bytes)) return false;
    std::size_t sboxes_offset = total;
    std::size_t states_offset = total;
    if (rw) {
        if (p > SIZE_MAX / (sboxes_bytes + sizeof(pwxform_state))) return false;
        if (!add_size(total, sboxes_bytes * p)) return false;
        states_offset = total;
        if (!add_size(total, sizeof(pwxform_state) * p)) return false;
    }
    void* mapping = mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping == MAP_FAILED) return false;
    auto* base = static_cast<unsigned char*>(mapping);
    work_area area{base, reinterpret_cast<word*>(base + lanes_bytes),
                   reinterpret_cast<word*>(base + lanes_bytes + v_bytes), reinterpret_cast<word*>(base + sboxes_offset),
                   reinterpret_cast<pwxform_state*>(base + states_offset)};

    // yescrypt's rule for a large RW hash (at least 2^8 blocks and 2^17 r
    // per lane): the password is first replaced by the hash of a pass
    // with N/64, t = 0 and the pre-hash key.
    unsigned char stand_in[32];
    if (rw && n / p >= 0x100 && n / p * r >= 0x20000) {
        derive(password, password_size, salt, salt_size, flags | prehash_flag, n >> 6, r, p, 0, area, stand_in);
        password = stand_in;
        password_size = sizeof stand_in;
    }
    derive(password, password_size, salt, salt_size, flags, n, r, p, parameters.t, area, hash);
    explicit_bzero(stand_in, sizeof stand_in);
    // The mapping held the password's expansion: wiped by unmapping.
    munmap(mapping, total);
    return true;
}

}  // namespace lwp::libc::crypt_internal
