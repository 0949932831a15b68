// getenv: a linear search of `environ`, which the freestanding startup
// (runtime/start) sets from the initial stack and setenv and the rest
// (environment_changes.cpp) change. It takes no lock: see there for what a
// reader racing a change can and cannot see.
#include <stdlib.h>
#include <string.h>

extern "C" {

extern char** environ;

char* getenv(const char* name) noexcept {
    if (!environ) return nullptr;
    size_t length = strlen(name);
    // A name containing '=' can never match an entry's name part.
    if (length == 0 || memchr(name, '=', length)) return nullptr;
    for (char** entry = environ; *entry; ++entry)
        if (strncmp(*entry, name, length) == 0 && (*entry)[length] == '=')
            return *entry + length + 1;
    return nullptr;
}

}  // extern "C"
