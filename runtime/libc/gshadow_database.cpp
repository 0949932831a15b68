// Shadow group passwords (<gshadow.h>): getsgnam getsgnam_r, the walk
// getsgent getsgent_r setsgent endsgent over /etc/gshadow, the same entries
// from the caller's text or stream (sgetsgent sgetsgent_r fgetsgent
// fgetsgent_r), and putsgent. Files only, as for /etc/shadow
// (shadow_database.cpp), whose conventions these follow.
//
// A line is read as glibc's parser reads it: name:password:admins:members,
// the two lists separated by ',' (blanks before a name dropped, empty names
// left out), the members running to the end of the line. Every line is an
// entry: missing fields are empty strings and empty lists. A NIS compat
// line of a "+name" or "-name" alone has a null password and a null admin
// list (its member list is empty, not null, as glibc leaves it). The lists'
// pointers go into the caller's buffer after the line, where glibc puts
// them, so an entry needs the room glibc's does: ERANGE otherwise. A name
// starting with '+' or '-' is never found by getsgnam.
//
// Differences from glibc, as for /etc/shadow: getsgnam_r answers ERANGE
// only when the matching line does not fit (glibc also when an earlier
// longer line does not); a last line without a newline after leading
// blanks is read as it is (glibc's reader doubles its tail).
#include <errno.h>
#include <gshadow.h>
#include <stdio.h>
#include <string.h>

#include <cstddef>
#include <cstdint>

#include "database_fields.hpp"
#include "growing_entry.hpp"
#include "system_file_lines.hpp"

namespace {

namespace fields = lwp::libc::database_fields;
using fields::parsed;
using lwp::libc::is_space;

constexpr char gshadow_path[] = "/etc/gshadow";

// A list of names ended by ',' between names and by `end` (':' for the
// admins, NUL for the members, the rest of the line) cut in place at
// *cursor; the pointers stored from the first pointer-aligned byte at
// `storage`, with room required for one more than stored, as glibc
// requires. Null if they do not fit.
char** name_list(char*& cursor, char* storage, char* buffer_end, char end) {
    auto first = reinterpret_cast<std::uintptr_t>(storage);
    first = (first + alignof(char*) - 1) & ~(std::uintptr_t{alignof(char*)} - 1);
    char** list = reinterpret_cast<char**>(first);
    char** next = list;
    char* text = cursor;
    for (;;) {
        if (reinterpret_cast<char*>(next + 2) > buffer_end) return nullptr;
        if (*text == '\0') break;
        if (*text == end) {
            ++text;
            break;
        }
        while (is_space(*text)) ++text;
        char* name = text;
        while (*text != '\0' && *text != end && *text != ',') ++text;
        if (text > name) *next++ = name;
        if (*text == '\0') continue;  // the room checked once more, as glibc does
        char separator = *text;
        *text++ = '\0';
        if (separator == end) break;
    }
    *next = nullptr;
    cursor = text;
    return list;
}

// One line (its newline too, if there), cut into `entry` in place; the
// lists' pointers from `line_end` (one past the line as read) on.
parsed parse_gshadow(char* line, char* line_end, char* buffer_end, sgrp* entry) {
    if (char* newline = strchr(line, '\n')) *newline = '\0';
    fields::field_cursor cursor(line);
    entry->sg_namp = cursor.text();
    char* rest;
    char* storage = line_end;
    if (cursor.at_end() && (entry->sg_namp[0] == '+' || entry->sg_namp[0] == '-')) {
        entry->sg_passwd = nullptr;
        entry->sg_adm = nullptr;
        rest = cursor.rest();
    } else {
        entry->sg_passwd = cursor.text();
        rest = cursor.rest();
        entry->sg_adm = name_list(rest, storage, buffer_end, ':');
        if (entry->sg_adm == nullptr) return parsed::no_room;
        char** last = entry->sg_adm;
        while (*last != nullptr) ++last;
        storage = reinterpret_cast<char*>(last + 1);
    }
    entry->sg_mem = name_list(rest, storage, buffer_end, '\0');
    return entry->sg_mem != nullptr ? parsed::entry : parsed::no_room;
}

// A line of /etc/gshadow as line_reader gave it, copied into the caller's
// buffer without its leading white space and parsed there; ERANGE if it
// does not fit by glibc's measure.
int take_line(const char* line, bool had_newline, sgrp* entry, char* buffer, std::size_t size) {
    std::size_t length = strlen(line);
    std::size_t read_length = length + had_newline;  // what glibc's fgets held
    if (!fields::line_fits(read_length, size)) return ERANGE;
    while (is_space(*line)) ++line, --length;
    memcpy(buffer, line, length + 1);
    return parse_gshadow(buffer, buffer + read_length + 1, buffer + size, entry) == parsed::entry ? 0 : ERANGE;
}

bool holds_no_entry(const char* line) {
    while (is_space(*line)) ++line;
    return *line == '\0' || *line == '#';
}

// The line's name field (white space first dropped) is `name`.
bool names(const char* line, const char* name) {
    while (is_space(*line)) ++line;
    std::size_t length = strcspn(line, ":\n");
    return strncmp(line, name, length) == 0 && name[length] == '\0';
}

// Whether a field can be written without breaking the line.
bool valid_field(const char* field) { return field == nullptr || strpbrk(field, ":\n") == nullptr; }

bool valid_list(char** list) {
    if (list == nullptr) return true;
    for (; *list != nullptr; ++list)
        if (strpbrk(*list, ":\n,") != nullptr) return false;
    return true;
}

bool put_list(char** list, FILE* stream) {
    bool failed = false;
    if (list != nullptr)
        for (char** name = list; *name != nullptr && !failed; ++name)
            failed = fprintf(stream, "%s%s", name == list ? "" : ",", *name) < 0;
    return failed;
}

lwp::libc::file_walk gshadow_walk;

constinit lwp::libc::growing_entry<sgrp> by_name_storage;
constinit lwp::libc::growing_entry<sgrp> walk_storage;
constinit lwp::libc::growing_entry<sgrp> text_storage;
constinit lwp::libc::growing_entry<sgrp> stream_storage;

}  // namespace

extern "C" {

// glibc's: a text outside the buffer is copied in first (ERANGE, also in
// errno, if it does not fit with its NUL); one already in the buffer is
// parsed where it is.
int sgetsgent_r(const char* text, sgrp* entry, char* buffer, size_t size, sgrp** result) {
    *result = nullptr;
    char* line;
    if (text < buffer || text >= buffer + size) {
        std::size_t length = strlen(text);
        if (length >= size) {
            errno = ERANGE;
            return ERANGE;
        }
        line = static_cast<char*>(memcpy(buffer, text, length + 1));
    } else {
        line = const_cast<char*>(text);
    }
    if (parse_gshadow(line, strchr(line, '\0') + 1, buffer + size, entry) != parsed::entry) {
        errno = ERANGE;
        return ERANGE;
    }
    *result = entry;
    return 0;
}

sgrp* sgetsgent(const char* text) {
    return text_storage.next([text](sgrp* entry, char* buffer, size_t size, sgrp** result) {
        return sgetsgent_r(text, entry, buffer, size, result);
    });
}

int fgetsgent_r(FILE* stream, sgrp* entry, char* buffer, size_t size, sgrp** result) {
    *result = nullptr;
    int error = fields::next_stream_entry(stream, buffer, size, [&](char* line, char* line_end) {
        return parse_gshadow(line, line_end, buffer + size, entry);
    });
    if (error == 0) *result = entry;
    return error;
}

sgrp* fgetsgent(FILE* stream) {
    return stream_storage.next([stream](sgrp* entry, char* buffer, size_t size, sgrp** result) {
        return fgetsgent_r(stream, entry, buffer, size, result);
    });
}

int getsgnam_r(const char* name, sgrp* entry, char* buffer, size_t size, sgrp** result) {
    *result = nullptr;
    lwp::libc::line_reader reader;
    if (int error = reader.open(gshadow_path)) {
        errno = error;
        return error;
    }
    if (name[0] == '+' || name[0] == '-') return 0;
    while (char* line = reader.next()) {
        if (holds_no_entry(line) || !names(line, name)) continue;
        if (take_line(line, reader.had_newline(), entry, buffer, size) != 0) {
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

sgrp* getsgnam(const char* name) {
    return by_name_storage.next([name](sgrp* entry, char* buffer, size_t size, sgrp** result) {
        return getsgnam_r(name, entry, buffer, size, result);
    });
}

// The walk: one for the process, under its lock, from the first call to
// endsgent (setsgent starts it again); an entry too big for the buffer is
// ERANGE, and the next call gives it again.
int getsgent_r(sgrp* entry, char* buffer, size_t size, sgrp** result) {
    *result = nullptr;
    lwp::runtime::internal_lock_guard hold(gshadow_walk.lock);
    int error;
    while (char* line = gshadow_walk.next_line(gshadow_path, error)) {
        if (holds_no_entry(line)) continue;
        if (take_line(line, gshadow_walk.reader->had_newline(), entry, buffer, size) != 0) {
            gshadow_walk.repeat_line();  // parsed in the copy: the line is as it was
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

sgrp* getsgent(void) {
    return walk_storage.next([](sgrp* entry, char* buffer, size_t size, sgrp** result) {
        return getsgent_r(entry, buffer, size, result);
    });
}

void setsgent(void) {
    lwp::runtime::internal_lock_guard hold(gshadow_walk.lock);
    gshadow_walk.close();
}

void endsgent(void) {
    lwp::runtime::internal_lock_guard hold(gshadow_walk.lock);
    gshadow_walk.close();
}

// EINVAL, writing nothing, without a name, or with a ':' or newline in a
// field (or a ',' in a list's name): they would break the line. A null
// password or list is written empty.
int putsgent(const sgrp* entry, FILE* stream) {
    if (entry->sg_namp == nullptr || !valid_field(entry->sg_namp) || !valid_field(entry->sg_passwd) ||
        !valid_list(entry->sg_adm) || !valid_list(entry->sg_mem)) {
        errno = EINVAL;
        return -1;
    }
    flockfile(stream);  // the line whole, whatever other threads write
    bool failed = fprintf(stream, "%s:%s:", entry->sg_namp, entry->sg_passwd ? entry->sg_passwd : "") < 0;
    failed |= put_list(entry->sg_adm, stream);
    failed |= putc(':', stream) == EOF;
    failed |= put_list(entry->sg_mem, stream);
    failed |= putc('\n', stream) == EOF;
    funlockfile(stream);
    return failed ? -1 : 0;
}

}  // extern "C"
