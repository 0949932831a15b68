// LOC records (RFC 1876) between their 16 bytes and text, as glibc's
// resolver library converts them: `__loc_aton` and `__loc_ntoa` (loc_aton
// and loc_ntoa in <resolv.h>).
//
// Text: latitude and longitude as "degrees [minutes [seconds[.fraction]]]
// hemisphere" (either order), the altitude in metres (a sign, two decimals
// at most, an optional "m"), then up to three precisions (size, horizontal,
// vertical) in metres. Bytes: version 0, the three precisions as a digit
// and a power of ten in centimetres, latitude and longitude in thousandths
// of an arc second offset by 2^31, the altitude in centimetres above
// 100,000 m below the reference spheroid.
//
// The arithmetic wraps in 32 bits where glibc's does (it uses int), so
// absurd numbers give glibc's bytes. Where glibc's reader runs on past the
// end of the text (a latitude or longitude cut short), this one stops at
// the end: glibc reads memory after the string there.
#include <arpa/nameser.h>
#include <resolv.h>
#include <stdint.h>
#include <stdio.h>

// <resolv.h> and <arpa/nameser.h> mark these functions deprecated for
// programs; defining and calling them here is no use of that kind.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

constexpr uint32_t powers_of_ten[10] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

bool digit(char c) { return c >= '0' && c <= '9'; }
bool space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A precision in metres to its byte: the first digit of the value in
// centimetres (at most 9) and its power of ten.
uint8_t precision_byte(const char** text) {
    const char* at = *text;
    uint32_t metres = 0, centimetres = 0;
    while (digit(*at)) metres = metres * 10 + static_cast<uint32_t>(*at++ - '0');
    if (*at == '.') {
        ++at;
        if (digit(*at)) {
            centimetres = static_cast<uint32_t>(*at++ - '0') * 10;
            if (digit(*at)) centimetres += static_cast<uint32_t>(*at++ - '0');
        }
    }
    centimetres += metres * 100;
    int exponent = 0;
    while (exponent < 9 && centimetres >= powers_of_ten[exponent + 1]) ++exponent;
    uint32_t mantissa = centimetres / powers_of_ten[exponent];
    if (mantissa > 9) mantissa = 9;
    *text = at;
    return static_cast<uint8_t>(mantissa << 4 | static_cast<uint32_t>(exponent));
}

void skip_word(const char** text) {
    while (**text != '\0' && !space(**text)) ++*text;
}

void skip_spaces(const char** text) {
    while (space(**text)) ++*text;
}

// One of latitude or longitude: its 32-bit value (0 if the hemisphere
// letter is missing) and in `*axis` 1 for N/S, 2 for E/W, 0 for neither.
uint32_t angle_value(const char** text, int* axis) {
    const char* at = *text;
    uint32_t degrees = 0, minutes = 0, seconds = 0, thousandths = 0;
    while (digit(*at)) degrees = degrees * 10 + static_cast<uint32_t>(*at++ - '0');
    skip_spaces(&at);
    if (digit(*at)) {
        while (digit(*at)) minutes = minutes * 10 + static_cast<uint32_t>(*at++ - '0');
        skip_spaces(&at);
        if (digit(*at)) {
            while (digit(*at)) seconds = seconds * 10 + static_cast<uint32_t>(*at++ - '0');
            if (*at == '.') {
                ++at;
                if (digit(*at)) {
                    thousandths = static_cast<uint32_t>(*at++ - '0') * 100;
                    if (digit(*at)) {
                        thousandths += static_cast<uint32_t>(*at++ - '0') * 10;
                        if (digit(*at)) thousandths += static_cast<uint32_t>(*at++ - '0');
                    }
                }
            }
            skip_word(&at);
            skip_spaces(&at);
        }
    }
    uint32_t magnitude = ((degrees * 60 + minutes) * 60 + seconds) * 1000;
    uint32_t value;
    switch (*at) {
    case 'N': case 'n': case 'E': case 'e':
        value = (1u << 31) + magnitude + thousandths;
        break;
    case 'S': case 's': case 'W': case 'w':
        value = (1u << 31) - magnitude - thousandths;
        break;
    default:
        value = 0;
        break;
    }
    switch (*at) {
    case 'N': case 'n': case 'S': case 's': *axis = 1; break;
    case 'E': case 'e': case 'W': case 'w': *axis = 2; break;
    default: *axis = 0; break;
    }
    if (*at != '\0') ++at;  // the hemisphere letter
    skip_word(&at);
    skip_spaces(&at);
    *text = at;
    return value;
}

unsigned char* put32(unsigned char* out, uint32_t value) {
    out[0] = static_cast<unsigned char>(value >> 24);
    out[1] = static_cast<unsigned char>(value >> 16);
    out[2] = static_cast<unsigned char>(value >> 8);
    out[3] = static_cast<unsigned char>(value);
    return out + 4;
}

uint32_t get32(const unsigned char* in) {
    return static_cast<uint32_t>(in[0]) << 24 | static_cast<uint32_t>(in[1]) << 16 |
           static_cast<uint32_t>(in[2]) << 8 | in[3];
}

// A precision byte as metres with two decimals ("10000.00"); a digit or
// exponent over 9 is taken modulo 10, as glibc takes it.
void precision_text(uint8_t byte, char* out, size_t size) {
    // Multiplied in 32 bits, as glibc multiplies (8e9 wraps).
    unsigned long centimetres = static_cast<uint32_t>((byte >> 4) % 10) * powers_of_ten[(byte & 0xf) % 10];
    snprintf(out, size, "%ld.%.2ld", static_cast<long>(centimetres / 100), static_cast<long>(centimetres % 100));
}

// Degrees, minutes, seconds and thousandths of an angle's magnitude (2^31
// for the most negative value: glibc's build computes it so).
struct angle_parts {
    int degrees, minutes, seconds, thousandths;
};
angle_parts split_angle(uint32_t value) {
    angle_parts parts;
    parts.thousandths = static_cast<int>(value % 1000);
    value /= 1000;
    parts.seconds = static_cast<int>(value % 60);
    value /= 60;
    parts.minutes = static_cast<int>(value % 60);
    parts.degrees = static_cast<int>(value / 60);
    return parts;
}

char shared_text[sizeof "1000 60 60.000 N 1000 60 60.000 W -12345678.00m 90000000.00m 90000000.00m 90000000.00m"];

}  // namespace

extern "C" {

// 16 (the record's length) with the bytes at `binary`, or 0 for text
// without one latitude and one longitude. Precisions not given are 1 m,
// 10 km and 10 m.
int __loc_aton(const char* text, unsigned char* binary) noexcept {
    const char* at = text;
    const char* end = text;
    while (*end != '\0') ++end;
    int first_axis = 0, second_axis = 0;
    uint32_t first = angle_value(&at, &first_axis);
    uint32_t second = angle_value(&at, &second_axis);
    uint32_t latitude, longitude;
    if (first_axis == 1 && second_axis == 2) {
        latitude = first;
        longitude = second;
    } else if (first_axis == 2 && second_axis == 1) {
        latitude = second;
        longitude = first;
    } else {
        return 0;
    }

    bool below = false;
    if (*at == '-') {
        below = true;
        ++at;
    }
    if (*at == '+') ++at;
    uint32_t metres = 0, centimetres = 0;
    while (digit(*at)) metres = metres * 10 + static_cast<uint32_t>(*at++ - '0');
    if (*at == '.') {
        ++at;
        if (digit(*at)) {
            centimetres = static_cast<uint32_t>(*at++ - '0') * 10;
            if (digit(*at)) centimetres += static_cast<uint32_t>(*at++ - '0');
        }
    }
    uint32_t offset = metres * 100 + centimetres;
    uint32_t altitude = below ? 10000000u - offset : 10000000u + offset;

    uint8_t size = 0x12, horizontal = 0x16, vertical = 0x13;
    uint8_t* fields[3] = {&size, &horizontal, &vertical};
    for (uint8_t* field : fields) {
        while (at < end && !space(*at)) ++at;
        while (at < end && space(*at)) ++at;
        if (at >= end) break;
        *field = precision_byte(&at);
    }

    unsigned char* out = binary;
    *out++ = 0;
    *out++ = size;
    *out++ = horizontal;
    *out++ = vertical;
    out = put32(out, latitude);
    out = put32(out, longitude);
    put32(out, altitude);
    return 16;
}

// Into `text`, or one static buffer when it is null (not thread-safe, as in
// glibc); a version other than 0 gives "; error: unknown LOC RR version".
const char* __loc_ntoa(const unsigned char* binary, char* text) noexcept {
    if (text == nullptr) text = shared_text;
    if (binary[0] != 0) {
        snprintf(text, sizeof "; error: unknown LOC RR version", "; error: unknown LOC RR version");
        return text;
    }
    int32_t latitude = static_cast<int32_t>(get32(binary + 4) - (1u << 31));
    int32_t longitude = static_cast<int32_t>(get32(binary + 8) - (1u << 31));
    uint32_t stored_altitude = get32(binary + 12);
    constexpr uint32_t reference = 100000 * 100;
    int32_t altitude;
    int altitude_sign;
    if (stored_altitude < reference) {
        altitude = static_cast<int32_t>(reference - stored_altitude);
        altitude_sign = -1;
    } else {
        altitude = static_cast<int32_t>(stored_altitude - reference);
        altitude_sign = 1;
    }
    char north_south = latitude < 0 ? 'S' : 'N';
    char east_west = longitude < 0 ? 'W' : 'E';
    auto magnitude = [](int32_t value) {
        return value < 0 ? 0u - static_cast<uint32_t>(value) : static_cast<uint32_t>(value);
    };
    angle_parts lat = split_angle(magnitude(latitude));
    angle_parts lon = split_angle(magnitude(longitude));
    char size[16], horizontal[16], vertical[16];
    precision_text(binary[1], size, sizeof size);
    precision_text(binary[2], horizontal, sizeof horizontal);
    precision_text(binary[3], vertical, sizeof vertical);
    // The caller's buffer is trusted to be large enough, as glibc trusts it.
    sprintf(text, "%d %.2d %.2d.%.3d %c %d %.2d %.2d.%.3d %c %d.%.2dm %sm %sm %sm", lat.degrees,
            lat.minutes, lat.seconds, lat.thousandths, north_south, lon.degrees, lon.minutes, lon.seconds,
            lon.thousandths, east_west, altitude / 100 * altitude_sign, altitude % 100, size, horizontal,
            vertical);
    return text;
}

}  // extern "C"
