// getenv: a linear search of `environ`, which the freestanding startup
// (runtime/start) sets from the initial stack. Read-only: there is no setenv,
// so no lock is needed and the result stays valid for the program's life.
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
