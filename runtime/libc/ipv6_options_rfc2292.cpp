// RFC 2292's older interface to Hop-by-Hop and Destination options, which
// builds the options inside a control message (a cmsghdr whose data is the
// extension header) instead of a bare buffer. RFC 3542 replaced it, but
// glibc 2.36 still exports these as default symbols, so programs written
// against them link.
//
// The control message grows as options are added: cmsg_len always covers
// the extension header built so far, kept a multiple of 8 bytes by padding
// at its end, and the header's length byte is rewritten after each option.
// As in glibc, a failure found only after growing (the header would pass
// 2048 bytes) leaves the grown cmsg_len in place.
#include <netinet/in.h>
#include <netinet/ip6.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

namespace {

// Bytes of the extension header held in `message` so far.
size_t header_bytes(const cmsghdr* message) {
    return message->cmsg_len - CMSG_LEN(0);
}

// Appends `count` bytes of padding to the message: a Pad1 byte for one, a
// PadN option with zeroed contents for more.
void append_padding(cmsghdr* message, int count) {
    uint8_t* at = CMSG_DATA(message) + header_bytes(message);
    if (count == 1) {
        at[0] = IP6OPT_PAD1;
    } else if (count != 0) {
        at[0] = IP6OPT_PADN;
        at[1] = static_cast<uint8_t>(count - 2);
        memset(at + 2, 0, count - 2);
    }
    message->cmsg_len += count;
}

// Reserves `length` bytes for an option whose start must sit at
// `multiple`*n + `plus` from the header's start (RFC 2292 section 6.3.4).
uint8_t* reserve_option(cmsghdr* message, int length, int multiple, int plus) {
    if ((multiple != 1 && multiple != 2 && multiple != 4 && multiple != 8) || plus < 0 || plus > 7) {
        return nullptr;
    }
    int used = static_cast<int>(header_bytes(message));
    if (used == 0) {
        // The first option also brings the header's next-header and length
        // bytes.
        message->cmsg_len += sizeof(ip6_ext);
        used = sizeof(ip6_ext);
    }
    append_padding(message, ((multiple - (used & (multiple - 1))) & (multiple - 1)) + plus);
    uint8_t* option = CMSG_DATA(message) + header_bytes(message);
    message->cmsg_len += length;
    used = static_cast<int>(header_bytes(message));
    append_padding(message, (8 - (used & 7)) & 7);
    // The length byte counts 8-octet units after the first: more than 255
    // of them cannot be described. Divided before narrowing, as glibc's
    // size_t arithmetic does, for the same answer on a negative datalen.
    int units = static_cast<int>(header_bytes(message) / 8 - 1);
    if (units >= 256) return nullptr;
    reinterpret_cast<ip6_ext*>(CMSG_DATA(message))->ip6e_len = static_cast<uint8_t>(units);
    return option;
}

// Where the option at `option` ends, into `*end`; -1 when it does not fit
// before `limit` (its length byte included).
int option_end(const uint8_t** end, const uint8_t* option, const uint8_t* limit) {
    if (option >= limit) return -1;
    if (*option == IP6OPT_PAD1) {
        *end = option + 1;
        return 0;
    }
    if (option + 2 > limit || option + 2 + option[1] > limit) return -1;
    *end = option + 2 + option[1];
    return 0;
}

// The options area of a received message: its first option and the end of
// the header as its length byte says; false when the message is not a
// Hop-by-Hop or Destination options message or is shorter than it claims.
bool options_area(const cmsghdr* message, const uint8_t** first, const uint8_t** limit) {
    if (message->cmsg_level != IPPROTO_IPV6 ||
        (message->cmsg_type != IPV6_HOPOPTS && message->cmsg_type != IPV6_DSTOPTS)) {
        return false;
    }
    auto* header = reinterpret_cast<const ip6_ext*>(CMSG_DATA(message));
    if (message->cmsg_len < CMSG_LEN(sizeof(ip6_ext))) return false;
    if (message->cmsg_len < CMSG_LEN((header->ip6e_len + 1) * 8)) return false;
    *first = reinterpret_cast<const uint8_t*>(header + 1);
    *limit = CMSG_DATA(message) + (header->ip6e_len + 1) * 8;
    return true;
}

// Where the walk goes on: the first option when `*cursor` is null, else the
// one after the option `*cursor` points at; -1 when that cannot be found.
int walk_start(const uint8_t** start, uint8_t* const* cursor, const uint8_t* first, const uint8_t* limit) {
    if (*cursor == nullptr) {
        *start = first;
        return 0;
    }
    if (*cursor < first) return -1;
    return option_end(start, *cursor, limit);
}

} // namespace

extern "C" {

int inet6_option_space(int nbytes) noexcept {
    // The option bytes plus the header's two, rounded to 8, in a control
    // message; unsigned so that huge arguments wrap as glibc's do.
    unsigned header = static_cast<unsigned>(nbytes) + sizeof(ip6_ext);
    int rounded = static_cast<int>((header + 7) & ~7U);
    return static_cast<int>(CMSG_SPACE(static_cast<size_t>(static_cast<long>(rounded))));
}

int inet6_option_init(void* bp, cmsghdr** cmsgp, int type) noexcept {
    if (type != IPV6_HOPOPTS && type != IPV6_DSTOPTS) return -1;
    auto* message = static_cast<cmsghdr*>(bp);
    message->cmsg_len = CMSG_LEN(0);
    message->cmsg_level = IPPROTO_IPV6;
    message->cmsg_type = type;
    *cmsgp = message;
    return 0;
}

int inet6_option_append(cmsghdr* cmsg, const uint8_t* typep, int multx, int plusy) noexcept {
    // `typep` is a whole option: its type, its length byte and its data
    // (or a lone Pad1 byte).
    int length = typep[0] == IP6OPT_PAD1 ? 1 : typep[1] + 2;
    uint8_t* option = reserve_option(cmsg, length, multx, plusy);
    if (option == nullptr) return -1;
    memcpy(option, typep, length);
    return 0;
}

uint8_t* inet6_option_alloc(cmsghdr* cmsg, int datalen, int multx, int plusy) noexcept {
    return reserve_option(cmsg, datalen, multx, plusy);
}

int inet6_option_next(const cmsghdr* cmsg, uint8_t** tptrp) noexcept {
    const uint8_t* first;
    const uint8_t* limit;
    if (!options_area(cmsg, &first, &limit)) return -1;
    const uint8_t* option;
    if (walk_start(&option, tptrp, first, limit) != 0) return -1;
    // The cursor moves even when the option found is cut short, so the
    // caller can tell the end (-1 with null) from an error (-1 without).
    *tptrp = const_cast<uint8_t*>(option);
    const uint8_t* end;
    return option_end(&end, option, limit);
}

int inet6_option_find(const cmsghdr* cmsg, uint8_t** tptrp, int type) noexcept {
    const uint8_t* first;
    const uint8_t* limit;
    if (!options_area(cmsg, &first, &limit)) return -1;
    const uint8_t* next;
    if (walk_start(&next, tptrp, first, limit) != 0) return -1;
    const uint8_t* option;
    do {
        option = next;
        if (option_end(&next, option, limit) != 0) return -1;
    } while (*option != type);
    *tptrp = const_cast<uint8_t*>(option);
    return 0;
}

} // extern "C"
