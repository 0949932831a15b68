// The user and group databases: getpwnam, getpwuid, getgrnam, getgrgid, their
// _r forms, getgrouplist and initgroups, and the walks through every entry
// (getpwent setpwent endpwent, getgrent setgrent endgrent), read from
// /etc/passwd and /etc/group alone. There is no NSS: an account that exists
// only in LDAP, systemd-userdbd or the like is not found.
//
// Every lookup reads its file from the start, a line at a time, through a
// buffer of its own (system_file_lines.hpp: the _r forms share nothing, and
// memory stays bounded). Skipped, never an error: blank lines, comments, NIS compat lines
// ("+..." or "-..."), lines without the right number of fields, with an
// empty name or with an id that is not a decimal number, and lines longer
// than the buffer. A last line without its newline counts.
//
// Failures of the _r forms (their return value; *result is then null): 0 when
// nothing matches, ERANGE when the entry does not fit the caller's buffer,
// ENOMEM without memory for the line buffer, or the errno opening or reading
// the file failed with (ENOENT, EACCES, ...). The other forms return null
// with that code in errno, and leave errno alone when nothing matches; they
// share one static entry per database, and answer ERANGE for an entry too
// big for its static buffer.
//
// A walk keeps its file open from the first getpwent (getgrent) to endpwent
// (endgrent); setpwent (setgrent) starts it again from the top. Each database
// has one walk for the whole process, under a lock, shared by getpwent and
// getpwent_r (getgrent, getgrent_r), and getpwent's entries are the non-_r
// forms' static one. Lines are skipped as above; an entry too big for the
// static buffer ends that call with null and ERANGE (the walk goes on after
// it); the end of the file is null with errno untouched, an error reading it
// null with that errno. getpwent_r and getgrent_r answer as glibc's: 0,
// ENOENT at the end, ERANGE (also in errno) for an entry too big for the
// caller's buffer, which the next call gives again (a caller retries with a
// larger one), or the errno reading the file failed with.
//
// Lookups are not cancellation points here (raw system calls throughout).
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>

#include "../thread/internal_lock.hpp"
#include "errno_result.hpp"
#include "system_file_lines.hpp"

using lwp::libc::line_reader;

namespace {

constexpr char passwd_path[] = "/etc/passwd";
constexpr char group_path[] = "/etc/group";

// Splits `line` at each ':' into `fields`, NUL-terminating each; false unless
// there are exactly `count`.
bool split_fields(char* line, char** fields, int count) {
    int found = 0;
    fields[found++] = line;
    for (char* cursor = line; *cursor != '\0'; ++cursor) {
        if (*cursor != ':') continue;
        if (found == count) return false;
        *cursor = '\0';
        fields[found++] = cursor + 1;
    }
    return found == count;
}

// Undoes a successful split_fields: each field's terminator back to ':'.
void join_fields(char** fields, int count) {
    for (int i = 1; i < count; ++i) fields[i][-1] = ':';
}

// A uid or gid field: decimal digits only, and within 32 bits.
bool parse_id(const char* text, std::uint32_t& id) {
    if (*text == '\0') return false;
    std::uint64_t value = 0;
    for (; *text != '\0'; ++text) {
        if (*text < '0' || *text > '9') return false;
        value = value * 10 + static_cast<unsigned>(*text - '0');
        if (value > UINT32_MAX) return false;
    }
    id = static_cast<std::uint32_t>(value);
    return true;
}

// Blank lines, comments and NIS compat entries name no account of the file.
bool holds_no_entry(const char* line) {
    return *line == '\0' || *line == '#' || *line == '+' || *line == '-';
}

// One line of /etc/passwd, split: name:password:uid:gid:gecos:home:shell.
struct passwd_line {
    enum { name, password, uid_text, gid_text, gecos, home, shell, field_count };
    char* fields[field_count];
    uid_t uid;
    gid_t gid;

    bool parse(char* line) {
        return !holds_no_entry(line) && split_fields(line, fields, field_count) &&
               *fields[name] != '\0' && parse_id(fields[uid_text], uid) && parse_id(fields[gid_text], gid);
    }

    // The line as it was before parse() cut it (a walk reads it again).
    void unsplit() { join_fields(fields, field_count); }
};

// One line of /etc/group, split: name:password:gid:member,member,...
struct group_line {
    enum { name, password, gid_text, members, field_count };
    char* fields[field_count];
    gid_t gid;

    bool parse(char* line) {
        return !holds_no_entry(line) && split_fields(line, fields, field_count) &&
               *fields[name] != '\0' && parse_id(fields[gid_text], gid);
    }

    void unsplit() { join_fields(fields, field_count); }
};

// Calls `each(member, length)` for every name of a comma-separated member
// list, empty ones left out, until it returns true; true if it did.
template <class Each>
bool for_each_member(const char* list, Each each) {
    while (*list != '\0') {
        std::size_t length = strcspn(list, ",");
        if (length != 0 && each(list, length)) return true;
        list += length;
        if (*list == ',') ++list;
    }
    return false;
}

bool lists_member(const char* list, const char* user) {
    std::size_t user_length = strlen(user);
    return for_each_member(list, [&](const char* member, std::size_t length) {
        return length == user_length && memcmp(member, user, length) == 0;
    });
}

// Copies `text` with its NUL to `cursor`, moves `cursor` past it, and returns
// where it went.
char* copy_string(char*& cursor, const char* text) {
    std::size_t size = strlen(text) + 1;
    char* copy = static_cast<char*>(memcpy(cursor, text, size));
    cursor += size;
    return copy;
}

// The entry's strings copied into the caller's buffer; false if they do not fit.
bool fill_passwd(const passwd_line& line, passwd* entry, char* buffer, std::size_t size) {
    std::size_t needed = 0;
    for (int copied : {passwd_line::name, passwd_line::password, passwd_line::gecos, passwd_line::home,
                       passwd_line::shell})
        needed += strlen(line.fields[copied]) + 1;
    if (needed > size) return false;
    char* cursor = buffer;
    entry->pw_name = copy_string(cursor, line.fields[passwd_line::name]);
    entry->pw_passwd = copy_string(cursor, line.fields[passwd_line::password]);
    entry->pw_uid = line.uid;
    entry->pw_gid = line.gid;
    entry->pw_gecos = copy_string(cursor, line.fields[passwd_line::gecos]);
    entry->pw_dir = copy_string(cursor, line.fields[passwd_line::home]);
    entry->pw_shell = copy_string(cursor, line.fields[passwd_line::shell]);
    return true;
}

// The caller's buffer holds the member pointers (aligned, first, with their
// terminating null) and then the strings; false if they do not fit.
bool fill_group(const group_line& line, group* entry, char* buffer, std::size_t size) {
    const char* member_list = line.fields[group_line::members];
    std::size_t member_count = 0;
    for_each_member(member_list, [&](const char*, std::size_t) {
        ++member_count;
        return false;
    });
    std::size_t padding = -reinterpret_cast<std::uintptr_t>(buffer) & (alignof(char*) - 1);
    std::size_t needed = padding + (member_count + 1) * sizeof(char*);
    for (int copied : {group_line::name, group_line::password, group_line::members})
        needed += strlen(line.fields[copied]) + 1;
    if (needed > size) return false;

    char** members = reinterpret_cast<char**>(buffer + padding);
    char* cursor = reinterpret_cast<char*>(members + member_count + 1);
    entry->gr_name = copy_string(cursor, line.fields[group_line::name]);
    entry->gr_passwd = copy_string(cursor, line.fields[group_line::password]);
    entry->gr_gid = line.gid;
    entry->gr_mem = members;
    // The copy of the list, cut at its commas, is the member names.
    char* names = copy_string(cursor, member_list);
    for_each_member(names, [&](const char* member, std::size_t) {
        *members++ = const_cast<char*>(member);
        return false;
    });
    *members = nullptr;
    for (char* comma = names; (comma = strchr(comma, ',')) != nullptr;) *comma++ = '\0';
    return true;
}

// The first entry of `path` that parses as a `Line` and that `matches`,
// filled into the caller's entry and buffer: an _r function's whole work.
template <class Line, class Entry, class Matches, class Fill>
int find_entry(const char* path, Matches matches, Fill fill, Entry* entry, char* buffer,
               std::size_t size, Entry** result) {
    *result = nullptr;
    line_reader reader;
    if (int error = reader.open(path)) return error;
    while (char* text = reader.next()) {
        Line line;
        if (!line.parse(text) || !matches(line)) continue;
        if (!fill(line, entry, buffer, size)) return ERANGE;
        *result = entry;
        return 0;
    }
    return reader.error();
}

int find_passwd(const char* name, uid_t uid, passwd* entry, char* buffer, std::size_t size,
                passwd** result) {
    auto matches = [&](const passwd_line& line) {
        return name ? strcmp(line.fields[passwd_line::name], name) == 0 : line.uid == uid;
    };
    return find_entry<passwd_line>(passwd_path, matches, fill_passwd, entry, buffer, size, result);
}

int find_group(const char* name, gid_t gid, group* entry, char* buffer, std::size_t size,
               group** result) {
    auto matches = [&](const group_line& line) {
        return name ? strcmp(line.fields[group_line::name], name) == 0 : line.gid == gid;
    };
    return find_entry<group_line>(group_path, matches, fill_group, entry, buffer, size, result);
}

// The non-_r forms' one entry per database, shared by the by-name and by-id
// calls as POSIX allows. The group buffer is the larger: it also holds the
// member pointers.
struct {
    passwd entry;
    char text[4096];
} static_passwd;

struct {
    group entry;
    alignas(char*) char text[32 * 1024];
} static_group;

// The non-_r forms' result: the entry, or null with errno set if the lookup
// failed (errno untouched when it merely found nothing).
template <class Entry>
Entry* entry_or_null(int error, Entry* result) {
    if (error != 0) lwp::libc::fail_with_errno(error);
    return result;
}

using lwp::libc::file_walk;

file_walk passwd_walk;
file_walk group_walk;

// The next entry of the walk's file that parses as a `Line`, filled into the
// caller's entry and buffer: 0 with *result set; ENOENT at the end (errno
// untouched); ERANGE (in errno too) when it does not fit, the same line
// then given again by the next call if `repeat` (getpwent_r's contract, as
// glibc's), passed over if not (getpwent's static buffer cannot grow); or
// the errno reading the file failed with (in errno too).
template <class Line, class Entry, class Fill>
int next_in_walk(file_walk& walk, const char* path, Fill fill, Entry* entry, char* buffer,
                 std::size_t size, Entry** result, bool repeat) {
    *result = nullptr;
    lwp::runtime::internal_lock_guard guard(walk.lock);
    int error;
    while (char* text = walk.next_line(path, error)) {
        Line line;
        if (!line.parse(text)) continue;
        if (!fill(line, entry, buffer, size)) {
            if (repeat) {
                line.unsplit();
                walk.repeat_line();
            }
            errno = ERANGE;
            return ERANGE;
        }
        *result = entry;
        return 0;
    }
    if (error != 0) errno = error;
    return error != 0 ? error : ENOENT;
}

// getpwent and getgrent: the static entry, or null (see the top).
template <class Line, class Entry, class Fill>
Entry* next_static_in_walk(file_walk& walk, const char* path, Fill fill, Entry* entry,
                           char* buffer, std::size_t size) {
    Entry* result;
    next_in_walk<Line>(walk, path, fill, entry, buffer, size, &result, false);
    return result;
}

void end_walk(file_walk& walk) {
    lwp::runtime::internal_lock_guard guard(walk.lock);
    walk.close();
}

// The group ids a user has: the one given first, then each group of
// /etc/group that lists the user as a member, every id once. `ids` is from
// malloc; the caller frees it.
struct group_ids {
    gid_t* ids = nullptr;
    std::size_t count = 0;
    std::size_t capacity = 0;

    bool contains(gid_t gid) const {
        for (std::size_t i = 0; i < count; ++i)
            if (ids[i] == gid) return true;
        return false;
    }

    // False without memory.
    bool add(gid_t gid) {
        if (contains(gid)) return true;
        if (count == capacity) {
            std::size_t larger = capacity ? 2 * capacity : 16;
            void* grown = reallocarray(ids, larger, sizeof *ids);
            if (grown == nullptr) return false;
            ids = static_cast<gid_t*>(grown);
            capacity = larger;
        }
        ids[count++] = gid;
        return true;
    }
};

// 0 once every group is in `list`, else the errno that stopped the search
// (which leaves `list` with what was found before it).
int collect_group_ids(const char* user, gid_t group, group_ids& list) {
    if (!list.add(group)) return ENOMEM;
    line_reader reader;
    if (int error = reader.open(group_path)) return error;
    while (char* text = reader.next()) {
        group_line line;
        if (!line.parse(text) || !lists_member(line.fields[group_line::members], user)) continue;
        if (!list.add(line.gid)) return ENOMEM;
    }
    return reader.error();
}

}  // namespace

extern "C" {

int getpwnam_r(const char* __restrict name, passwd* __restrict entry, char* __restrict buffer,
               size_t size, passwd** __restrict result) {
    return find_passwd(name, 0, entry, buffer, size, result);
}

int getpwuid_r(uid_t uid, passwd* __restrict entry, char* __restrict buffer, size_t size,
               passwd** __restrict result) {
    return find_passwd(nullptr, uid, entry, buffer, size, result);
}

int getgrnam_r(const char* __restrict name, group* __restrict entry, char* __restrict buffer,
               size_t size, group** __restrict result) {
    return find_group(name, 0, entry, buffer, size, result);
}

int getgrgid_r(gid_t gid, group* __restrict entry, char* __restrict buffer, size_t size,
               group** __restrict result) {
    return find_group(nullptr, gid, entry, buffer, size, result);
}

passwd* getpwnam(const char* name) {
    passwd* result;
    int error =
        getpwnam_r(name, &static_passwd.entry, static_passwd.text, sizeof static_passwd.text, &result);
    return entry_or_null(error, result);
}

passwd* getpwuid(uid_t uid) {
    passwd* result;
    int error =
        getpwuid_r(uid, &static_passwd.entry, static_passwd.text, sizeof static_passwd.text, &result);
    return entry_or_null(error, result);
}

group* getgrnam(const char* name) {
    group* result;
    int error = getgrnam_r(name, &static_group.entry, static_group.text, sizeof static_group.text, &result);
    return entry_or_null(error, result);
}

group* getgrgid(gid_t gid) {
    group* result;
    int error = getgrgid_r(gid, &static_group.entry, static_group.text, sizeof static_group.text, &result);
    return entry_or_null(error, result);
}

passwd* getpwent(void) {
    return next_static_in_walk<passwd_line>(passwd_walk, passwd_path, fill_passwd,
                                            &static_passwd.entry, static_passwd.text,
                                            sizeof static_passwd.text);
}

int getpwent_r(passwd* __restrict entry, char* __restrict buffer, size_t size,
               passwd** __restrict result) {
    return next_in_walk<passwd_line>(passwd_walk, passwd_path, fill_passwd, entry, buffer, size,
                                     result, true);
}
void setpwent(void) { end_walk(passwd_walk); }
void endpwent(void) { end_walk(passwd_walk); }

group* getgrent(void) {
    return next_static_in_walk<group_line>(group_walk, group_path, fill_group,
                                           &static_group.entry, static_group.text,
                                           sizeof static_group.text);
}

int getgrent_r(group* __restrict entry, char* __restrict buffer, size_t size,
               group** __restrict result) {
    return next_in_walk<group_line>(group_walk, group_path, fill_group, entry, buffer, size,
                                    result, true);
}
void setgrent(void) { end_walk(group_walk); }
void endgrent(void) { end_walk(group_walk); }

// glibc's contract: `group` first, then the others; the count found goes to
// *ngroups and is returned, or -1 if more than *ngroups were found (the
// array then holds the first *ngroups). A /etc/group that cannot be read
// adds nothing, as in glibc: the return value has no way to say more.
int getgrouplist(const char* user, gid_t group, gid_t* groups, int* ngroups) {
    group_ids list;
    collect_group_ids(user, group, list);
    // Only a failed first allocation leaves the list empty.
    const gid_t* found = list.count != 0 ? list.ids : &group;
    std::size_t count = list.count != 0 ? list.count : 1;
    std::size_t room = *ngroups > 0 ? static_cast<std::size_t>(*ngroups) : 0;
    memcpy(groups, found, (count < room ? count : room) * sizeof *groups);
    free(list.ids);
    *ngroups = static_cast<int>(count);
    return count <= room ? static_cast<int>(count) : -1;
}

// Unlike getgrouplist, a /etc/group that exists but cannot be read is an
// error here: the caller is about to set credentials from the answer. An
// absent file only means no supplementary groups. setgroups applies the
// list to every thread and refuses one over NGROUPS_MAX with EINVAL.
int initgroups(const char* user, gid_t group) {
    group_ids list;
    int error = collect_group_ids(user, group, list);
    int status = error != 0 && error != ENOENT ? lwp::libc::fail_with_errno(error)
                                               : setgroups(list.count, list.ids);
    free(list.ids);
    return status;
}

}  // extern "C"
