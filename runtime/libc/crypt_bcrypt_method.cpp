// bcrypt: crypt's "$2a$", "$2b$", "$2x$" and "$2y$" methods (Provos and
// Mazieres' eksblowfish), with libxcrypt's rules: "$2?$NN$" with NN two
// digits from 04 to 31 (2^NN rounds), then 22 salt characters (16 bytes);
// anything after them is ignored. The phrase is used with its terminating
// NUL, repeated to 72 bytes, so only its first 72 bytes count.
#include <errno.h>
#include <string.h>

#include <cstdint>

#include "crypt_methods.hpp"

namespace lwp::libc::crypt_internal {
namespace {

#include "crypt_blowfish_pi.inc"

constexpr int p_words = 18;
constexpr int salt_characters = 22;
constexpr int minimum_cost = 4;

// bcrypt's own base64: another alphabet than crypt's, and bits taken from
// the top of each byte (the usual base64 order).
constexpr char bcrypt_alphabet[] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

int bcrypt_digit(char c) noexcept {
    const char* at = c == '\0' ? nullptr : strchr(bcrypt_alphabet, c);
    return at == nullptr ? -1 : static_cast<int>(at - bcrypt_alphabet);
}

// Reads size bytes from characters; false on a character outside the
// alphabet (or too few). The bits past the last whole byte are dropped,
// which is why the 22nd salt character has four ignored bits.
bool decode_bytes(const char* characters, unsigned char* bytes, int size) noexcept {
    unsigned accumulator = 0;
    int bits = 0;
    for (int written = 0; written < size;) {
        int digit = bcrypt_digit(*characters++);
        if (digit < 0) return false;
        accumulator = accumulator << 6 | static_cast<unsigned>(digit);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes[written++] = static_cast<unsigned char>(accumulator >> bits);
        }
    }
    return true;
}

// Writes size bytes as ceil(size * 8 / 6) characters, the last padded with zero bits.
char* encode_bytes(char* out, const unsigned char* bytes, int size) noexcept {
    unsigned accumulator = 0;
    int bits = 0;
    for (int i = 0; i < size; ++i) {
        accumulator = accumulator << 8 | bytes[i];
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            *out++ = bcrypt_alphabet[(accumulator >> bits) & 0x3f];
        }
    }
    if (bits > 0) *out++ = bcrypt_alphabet[(accumulator << (6 - bits)) & 0x3f];
    return out;
}

struct BlowfishState {
    std::uint32_t p[p_words];
    std::uint32_t s[4][256];

    std::uint32_t round_function(std::uint32_t x) const noexcept {
        return ((s[0][x >> 24] + s[1][(x >> 16) & 0xff]) ^ s[2][(x >> 8) & 0xff]) + s[3][x & 0xff];
    }

    void encrypt(std::uint32_t& left, std::uint32_t& right) const noexcept {
        std::uint32_t l = left, r = right;
        for (int i = 0; i < 16; i += 2) {
            l ^= p[i];
            r ^= round_function(l);
            r ^= p[i + 1];
            l ^= round_function(r);
        }
        left = r ^ p[17];
        right = l ^ p[16];
    }

    // Re-keys every P and S word by encrypting a running block, each
    // block first mixed with the next two words of the (cyclic) salt;
    // a zero salt gives Blowfish's ordinary key schedule.
    void mix_encryptions(const std::uint32_t salt[4]) noexcept {
        std::uint32_t left = 0, right = 0;
        int salt_at = 0;
        auto next = [&](std::uint32_t* out) {
            left ^= salt[salt_at];
            right ^= salt[salt_at + 1];
            salt_at ^= 2;
            encrypt(left, right);
            out[0] = left;
            out[1] = right;
        };
        for (int i = 0; i < p_words; i += 2) next(&p[i]);
        for (auto& box : s)
            for (int i = 0; i < 256; i += 2) next(&box[i]);
    }

    void xor_into_p(const std::uint32_t* words, int count) noexcept {
        for (int i = 0; i < p_words; ++i) p[i] ^= words[i % count];
    }
};

// The phrase as 18 key words: its bytes with the NUL, repeated. "$2x$"
// reproduces the historical bug of crypt_blowfish before 1.1, which
// sign-extended each byte into the word (a byte >= 0x80 overwrote the
// bytes before it with ones). "$2a$" hashes correctly, except that if the
// phrase's bytes >= 0x80 were sign-extended somewhere without changing
// the words (so the buggy code gave the same key), it flips bit 16 of the
// first word of the initial P xor (not the key used in the rounds), so
// that such a hash differs from every buggy one; libxcrypt keeps this.
struct PhraseKey {
    std::uint32_t words[p_words];
    std::uint32_t first_word_flip;
};

PhraseKey phrase_key(const char* phrase, char variant) noexcept {
    PhraseKey key{};
    std::uint32_t any_difference = 0;
    bool harmful_sign_extension = false;
    const char* at = phrase;
    for (auto& word : key.words) {
        std::uint32_t correct = 0, sign_extended = 0;
        for (int byte = 0; byte < 4; ++byte) {
            correct = correct << 8 | static_cast<unsigned char>(*at);
            sign_extended = sign_extended << 8 | static_cast<std::uint32_t>(static_cast<std::int32_t>(static_cast<signed char>(*at)));
            // In the first byte of a word the extension is shifted out later.
            if (byte != 0 && static_cast<signed char>(*at) < 0) harmful_sign_extension = true;
            at = *at == '\0' ? phrase : at + 1;
        }
        any_difference |= correct ^ sign_extended;
        word = variant == 'x' ? sign_extended : correct;
    }
    if (variant == 'a' && harmful_sign_extension && any_difference == 0) key.first_word_flip = 0x10000;
    return key;
}

}  // namespace

void bcrypt_crypt(const char* phrase, std::size_t, const char* setting, char* output) noexcept {
    // Checked in order, so that a short setting is not read past its end.
    char variant = setting[2];
    if (setting[0] != '$' || setting[1] != '2' || variant == '\0' || strchr("abxy", variant) == nullptr ||
        setting[3] != '$' || setting[4] < '0' || setting[4] > '3' || setting[5] < '0' || setting[5] > '9' ||
        setting[6] != '$') {
        errno = EINVAL;
        return;
    }
    int cost = (setting[4] - '0') * 10 + (setting[5] - '0');
    unsigned char salt_bytes[16];
    if (cost < minimum_cost || cost > 31 || !decode_bytes(setting + 7, salt_bytes, sizeof salt_bytes)) {
        errno = EINVAL;
        return;
    }
    std::uint32_t salt[4];
    for (int i = 0; i < 4; ++i)
        salt[i] = std::uint32_t{salt_bytes[4 * i]} << 24 | std::uint32_t{salt_bytes[4 * i + 1]} << 16 |
                  std::uint32_t{salt_bytes[4 * i + 2]} << 8 | salt_bytes[4 * i + 3];

    // Eksblowfish's setup: the key and salt schedule, then 2^cost rounds
    // of the ordinary key schedule with the key and with the salt in turn.
    PhraseKey key = phrase_key(phrase, variant);
    BlowfishState state;
    memcpy(state.p, blowfish_initial_p, sizeof state.p);
    memcpy(state.s, blowfish_initial_s, sizeof state.s);
    state.xor_into_p(key.words, p_words);
    state.p[0] ^= key.first_word_flip;
    state.mix_encryptions(salt);
    static constexpr std::uint32_t no_salt[4] = {};
    for (std::uint64_t round = std::uint64_t{1} << cost; round > 0; --round) {
        state.xor_into_p(key.words, p_words);
        state.mix_encryptions(no_salt);
        state.xor_into_p(salt, 4);
        state.mix_encryptions(no_salt);
    }

    // "OrpheanBeholderScryDoubt" encrypted 64 times; 23 of its 24 bytes are kept.
    static constexpr char magic[] = "OrpheanBeholderScryDoubt";
    unsigned char digest[24];
    for (int block = 0; block < 3; ++block) {
        std::uint32_t half[2];
        for (int h = 0; h < 2; ++h) {
            const char* bytes = magic + 8 * block + 4 * h;
            half[h] = std::uint32_t(bytes[0]) << 24 | std::uint32_t(bytes[1]) << 16 | std::uint32_t(bytes[2]) << 8 | std::uint32_t(bytes[3]);
        }
        for (int i = 0; i < 64; ++i) state.encrypt(half[0], half[1]);
        for (int h = 0; h < 2; ++h)
            for (int b = 0; b < 4; ++b) digest[8 * block + 4 * h + b] = static_cast<unsigned char>(half[h] >> (24 - 8 * b));
    }

    // The salt is written back from its bytes, which clears the 22nd
    // character's ignored bits.
    memcpy(output, setting, 7);
    char* out = encode_bytes(output + 7, salt_bytes, sizeof salt_bytes);
    out = encode_bytes(out, digest, 23);
    *out = '\0';
    explicit_bzero(&state, sizeof state);
    explicit_bzero(&key, sizeof key);
    explicit_bzero(digest, sizeof digest);
}

}  // namespace lwp::libc::crypt_internal
