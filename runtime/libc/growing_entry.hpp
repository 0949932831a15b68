// The storage of the plain (non-_r) database calls whose _r forms answer
// ERANGE for a buffer too small (getspnam, fgetpwent, gethostent,
// getnetbyname, ...): one entry for the process, and a buffer from malloc
// that grows until the entry fits, so that the plain call never fails for
// want of room, as glibc's do. The entry stays valid until the next call of
// the same function.
#pragma once

#include <errno.h>
#include <stdlib.h>

#include <cstddef>

#include "../thread/internal_lock.hpp"

namespace lwp::libc {

// One function's entry and buffer, under its lock.
template <class Entry>
struct growing_entry {
    lwp::runtime::internal_lock lock;
    Entry entry{};
    char* buffer = nullptr;
    std::size_t size = 0;

    // read(entry, buffer, size, &result) is the _r form; retried with a
    // buffer twice as large while it answers ERANGE.
    template <class Read>
    Entry* next(Read read) {
        lwp::runtime::internal_lock_guard hold(lock);
        for (;;) {
            if (buffer == nullptr) {
                std::size_t larger = size ? 2 * size : 1024;
                buffer = static_cast<char*>(malloc(larger));
                if (buffer == nullptr) return nullptr;  // errno: ENOMEM
                size = larger;
            }
            Entry* result;
            int error = read(&entry, buffer, size, &result);
            if (error != ERANGE) return error == 0 ? result : nullptr;
            free(buffer);  // a fresh one, not realloc: nothing in it is kept
            buffer = nullptr;
        }
    }
};

}  // namespace lwp::libc
