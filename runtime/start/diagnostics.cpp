#include "diagnostics.hpp"

#include "../sys/syscalls.hpp"

namespace lwp::start {

message_builder& message_builder::text(const char* piece) {
    if (piece == nullptr) piece = "(null)";
    while (*piece != '\0' && length_ < capacity) buffer_[length_++] = *piece++;
    return *this;
}

message_builder& message_builder::number(unsigned long value) {
    char digits[20];  // 2^64 - 1 has 20 decimal digits
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (count > 0 && length_ < capacity) buffer_[length_++] = digits[--count];
    return *this;
}

void message_builder::write_to_stderr() const {
    // One attempt only: this runs on the way to abort, where retrying a
    // failing descriptor could only delay the end.
    sys::write(2, buffer_, length_);
}

}  // namespace lwp::start
