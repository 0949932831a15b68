// setenv unsetenv putenv clearenv: changing `environ`; secure_getenv.
//
// Changes are serialised by one lock. getenv takes none (getenv.cpp): a
// thread reading the environment while another changes it races, as POSIX
// says and as in glibc, but never reads freed memory, because nothing here
// frees what a reader may hold:
//  - the array: the kernel's first, then one of lwp's own, copied on the
//    first change and replaced by a larger copy when full (old ones are kept;
//    doubling bounds them at the size of the last);
//  - the strings: setenv's "name=value" copies stay allocated when replaced
//    or removed, so a pointer getenv returned stays valid for good (glibc
//    keeps them too). putenv's strings are the caller's.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "../thread/internal_lock.hpp"
#include "errno_result.hpp"

extern "C" char** environ;

namespace {

lwp::runtime::internal_lock environment_lock;
char** own_array = nullptr;  // the array lwp allocated, if environ is it
size_t own_capacity = 0;     // its slots, the final null included

size_t entry_count() {
    size_t count = 0;
    if (environ)
        while (environ[count]) ++count;
    return count;
}

// A name as setenv and unsetenv accept it: non-empty, without '='.
bool valid_name(const char* name) {
    return name != nullptr && name[0] != '\0' && strchr(name, '=') == nullptr;
}

// The slot of the entry whose name is the first `length` bytes of `name`.
char** find_entry(const char* name, size_t length) {
    if (environ == nullptr) return nullptr;
    for (char** entry = environ; *entry; ++entry)
        if (strncmp(*entry, name, length) == 0 && (*entry)[length] == '=') return entry;
    return nullptr;
}

// Appends `entry`, growing (or first making) lwp's own array. False when
// there is no memory for it.
bool append(char* entry) {
    size_t count = entry_count();
    if (environ != own_array || count + 2 > own_capacity) {
        size_t capacity = count + 2 > 2 * own_capacity ? count + 2 + 16 : 2 * own_capacity;
        auto* grown = static_cast<char**>(malloc(capacity * sizeof(char*)));
        if (grown == nullptr) return false;
        if (count) memcpy(grown, environ, count * sizeof(char*));
        own_array = grown;
        own_capacity = capacity;
    }
    own_array[count] = entry;
    own_array[count + 1] = nullptr;
    environ = own_array;  // after the entries are in place: readers see a whole array
    return true;
}

// Removes every entry named `name` (its first `length` bytes), closing up
// the array in place (the kernel's too: it is the process's own memory).
void remove_entries(const char* name, size_t length) {
    if (environ == nullptr) return;
    char** kept = environ;
    for (char** entry = environ; *entry; ++entry)
        if (!(strncmp(*entry, name, length) == 0 && (*entry)[length] == '=')) *kept++ = *entry;
    *kept = nullptr;
}

}  // namespace

extern "C" {

// Adds or (when `overwrite`) replaces name=value; EINVAL for a name that is
// null, empty or holds '=', ENOMEM when no memory is left.
int setenv(const char* name, const char* value, int overwrite) noexcept {
    if (!valid_name(name)) return lwp::libc::fail_with_errno(EINVAL);
    size_t name_length = strlen(name);
    lwp::runtime::internal_lock_guard guard(environment_lock);
    char** existing = find_entry(name, name_length);
    if (existing && !overwrite) return 0;
    size_t value_length = strlen(value);
    auto* entry = static_cast<char*>(malloc(name_length + 1 + value_length + 1));
    if (entry == nullptr) return lwp::libc::fail_with_errno(ENOMEM);
    memcpy(entry, name, name_length);
    entry[name_length] = '=';
    memcpy(entry + name_length + 1, value, value_length + 1);
    if (existing) {
        *existing = entry;  // one pointer store: a reader sees the old entry or the new
        return 0;
    }
    if (!append(entry)) {
        free(entry);  // never published
        return lwp::libc::fail_with_errno(ENOMEM);
    }
    return 0;
}

int unsetenv(const char* name) noexcept {
    if (!valid_name(name)) return lwp::libc::fail_with_errno(EINVAL);
    lwp::runtime::internal_lock_guard guard(environment_lock);
    remove_entries(name, strlen(name));
    return 0;
}

// The caller's string itself becomes the entry, so changing it later
// changes the environment. A string without '=' removes the name, as glibc
// does.
int putenv(char* entry) noexcept {
    const char* equals = strchr(entry, '=');
    lwp::runtime::internal_lock_guard guard(environment_lock);
    if (equals == nullptr) {
        remove_entries(entry, strlen(entry));
        return 0;
    }
    size_t name_length = static_cast<size_t>(equals - entry);
    if (name_length == 0) return lwp::libc::fail_with_errno(EINVAL);
    if (char** existing = find_entry(entry, name_length)) {
        *existing = entry;
        return 0;
    }
    return append(entry) ? 0 : lwp::libc::fail_with_errno(ENOMEM);
}

// An empty environment (environ null, as glibc leaves it).
int clearenv(void) noexcept {
    lwp::runtime::internal_lock_guard guard(environment_lock);
    environ = nullptr;
    return 0;
}

// getenv, except in a program the kernel started with raised privileges
// (set-user-ID or set-group-ID, or file capabilities: AT_SECURE), where the
// environment comes from someone else and the answer is null.
char* secure_getenv(const char* name) noexcept {
    if (getauxval(AT_SECURE)) return nullptr;
    return getenv(name);
}

}  // extern "C"
