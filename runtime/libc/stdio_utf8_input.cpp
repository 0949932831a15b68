// UTF-8 from a stream, a character at a time (stdio_utf8_input.hpp). The
// bytes of a sequence are looked at before any is taken, so that a refused
// or unfinished one stays where it is however many reads it spans.
#include "stdio_utf8_input.hpp"

#include <errno.h>
#include <stdio.h>

#include "stdio_input.hpp"
#include "utf8_conversion.hpp"

namespace utf8 = lwp::libc::utf8;

wint_t lwp::libc::next_utf8_character_locked(stream& s) {
    char bytes[utf8::longest_sequence];
    unsigned seen = 0;
    mbstate_t state{};
    // Whether every byte read so far has been taken: glibc's wide stream
    // then starts a read of its own, whose bytes it takes even when they
    // end in the middle of a character.
    const bool nothing_left = !s.pushed_back && s.read_position >= s.read_length;
    for (;;) {
        int byte = peek_byte_locked(s, seen);
        if (byte == read_failed) return WEOF;
        if (byte == EOF) {
            // A sequence the end cuts short: where glibc's own read found
            // it, EILSEQ with the error flag (not the end's: the next call
            // finds the end), its bytes taken; else the end, left unread.
            if (seen != 0 && nothing_left) {
                skip_bytes_locked(s, seen);
                s.glibc_flags = (s.glibc_flags & ~glibc_end_flag) | glibc_error_flag;
                errno = EILSEQ;
            }
            return WEOF;
        }
        bytes[seen++] = static_cast<char>(byte);
        wchar_t character;
        // The bytes so far, from the start each time: decode stops at the
        // first that cannot continue the sequence, so no byte after it is
        // waited for.
        state = mbstate_t{};
        size_t used = utf8::decode(&character, bytes, seen, &state);
        if (used == utf8::incomplete) continue;
        if (used == utf8::refused) {
            s.glibc_flags |= glibc_error_flag;  // errno: EILSEQ, from decode
            return WEOF;
        }
        skip_bytes_locked(s, seen);
        return static_cast<wint_t>(character);
    }
}
