// The word-wrapping writer argp's help is printed through (argp_help.cpp):
// text goes into a buffer, and is laid out (left margin added, long lines
// broken at blanks, the wrap margin after each break) up to the point a
// margin changes or a column is asked for, then written to the FILE.
//
// glibc lays its help out with a writer of this kind, and where it breaks
// a line depends on how much text waited in its buffer at each step: a
// break is only ever looked for in text not laid out yet. To break lines
// where glibc does, this one works in the same steps: the same 200-byte
// buffer, made room in the same way (written out when a write does not
// fit; 150 bytes kept free for each printf), laid out at the same
// moments, with glibc's choices for an overlong word and its rare
// oddities (spaces that go straight to the FILE when the buffer is full).
// Where glibc would read a byte past the text in its buffer (a line that
// reaches the right margin exactly at the end of the text waiting), that
// byte is taken as not a blank.
#pragma once

#include <stdio.h>
#include <sys/types.h>

#include <cstddef>

namespace lwp::libc {

class format_stream {
  public:
    // Null without memory.
    static format_stream* make(FILE* out, size_t left_margin, size_t right_margin,
                               ssize_t wrap_margin);
    // Writes out what remains and frees the writer.
    void finish();

    void write(const char* text, size_t length);
    void puts(const char* text);
    void putc(char c);
    void printf(const char* format, ...) __attribute__((format(printf, 2, 3)));

    // Each returns the old margin.
    size_t set_left_margin(size_t margin);
    ssize_t set_wrap_margin(ssize_t margin);
    ssize_t wrap_margin() const { return wrap_margin_; }
    size_t right_margin() const { return right_margin_; }
    // The column the next character goes to.
    size_t column();

  private:
    void lay_out();
    bool make_room(size_t amount);
    bool pending() const { return static_cast<size_t>(end_ - buffer_) > laid_out_; }
    bool blank_at(const char* p) const;
    void spaces_straight_out(ssize_t count);

    FILE* out_;
    size_t left_margin_;
    size_t right_margin_;
    ssize_t wrap_margin_;
    // Where the laid-out text ends: its column (-1 just after a break with
    // a wrap margin of 0, so that no left margin is added there) and its
    // offset in the buffer.
    ssize_t column_;
    size_t laid_out_;
    char* buffer_;
    char* end_;       // the end of the text in the buffer
    char* capacity_;  // the end of the buffer
};

}  // namespace lwp::libc
