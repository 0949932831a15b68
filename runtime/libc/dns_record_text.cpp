// ns_sprintrr ns_sprintrrf (<arpa/nameser.h>): one resource record in the
// text of a zone file, laid out as glibc's resolver library lays it out,
// tab for tab: the owner (blank when it is `name_ctx`, "@" when it is
// `origin`, else with a final dot, relative to `origin` when under it),
// padded to column 24; the TTL as ns_format_ttl writes it, the class and
// the type, padded to column 16 of their own; then the data as its type
// has it (addresses, names, character strings in quotes, SOA's numbers
// one to a line with comments, WKS ports, CERT in base64, ...), and for a
// type without a text form or data that does not fit its type, "\# length"
// and the bytes in hex with their printable characters beside them.
//
// The length written, or -1: ENOSPC when the text does not fit (the
// buffer then holds what fitted), and also, as in glibc, for a name in the
// data that cannot be read. Like glibc's, the readers of CERT, TKEY and
// TSIG data read their fixed fields without checking the data's length.
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <stdio.h>
#include <string.h>

// <resolv.h> marks these functions deprecated for programs; defining and
// calling them here is no use of that kind.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace {

// The rest of the caller's buffer; what is written is always terminated.
struct text_output {
    char* at;
    size_t room;

    void advance(size_t length) {
        at += length;
        room -= length;
    }
    bool put(const char* text, size_t length) {
        if (length >= room) {
            errno = ENOSPC;
            return false;
        }
        memcpy(at, text, length);
        advance(length);
        *at = '\0';
        return true;
    }
    bool put(const char* text) { return put(text, strlen(text)); }
};

// Pads text of `length` characters to column `column` with tabs (eight
// columns each), or separates it by two spaces once a column was missed or
// when the line is already `spaced`. The new spaced state, or -1 (ENOSPC,
// nothing written).
int pad(text_output& out, size_t length, size_t column, int spaced) {
    if (spaced || length >= column - 1) return out.put("  ", 2) ? 1 : -1;
    text_output saved = out;
    for (long tabs = static_cast<long>((column - length - 1) / 8); tabs >= 0; --tabs) {
        if (!out.put("\t", 1)) {
            out = saved;
            return -1;
        }
    }
    return 0;
}

// The characters of `name` before the part that is `origin` (its dot
// dropped), or all of them when no tail of it is. A backslash escapes the
// character after it.
size_t before_origin(const char* name, const char* origin) {
    const char* const start = name;
    while (*name != '\0') {
        if (origin != nullptr && ns_samename(name, origin) == 1)
            return static_cast<size_t>(name - start) - (name > start ? 1 : 0);
        while (*name != '\0') {
            if (*name == '\\') {
                if (*++name == '\0') break;
            } else if (*name == '.') {
                ++name;
                break;
            }
            ++name;
        }
    }
    return static_cast<size_t>(name - start);
}

// Whether a name written with `length` characters (of which `full` is the
// whole name) wants a final dot: without an origin, or when the origin is
// not the root and the name was not shortened, unless it ends in one.
bool wants_final_dot(const char* full, size_t length, const char* origin) {
    bool no_origin = origin == nullptr || origin[0] == '\0';
    bool unshortened = origin != nullptr && origin[0] != '.' && origin[1] != '\0' && full[length] == '\0';
    return (no_origin || unshortened) && full[length - 1] != '.';
}

// A <character-string> in double quotes, '\n' '"' '\\' and NUL escaped. The data
// bytes used (0 for a string that is missing or runs past `end`: the two
// quotes are then written all the same, as glibc does), or -1 (ENOSPC,
// nothing written).
int put_character_string(text_output& out, const unsigned char* data, const unsigned char* end) {
    text_output saved = out;
    const unsigned char* at = data;
    if (!out.put("\"", 1)) goto no_room;
    if (at < end) {
        unsigned length = *at;
        if (at + 1 + length <= end) {
            ++at;
            for (; length > 0; --length, ++at) {
                // glibc looks the byte up with strchr, which also finds a
                // zero byte (the string's terminator): that is escaped too.
                if ((*at == '\n' || *at == '"' || *at == '\\' || *at == 0) && !out.put("\\", 1)) goto no_room;
                if (!out.put(reinterpret_cast<const char*>(at), 1)) goto no_room;
            }
        }
    }
    if (!out.put("\"", 1)) goto no_room;
    return static_cast<int>(at - data);
no_room:
    errno = ENOSPC;
    out = saved;
    return -1;
}

// The name at `*data` (compression pointers followed within the message),
// shortened by `origin` as the owner is ("@" for the origin itself, "."
// for the root); `*data` moves past it. False with ENOSPC when it does not
// fit or cannot be read.
bool put_name(text_output& out, const unsigned char* message, size_t message_size, const unsigned char** data,
              const char* origin) {
    int used = dn_expand(message, message + message_size, *data, out.at, static_cast<int>(out.room));
    if (used < 0) {
        errno = ENOSPC;
        return false;
    }
    char* name = out.at;
    size_t length = before_origin(name, origin);
    if (name[0] == '\0' || (length != 0 && wants_final_dot(name, length, origin))) {
        if (length + 2 > out.room) {
            errno = ENOSPC;
            return false;
        }
        name[length++] = '.';
        name[length] = '\0';
    } else if (length == 0) {
        if (length + 2 > out.room) {
            errno = ENOSPC;
            return false;
        }
        name[length++] = '@';
        name[length] = '\0';
    }
    *data += used;
    out.advance(length);
    *out.at = '\0';
    return true;
}

// Text of a number or two, through a small buffer.
template <typename... Values>
bool put_format(text_output& out, const char* format, Values... values) {
    char text[100];
    int length = snprintf(text, sizeof text, format, values...);
    return out.put(text, static_cast<size_t>(length));
}

// An address as inet_ntop writes it; nothing at all when it does not fit
// (inet_ntop then leaves the buffer alone, and ns_sprintrrf does not check).
void put_address(text_output& out, int family, const void* address) {
    if (inet_ntop(family, address, out.at, static_cast<socklen_t>(out.room)) != nullptr)
        out.advance(strlen(out.at));
}

// Both names through one static buffer when neither is known (p_class and
// p_type share sym_ntos's): glibc's call evaluates the type first, so the
// class's number is what both then show.
bool put_class_and_type(text_output& out, int record_class, int type, size_t* length) {
    const char* type_name = __p_type(type);
    const char* class_name = __p_class(record_class);
    char text[100];
    int written = snprintf(text, sizeof text, " %s %s", class_name, type_name);
    *length = static_cast<size_t>(written);
    return out.put(text, *length);
}

enum class outcome { done, no_room, format_error, unknown_type };

// The data of one SOA record after its two names.
outcome put_soa_numbers(text_output& out, const unsigned char*& data, const unsigned char* end, int& spaced) {
    if (!out.put(" (\n", 3)) return outcome::no_room;
    spaced = 0;
    if (end - data != 5 * NS_INT32SZ) return outcome::format_error;
    static const char* const comments[5] = {"; serial\n", "; refresh\n", "; retry\n", "; expiry\n", "; minimum\n"};
    for (int field = 0; field < 5; ++field) {
        unsigned long value = ns_get32(data);
        data += NS_INT32SZ;
        if (!out.put("\t\t\t\t\t", 5)) return outcome::no_room;
        size_t length;
        if (field == 0) {
            char text[32];
            length = static_cast<size_t>(snprintf(text, sizeof text, "%lu", value));
            if (!out.put(text, length)) return outcome::no_room;
        } else {
            int written = ns_format_ttl(value, out.at, out.room);
            if (written < 0) return outcome::no_room;
            length = static_cast<size_t>(written);
            out.advance(length);
        }
        if (field == 4 && !out.put(" )", 2)) return outcome::no_room;
        if ((spaced = pad(out, length, 16, spaced)) < 0) return outcome::no_room;
        if (!out.put(comments[field])) return outcome::no_room;
        if (field < 4) spaced = 0;
    }
    return outcome::done;
}

outcome put_wks(text_output& out, const unsigned char*& data, const unsigned char* end, size_t data_length,
                int& spaced) {
    if (data_length < 1 + NS_INT32SZ) return outcome::format_error;
    put_address(out, AF_INET, data);
    data += NS_INADDRSZ;
    if (!put_format(out, " %u ( ", static_cast<unsigned>(*data))) return outcome::no_room;
    data += 1;
    int port = 0, left_on_line = 0;
    while (data < end) {
        unsigned bits = *data++;
        do {
            if (bits & 0x80) {
                if (left_on_line == 0) {
                    if (!out.put("\n\t\t\t\t", 5)) return outcome::no_room;
                    left_on_line = 10;
                    spaced = 0;
                }
                if (!put_format(out, "%d ", port)) return outcome::no_room;
                --left_on_line;
            }
            bits <<= 1;
        } while (++port & 7);
    }
    return out.put(")", 1) ? outcome::done : outcome::no_room;
}

outcome put_cert(text_output& out, const unsigned char*& data, const unsigned char* end, int& spaced) {
    unsigned certificate_type = ns_get16(data);
    data += NS_INT16SZ;
    unsigned key_tag = ns_get16(data);
    data += NS_INT16SZ;
    unsigned algorithm = *data++;
    if (!put_format(out, "%d %d %d ", certificate_type, key_tag, algorithm)) return outcome::no_room;
    // glibc's size for the base64 text, computed as it computes it (data
    // past the end gives a negative length, then a wrapped size).
    char base64[8192];
    unsigned size = static_cast<unsigned>((end - data) * 4 / 3 + 4);
    if (size > sizeof base64 * 3 / 4) return out.put("record too long to print") ? outcome::done : outcome::no_room;
    int length = b64_ntop(data, static_cast<size_t>(end - data), base64, size);
    if (length < 0) return outcome::format_error;
    const char* leader = " ";
    if (length > 15) {
        if (!out.put(" (", 2)) return outcome::no_room;
        leader = "\n\t\t";
        spaced = 0;
    }
    for (int at = 0; at < length; at += 48) {
        if (!out.put(leader)) return outcome::no_room;
        if (!out.put(base64 + at, static_cast<size_t>(length - at < 48 ? length - at : 48))) return outcome::no_room;
    }
    if (length > 15 && !out.put(" )", 2)) return outcome::no_room;
    return outcome::done;
}

outcome put_a6(text_output& out, const unsigned char* message, size_t message_size, const unsigned char*& data,
               const unsigned char* end, size_t data_length, const char* origin) {
    if (data_length == 0) return outcome::format_error;
    if (!put_format(out, "%d ", static_cast<int>(*data))) return outcome::no_room;
    int prefix_bits = *data;
    if (prefix_bits > 128) return outcome::format_error;
    int prefix_bytes = (prefix_bits & ~7) / 8;
    ++data;
    if (prefix_bits < 128) {
        if (data + prefix_bytes >= end) return outcome::format_error;
        unsigned char address[16] = {};
        memcpy(address + prefix_bytes, data, sizeof address - static_cast<size_t>(prefix_bytes));
        put_address(out, AF_INET6, address);
        data += sizeof address - static_cast<size_t>(prefix_bytes);
    }
    if (prefix_bits == 0) return outcome::done;
    if (data >= end) return outcome::format_error;
    if (!out.put(" ", 1)) return outcome::no_room;
    return put_name(out, message, message_size, &data, origin) ? outcome::done : outcome::no_room;
}

outcome put_data(text_output& out, const unsigned char* message, size_t message_size, int record_class, int type,
                 const unsigned char*& data, size_t data_length, const char* origin, int& spaced) {
    const unsigned char* const end = data + data_length;
    auto name = [&] { return put_name(out, message, message_size, &data, origin); };
    // A character string that must be there: false for a format error
    // (`failed` false) or no room (`failed` true).
    bool failed = false;
    auto string = [&] {
        int used = put_character_string(out, data, end);
        if (used < 0) failed = true;
        if (used <= 0) return false;
        data += used;
        return true;
    };
    auto string_outcome = [&] { return failed ? outcome::no_room : outcome::format_error; };

    switch (type) {
    case ns_t_a:
        if (data_length != NS_INADDRSZ) return outcome::format_error;
        put_address(out, AF_INET, data);
        return outcome::done;
    case ns_t_cname: case ns_t_mb: case ns_t_mg: case ns_t_mr: case ns_t_ns: case ns_t_ptr: case ns_t_dname:
        return name() ? outcome::done : outcome::no_room;
    case ns_t_hinfo: case ns_t_isdn:
        if (!string()) return string_outcome();
        if (!out.put(" ", 1)) return outcome::no_room;
        if (type == ns_t_isdn && data == end) return outcome::done;  // its second word is optional
        return string() ? outcome::done : string_outcome();
    case ns_t_soa:
        if (!name() || !out.put(" ", 1) || !name()) return outcome::no_room;
        return put_soa_numbers(out, data, end, spaced);
    case ns_t_mx: case ns_t_afsdb: case ns_t_rt:
        if (data_length < NS_INT16SZ) return outcome::format_error;
        if (!put_format(out, "%u ", ns_get16(data))) return outcome::no_room;
        data += NS_INT16SZ;
        return name() ? outcome::done : outcome::no_room;
    case ns_t_px:
        if (data_length < NS_INT16SZ) return outcome::format_error;
        if (!put_format(out, "%u ", ns_get16(data))) return outcome::no_room;
        data += NS_INT16SZ;
        return name() && out.put(" ", 1) && name() ? outcome::done : outcome::no_room;
    case ns_t_x25:
        return string() ? outcome::done : string_outcome();
    case ns_t_txt:
        while (data < end) {
            if (!string()) return string_outcome();
            if (data < end && !out.put(" ", 1)) return outcome::no_room;
        }
        return outcome::done;
    case ns_t_nsap: {
        char text[2 + 255 * 3];
        inet_nsap_ntoa(static_cast<int>(data_length), data, text);
        return out.put(text) ? outcome::done : outcome::no_room;
    }
    case ns_t_aaaa:
        if (data_length != NS_IN6ADDRSZ) return outcome::format_error;
        put_address(out, AF_INET6, data);
        return outcome::done;
    case ns_t_loc: {
        char text[255];
        loc_ntoa(data, text);
        return out.put(text) ? outcome::done : outcome::no_room;
    }
    case ns_t_naptr: {
        if (data_length < 2 * NS_INT16SZ) return outcome::format_error;
        unsigned order = ns_get16(data), preference = ns_get16(data + NS_INT16SZ);
        data += 2 * NS_INT16SZ;
        if (!put_format(out, "%u %u ", order, preference)) return outcome::no_room;
        for (int field = 0; field < 3; ++field) {  // flags, service, regular expression
            if (!string()) return string_outcome();
            if (!out.put(" ", 1)) return outcome::no_room;
        }
        return name() ? outcome::done : outcome::no_room;
    }
    case ns_t_srv: {
        if (data_length < 3 * NS_INT16SZ) return outcome::format_error;
        unsigned priority = ns_get16(data), weight = ns_get16(data + 2), port = ns_get16(data + 4);
        data += 3 * NS_INT16SZ;
        if (!put_format(out, "%u %u %u ", priority, weight, port)) return outcome::no_room;
        return name() ? outcome::done : outcome::no_room;
    }
    case ns_t_minfo: case ns_t_rp:
        return name() && out.put(" ", 1) && name() ? outcome::done : outcome::no_room;
    case ns_t_wks:
        return put_wks(out, data, end, data_length, spaced);
    case ns_t_cert:
        return put_cert(out, data, end, spaced);
    case ns_t_tkey: {
        if (!name() || !out.put(" ", 1)) return outcome::no_room;
        unsigned long inception = ns_get32(data), expiration = ns_get32(data + 4);
        unsigned mode = ns_get16(data + 8), error = ns_get16(data + 10), key_size = ns_get16(data + 12);
        data += 14;
        if (!put_format(out, "%lu ", inception) || !put_format(out, "%lu ", expiration) ||
            !put_format(out, "%u %u %u ", mode, error, key_size))
            return outcome::no_room;
        return outcome::done;
    }
    case ns_t_tsig: {
        if (!name() || !out.put(" ", 1)) return outcome::no_room;
        data += 8;  // the time signed and the fudge
        data += NS_INT16SZ + ns_get16(data);  // the MAC
        data += NS_INT16SZ;  // the original id
        // The error code. glibc writes it without checking the room left:
        // when it fills the buffer exactly, its terminator goes past the
        // end (here it is left out); when it does not fit, glibc overruns
        // the buffer and its assertion aborts (here: ENOSPC).
        char text[16];
        size_t length = static_cast<size_t>(snprintf(text, sizeof text, "%d", static_cast<int>(ns_get16(data))));
        data += NS_INT16SZ;
        if (length > out.room) {
            errno = ENOSPC;
            return outcome::no_room;
        }
        memcpy(out.at, text, length);
        if (length < out.room) out.at[length] = '\0';
        out.advance(length);
        return outcome::done;
    }
    case ns_t_a6:
        return put_a6(out, message, message_size, data, end, data_length, origin);
    case ns_t_opt:
        // An OPT record's class is the sender's UDP payload size.
        return put_format(out, "%u bytes", static_cast<unsigned>(record_class)) ? outcome::done : outcome::no_room;
    default:
        return outcome::unknown_type;
    }
}

// "\# length (\t; why", then the bytes left 16 to a line in hex with their
// printable ASCII characters beside them.
bool put_hex_dump(text_output& out, const unsigned char* data, const unsigned char* end, size_t data_length,
                  const char* why) {
    char text[100];
    int length = snprintf(text, sizeof text, "\\# %u%s\t; %s", static_cast<unsigned>(end - data),
                          data_length != 0 ? " (" : "", why);
    if (!out.put(text, static_cast<size_t>(length))) return false;
    while (data < end) {
        char* at = text;
        *at++ = '\n';
        *at++ = '\t';
        int spaced = 0;
        int count = end - data < 16 ? static_cast<int>(end - data) : 16;
        for (int i = 0; i < count; ++i) {
            static const char digits[] = "0123456789abcdef";
            *at++ = digits[data[i] >> 4];
            *at++ = digits[data[i] & 15];
            *at++ = ' ';
        }
        if (!out.put(text, static_cast<size_t>(at - text))) return false;
        if (count < 16) {
            if (!out.put(")", 1)) return false;
            if (pad(out, static_cast<size_t>(at - text) + 1, 48, spaced) < 0) return false;
        }
        at = text;
        *at++ = ';';
        *at++ = ' ';
        for (int i = 0; i < count; ++i) *at++ = data[i] >= 0x20 && data[i] < 0x7f ? static_cast<char>(data[i]) : '.';
        if (!out.put(text, static_cast<size_t>(at - text))) return false;
        data += count;
    }
    return true;
}

}  // namespace

extern "C" {

int ns_sprintrrf(const unsigned char* message, size_t message_size, const char* name, ns_class record_class,
                 ns_type type, unsigned long ttl, const unsigned char* data, size_t data_length, const char* name_ctx,
                 const char* origin, char* buffer, size_t size) noexcept {
    text_output out{buffer, size};
    int spaced = 0;

    // The owner.
    if (name_ctx != nullptr && ns_samename(name_ctx, name) == 1) {
        if (!out.put("\t\t\t", 3)) return -1;
    } else {
        size_t length = before_origin(name, origin);
        if (name[0] != '\0' && length == 0) {
            if (!out.put("@\t\t\t", 4)) return -1;
        } else {
            if (name[0] != '\0' && !out.put(name, length)) return -1;
            if (name[0] == '\0' || wants_final_dot(name, length, origin)) {
                if (!out.put(".", 1)) return -1;
                ++length;
            }
            if ((spaced = pad(out, length, 24, spaced)) < 0) return -1;
        }
    }

    // TTL, class, type.
    int ttl_length = ns_format_ttl(ttl, out.at, out.room);
    if (ttl_length < 0) return -1;
    out.advance(static_cast<size_t>(ttl_length));
    size_t names_length;
    if (!put_class_and_type(out, record_class, type, &names_length)) return -1;
    if ((spaced = pad(out, static_cast<size_t>(ttl_length) + names_length, 16, spaced)) < 0) return -1;

    // The data.
    const unsigned char* const end = data + data_length;
    const char* why = "RR format error";
    char unknown[40];
    switch (put_data(out, message, message_size, record_class, type, data, data_length, origin, spaced)) {
    case outcome::done:
        return static_cast<int>(out.at - buffer);
    case outcome::no_room:
        return -1;
    case outcome::unknown_type:
        snprintf(unknown, sizeof unknown, "unknown RR type %d", static_cast<int>(type));
        why = unknown;
        break;
    case outcome::format_error:
        break;
    }
    if (!put_hex_dump(out, data, end, data_length, why)) return -1;
    return static_cast<int>(out.at - buffer);
}

int ns_sprintrr(const ns_msg* message, const ns_rr* record, const char* name_ctx, const char* origin, char* buffer,
                size_t size) noexcept {
    return ns_sprintrrf(ns_msg_base(*message), ns_msg_size(*message), ns_rr_name(*record),
                        static_cast<ns_class>(ns_rr_class(*record)), static_cast<ns_type>(ns_rr_type(*record)),
                        ns_rr_ttl(*record), ns_rr_rdata(*record), ns_rr_rdlen(*record), name_ctx, origin, buffer,
                        size);
}

}  // extern "C"
