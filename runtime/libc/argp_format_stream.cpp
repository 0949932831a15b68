// argp's word-wrapping writer (argp_format_stream.hpp says what and why).
#include "argp_format_stream.hpp"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

namespace lwp::libc {

namespace {

// glibc's sizes, on which where lines break depends (see the header).
constexpr size_t first_buffer_size = 200;
constexpr size_t printf_room = 150;

}  // namespace

format_stream* format_stream::make(FILE* out, size_t left_margin, size_t right_margin,
                                   ssize_t wrap_margin) {
    auto* stream = static_cast<format_stream*>(malloc(sizeof(format_stream)));
    // Zeroed: what lies past the text is read at times (see blank_at).
    char* buffer = static_cast<char*>(calloc(first_buffer_size, 1));
    if (stream == nullptr || buffer == nullptr) {
        free(stream);
        free(buffer);
        return nullptr;
    }
    stream->out_ = out;
    stream->left_margin_ = left_margin;
    stream->right_margin_ = right_margin;
    stream->wrap_margin_ = wrap_margin;
    stream->column_ = 0;
    stream->laid_out_ = 0;
    stream->buffer_ = stream->end_ = buffer;
    stream->capacity_ = buffer + first_buffer_size;
    return stream;
}

void format_stream::finish() {
    lay_out();
    if (end_ > buffer_) fwrite(buffer_, 1, static_cast<size_t>(end_ - buffer_), out_);
    free(buffer_);
    free(this);
}

// A space or a tab (the C locale's blanks). glibc's layout reads bytes
// just past the text, where the buffer still holds earlier text (or the
// zeros it started with): so does this one, and as its buffer went through
// the same steps, it finds the same bytes there. Outside the buffer, where
// glibc would read other memory, nothing is a blank.
bool format_stream::blank_at(const char* p) const {
    return p >= buffer_ && p < capacity_ && (*p == ' ' || *p == '\t');
}

void format_stream::spaces_straight_out(ssize_t count) {
    for (ssize_t i = 0; i < count; ++i) fputc(' ', out_);
}

// Lays out the text after laid_out_: the left margin at the start of each
// line, and every line that reaches the right margin broken. Lines may be
// rmargin - 1 columns wide; a break goes at the last run of blanks that
// starts at or before the right margin's column (the blanks vanish, the
// newline and wrap_margin spaces take their place), or, when the line has
// no blank there, after the overlong word, which keeps a line to itself.
void format_stream::lay_out() {
    char* line = buffer_ + laid_out_;
    while (line < end_) {
        if (column_ == 0 && left_margin_ != 0) {
            // A new line: its left margin, made in the buffer if there is
            // room, else written straight out.
            size_t pad = left_margin_;
            if (end_ + pad < capacity_) {
                memmove(line + pad, line, static_cast<size_t>(end_ - line));
                end_ += pad;
                memset(line, ' ', pad);
                line += pad;
            } else {
                spaces_straight_out(static_cast<ssize_t>(pad));
            }
            column_ = static_cast<ssize_t>(pad);
        }
        ptrdiff_t length = end_ - line;
        char* newline = static_cast<char*>(memchr(line, '\n', static_cast<size_t>(length)));
        if (column_ < 0) column_ = 0;
        if (newline == nullptr) {
            if (static_cast<size_t>(column_ + length) < right_margin_) {
                column_ += length;  // a line still open, and not too long yet
                break;
            }
            newline = end_;
        } else if (column_ + (newline - line) < static_cast<ssize_t>(right_margin_)) {
            column_ = 0;
            line = newline + 1;
            continue;
        }

        // Too long: where the text at the right margin's column is. (A line
        // that starts at or past it, which only margins of ARGP_HELP_FMT at
        // or past its rmargin make, is broken after its first word: glibc
        // looks for the break before the line there, and prints forever.)
        ptrdiff_t reach = static_cast<ptrdiff_t>(right_margin_) - column_;
        if (reach < 0) reach = 0;
        char* p = line + reach;
        while (p >= line && !blank_at(p)) --p;
        char* next_line = p + 1;
        char* break_at;
        if (next_line > line) {
            // The break replaces the whole run of blanks.
            do --p;
            while (p >= line && blank_at(p));
            break_at = p + 1;
        } else {
            // One word past the margin: the break goes after it, unless it
            // ends the line anyway.
            p = line + reach;
            do ++p;
            while (p < newline && !blank_at(p));
            if (p == newline) {
                column_ = 0;
                line = newline + 1;
                continue;
            }
            break_at = p;
            do ++p;
            while (blank_at(p));
            next_line = p;
        }

        ptrdiff_t wrap = wrap_margin_;
        char* text_end = end_;
        bool at_end = next_line == line + length + 1;
        // The blanks after an overlong word may run past the text (below).
        bool past_text = next_line > text_end + 1;
        if ((at_end ? capacity_ - break_at < wrap + 1 : next_line - (break_at + 1) < wrap) &&
            end_ > next_line) {
            // The wrap margin needs more room than the blanks left.
            if (capacity_ - end_ > wrap + 1) {
                ptrdiff_t rest = end_ - next_line;
                memmove(break_at + 1 + wrap, next_line, static_cast<size_t>(rest));
                next_line = break_at + 1 + wrap;
                length = next_line + rest - line;
                *break_at++ = '\n';
            } else {
                // No room: the text up to the break goes out now.
                fwrite(buffer_, 1, static_cast<size_t>(break_at - buffer_), out_);
                fputc('\n', out_);
                length += line - buffer_;
                break_at = line = buffer_;
            }
        } else {
            if (break_at < capacity_) *break_at = '\n';
            ++break_at;
        }
        if (next_line - break_at >= wrap || (at_end && capacity_ - next_line >= wrap)) {
            memset(break_at, ' ', static_cast<size_t>(wrap));
            break_at += wrap;
        } else {
            spaces_straight_out(wrap);
        }
        if (past_text) {
            // The blanks after an overlong word ran past the text (bytes
            // glibc finds there): the text stays as it is, the break and
            // margin past its end. glibc ends the same way when its margin
            // exactly fills what it skipped, and otherwise moves a negative
            // length and overruns its buffer.
            line = end_ = text_end;
        } else {
            if (break_at < next_line && line + length > next_line)
                memmove(break_at, next_line, static_cast<size_t>(line + length - next_line));
            length -= next_line - line;
            line = break_at;
            end_ = break_at + length;
        }
        column_ = wrap != 0 ? wrap : -1;
    }
    laid_out_ = static_cast<size_t>(end_ - buffer_);
}

// Room for `amount` more bytes: when there is not, everything is laid out
// and written, and the buffer grows if even empty it is too small.
bool format_stream::make_room(size_t amount) {
    if (static_cast<size_t>(capacity_ - end_) >= amount) return true;
    lay_out();
    fwrite(buffer_, 1, static_cast<size_t>(end_ - buffer_), out_);
    end_ = buffer_;
    laid_out_ = 0;
    size_t size = static_cast<size_t>(capacity_ - buffer_);
    if (size < amount) {
        char* grown = static_cast<char*>(realloc(buffer_, size + amount));
        if (grown == nullptr) {
            errno = ENOMEM;
            return false;
        }
        memset(grown + size, 0, amount);
        buffer_ = end_ = grown;
        capacity_ = grown + size + amount;
    }
    return true;
}

void format_stream::write(const char* text, size_t length) {
    if (end_ + length <= capacity_ || make_room(length)) {
        memcpy(end_, text, length);
        end_ += length;
    }
}

void format_stream::puts(const char* text) {
    size_t length = strlen(text);
    if (length != 0) write(text, length);
}

void format_stream::putc(char c) {
    if (end_ < capacity_ || make_room(1)) *end_++ = c;
}

void format_stream::printf(const char* format, ...) {
    size_t wanted = printf_room;
    for (;;) {
        if (!make_room(wanted)) return;
        size_t room = static_cast<size_t>(capacity_ - end_);
        va_list arguments;
        va_start(arguments, format);
        int length = vsnprintf(end_, room, format, arguments);
        va_end(arguments);
        if (length < 0) return;
        if (static_cast<size_t>(length) < room) {
            end_ += length;
            return;
        }
        wanted = static_cast<size_t>(length) + 1;
    }
}

size_t format_stream::set_left_margin(size_t margin) {
    if (pending()) lay_out();
    size_t old = left_margin_;
    left_margin_ = margin;
    return old;
}

ssize_t format_stream::set_wrap_margin(ssize_t margin) {
    if (pending()) lay_out();
    ssize_t old = wrap_margin_;
    wrap_margin_ = margin;
    return old;
}

size_t format_stream::column() {
    if (pending()) lay_out();
    return column_ >= 0 ? static_cast<size_t>(column_) : 0;
}

}  // namespace lwp::libc
