// regerror: the message of a regcomp or regexec result, glibc's English
// texts (lwp translates no messages).
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "regex_program.hpp"

namespace {

// Indexed by the REG_* code, REG_NOERROR to REG_ERPAREN.
constexpr const char* messages[] = {
    "Success",
    "No match",
    "Invalid regular expression",
    "Invalid collation character",
    "Invalid character class name",
    "Trailing backslash",
    "Invalid back reference",
    "Unmatched [, [^, [:, [., or [=",
    "Unmatched ( or \\(",
    "Unmatched \\{",
    "Invalid content of \\{\\}",
    "Invalid range end",
    "Memory exhausted",
    "Invalid preceding regular expression",
    "Premature end of regular expression",
    "Regular expression too big",
    "Unmatched ) or \\)",
};
static_assert(sizeof messages / sizeof messages[0] == REG_ERPAREN + 1, "one message per code");

}  // namespace

namespace lwp_regex {

const char* error_message(int code) { return messages[code]; }

}  // namespace lwp_regex

extern "C" {

// The size the whole message needs, with its terminating NUL; as much of it
// as fits copied into the buffer, always terminated (nothing written when
// the size is 0). A code that is none of the REG_* values ends the program,
// as it does with glibc: it can only come from a corrupted value.
size_t regerror(int code, const regex_t* __restrict, char* __restrict buffer, size_t size) {
    if (code < 0 || code > REG_ERPAREN) abort();
    const char* message = lwp_regex::error_message(code);
    size_t needed = strlen(message) + 1;
    if (size != 0) {
        size_t copied = needed <= size ? needed : size - 1;
        memcpy(buffer, message, copied);
        if (copied < needed) buffer[copied] = '\0';
    }
    return needed;
}

}  // extern "C"
