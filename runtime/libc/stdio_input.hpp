// Input under a stream's lock, a byte or a run of bytes at a time, for
// readers that live outside stdio_input.cpp (fscanf: stdio_scanf.cpp). The
// caller holds the lock (take_stream_lock) around every call.
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

// Looking ahead without taking (the UTF-8 reader, stdio_utf8_input.cpp):
// the byte `ahead` places after the next one to be read (0: that one), EOF
// or read_failed. The bytes looked at stay unread, however many reads that
// took, until skip_bytes_locked takes `count` of them.
int peek_byte_locked(stream& s, unsigned ahead);
void skip_bytes_locked(stream& s, unsigned count);

// The bytes waiting to be read as one run in memory, for readers that take
// many at a time (fscanf: stdio_scanf.cpp): ungetc's byte alone when one
// waits, else the read buffer's unread bytes, refilled with one read when
// there are none. Returns their count and points `start` at them; 0 at the
// end or on a read error (the flags say which). They stay unread until
// skip_bytes_locked takes some of them.
unsigned unread_run_locked(stream& s, const unsigned char*& start);

// Puts `count` bytes back in front of the next one to be read, as ungetc
// does one (the end flag cleared): into ungetc's slot when it is one byte,
// else into the read buffer, in front of what is unread (a byte already in
// ungetc's slot goes there first, to be read after them). False when the
// stream is not readable, or without memory for the room.
bool push_back_bytes_locked(stream& s, const char* bytes, unsigned count);

}  // namespace lwp::libc
