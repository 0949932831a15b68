// setaliasent getaliasent getaliasent_r endaliasent getaliasbyname
// getaliasbyname_r (<aliases.h>): the mail aliases of /etc/aliases, files
// only, read as glibc's "files" source reads them.
//
// An entry is "name: member, member, ..." (blanks before the name and each
// member dropped, blanks after a member kept, empty members left out, '#' to
// the end of the line a comment), continued on following lines that start
// with a blank. A member ":include:path" is replaced by the members of that
// file (its lines split at ',' likewise, all of them; a file that cannot be
// opened adds nothing). A line without ':' or with an empty name is passed
// over; an entry without members is no entry. Names are found ignoring case.
//
// The entry is built in the caller's buffer as glibc builds it, the text
// read into it a line at a time, so it is ERANGE at the sizes glibc's is:
// a line that does not fit whole, or members whose text and pointers do not.
// getaliasbyname_r opens the file anew for each call, so a retry with a
// larger buffer finds the entry; the walk reads on from where the entry
// that did not fit stopped, as glibc's does. Answers as glibc's: 0 with a
// null result when nothing matches (errno 0), the errno of opening the file
// when it cannot be (ENOENT, ...), ERANGE; the walk ENOENT at its end.
#include <aliases.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cstddef>
#include <cstdint>

#include "../thread/internal_lock.hpp"
#include "growing_entry.hpp"
#include "integer_parse.hpp"

namespace lwp::libc {
namespace {

enum class outcome { entry, no_members, end, no_room };

// Cuts a line read into the buffer at its comment or newline.
void cut_line(char* line) {
    char* stop = strpbrk(line, "#\n");
    if (stop != nullptr) *stop = '\0';
}

// The entry being built: `out` is where the next text goes, `room` what
// the accounting has left (a member costs its text and a pointer).
class entry_builder {
public:
    entry_builder(char* buffer, std::size_t size)
        : buffer_(buffer), out_(buffer), room_(size - size % alignof(char*)), end_(buffer + size) {}

    // One line of `stream` into the buffer at `out`; null at the end of the
    // stream, or with `no_room` set when the line does not fit whole.
    char* read_line(FILE* stream, bool& no_room) {
        no_room = room_ < 2;
        if (no_room) return nullptr;
        int chunk = room_ > 0x7fffffff ? 0x7fffffff : static_cast<int>(room_);
        out_[chunk - 1] = '\x7f';
        char* line = fgets(out_, chunk, stream);
        if (line != nullptr && out_[chunk - 1] != '\x7f') {
            no_room = true;
            return nullptr;
        }
        return line;
    }

    // The name, moved to the buffer's start; false for a line without one.
    bool take_name(char*& line) {
        while (is_space(*line)) ++line;
        char* name = out_;
        while (*line != '\0' && *line != ':') *out_++ = *line++;
        if (*line == '\0' || out_ == name) {
            out_ = name;
            return false;
        }
        *out_++ = '\0';
        room_ -= static_cast<std::size_t>(out_ - name);
        ++line;
        return true;
    }

    // The next member of `line` (up to ',' or the end), moved to `out` and
    // terminated there; null when it is empty.
    char* take_word(char*& line) {
        while (is_space(*line)) ++line;
        char* word = out_;
        while (*line != '\0' && *line != ',') *out_++ = *line++;
        if (*line != '\0') ++line;
        if (out_ == word) return nullptr;
        *out_++ = '\0';
        return word;
    }

    // Counts the member just taken, if the room has its text and pointer.
    bool keep(char* word) {
        std::size_t cost = static_cast<std::size_t>(out_ - word) + sizeof(char*);
        if (room_ < cost) return false;
        room_ -= cost;
        ++members_;
        return true;
    }

    void drop(char* word) { out_ = word; }

    // Every member of the file at `path` kept; the rest of the current line
    // (`line`) is put back after them. False when they do not fit.
    bool include(const char* path, char*& line) {
        FILE* list = fopen(path, "re");
        if (list == nullptr) return true;
        char* rest = strdup(line);
        if (rest == nullptr) {
            fclose(list);
            return true;
        }
        bool fits = true;
        while (fits && !feof(list)) {
            bool no_room;
            char* text = read_line(list, no_room);
            if (no_room) fits = false;
            if (text == nullptr) break;
            cut_line(text);
            do {
                char* word = take_word(text);
                if (word != nullptr && !keep_included(word)) fits = false;
            } while (fits && *text != '\0');
        }
        fclose(list);
        if (fits) {
            std::size_t length = strlen(rest);
            fits = length < room_;
            if (fits) memcpy(out_, rest, length + 1);
            line = out_;
        }
        free(rest);
        return fits;
    }

    // The entry's pointers, after its text, aligned as glibc aligns them.
    bool finish(aliasent& entry) {
        auto at = reinterpret_cast<std::uintptr_t>(out_);
        at = (at + alignof(char*) - 1) & ~(std::uintptr_t{alignof(char*)} - 1);
        char** pointers = reinterpret_cast<char**>(at);
        if (reinterpret_cast<char*>(pointers + members_) > end_) return false;
        entry.alias_name = buffer_;
        entry.alias_members_len = members_;
        entry.alias_members = pointers;
        char* text = buffer_;
        for (std::size_t i = 0; i < members_; ++i) {
            text = strchr(text, '\0') + 1;
            pointers[i] = text;
        }
        return true;
    }

    std::size_t members() const { return members_; }

private:
    // An included member costs its text and a pointer's alignment (glibc's
    // measure, which is a pointer's size on x86-64).
    bool keep_included(char* word) {
        std::size_t cost = static_cast<std::size_t>(out_ - word) + alignof(char*);
        if (room_ < cost) return false;
        room_ -= cost;
        ++members_;
        return true;
    }

    char* buffer_;
    char* out_;
    std::size_t room_;
    char* end_;
    std::size_t members_ = 0;
};

// The next entry of `stream` (named `match`, ignoring case, when not null)
// into `buffer`.
outcome next_alias(FILE* stream, const char* match, aliasent& entry, char* buffer, std::size_t size) {
    bool skipping = false;  // inside an entry of another name: its continuations go
    for (;;) {
        entry_builder build(buffer, size);
        bool no_room;
        char* line = build.read_line(stream, no_room);
        if (no_room) return outcome::no_room;
        if (line == nullptr) return outcome::end;
        if (skipping && is_space(*line)) continue;
        cut_line(line);
        if (!build.take_name(line)) continue;
        skipping = match != nullptr && strcasecmp(buffer, match) != 0;
        if (skipping) continue;
        for (;;) {
            if (char* word = build.take_word(line)) {
                if (strncmp(word, ":include:", 9) != 0) {
                    if (!build.keep(word)) return outcome::no_room;
                } else {
                    build.drop(word);
                    if (!build.include(word + 9, line)) return outcome::no_room;
                }
            }
            if (*line != '\0') continue;
            // The line is done: a next line that starts with a blank (not
            // its newline alone) continues the entry.
            int next = getc(stream);
            if (next == EOF || next == '\n' || !is_space(static_cast<char>(next))) {
                if (next != EOF) ungetc(next, stream);
                if (build.members() == 0) return outcome::no_members;
                if (!build.finish(entry)) return outcome::no_room;
                return outcome::entry;
            }
            line = build.read_line(stream, no_room);
            if (no_room) return outcome::no_room;
            if (line == nullptr) {
                static char empty[1];
                line = empty;  // a blank at the very end: the entry ends
                continue;
            }
            cut_line(line);
        }
    }
}

// An entry of `stream`, passing over those without members; glibc's codes.
int read_alias(FILE* stream, const char* match, aliasent* entry, char* buffer, std::size_t size,
               aliasent** result) {
    *result = nullptr;
    entry->alias_local = 1;
    outcome got;
    do got = next_alias(stream, match, *entry, buffer, size);
    while (got == outcome::no_members);
    if (got == outcome::entry) {
        *result = entry;
        return 0;
    }
    return got == outcome::no_room ? ERANGE : ENOENT;
}

// The walk's stream, from its first call to endaliasent.
runtime::internal_lock walk_lock;
FILE* walk_stream;

}  // namespace
}  // namespace lwp::libc

extern "C" {

void setaliasent(void) noexcept {
    using namespace lwp::libc;
    lwp::runtime::internal_lock_guard hold(walk_lock);
    if (walk_stream != nullptr) rewind(walk_stream);
    else walk_stream = fopen("/etc/aliases", "re");
}

void endaliasent(void) noexcept {
    using namespace lwp::libc;
    lwp::runtime::internal_lock_guard hold(walk_lock);
    if (walk_stream != nullptr) fclose(walk_stream);
    walk_stream = nullptr;
}

int getaliasent_r(struct aliasent* entry, char* buffer, size_t size, struct aliasent** result) noexcept {
    using namespace lwp::libc;
    lwp::runtime::internal_lock_guard hold(walk_lock);
    *result = nullptr;
    if (walk_stream == nullptr && (walk_stream = fopen("/etc/aliases", "re")) == nullptr) return ENOENT;
    int error = read_alias(walk_stream, nullptr, entry, buffer, size, result);
    if (error == ERANGE) errno = ERANGE;
    return error;
}

int getaliasbyname_r(const char* name, struct aliasent* entry, char* buffer, size_t size,
                     struct aliasent** result) noexcept {
    using namespace lwp::libc;
    *result = nullptr;
    if (name == nullptr) {
        errno = EINVAL;
        return EINVAL;
    }
    FILE* stream = fopen("/etc/aliases", "re");
    if (stream == nullptr) return errno;
    int error = read_alias(stream, name, entry, buffer, size, result);
    fclose(stream);
    if (error == ENOENT) error = 0;  // not there: no error, as in glibc
    errno = error;
    return error;
}

struct aliasent* getaliasent(void) noexcept {
    static lwp::libc::growing_entry<aliasent> storage;
    return storage.next([](aliasent* entry, char* buffer, size_t size, aliasent** result) {
        return getaliasent_r(entry, buffer, size, result);
    });
}

struct aliasent* getaliasbyname(const char* name) noexcept {
    static lwp::libc::growing_entry<aliasent> storage;
    return storage.next([name](aliasent* entry, char* buffer, size_t size, aliasent** result) {
        return getaliasbyname_r(name, entry, buffer, size, result);
    });
}

}  // extern "C"
