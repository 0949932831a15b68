// Shadow passwords (<shadow.h>): getspnam getspnam_r, the walk getspent
// getspent_r setspent endspent over /etc/shadow, and the same entries from
// the caller's text or stream: sgetspent sgetspent_r fgetspent fgetspent_r;
// putspent writes one. (lckpwdf and ulckpwdf: user_database_files.cpp.)
// Files only, as for the user database: no NSS, so an account whose shadow
// entry lives elsewhere (systemd-userdbd, LDAP) is not found.
//
// Lines are read as glibc's parser reads them (database_fields.hpp):
// name:password:lastchange:min:max:warn:inactive:expire:flag, an empty
// number -1 (the flag ~0ul), the old five-field form
// (name:password:lastchange:min:max) with the last four -1 and ~0ul, and a
// NIS compat "+name"/"-name" line alone an entry with a null password. A
// number is read as a 32-bit int then widened (4294967295 is -1).
//
// /etc/shadow is readable by root (and group shadow) only: another caller
// gets EACCES from getspnam (errno) and getspnam_r (returned), and from the
// walk. The _r forms return 0 with the entry (its strings in the caller's
// buffer), 0 with a null result for no such name, ENOENT at the end of a
// walk, ERANGE when the line does not fit (with glibc's measure: the whole
// line, newline included, and two bytes more), or the errno reading the file
// failed with; the plain forms have one entry and a growing buffer each
// (never ERANGE). Raw system calls for the file: not cancellation points.
#include <errno.h>
#include <shadow.h>
#include <stdio.h>
#include <string.h>

#include <cstddef>
#include <initializer_list>

#include "database_fields.hpp"
#include "growing_entry.hpp"
#include "system_file_lines.hpp"

namespace {

namespace fields = lwp::libc::database_fields;
using fields::parsed;

constexpr char shadow_path[] = "/etc/shadow";

// A number field: read as glibc reads it, an empty one -1. The 32 bits
// become an int, then a long.
bool day_count(fields::field_cursor& cursor, long& value) {
    unsigned long read;
    if (!cursor.number_or(read, 0xffffffffUL)) return false;
    value = static_cast<int>(static_cast<unsigned>(read));
    return true;
}

// One line, cut into `entry` in place (at its first newline too).
parsed parse_shadow(char* line, spwd* entry) {
    if (char* newline = strchr(line, '\n')) *newline = '\0';
    fields::field_cursor cursor(line);
    entry->sp_namp = cursor.text();
    if (cursor.at_end() && (entry->sp_namp[0] == '+' || entry->sp_namp[0] == '-')) {
        entry->sp_pwdp = nullptr;
        entry->sp_lstchg = entry->sp_min = entry->sp_max = 0;
        entry->sp_warn = entry->sp_inact = entry->sp_expire = -1;
        entry->sp_flag = ~0UL;
        return parsed::entry;
    }
    entry->sp_pwdp = cursor.text();
    if (!day_count(cursor, entry->sp_lstchg) || !day_count(cursor, entry->sp_min) ||
        !day_count(cursor, entry->sp_max))
        return parsed::malformed;
    cursor.skip_space();
    entry->sp_flag = ~0UL;
    if (cursor.at_end()) {  // the old form
        entry->sp_warn = entry->sp_inact = entry->sp_expire = -1;
        return parsed::entry;
    }
    if (!day_count(cursor, entry->sp_warn) || !day_count(cursor, entry->sp_inact) ||
        !day_count(cursor, entry->sp_expire))
        return parsed::malformed;
    if (!cursor.at_end() && !cursor.number_or(entry->sp_flag, ~0UL, true)) return parsed::malformed;
    return parsed::entry;
}

// A line of /etc/shadow as line_reader gave it, copied into the caller's
// buffer without its leading white space and parsed there. ERANGE if it
// does not fit by glibc's measure, EINVAL if it is no entry.
int take_line(const char* line, bool had_newline, spwd* entry, char* buffer, std::size_t size) {
    std::size_t length = strlen(line);
    if (!fields::line_fits(length + had_newline, size)) return ERANGE;
    while (lwp::libc::is_space(*line)) ++line, --length;
    memcpy(buffer, line, length + 1);
    return parse_shadow(buffer, entry) == parsed::entry ? 0 : EINVAL;
}

// Blank lines and comments, passed over before anything else.
bool holds_no_entry(const char* line) {
    while (lwp::libc::is_space(*line)) ++line;
    return *line == '\0' || *line == '#';
}

// The line's name field (up to ':' or the end, white space first dropped)
// is `name`.
bool names(const char* line, const char* name) {
    while (lwp::libc::is_space(*line)) ++line;
    std::size_t length = strcspn(line, ":");
    return strncmp(line, name, length) == 0 && name[length] == '\0';
}

lwp::libc::file_walk shadow_walk;

constinit lwp::libc::growing_entry<spwd> by_name_storage;
constinit lwp::libc::growing_entry<spwd> walk_storage;
constinit lwp::libc::growing_entry<spwd> text_storage;
constinit lwp::libc::growing_entry<spwd> stream_storage;

}  // namespace

extern "C" {

// glibc's contract: the string must fit with its NUL (ERANGE, errno left
// alone, if not). A string that is no entry: EINVAL (also in errno), where
// glibc returns whatever errno held (often 0, with a null result).
int sgetspent_r(const char* __restrict text, spwd* __restrict entry, char* __restrict buffer,
                size_t size, spwd** __restrict result) {
    *result = nullptr;
    std::size_t length = strlen(text);
    if (length >= size) return ERANGE;
    memcpy(buffer, text, length + 1);
    if (parse_shadow(buffer, entry) != parsed::entry) {
        errno = EINVAL;
        return EINVAL;
    }
    *result = entry;
    return 0;
}

spwd* sgetspent(const char* text) {
    return text_storage.next([text](spwd* entry, char* buffer, size_t size, spwd** result) {
        return sgetspent_r(text, entry, buffer, size, result);
    });
}

int fgetspent_r(FILE* __restrict stream, spwd* __restrict entry, char* __restrict buffer,
                size_t size, spwd** __restrict result) {
    *result = nullptr;
    int error = fields::next_stream_entry(stream, buffer, size, [&](char* line, char*) {
        return parse_shadow(line, entry);
    });
    if (error == 0) *result = entry;
    return error;
}

spwd* fgetspent(FILE* stream) {
    return stream_storage.next([stream](spwd* entry, char* buffer, size_t size, spwd** result) {
        return fgetspent_r(stream, entry, buffer, size, result);
    });
}

// The first entry of that name; a name beginning with '+' or '-' is never
// found (those are NIS compat lines, as glibc's lookup passes them over).
// ERANGE only when the matching line does not fit (glibc also answers it
// when an earlier, longer line does not).
int getspnam_r(const char* __restrict name, spwd* __restrict entry, char* __restrict buffer,
               size_t size, spwd** __restrict result) {
    *result = nullptr;
    lwp::libc::line_reader reader;
    if (int error = reader.open(shadow_path)) {
        errno = error;
        return error;
    }
    if (name[0] == '+' || name[0] == '-') return 0;
    while (char* line = reader.next()) {
        if (holds_no_entry(line) || !names(line, name)) continue;
        int taken = take_line(line, reader.had_newline(), entry, buffer, size);
        if (taken == EINVAL) continue;  // a malformed line of that name
        if (taken == ERANGE) {
            errno = ERANGE;
            return ERANGE;
        }
        *result = entry;
        return 0;
    }
    if (int error = reader.error()) {
        errno = error;
        return error;
    }
    return 0;
}

spwd* getspnam(const char* name) {
    return by_name_storage.next([name](spwd* entry, char* buffer, size_t size, spwd** result) {
        return getspnam_r(name, entry, buffer, size, result);
    });
}

// The walk: one for the process, under its lock, from the first call to
// endspent (setspent starts it again). An entry too big for the buffer is
// ERANGE, and the next call gives it again.
int getspent_r(spwd* __restrict entry, char* __restrict buffer, size_t size,
               spwd** __restrict result) {
    *result = nullptr;
    lwp::runtime::internal_lock_guard hold(shadow_walk.lock);
    int error;
    while (char* line = shadow_walk.next_line(shadow_path, error)) {
        if (holds_no_entry(line)) continue;
        int taken = take_line(line, shadow_walk.reader->had_newline(), entry, buffer, size);
        if (taken == EINVAL) continue;
        if (taken == ERANGE) {
            shadow_walk.repeat_line();  // the line is as it was: parsed in the copy
            errno = ERANGE;
            return ERANGE;
        }
        *result = entry;
        return 0;
    }
    if (error != 0) {
        errno = error;
        return error;
    }
    return ENOENT;
}

spwd* getspent(void) {
    return walk_storage.next([](spwd* entry, char* buffer, size_t size, spwd** result) {
        return getspent_r(entry, buffer, size, result);
    });
}

void setspent(void) {
    lwp::runtime::internal_lock_guard hold(shadow_walk.lock);
    shadow_walk.close();
}

void endspent(void) {
    lwp::runtime::internal_lock_guard hold(shadow_walk.lock);
    shadow_walk.close();
}

// EINVAL, writing nothing, without a name or with a ':' or newline in the
// name or password (they would break the line). A number that is -1 is
// written as an empty field, a flag of ~0ul not at all; the flag is printed
// as a signed long, as glibc prints it.
int putspent(const spwd* entry, FILE* stream) {
    auto breaks_line = [](const char* field) { return field != nullptr && strpbrk(field, ":\n"); };
    if (entry->sp_namp == nullptr || breaks_line(entry->sp_namp) || breaks_line(entry->sp_pwdp)) {
        errno = EINVAL;
        return -1;
    }
    flockfile(stream);  // the line whole, whatever other threads write
    bool failed = fprintf(stream, "%s:%s:", entry->sp_namp, entry->sp_pwdp ? entry->sp_pwdp : "") < 0;
    for (long number : {entry->sp_lstchg, entry->sp_min, entry->sp_max, entry->sp_warn,
                        entry->sp_inact, entry->sp_expire})
        failed |= (number == -1 ? fputs(":", stream) : fprintf(stream, "%ld:", number)) < 0;
    if (entry->sp_flag != ~0UL) failed |= fprintf(stream, "%ld", static_cast<long>(entry->sp_flag)) < 0;
    failed |= putc('\n', stream) == EOF;
    funlockfile(stream);
    return failed ? -1 : 0;
}

}  // extern "C"
