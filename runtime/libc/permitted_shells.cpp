// getusershell setusershell endusershell (<unistd.h>): the login shells
// /etc/shells permits, one per call, as glibc reads the file: on each line
// the shell is the text from the first '/' to the next blank or '#'; lines
// whose first '/' comes after a '#', or without one, or that are just "/",
// give none. Without the file, the answer is /bin/sh then /bin/csh. The
// list is read at the first call (and again after setusershell) and is
// shared by the process: not thread-safe, as in glibc.
#include <ctype.h>
#include <paths.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "system_file_lines.hpp"

namespace {

char** shells;         // the list, null-terminated; null before the first read
std::size_t position;  // the next one getusershell returns
const char* default_shells[] = {_PATH_BSHELL, _PATH_CSHELL, nullptr};

void forget_shells() {
    if (shells != nullptr && shells != const_cast<char**>(default_shells)) {
        for (char** shell = shells; *shell; ++shell) free(*shell);
        free(shells);
    }
    shells = nullptr;
    position = 0;
}

// The shell a line names, or null.
char* shell_of_line(char* line) {
    while (*line != '#' && *line != '/' && *line != '\0') ++line;
    if (*line != '/' || line[1] == '\0') return nullptr;
    char* end = line;
    while (*end != '\0' && *end != '#' && !isspace(static_cast<unsigned char>(*end))) ++end;
    *end = '\0';
    return line;
}

void read_shells() {
    forget_shells();
    lwp::libc::line_reader reader;
    if (reader.open(_PATH_SHELLS) != 0) {
        shells = const_cast<char**>(default_shells);
        return;
    }
    std::size_t count = 0, capacity = 0;
    char** list = nullptr;
    while (char* line = reader.next()) {
        char* shell = shell_of_line(line);
        if (shell == nullptr) continue;
        if (count + 1 >= capacity) {
            capacity = capacity ? capacity * 2 : 16;
            char** larger = static_cast<char**>(realloc(list, capacity * sizeof(char*)));
            if (larger == nullptr) break;  // out of memory: the shells read so far
            list = larger;
        }
        if ((list[count] = strdup(shell)) == nullptr) break;
        list[++count] = nullptr;
    }
    if (list == nullptr) list = static_cast<char**>(calloc(1, sizeof(char*)));  // a file naming none: an empty list
    shells = list != nullptr ? list : const_cast<char**>(default_shells);
}

}  // namespace

extern "C" {

char* getusershell(void) noexcept {
    if (shells == nullptr) read_shells();
    char* shell = shells[position];
    if (shell != nullptr) ++position;
    return shell;
}

void setusershell(void) noexcept { read_shells(); }

void endusershell(void) noexcept { forget_shells(); }

}  // extern "C"
