// Messages the runtime itself prints on its way down (abort, a failed assert,
// a smashed stack). They go straight to file descriptor 2 with one write(2):
// stdio may be the very thing that is broken, and a single write keeps the
// message in one piece when several threads fail at once.
#pragma once

#include <cstddef>

namespace lwp::start {

// Builds one line in a fixed buffer; text that does not fit is cut off, never
// overflows.
class message_builder {
public:
    message_builder& text(const char* piece);
    message_builder& number(unsigned long value);
    void write_to_stderr() const;

private:
    static constexpr std::size_t capacity = 512;
    char buffer_[capacity];
    std::size_t length_ = 0;
};

}  // namespace lwp::start
