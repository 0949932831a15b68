// What the parts of argp share: argp_parse.cpp (the parser), argp_help.cpp
// (help and usage), argp_messages.cpp (argp_error, argp_failure).
#pragma once

#include <argp.h>
#include <ctype.h>
#include <limits.h>

namespace lwp::libc {

// The input a parse gave `argp`'s parser (what its help filter receives),
// or null outside a parse (`state` null). glibc's _argp_input, which it
// does not export.
void* argp_input_of(const struct argp* argp, const struct argp_state* state);

// The name for messages when no parse state gives one.
char* argp_short_program_name();

// <argp.h>'s inline tests, which glibc does not export as functions.
inline bool argp_option_is_short(const argp_option* option) {
    if (option->flags & OPTION_DOC) return false;
    int key = option->key;
    return key > 0 && key <= UCHAR_MAX && isprint(key);
}

inline bool argp_option_is_end(const argp_option* option) {
    return !option->key && !option->name && !option->doc && !option->group;
}

}  // namespace lwp::libc
