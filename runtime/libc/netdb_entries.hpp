// The lines of /etc/hosts and /etc/networks as glibc's "files" parser reads
// them, for the walks over those files (hosts_file_walk.cpp) and the
// networks database (network_database.cpp): words separated by white space
// (the C locale's isspace, so also \v and \f), the line ending at its first
// '#'. The line is only read, never cut: a walk whose caller's buffer is too
// small gives the same line again at the next call.
//
// And the caller's buffer of an _r function filled with an entry: pointer
// arrays aligned, strings after them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "integer_parse.hpp"

namespace lwp::libc {

struct word {
    const char* text;
    std::size_t length;
};

class word_reader {
public:
    explicit word_reader(const char* line) : at_(line) {}

    // The next word; false at the end of the line or at a '#'.
    bool next(word& found) {
        while (is_space(*at_)) ++at_;
        if (*at_ == '\0' || *at_ == '#') return false;
        const char* start = at_;
        while (*at_ != '\0' && *at_ != '#' && !is_space(*at_)) ++at_;
        found = {start, static_cast<std::size_t>(at_ - start)};
        return true;
    }

    // How many words are left (the reader itself does not move).
    std::size_t count() const {
        word_reader copy = *this;
        word ignored;
        std::size_t words = 0;
        while (copy.next(ignored)) ++words;
        return words;
    }

private:
    const char* at_;
};

// Places an entry's parts one after another in the caller's buffer; after
// the first part that does not fit, every call gives null and overflowed()
// says so (the caller then answers ERANGE).
class entry_packer {
public:
    entry_packer(char* buffer, std::size_t size) : at_(buffer), end_(buffer + size) {}

    // Room for `count` pointers, aligned for them.
    char** pointers(std::size_t count) {
        auto address = reinterpret_cast<std::uintptr_t>(at_);
        std::size_t padding = -address & (alignof(char*) - 1);
        char* start = take(padding + count * sizeof(char*));
        return start ? reinterpret_cast<char**>(start + padding) : nullptr;
    }

    // `length` bytes copied.
    char* bytes(const void* from, std::size_t length) {
        char* place = take(length);
        if (place) std::memcpy(place, from, length);
        return place;
    }

    // A word, NUL-terminated.
    char* string(const word& from) {
        char* place = take(from.length + 1);
        if (place == nullptr) return nullptr;
        std::memcpy(place, from.text, from.length);
        place[from.length] = '\0';
        return place;
    }

    // The rest of the reader's words into `list` (count() + 1 pointers,
    // null last).
    void strings(word_reader words, char** list) {
        word next;
        std::size_t i = 0;
        while (words.next(next)) {
            char* copy = string(next);
            if (list) list[i++] = copy;
        }
        if (list) list[i] = nullptr;
    }

    bool overflowed() const { return overflowed_; }

private:
    char* take(std::size_t length) {
        if (overflowed_ || static_cast<std::size_t>(end_ - at_) < length) {
            overflowed_ = true;
            return nullptr;
        }
        char* place = at_;
        at_ += length;
        return place;
    }

    char* at_;
    char* end_;
    bool overflowed_ = false;
};

}  // namespace lwp::libc
