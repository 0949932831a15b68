// Domain names as DNS messages carry them (<arpa/nameser.h>, <resolv.h>):
// ns_name_pton ns_name_ntop (text and the uncompressed wire form),
// ns_name_unpack ns_name_pack (a name in a message, where its tail may be
// a pointer to an earlier name, and back), ns_name_uncompress
// ns_name_compress (both steps at once), ns_name_skip, ns_name_rollback
// (undoing ns_name_pack's additions to a compression list); and the older
// dn_expand dn_comp dn_skipname over them (also as `__dn_expand`,
// `__dn_comp`, `__dn_skipname`, what <resolv.h> before glibc 2.34 made
// programs call).
//
// glibc's answers throughout: the same results, lengths and EMSGSIZE for
// the same input, its limits (a label of at most 63 bytes, a name of at
// most 255 in the wire form, compression pointers below 0x4000), its
// escapes in text (`\.`, `\\`, `\DDD` for a byte that does not print) and
// its defence against compression loops in a message: a name is refused
// once it has read, pointers included, as many bytes as the message has.
#include <arpa/nameser.h>
#include <errno.h>
#include <resolv.h>
#include <string.h>

#include <cstddef>

namespace {

constexpr unsigned pointer_flags = 0xc0;       // the top two bits of a pointer's first byte
constexpr unsigned longest_label = 63;
constexpr std::size_t longest_wire_name = 255;  // NS_MAXCDNAME
constexpr std::ptrdiff_t pointer_range = 0x4000;  // what 14 bits can point at

int too_big() {
    errno = EMSGSIZE;
    return -1;
}

// The characters zone files give meaning to, written with a backslash.
bool needs_backslash(unsigned char c) {
    return c == '"' || c == '.' || c == ';' || c == '\\' || c == '(' || c == ')' || c == '@' ||
           c == '$';
}

unsigned char ascii_lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

enum class comparison { same, different, malformed };

// Compares `name` (wire form, no pointers) with the name at `stored` in
// the message being built, which may end in pointers; ASCII letters match
// either case. A pointer at or past `limit` (where writing has reached) is
// taken as a mismatch rather than followed into bytes not yet written, and
// the jumps are counted so that no list a caller made up can loop forever.
comparison compare_stored(const unsigned char* name, const unsigned char* message,
                          const unsigned char* limit, const unsigned char* stored) {
    long jumps = 0;
    for (;;) {
        unsigned length = *stored++;
        if (length == 0) return comparison::different;  // `name` has labels left
        if ((length & pointer_flags) == pointer_flags) {
            const unsigned char* target = message + ((length & 0x3f) << 8 | *stored);
            if (target >= limit || ++jumps > pointer_range) return comparison::different;
            stored = target;
            continue;
        }
        if (length & pointer_flags) return comparison::malformed;  // a reserved label type
        if (length != *name++) return comparison::different;
        for (; length > 0; --length)
            if (ascii_lower(*name++) != ascii_lower(*stored++)) return comparison::different;
        // Both must end here, at a root byte of the stored name itself (as
        // glibc compares: a pointer to a bare root does not count).
        if (*name == 0) return *stored == 0 ? comparison::same : comparison::different;
    }
}

// The offset in the message of a name already there that equals `name`:
// any of the names the list points at, or any of their tails. -1 if none
// (or a stored name is malformed, which ends the search as in glibc).
long find_in_message(const unsigned char* name, const unsigned char* message,
                     const unsigned char* limit, const unsigned char* const* first,
                     const unsigned char* const* end) {
    for (const unsigned char* const* entry = first; entry < end; ++entry) {
        for (const unsigned char* tail = *entry;
             *tail != 0 && (*tail & pointer_flags) == 0 && tail - message < pointer_range;
             tail += *tail + 1) {
            switch (compare_stored(name, message, limit, tail)) {
                case comparison::same: return tail - message;
                case comparison::malformed: return -1;
                case comparison::different: break;
            }
        }
    }
    return -1;
}

}  // namespace

extern "C" {

int ns_name_ntop(const unsigned char* source, char* destination, size_t size) noexcept {
    std::size_t written = 0;
    auto room = [&](std::size_t count) { return size - written >= count; };
    for (unsigned length; (length = *source++) != 0;) {
        if (length > longest_label) return too_big();  // a pointer or a reserved type
        if (written != 0) {
            if (!room(1)) return too_big();
            destination[written++] = '.';
        }
        for (; length > 0; --length) {
            const unsigned char c = *source++;
            if (needs_backslash(c)) {
                if (!room(2)) return too_big();
                destination[written++] = '\\';
                destination[written++] = static_cast<char>(c);
            } else if (c <= 0x20 || c >= 0x7f) {  // does not print: \DDD, in decimal
                if (!room(4)) return too_big();
                destination[written++] = '\\';
                destination[written++] = static_cast<char>('0' + c / 100);
                destination[written++] = static_cast<char>('0' + c / 10 % 10);
                destination[written++] = static_cast<char>('0' + c % 10);
            } else {
                if (!room(1)) return too_big();
                destination[written++] = static_cast<char>(c);
            }
        }
    }
    if (written == 0) {  // the root is "."
        if (!room(1)) return too_big();
        destination[written++] = '.';
    }
    if (!room(1)) return too_big();
    destination[written++] = '\0';
    return static_cast<int>(written);
}

int ns_name_pton(const char* source, unsigned char* destination, size_t size) noexcept {
    // `label` is where the current label's length byte goes, `next` where
    // its next byte goes; both are indexes, checked before each write.
    std::size_t label = 0, next = 1;
    // Writes the current label's length: false if it is too long or there
    // is no room for it.
    auto close_label = [&](std::size_t& length) {
        length = next - label - 1;
        if (length > longest_label || label >= size) return false;
        destination[label] = static_cast<unsigned char>(length);
        return true;
    };
    auto end_with_root = [&](std::size_t length) {
        if (length != 0) {  // a root byte after a last label that is not empty
            if (next >= size) return false;
            destination[next++] = 0;
        }
        return next <= longest_wire_name;
    };
    bool escaped = false;
    for (;;) {
        int c = static_cast<unsigned char>(*source++);
        if (c == 0) break;
        if (escaped) {
            escaped = false;
            if (c >= '0' && c <= '9') {  // \DDD: exactly three digits, at most 255
                int value = c - '0';
                for (int i = 0; i < 2; ++i) {
                    c = static_cast<unsigned char>(*source++);
                    if (c < '0' || c > '9') return too_big();
                    value = value * 10 + (c - '0');
                }
                if (value > 255) return too_big();
                c = value;
            }
        } else if (c == '\\') {
            escaped = true;
            continue;
        } else if (c == '.') {
            std::size_t length;
            if (!close_label(length)) return too_big();
            if (*source == '\0') return end_with_root(length) ? 1 : too_big();  // fully qualified
            // An empty label is the root, and only allowed as the whole name.
            if (length == 0 || *source == '.') return too_big();
            label = next++;
            continue;
        }
        if (next >= size) return too_big();
        destination[next++] = static_cast<unsigned char>(c);
    }
    if (escaped) return too_big();  // a backslash at the very end
    std::size_t length;
    if (!close_label(length)) return too_big();
    return end_with_root(length) ? 0 : too_big();
}

int ns_name_unpack(const unsigned char* message, const unsigned char* end,
                   const unsigned char* source, unsigned char* destination, size_t size) noexcept {
    if (source < message || source >= end) return too_big();
    const std::ptrdiff_t message_size = end - message;
    const unsigned char* at = source;
    std::size_t written = 0;
    std::ptrdiff_t consumed = -1;  // known at the first pointer
    std::ptrdiff_t examined = 0;   // bytes read, to catch pointer loops
    for (;;) {
        const unsigned length = *at++;
        if (length == 0) break;
        switch (length & pointer_flags) {
            case 0:
                // Room for the length byte, the label and the final root
                // byte; and the label must end before the message does, so
                // that the next length byte is inside it.
                if (length + 2 > size - written || length >= static_cast<unsigned>(end - at))
                    return too_big();
                examined += length + 1;
                destination[written++] = static_cast<unsigned char>(length);
                memcpy(destination + written, at, length);
                written += length;
                at += length;
                break;
            case pointer_flags: {
                if (at >= end) return too_big();
                if (consumed < 0) consumed = at + 1 - source;
                const std::ptrdiff_t target = (length & 0x3f) << 8 | *at;
                if (target >= message_size) return too_big();
                at = message + target;
                // Having read as many bytes as the message holds, the name
                // must have gone round a loop.
                examined += 2;
                if (examined >= message_size) return too_big();
                break;
            }
            default:  // 0x40 and 0x80: reserved label types
                return too_big();
        }
    }
    // glibc writes the root byte even into a buffer of size 0; refused here.
    if (written >= size) return too_big();
    destination[written] = 0;
    return static_cast<int>(consumed >= 0 ? consumed : at - source);
}

int ns_name_pack(const unsigned char* source, unsigned char* destination, int size,
                 const unsigned char** pointers, const unsigned char** pointers_end) noexcept {
    // The name must be valid before anything is written.
    std::size_t total = 0;
    for (const unsigned char* label = source;;) {
        const unsigned length = *label;
        if (length > longest_label) return too_big();
        total += length + 1;
        if (total > longest_wire_name) return too_big();
        label += length + 1;
        if (length == 0) break;
    }
    // pointers[0] is the start of the message, then the names already in
    // it, up to a null. Only those are searched; this name, once written,
    // is added after them if the list has room (so later names can point
    // at it), and taken out again if writing it fails.
    const unsigned char* message = nullptr;
    const unsigned char** list_end = nullptr;
    if (pointers != nullptr && (message = pointers[0]) != nullptr) {
        list_end = pointers + 1;
        while (*list_end != nullptr) ++list_end;
    }
    const unsigned char** const searched_end = list_end;
    bool added = false;
    long written = 0;
    const unsigned char* label = source;
    for (;;) {
        const unsigned length = *label;
        if (length != 0 && message != nullptr) {
            long offset = find_in_message(label, message, destination + written, pointers + 1,
                                          searched_end);
            if (offset >= 0) {  // the rest of the name is there already: point at it
                if (size - written < 2) goto failed;
                destination[written++] = static_cast<unsigned char>(pointer_flags | offset >> 8);
                destination[written++] = static_cast<unsigned char>(offset);
                return static_cast<int>(written);
            }
            if (!added && pointers_end != nullptr && list_end < pointers_end - 1 &&
                destination + written - message < pointer_range) {
                *list_end++ = destination + written;
                *list_end = nullptr;
                added = true;
            }
        }
        if (static_cast<long>(length) + 1 > size - written) goto failed;
        memcpy(destination + written, label, length + 1);
        written += length + 1;
        label += length + 1;
        if (length == 0) break;
    }
    return static_cast<int>(written);
failed:
    if (message != nullptr) *searched_end = nullptr;
    return too_big();
}

// Takes out of a compression list (as ns_name_pack keeps it) the first
// entry at or after `from`, ending the list there: the names written from
// `from` on are about to be undone. Only entries before `list_end` and
// before the list's null are looked at.
void ns_name_rollback(const unsigned char* from, const unsigned char** pointers,
                      const unsigned char** list_end) noexcept {
    for (; pointers < list_end && *pointers != nullptr; ++pointers) {
        if (*pointers >= from) {
            *pointers = nullptr;
            return;
        }
    }
}

int ns_name_uncompress(const unsigned char* message, const unsigned char* end,
                       const unsigned char* source, char* destination, size_t size) noexcept {
    unsigned char wire[longest_wire_name];
    int consumed = ns_name_unpack(message, end, source, wire, sizeof wire);
    if (consumed < 0) return -1;
    if (ns_name_ntop(wire, destination, size) < 0) return -1;
    return consumed;
}

int ns_name_compress(const char* source, unsigned char* destination, size_t size,
                     const unsigned char** pointers, const unsigned char** pointers_end) noexcept {
    unsigned char wire[longest_wire_name];
    if (ns_name_pton(source, wire, sizeof wire) < 0) return -1;
    // glibc passes the size on as an int, as ns_name_pack takes it.
    return ns_name_pack(wire, destination, static_cast<int>(size), pointers, pointers_end);
}

int ns_name_skip(const unsigned char** cursor, const unsigned char* end) noexcept {
    const unsigned char* at = *cursor;
    while (at < end) {
        const unsigned length = *at++;
        if (length == 0) {
            *cursor = at;
            return 0;
        }
        switch (length & pointer_flags) {
            case 0:
                if (static_cast<unsigned>(end - at) < length) return too_big();
                at += length;
                break;
            case pointer_flags:  // the name ends with this pointer's second byte
                if (at == end) return too_big();
                *cursor = at + 1;
                return 0;
            default:
                return too_big();
        }
    }
    return too_big();
}

int dn_expand(const unsigned char* message, const unsigned char* end, const unsigned char* source,
              char* destination, int size) noexcept {
    int consumed = ns_name_uncompress(message, end, source, destination, static_cast<size_t>(size));
    if (consumed > 0 && destination[0] == '.') destination[0] = '\0';  // the root is "" here
    return consumed;
}

int dn_comp(const char* source, unsigned char* destination, int size, unsigned char** pointers,
            unsigned char** pointers_end) noexcept {
    return ns_name_compress(source, destination, static_cast<size_t>(size),
                            const_cast<const unsigned char**>(pointers),
                            const_cast<const unsigned char**>(pointers_end));
}

int dn_skipname(const unsigned char* name, const unsigned char* end) noexcept {
    const unsigned char* cursor = name;
    if (ns_name_skip(&cursor, end) < 0) return -1;
    return static_cast<int>(cursor - name);
}

// The names <resolv.h> gave these before glibc 2.34.
int __dn_expand(const unsigned char*, const unsigned char*, const unsigned char*, char*, int) noexcept
    __attribute__((alias("dn_expand")));
int __dn_comp(const char*, unsigned char*, int, unsigned char**, unsigned char**) noexcept
    __attribute__((alias("dn_comp")));
int __dn_skipname(const unsigned char*, const unsigned char*) noexcept
    __attribute__((alias("dn_skipname")));

}  // extern "C"
