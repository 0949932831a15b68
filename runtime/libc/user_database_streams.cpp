// fgetpwent fgetpwent_r fgetgrent fgetgrent_r: the next user or group entry
// of a stream the caller opened, in /etc/passwd or /etc/group form, read as
// glibc reads it (database_fields.hpp): so a file with NIS compat lines
// ("+", "+name", "-name") gives them back as entries, as glibc does, and a
// shell field takes the rest of its line.
//
// The _r forms: 0 with the entry (its strings, and a group's member
// pointers, in the caller's buffer); ENOENT at the end; ERANGE when the line
// does not fit, the stream put back at its start for a retry with more
// room; errno set to the code returned. The plain forms keep one entry each
// for the process and a buffer from malloc that grows to fit (never
// ERANGE): null at the end with errno ENOENT.
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>

#include "database_fields.hpp"
#include "growing_entry.hpp"

namespace {

namespace fields = lwp::libc::database_fields;
using fields::parsed;

bool is_compat_name(const char* name) { return name[0] == '+' || name[0] == '-'; }

// name:password:uid:gid:gecos:home:shell. A bare "+name" or "-name" line
// (NIS compat) is an entry with null strings; in other compat lines the
// ids may be empty (0).
parsed parse_passwd(char* line, passwd* entry) {
    fields::field_cursor cursor(line);
    entry->pw_name = cursor.text();
    if (cursor.at_end() && is_compat_name(entry->pw_name)) {
        entry->pw_passwd = nullptr;
        entry->pw_uid = 0;
        entry->pw_gid = 0;
        entry->pw_gecos = nullptr;
        entry->pw_dir = nullptr;
        entry->pw_shell = nullptr;
        return parsed::entry;
    }
    entry->pw_passwd = cursor.text();
    unsigned long uid, gid;
    bool ids = is_compat_name(entry->pw_name)
                   ? cursor.number_or(uid, 0) && cursor.number_or(gid, 0)
                   : cursor.number(uid) && cursor.number(gid);
    if (!ids) return parsed::malformed;
    entry->pw_uid = static_cast<uid_t>(uid);
    entry->pw_gid = static_cast<gid_t>(gid);
    entry->pw_gecos = cursor.text();
    entry->pw_dir = cursor.text();
    entry->pw_shell = cursor.rest();
    return parsed::entry;
}

// name:password:gid:member,member,... The member pointers go after the line
// in the caller's buffer.
parsed parse_group(char* line, char* line_end, char* buffer_end, group* entry) {
    fields::field_cursor cursor(line);
    entry->gr_name = cursor.text();
    if (cursor.at_end() && is_compat_name(entry->gr_name)) {
        entry->gr_passwd = nullptr;
        entry->gr_gid = 0;
    } else {
        entry->gr_passwd = cursor.text();
        unsigned long gid;
        bool found = is_compat_name(entry->gr_name) ? cursor.number_or(gid, 0) : cursor.number(gid);
        if (!found) return parsed::malformed;
        entry->gr_gid = static_cast<gid_t>(gid);
    }
    entry->gr_mem = fields::member_list(cursor.rest(), line_end, buffer_end);
    return entry->gr_mem ? parsed::entry : parsed::no_room;
}

constinit lwp::libc::growing_entry<passwd> passwd_storage;
constinit lwp::libc::growing_entry<group> group_storage;

}  // namespace

extern "C" {

int fgetpwent_r(FILE* __restrict stream, passwd* __restrict entry, char* __restrict buffer,
                size_t size, passwd** __restrict result) {
    *result = nullptr;
    int error = fields::next_stream_entry(stream, buffer, size, [&](char* line, char*) {
        return parse_passwd(line, entry);
    });
    if (error == 0) *result = entry;
    return error;
}

int fgetgrent_r(FILE* __restrict stream, group* __restrict entry, char* __restrict buffer,
                size_t size, group** __restrict result) {
    *result = nullptr;
    int error = fields::next_stream_entry(stream, buffer, size, [&](char* line, char* line_end) {
        return parse_group(line, line_end, buffer + size, entry);
    });
    if (error == 0) *result = entry;
    return error;
}

passwd* fgetpwent(FILE* stream) {
    return passwd_storage.next([stream](passwd* entry, char* buffer, size_t size, passwd** result) {
        return fgetpwent_r(stream, entry, buffer, size, result);
    });
}

group* fgetgrent(FILE* stream) {
    return group_storage.next([stream](group* entry, char* buffer, size_t size, group** result) {
        return fgetgrent_r(stream, entry, buffer, size, result);
    });
}

}  // extern "C"
