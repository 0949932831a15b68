// Reading a system file (/etc/passwd, /etc/hosts, ...) a line at a time,
// for the lookups of the C library (user_database.cpp, address_lookup.cpp).
// Raw system calls, not stdio: a lookup's reads are not cancellation points
// (a cancellation could otherwise end the thread with the file open), share
// no stream with the program, and need no FILE. A line longer than the
// buffer is skipped whole; a last line without its newline counts.
#pragma once

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include <cstddef>
#include <new>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/internal_lock.hpp"
#include "integer_parse.hpp"

namespace lwp::libc {

// The buffer a reader reads through, and so one more than the longest line it
// can use. Sized for /etc/group, where a big group's member list makes the
// longest lines; allocated per reader so a thread's stack need not hold it.
constexpr std::size_t line_buffer_size = 64 * 1024;

// Hands out a file's lines one at a time, each NUL-terminated in place (the
// newline replaced), valid until the next call.
class line_reader {
public:
    line_reader() = default;
    line_reader(const line_reader&) = delete;
    line_reader& operator=(const line_reader&) = delete;
    ~line_reader() {
        if (fd_ >= 0) arch::syscall1(__NR_close, fd_);
        free(buffer_);
    }

    // 0, or the errno that stops the file being read.
    int open(const char* path) {
        buffer_ = static_cast<char*>(malloc(line_buffer_size));
        if (buffer_ == nullptr) return ENOMEM;
        long fd = arch::syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(path), O_RDONLY | O_CLOEXEC, 0);
        if (sys::failed(fd)) return static_cast<int>(-fd);
        fd_ = static_cast<int>(fd);
        return 0;
    }

    // The next line, or null at the end of the file or after a read error
    // (error() tells which).
    char* next() {
        bool skipping = false;  // inside a line too long for the buffer
        for (;;) {
            std::size_t unread = end_ - start_;
            char* line = buffer_ + start_;
            if (char* newline = static_cast<char*>(memchr(line, '\n', unread))) {
                start_ = static_cast<std::size_t>(newline + 1 - buffer_);
                if (skipping) {
                    skipping = false;
                    continue;
                }
                *newline = '\0';
                remember(line, newline, true);
                return line;
            }
            if (at_end_) {
                if (unread == 0 || skipping) return nullptr;
                // The last line, without a newline; fill() always leaves a
                // byte spare for its terminator.
                line[unread] = '\0';
                start_ = end_;
                remember(line, line + unread, false);
                return line;
            }
            if (!fill(skipping)) return nullptr;
        }
    }

    int error() const { return error_; }

    // Whether the line next() last returned ended with a newline (false for
    // a last line without one): what glibc's readers count in its length.
    bool had_newline() const { return last_had_newline_; }

    // The line next() last returned comes again from the next call, for a
    // walk whose caller's buffer was too small for it (glibc's getpwent_r
    // and the like answer ERANGE and give the same entry to the retry). The
    // caller has put back whatever it changed in the line; its terminator is
    // put back here.
    void repeat_last() {
        if (last_start_ == no_line) return;
        if (last_had_newline_) buffer_[last_end_] = '\n';
        start_ = last_start_;
        last_start_ = no_line;
    }

private:
    static constexpr std::size_t no_line = ~std::size_t{0};

    void remember(const char* line, const char* terminator, bool had_newline) {
        last_start_ = static_cast<std::size_t>(line - buffer_);
        last_end_ = static_cast<std::size_t>(terminator - buffer_);
        last_had_newline_ = had_newline;
    }

    // Reads more of the file after the partial line the buffer holds; once
    // that line fills the buffer it is dropped and `skipping` set, so the
    // rest of it is dropped too. False after a read error.
    bool fill(bool& skipping) {
        std::size_t unread = end_ - start_;
        if (unread == line_buffer_size - 1) {
            skipping = true;
            unread = 0;
        }
        memmove(buffer_, buffer_ + start_, unread);
        start_ = 0;
        end_ = unread;
        long count;
        do {
            count = arch::syscall3(__NR_read, fd_, reinterpret_cast<long>(buffer_ + end_),
                             static_cast<long>(line_buffer_size - 1 - end_));
        } while (count == -EINTR);
        if (sys::failed(count)) {
            error_ = static_cast<int>(-count);
            return false;
        }
        if (count == 0) at_end_ = true;
        end_ += static_cast<std::size_t>(count);
        return true;
    }

    int fd_ = -1;
    char* buffer_ = nullptr;
    std::size_t start_ = 0;  // the first byte not yet handed out
    std::size_t end_ = 0;    // one past the last byte read
    bool at_end_ = false;
    int error_ = 0;
    std::size_t last_start_ = no_line;  // where the last line handed out began
    std::size_t last_end_ = 0;          // where its terminator went
    bool last_had_newline_ = false;
};

// Splits a line of a system file (/etc/hosts, /etc/services,
// /etc/resolv.conf) into words, in place, ending at '#'. Words are separated
// by the C locale's isspace (so also \v and \f), as glibc's parsers of
// these files separate them.
inline int split_words(char* line, char* words[], int most) {
    int count = 0;
    for (char* cursor = line; *cursor != '\0' && *cursor != '#' && count < most;) {
        while (is_space(*cursor)) ++cursor;
        if (*cursor == '\0' || *cursor == '#') break;
        words[count++] = cursor;
        while (*cursor != '\0' && *cursor != '#' && !is_space(*cursor)) ++cursor;
        if (*cursor == '#') {
            *cursor = '\0';
            break;
        }
        if (*cursor != '\0') *cursor++ = '\0';
    }
    return count;
}

// Calls visit(words, count) for each line of a system file that has words;
// stops early when visit returns true. A file that cannot be read has no
// lines: nothing is found in it.
template <class Visit>
void for_each_line(const char* path, Visit visit) {
    line_reader reader;
    if (reader.open(path) != 0) return;
    while (char* line = reader.next()) {
        char* words[64];
        int count = split_words(line, words, 64);
        if (count > 0 && visit(words, count)) return;
    }
}

// A walk through one system file across calls (getpwent, getservent, ...):
// the file stays open from the first call to the end call, and the next
// walk starts from the top. The caller holds `lock` around every use.
struct file_walk {
    runtime::internal_lock lock;
    line_reader* reader = nullptr;

    // The next line, the file opened at the first call; null at the end, or
    // with `error` set (ENOMEM, or the errno opening or reading failed with).
    char* next_line(const char* path, int& error) {
        error = 0;
        if (reader == nullptr) {
            void* memory = malloc(sizeof(line_reader));
            if (memory == nullptr) {
                error = ENOMEM;
                return nullptr;
            }
            reader = new (memory) line_reader;
            if ((error = reader->open(path)) != 0) {
                close();
                return nullptr;
            }
        }
        char* line = reader->next();
        if (line == nullptr) error = reader->error();
        return line;
    }

    // The line next_line last returned comes again at the next call.
    void repeat_line() {
        if (reader != nullptr) reader->repeat_last();
    }

    // The reader goes back to malloc; the next call starts from the top.
    void close() {
        if (reader == nullptr) return;
        reader->~line_reader();
        free(reader);
        reader = nullptr;
    }
};

}  // namespace lwp::libc
