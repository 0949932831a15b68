// The GNU regex interfaces' compiling half: re_syntax_options,
// re_set_syntax, re_compile_pattern and re_compile_fastmap, on the same
// compiler as regcomp (regex_compile.cpp), which follows glibc's syntax bits
// (reg_syntax_t) token by token.
//
// The pattern buffer is glibc's struct re_pattern_buffer (regex_t), its
// layout pinned below; `buffer` holds lwp's program instead of glibc's
// automaton, so a buffer compiled here is only for lwp's functions.
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include <cstddef>
#include <cstdint>

#include "locale_state.hpp"
#include "regex_program.hpp"

// glibc's struct re_pattern_buffer as <regex.h> declares it with
// _GNU_SOURCE: the fields GNU programs set and read by name, then the
// bit-fields, in one byte after re_nsub.
static_assert(offsetof(struct re_pattern_buffer, buffer) == 0, "glibc's layout");
static_assert(offsetof(struct re_pattern_buffer, allocated) == 8, "glibc's layout");
static_assert(offsetof(struct re_pattern_buffer, used) == 16, "glibc's layout");
static_assert(offsetof(struct re_pattern_buffer, syntax) == 24, "glibc's layout");
static_assert(offsetof(struct re_pattern_buffer, fastmap) == 32, "glibc's layout");
static_assert(offsetof(struct re_pattern_buffer, translate) == 40, "glibc's layout");
static_assert(offsetof(struct re_pattern_buffer, re_nsub) == 48, "glibc's layout");
static_assert(sizeof(struct re_pattern_buffer) == 64, "glibc's layout");
static_assert(sizeof(reg_syntax_t) == 8 && sizeof(regoff_t) == 4, "glibc's types");
static_assert(offsetof(struct re_registers, num_regs) == 0 && offsetof(struct re_registers, start) == 8 &&
                  offsetof(struct re_registers, end) == 16 && sizeof(struct re_registers) == 24,
              "glibc's struct re_registers");

namespace {

using namespace lwp_regex;

unsigned char lower_case(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

}  // namespace

extern "C" {

// The syntax re_compile_pattern and re_comp compile with. Zero, glibc's
// initial value, is RE_SYNTAX_EMACS.
reg_syntax_t re_syntax_options;

reg_syntax_t re_set_syntax(reg_syntax_t syntax) {
    reg_syntax_t previous = re_syntax_options;
    re_syntax_options = syntax;
    return previous;
}

// NULL on success, else glibc's message for the error. The caller's
// `translate` (and the buffer it may have left) are used; `^` and `$` always
// match at newlines here (newline_anchor), and registers are kept unless
// RE_NO_SUB is in the syntax.
const char* re_compile_pattern(const char* pattern, size_t length, struct re_pattern_buffer* buffer) {
    buffer->no_sub = (re_syntax_options & RE_NO_SUB) ? 1 : 0;
    buffer->newline_anchor = 1;
    // In C.UTF-8 glibc compiles for characters here too; lwp does so only
    // without a translation table (which maps bytes, not characters).
    bool multibyte = lwp::libc::ctype_is_utf8() && !buffer->translate;
    int error = lwp_regex::compile(buffer, pattern, length, re_syntax_options, multibyte);
    return error ? lwp_regex::error_message(error) : nullptr;
}

// Fills the caller's 256-byte `fastmap` with the bytes a match can start
// with, as glibc computes it from its four initial states (the place before
// the start being an ordinary byte, a word byte, a newline, or the
// buffer's start): in each, every byte a consuming instruction reachable
// without consuming accepts (also its lower case under RE_ICASE), past the
// assertions whose condition on the byte before can hold there, and past a
// back-reference to a subexpression that can close there (empty, as
// glibc's initial states take them). Reaching a `.` or the end of the
// pattern makes it every byte, and the end sets can_be_null, unless a `.`
// comes first in glibc's order: its automaton numbers a `.` before the end
// of the pattern, and both before their copies reached past an assertion,
// which are numbered in the order they are met. Always 0.
int re_compile_fastmap(struct re_pattern_buffer* buffer) {
    char* fastmap = buffer->fastmap;
    const auto* compiled = reinterpret_cast<const program*>(buffer->buffer);
    // glibc would crash on either: lwp leaves the buffer alone.
    if (!fastmap || !compiled || compiled->magic != program_magic) return 0;
    memset(fastmap, 0, 256);
    bool fold = (buffer->syntax & RE_ICASE) != 0;
    auto set = [fastmap, fold](unsigned char c) {
        fastmap[c] = 1;
        if (fold) fastmap[lower_case(c)] = 1;
    };
    std::size_t count = compiled->instruction_count;
    std::size_t groups = compiled->group_count + 1;
    // States are (instruction, past an assertion or not), walked depth
    // first in priority order (a split's first target first). The stack
    // holds at most 6 * count + 2 (each state pushes at most two, and the
    // back-references found passable later one each); then a mark per
    // state, and per subexpression whether its end was reached.
    std::size_t stack_size = 6 * count + 2;
    auto* pending = static_cast<int*>(malloc(stack_size * sizeof(int) + 2 * count + groups));
    if (!pending) return 0;
    auto* visited = reinterpret_cast<unsigned char*>(pending + stack_size);
    unsigned char* closed = visited + 2 * count;
    const instruction* code = compiled->instructions();
    const byte_set* sets = compiled->sets();
    bool every_byte = false;
    enum { ordinary, word, newline, beginning };
    for (int context = ordinary; context <= beginning; ++context) {
        // What this context's walk met: a `.` and the end, plainly or past
        // an assertion, and which of those two past an assertion first.
        bool period[2] = {false, false};
        bool end[2] = {false, false};
        bool end_first = false;
        memset(visited, 0, 2 * count + groups);
        std::size_t top = 0;
        pending[top++] = 0;
        for (;;) {
            if (top == 0) {
                // Back-references to subexpressions found closable since.
                for (std::size_t pc = 0; pc < count; ++pc)
                    for (int asserted = 0; asserted < 2; ++asserted)
                        if (visited[2 * pc + asserted] && code[pc].code == opcode::back_reference &&
                            closed[code[pc].first] && !visited[2 * (pc + 1) + asserted])
                            pending[top++] = static_cast<int>(2 * (pc + 1) + asserted);
                if (top == 0) break;
            }
            int state = pending[--top];
            if (visited[state]) continue;
            visited[state] = 1;
            int asserted = state & 1;
            const instruction& step = code[state >> 1];
            int following = state + 2;
            switch (step.code) {
            case opcode::byte: set(static_cast<unsigned char>(step.first)); break;
            case opcode::byte_set:
                if (step.flag & any_byte) period[asserted] = true;
                for (int c = 0; c < 256; ++c)
                    if (sets[step.first].has(static_cast<unsigned char>(c))) set(static_cast<unsigned char>(c));
                break;
            case opcode::wide_set: {
                // A regcomp'd C.UTF-8 expression: its ASCII bytes, and every
                // byte that can start a longer character.
                const wide_set& wide = compiled->wide_sets()[step.first];
                for (int c = 0; c < 0x80; ++c)
                    if (sets[wide.ascii].has(static_cast<unsigned char>(c))) set(static_cast<unsigned char>(c));
                for (int c = 0xc2; c <= 0xfd; ++c) set(static_cast<unsigned char>(c));
                break;
            }
            case opcode::continuation: break;  // never first
            case opcode::split:
                pending[top++] = 2 * step.second + asserted;
                pending[top++] = 2 * step.first + asserted;
                break;
            case opcode::jump: pending[top++] = 2 * step.first + asserted; break;
            case opcode::close_group:
                closed[step.first] = 1;
                pending[top++] = following;
                break;
            case opcode::open_group: pending[top++] = following; break;
            case opcode::assertion: {
                bool holds = true;
                switch (step.flag) {
                case line_start: holds = context == newline || context == beginning; break;
                case buffer_start: holds = context == beginning; break;
                case word_end:
                case inside_word: holds = context == word; break;
                case word_start:
                case outside_word: holds = context != word; break;
                default: break;  // $ and \' look only at what follows
                }
                if (holds) pending[top++] = following | 1;
                break;
            }
            case opcode::back_reference:
                if (closed[step.first]) pending[top++] = following;
                break;
            case opcode::match:
                if (asserted && !period[1]) end_first = true;
                end[asserted] = true;
                break;
            }
        }
        if (period[0] || end[0] || period[1] || end[1]) every_byte = true;
        if (!period[0] && (end[0] || end_first)) buffer->can_be_null = 1;
    }
    free(pending);
    if (every_byte) memset(fastmap, 1, 256);
    buffer->fastmap_accurate = 1;
    return 0;
}

}  // extern "C"
