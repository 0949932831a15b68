// Settings for sha512crypt ($6$), sha256crypt ($5$) and md5crypt ($1$), as
// libxcrypt's shared generator for the three builds them: the prefix, a
// "rounds=N$" field when the count is not the method's default (the count
// clamped into range first), then 4 salt characters for each 3 random
// bytes, little-endian.
#include <errno.h>

#include "crypt_methods.hpp"
#include "crypt_method_catalog.hpp"

namespace lwp::libc::crypt_internal {
namespace {

struct ShaFamilyRules {
    char tag;
    std::size_t max_salt;  // characters
    unsigned long default_count, min_count, max_count;
};

constexpr ShaFamilyRules sha512_rules{'6', 16, 5000, 1000, 999999999};
constexpr ShaFamilyRules sha256_rules{'5', 16, 5000, 1000, 999999999};
// md5crypt has no rounds field: its count is fixed.
constexpr ShaFamilyRules md5_rules{'1', 8, 1000, 1000, 1000};

std::size_t decimal_digits(unsigned long value) noexcept {
    std::size_t digits = 1;
    for (; value >= 10; value /= 10) ++digits;
    return digits;
}

void generate_sha_family(const ShaFamilyRules& rules, unsigned long count, const unsigned char* random_bytes,
                         std::size_t random_size, char* output, std::size_t output_size) noexcept {
    if (random_size < 3) {
        errno = EINVAL;
        return;
    }
    if (count == 0) count = rules.default_count;
    if (count < rules.min_count) count = rules.min_count;
    if (count > rules.max_count) count = rules.max_count;

    // libxcrypt's estimate of the room needed ("$x$", 4 salt characters and
    // the NUL, plus "rounds=" and the digits and '$'), which counts one
    // digit short for a power of ten.
    std::size_t estimate = 8;
    if (count != rules.default_count) {
        estimate += 9;
        for (unsigned long ceiling = 10; ceiling < count; ceiling *= 10) ++estimate;
    }
    std::size_t prefix_size = 3 + (count == rules.default_count ? 0 : 8 + decimal_digits(count));
    // Below the estimate: ERANGE. At the estimate (or one over it for a power
    // of ten) libxcrypt aborts on an assertion, as there is no room for the
    // first 4 salt characters; lwp answers ERANGE there too.
    if (output_size < estimate || prefix_size + 5 >= output_size) {
        errno = ERANGE;
        return;
    }

    char* out = output;
    *out++ = '$';
    *out++ = rules.tag;
    *out++ = '$';
    if (count != rules.default_count) {
        for (const char* field = "rounds="; *field != '\0'; ++field) *out++ = *field;
        char digits[20];
        int size = 0;
        for (unsigned long value = count; value > 0; value /= 10) digits[size++] = static_cast<char>('0' + value % 10);
        while (size > 0) *out++ = digits[--size];
        *out++ = '$';
    }
    // Whole groups of 3 bytes only, and (libxcrypt's bound) never the last
    // 3 bytes given: with exactly 3 the salt is empty.
    for (std::size_t used = 0; static_cast<std::size_t>(out - output) + 5 < output_size && used + 3 < random_size &&
                               used * 4 / 3 < rules.max_salt;
         used += 3) {
        unsigned value = unsigned{random_bytes[used]} | unsigned{random_bytes[used + 1]} << 8 |
                         unsigned{random_bytes[used + 2]} << 16;
        out = append_base64(out, value, 4);
    }
    *out = '\0';
}

}  // namespace

void generate_sha512_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                             char* output, std::size_t output_size) noexcept {
    generate_sha_family(sha512_rules, count, random_bytes, random_size, output, output_size);
}

void generate_sha256_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                             char* output, std::size_t output_size) noexcept {
    generate_sha_family(sha256_rules, count, random_bytes, random_size, output, output_size);
}

// md5crypt takes no count: any but 0 is refused.
void generate_md5_setting(unsigned long count, const unsigned char* random_bytes, std::size_t random_size,
                          char* output, std::size_t output_size) noexcept {
    if (count != 0) {
        errno = EINVAL;
        return;
    }
    generate_sha_family(md5_rules, count, random_bytes, random_size, output, output_size);
}

}  // namespace lwp::libc::crypt_internal
