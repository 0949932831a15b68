// Lines of the user, group and shadow files read exactly as glibc's "files"
// parser reads them, for the functions whose answers a program compares
// with glibc's field by field: fgetpwent_r and fgetgrent_r
// (user_database_streams.cpp), sgetspent_r, fgetspent_r and the /etc/shadow
// lookups and walk (shadow_database.cpp). (lwp's own getpwnam and getpwent
// keep user_database.cpp's stricter reading: docs/libc.md.)
//
// glibc's rules, which these follow:
// - a line is read whole into the caller's buffer, and must fit there with
//   two bytes to spare (glibc reads with fgets and a marker in the last
//   byte); leading white space is dropped, and blank lines and '#' comments
//   are passed over;
// - the line ends at its first newline; fields end at ':' (the last one
//   runs to the end of the line, colons and all);
// - a number is what strtoull reads in base 10 (leading white space and a
//   sign allowed, so "-1" is a huge number), refused above UINT_MAX, and
//   must end at the field's end;
// - a line that breaks a rule is passed over, never an error.
#pragma once

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdint>

#include "integer_parse.hpp"
#include "stdio_stream.hpp"

namespace lwp::libc::database_fields {

// What a line parser answers: glibc's 1, 0 and -1.
enum class parsed { entry, malformed, no_room };

// strtoull's reading in base 10, without touching errno (strtoull sets
// ERANGE on overflow, which the callers' callers would take for "buffer too
// small"): white space, a sign, digits. `end` is where the digits stop, or
// `text` itself when there are none. Overflow saturates, as strtoull's
// result does; a '-' negates in unsigned arithmetic, as strtoull does.
inline unsigned long long read_decimal(char* text, char** end) {
    char* at = text;
    while (is_space(*at)) ++at;
    bool negative = *at == '-';
    if (*at == '+' || *at == '-') ++at;
    if (*at < '0' || *at > '9') {
        *end = text;
        return 0;
    }
    unsigned long long value = 0;
    bool overflow = false;
    for (; *at >= '0' && *at <= '9'; ++at) {
        unsigned digit = static_cast<unsigned>(*at - '0');
        if (value > (~0ULL - digit) / 10) overflow = true;
        value = value * 10 + digit;
    }
    *end = at;
    if (overflow) return ~0ULL;
    return negative ? 0 - value : value;
}

// A line being cut into its fields, in place.
class field_cursor {
public:
    explicit field_cursor(char* line) : at_(line) {}

    // The text not yet taken.
    char* rest() const { return at_; }
    bool at_end() const { return *at_ == '\0'; }

    void skip_space() {
        while (is_space(*at_)) ++at_;
    }

    // The text up to the next ':' or the end, NUL-terminated in place; the
    // cursor moves past the ':'.
    char* text() {
        char* field = at_;
        while (*at_ != '\0' && *at_ != ':') ++at_;
        if (*at_ == ':') *at_++ = '\0';
        return field;
    }

    // A number that must be there (glibc's INT_FIELD): false if the field
    // is empty, not a number, or above UINT_MAX.
    bool number(unsigned long& value) {
        char* end;
        unsigned long long read = read_decimal(at_, &end);
        if (read > UINT_MAX || end == at_) return false;
        value = static_cast<unsigned long>(read);
        return finish(end, true);
    }

    // A number that may be left empty (glibc's INT_FIELD_MAYBE_NULL): then
    // `absent`. The field must still be there (the cursor not at the end of
    // the line). `last`: the field runs to the end of the line, a ':'
    // after it is refused.
    bool number_or(unsigned long& value, unsigned long absent, bool last = false) {
        if (*at_ == '\0') return false;
        char* end;
        unsigned long long read = read_decimal(at_, &end);
        if (read > UINT_MAX) return false;
        value = end == at_ ? absent : static_cast<unsigned long>(read);
        return finish(end, !last);
    }

private:
    // The number ended at `end`: at the field's ':' (when one may end it),
    // or at the end of the line.
    bool finish(char* end, bool colon_ends) {
        if (colon_ends && *end == ':') {
            at_ = end + 1;
            return true;
        }
        if (*end != '\0') return false;
        at_ = end;
        return true;
    }

    char* at_;
};

// The members of a group line ("a,b,c", each with leading white space
// dropped and empty ones left out) cut in place, their pointers stored from
// the first pointer-aligned byte after `line_end` up to `buffer_end`, null
// after the last; null if they do not fit (glibc's parse_list, which asks
// for room for one pointer more than it stores).
inline char** member_list(char* text, char* line_end, char* buffer_end) {
    auto first = reinterpret_cast<std::uintptr_t>(line_end);
    first = (first + alignof(char*) - 1) & ~(std::uintptr_t{alignof(char*)} - 1);
    char** list = reinterpret_cast<char**>(first);
    char** next = list;
    for (;;) {
        if (reinterpret_cast<char*>(next + 2) > buffer_end) return nullptr;
        if (*text == '\0') break;
        while (is_space(*text)) ++text;
        char* member = text;
        while (*text != '\0' && *text != ',') ++text;
        if (text > member) *next++ = member;
        if (*text == ',') *text++ = '\0';
    }
    *next = nullptr;
    return list;
}

// glibc's answer for a buffer whose size the line does not fit: the line
// (`length` bytes, its newline counted if it had one) needs two bytes more.
inline bool line_fits(std::size_t length, std::size_t size) { return size >= 2 && length <= size - 2; }

// One entry from a stream, as glibc's fget*ent_r read it: each line into
// `buffer`, leading white space dropped, cut at its newline; blank and
// comment lines and the lines `parse` calls malformed passed over.
// `parse(line, line_end)` cuts the line into fields in place (line_end: one
// past the bytes read, after which glibc puts a group's member pointers). Returns 0 with an entry; ENOENT at the end of the stream;
// ERANGE when the line does not fit, after putting the stream back at the
// line's start so that a retry with a larger buffer reads it again (ESPIPE,
// and the stream's error flag, when it cannot be put back); or the errno
// of a read error. errno is set to the code returned.
template <class Parse>
int next_stream_entry(FILE* stream, char* buffer, std::size_t size, Parse parse) {
    if (size < 3) {  // a character, its newline and the NUL, at the least
        errno = ERANGE;
        return ERANGE;
    }
    int chunk = size > INT_MAX ? INT_MAX : static_cast<int>(size);
    flockfile(stream);  // the whole entry read in one hold
    int result;
    for (;;) {
        off_t start = ftello(stream);  // -1 for a pipe: fine until a line must be read again
        buffer[chunk - 1] = 1;         // not NUL unless fgets fills the buffer
        if (fgets(buffer, chunk, stream) == nullptr) {
            result = feof(stream) ? ENOENT : errno;
            if (result == ERANGE) result = EINVAL;  // never "retry with more room"
            break;
        }
        parsed outcome = parsed::no_room;
        std::size_t length = strlen(buffer);
        if (buffer[chunk - 1] != '\0') {
            char* line = buffer;
            while (is_space(*line)) ++line;
            if (*line == '\0' || *line == '#') continue;
            memmove(buffer, line, strlen(line) + 1);
            if (char* newline = strchr(buffer, '\n')) *newline = '\0';
            outcome = parse(buffer, buffer + length + 1);
            if (outcome == parsed::malformed) continue;
        }
        if (outcome == parsed::entry) {
            result = 0;
        } else if (start >= 0 && fseeko(stream, start, SEEK_SET) == 0) {
            result = ERANGE;
        } else {
            // Without the line's start it cannot be read again: the stream
            // is spoilt for this reader, and its error flag says so, as
            // glibc sets it (the stream is held: the flag is ours to set).
            result = ESPIPE;
            as_stream(stream).glibc_flags |= glibc_error_flag;
        }
        break;
    }
    funlockfile(stream);
    if (result != 0) errno = result;
    return result;
}

}  // namespace lwp::libc::database_fields
