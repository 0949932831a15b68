// sunmd5 ($md5), Solaris's MD5-based hash, as libxcrypt computes it (its
// description of the algorithm: Passlib's documentation of sun_md5_crypt).
// Setting "$md5" then ',' or '$', optionally "rounds=N$" (N without leading
// zero, at most 2^32 - 1; 4096 + N rounds, counted in 32 bits), then salt
// characters up to '$' or the end. The whole setting up to the salt's end
// is hashed as the salt, including a '$' after it when the setting ends
// there or "$$" follows (the original's quirk, kept for its hashes).
#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "crypt_md5.hpp"
#include "crypt_methods.hpp"

namespace lwp::libc::crypt_internal {
namespace {

// Hamlet's soliloquy ("To be, or not to be", Act III scene 1) in the
// Project Gutenberg text the method was defined with
// (https://www.gutenberg.org/files/1524/old/2ws2610.tex, doubled blank
// lines as single newlines), with its terminating NUL: a round that the
// coin toss picks feeds all of it to MD5.
constexpr char hamlet_quotation[] =
    "To be, or not to be,--that is the question:--\n"
    "Whether 'tis nobler in the mind to suffer\n"
    "The slings and arrows of outrageous fortune\n"
    "Or to take arms against a sea of troubles,\n"
    "And by opposing end them?--To die,--to sleep,--\n"
    "No more; and by a sleep to say we end\n"
    "The heartache, and the thousand natural shocks\n"
    "That flesh is heir to,--'tis a consummation\n"
    "Devoutly to be wish'd. To die,--to sleep;--\n"
    "To sleep! perchance to dream:--ay, there's the rub;\n"
    "For in that sleep of death what dreams may come,\n"
    "When we have shuffled off this mortal coil,\n"
    "Must give us pause: there's the respect\n"
    "That makes calamity of so long life;\n"
    "For who would bear the whips and scorns of time,\n"
    "The oppressor's wrong, the proud man's contumely,\n"
    "The pangs of despis'd love, the law's delay,\n"
    "The insolence of office, and the spurns\n"
    "That patient merit of the unworthy takes,\n"
    "When he himself might his quietus make\n"
    "With a bare bodkin? who would these fardels bear,\n"
    "To grunt and sweat under a weary life,\n"
    "But that the dread of something after death,--\n"
    "The undiscover'd country, from whose bourn\n"
    "No traveller returns,--puzzles the will,\n"
    "And makes us rather bear those ills we have\n"
    "Than fly to others that we know not of?\n"
    "Thus conscience does make cowards of us all;\n"
    "And thus the native hue of resolution\n"
    "Is sicklied o'er with the pale cast of thought;\n"
    "And enterprises of great pith and moment,\n"
    "With this regard, their currents turn awry,\n"
    "And lose the name of action.--Soft you now!\n"
    "The fair Ophelia!--Nymph, in thy orisons\n"
    "Be all my sins remember'd.\n";

constexpr unsigned sunmd5_base_rounds = 4096;

// Bit n (mod 128) of the digest, least significant bit of byte 0 first.
bool digest_bit(const unsigned char digest[16], unsigned n) noexcept {
    n %= 128;
    return (digest[n / 8] >> (n % 8)) & 1;
}

// Alec Muffet's coin toss: whether round number `round` also hashes the
// quotation, decided from the previous digest.
bool coin_toss(const unsigned char digest[16], unsigned round) noexcept {
    unsigned x = 0, y = 0;
    for (unsigned i = 0; i < 8; ++i) {
        // Each of x and y gathers one bit a step, from a digest position
        // picked through two other bytes.
        for (unsigned half = 0; half < 2; ++half) {
            unsigned a = digest[(i + 8 * half) % 16];
            unsigned b = digest[(i + 3 + 8 * half) % 16];
            unsigned v = digest[(a >> (b % 5)) % 16];
            if (b & (1u << (a % 8))) v /= 2;
            (half == 0 ? x : y) |= unsigned{digest_bit(digest, v)} << i;
        }
    }
    if (digest_bit(digest, round)) x /= 2;
    if (digest_bit(digest, round + 64)) y /= 2;
    return digest_bit(digest, x) != digest_bit(digest, y);
}

char* append_group(char* out, unsigned b0, unsigned b1, unsigned b2, int count) noexcept {
    return append_base64(out, b0 | b1 << 8 | b2 << 16, count);
}

}  // namespace

void sunmd5_crypt(const char* phrase, std::size_t phrase_size, const char* setting, char* output) noexcept {
    // The dispatch matched "$md5" only.
    if (setting[4] != '$' && setting[4] != ',') {
        errno = EINVAL;
        return;
    }
    const char* at = setting + 5;
    unsigned rounds = sunmd5_base_rounds;
    static constexpr char rounds_field[] = "rounds=";
    if (strncmp(at, rounds_field, sizeof rounds_field - 1) == 0) {
        at += sizeof rounds_field - 1;
        if (*at < '1' || *at > '9') {
            errno = EINVAL;
            return;
        }
        // errno is left 0 after a count read well, as libxcrypt leaves it.
        char* end;
        errno = 0;
        unsigned long extra = strtoul(at, &end, 10);
        if (errno != 0 || extra > 0xffffffffUL || *end != '$') {
            errno = EINVAL;
            return;
        }
        rounds += static_cast<unsigned>(extra);  // wraps, as in libxcrypt
        at = end + 1;
    }
    at += strspn(at, hash_alphabet);
    if (*at != '\0' && *at != '$') {
        errno = EINVAL;
        return;
    }
    if (at[0] == '$' && (at[1] == '$' || at[1] == '\0')) ++at;
    std::size_t salt_size = static_cast<std::size_t>(at - setting);
    // The answer: the salt part, '$', 22 characters and the NUL.
    if (salt_size + 22 + 2 > CRYPT_OUTPUT_SIZE) {
        errno = ERANGE;
        return;
    }

    unsigned char digest[16];
    md5_digest first;
    first.update(phrase, phrase_size);
    first.update(setting, salt_size);
    first.finish(digest);
    for (unsigned round = 0; round < rounds; ++round) {
        md5_digest next;
        next.update(digest, sizeof digest);
        if (coin_toss(digest, round)) next.update(hamlet_quotation, sizeof hamlet_quotation);
        char number[12];
        char* end = number + sizeof number;
        char* start = end;
        unsigned value = round;
        do {
            *--start = static_cast<char>('0' + value % 10);
            value /= 10;
        } while (value > 0);
        next.update(start, static_cast<std::size_t>(end - start));
        next.finish(digest);
    }

    char* out = output;
    memcpy(out, setting, salt_size);
    out += salt_size;
    *out++ = '$';
    // md5crypt's byte order.
    out = append_group(out, digest[12], digest[6], digest[0], 4);
    out = append_group(out, digest[13], digest[7], digest[1], 4);
    out = append_group(out, digest[14], digest[8], digest[2], 4);
    out = append_group(out, digest[15], digest[9], digest[3], 4);
    out = append_group(out, digest[5], digest[10], digest[4], 4);
    out = append_group(out, digest[11], 0, 0, 2);
    *out = '\0';
    explicit_bzero(digest, sizeof digest);
}

}  // namespace lwp::libc::crypt_internal
