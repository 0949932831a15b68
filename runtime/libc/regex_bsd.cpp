// 4.2BSD's re_comp and re_exec, as glibc keeps them: one pattern at a time,
// compiled with re_syntax_options (RE_SYNTAX_EMACS unless the program set
// another) into a buffer of the library's own. Not thread-safe, as with
// glibc: the buffer is shared by the whole process.
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "locale_state.hpp"
#include "regex_program.hpp"

namespace {

struct re_pattern_buffer bsd_pattern;

}  // namespace

extern "C" {

// Compiles `pattern` in place of the last one: NULL on success, else
// glibc's message. A null pattern keeps the last one (NULL), or says there
// is none.
char* re_comp(const char* pattern) {
    if (!pattern) return bsd_pattern.buffer ? nullptr : const_cast<char*>("No previous regular expression");
    if (bsd_pattern.buffer) {
        // The fastmap outlives the pattern, as in glibc.
        char* fastmap = bsd_pattern.fastmap;
        bsd_pattern.fastmap = nullptr;
        regfree(&bsd_pattern);
        memset(&bsd_pattern, 0, sizeof bsd_pattern);
        bsd_pattern.fastmap = fastmap;
    }
    if (!bsd_pattern.fastmap) {
        bsd_pattern.fastmap = static_cast<char*>(malloc(256));
        if (!bsd_pattern.fastmap) return const_cast<char*>(lwp_regex::error_message(REG_ESPACE));
    }
    // ^ and $ match at newlines too; no registers are ever wanted.
    bsd_pattern.newline_anchor = 1;
    int error = lwp_regex::compile(&bsd_pattern, pattern, strlen(pattern), re_syntax_options,
                                   lwp::libc::ctype_is_utf8());
    return error ? const_cast<char*>(lwp_regex::error_message(error)) : nullptr;
}

// 1 if the last pattern re_comp compiled matches somewhere in `string`, else
// 0 (also when none was compiled, where glibc would crash).
int re_exec(const char* string) { return regexec(&bsd_pattern, string, 0, nullptr, 0) == 0; }

}  // extern "C"
