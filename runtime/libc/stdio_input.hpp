// Byte-at-a-time input under a stream's lock, for readers that live outside
// stdio_input.cpp (fscanf: stdio_scanf.cpp). The caller holds the lock
// (take_stream_lock) around every call.
#pragma once

#include <stdio.h>

#include "stdio_stream.hpp"

namespace lwp::libc {

// What next_byte_locked returns when a read failed in this call; the error
// flag and errno say why. Distinct from EOF, which means the end was found.
inline constexpr int read_failed = EOF - 1;

// The next byte (0..255), EOF at the end, or read_failed.
int next_byte_locked(stream& s);

// Gives back one byte just taken with next_byte_locked, so the next read
// returns it again: ungetc's slot, which that read has left free.
void push_back_locked(stream& s, unsigned char byte);

}  // namespace lwp::libc
