// The GNU regex interfaces' searching half: re_search, re_search_2,
// re_match, re_match_2 and re_set_registers, on regexec's matcher
// (regex_match.cpp), with glibc's conventions:
//   - re_search returns where the match starts, re_match how long it is;
//     -1 for no match (or a start outside the string), -2 for an internal
//     error (memory, or a negative length or stop in the two-string forms);
//   - re_search tries the starts start, start+1, ... start+range (range
//     clipped to the string), or downwards for a negative range, and takes
//     the first that matches, the longest match there (leftmost-longest);
//   - the buffer's not_bol, not_eol, newline_anchor, translate and no_sub
//     are read at each call, as glibc reads them; a fastmap not yet
//     computed is computed by a forward search (re_compile_fastmap);
//   - the registers are allocated, grown or left as they are according to
//     the buffer's regs_allocated (REGS_UNALLOCATED: malloc'd with one slot
//     more than needed; REGS_REALLOCATE: grown if too short; REGS_FIXED:
//     used as they are), and slots past the match's are set to -1.
// The two-string forms search the concatenation (copied into one buffer,
// as glibc does), consuming nothing at or past `stop` but letting the
// assertions see the bytes there.
//
// glibc serializes searches of one buffer with a lock; lwp takes none: the
// compiled program is only read, but the fastmap filled on a first search
// and regs_allocated are written, so threads sharing one buffer must
// compute its fastmap first and not pass registers.
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include <cstddef>
#include <cstdint>

#include "regex_program.hpp"

namespace {

using namespace lwp_regex;

// glibc's re_copy_regs: the new regs_allocated, REGS_UNALLOCATED when out
// of memory.
unsigned copy_registers(struct re_registers* regs, const regmatch_t* pmatch, std::size_t count,
                        unsigned allocated) {
    unsigned result = REGS_REALLOCATE;
    // One more than needed: GNU code looks for a -1 after the last.
    std::size_t needed = count + 1;
    if (allocated == REGS_UNALLOCATED) {
        regs->start = static_cast<regoff_t*>(malloc(needed * sizeof(regoff_t)));
        if (!regs->start) return REGS_UNALLOCATED;
        regs->end = static_cast<regoff_t*>(malloc(needed * sizeof(regoff_t)));
        if (!regs->end) {
            free(regs->start);
            return REGS_UNALLOCATED;
        }
        regs->num_regs = static_cast<__re_size_t>(needed);
    } else if (allocated == REGS_REALLOCATE) {
        if (needed > regs->num_regs) {
            auto* start = static_cast<regoff_t*>(realloc(regs->start, needed * sizeof(regoff_t)));
            if (!start) return REGS_UNALLOCATED;
            auto* end = static_cast<regoff_t*>(realloc(regs->end, needed * sizeof(regoff_t)));
            if (!end) {
                // Out of memory: -2. glibc frees the grown start array here,
                // leaving regs->start dangling; lwp keeps it in regs.
                regs->start = start;
                return REGS_UNALLOCATED;
            }
            regs->start = start;
            regs->end = end;
            regs->num_regs = static_cast<__re_size_t>(needed);
        }
    } else {
        result = REGS_FIXED;
    }
    std::size_t i = 0;
    for (; i < count; ++i) {
        regs->start[i] = pmatch[i].rm_so;
        regs->end[i] = pmatch[i].rm_eo;
    }
    for (; i < regs->num_regs; ++i) regs->start[i] = regs->end[i] = -1;
    return result;
}

// glibc's re_search_stub.
regoff_t search(struct re_pattern_buffer* buffer, const char* string, regoff_t length, regoff_t start,
                regoff_t range, regoff_t stop, struct re_registers* regs, bool return_length) {
    if (start < 0 || start > length) return -1;
    // The last start tried, clipped to [0, length] (computed wide: no
    // overflow to guard against).
    long long last = static_cast<long long>(start) + range;
    if (last > length) last = length;
    if (last < 0) last = 0;
    const auto* compiled = reinterpret_cast<const program*>(buffer->buffer);
    // Nothing compiled there: glibc reports no match when `used` is 0.
    if (!compiled || compiled->magic != program_magic || buffer->used == 0) return -1;
    if (start < last && buffer->fastmap && !buffer->fastmap_accurate) re_compile_fastmap(buffer);
    if (buffer->no_sub) regs = nullptr;

    // The registers computed: the whole match and every subexpression,
    // fewer when fixed registers have no room for them all.
    std::size_t count;
    if (!regs) {
        count = 1;
    } else if (buffer->regs_allocated == REGS_FIXED && regs->num_regs <= buffer->re_nsub) {
        count = regs->num_regs;
        if (count < 1) {
            regs = nullptr;
            count = 1;
        }
    } else {
        count = buffer->re_nsub + 1;
    }
    auto* pmatch = static_cast<regmatch_t*>(malloc(count * sizeof(regmatch_t)));
    if (!pmatch) return -2;

    if (stop > length) stop = length;
    search_request request{reinterpret_cast<const unsigned char*>(string),
                           stop,
                           length,
                           start,
                           static_cast<regoff_t>(last),
                           buffer->not_bol != 0,
                           buffer->not_eol != 0,
                           buffer->newline_anchor != 0,
                           reinterpret_cast<const unsigned char*>(buffer->translate)};
    int result;
    if (last >= start) {
        result = execute(*compiled, request, count, pmatch);
    } else {
        // Backwards: each start on its own, the first that matches wins.
        result = REG_NOMATCH;
        for (regoff_t from = start; from >= last && result == REG_NOMATCH; --from) {
            request.first_start = request.last_start = from;
            result = execute(*compiled, request, count, pmatch);
        }
    }

    regoff_t answer;
    if (result != 0) {
        answer = result == REG_NOMATCH ? -1 : -2;
    } else {
        answer = return_length ? pmatch[0].rm_eo - start : pmatch[0].rm_so;
        if (regs) {
            buffer->regs_allocated = copy_registers(regs, pmatch, count, buffer->regs_allocated) & 3;
            if (buffer->regs_allocated == REGS_UNALLOCATED) answer = -2;
        }
    }
    free(pmatch);
    return answer;
}

// glibc's re_search_2_stub: the two strings as one.
regoff_t search_two(struct re_pattern_buffer* buffer, const char* string1, regoff_t length1, const char* string2,
                    regoff_t length2, regoff_t start, regoff_t range, struct re_registers* regs, regoff_t stop,
                    bool return_length) {
    regoff_t length;
    if (length1 < 0 || length2 < 0 || stop < 0 || __builtin_add_overflow(length1, length2, &length)) return -2;
    const char* string = string1;
    char* joined = nullptr;
    if (length2 > 0) {
        if (length1 > 0) {
            joined = static_cast<char*>(malloc(static_cast<std::size_t>(length)));
            if (!joined) return -2;
            memcpy(joined, string1, static_cast<std::size_t>(length1));
            memcpy(joined + length1, string2, static_cast<std::size_t>(length2));
            string = joined;
        } else {
            string = string2;
        }
    }
    regoff_t answer = search(buffer, string, length, start, range, stop, regs, return_length);
    free(joined);
    return answer;
}

}  // namespace

extern "C" {

regoff_t re_search(struct re_pattern_buffer* buffer, const char* string, regoff_t length, regoff_t start,
                   regoff_t range, struct re_registers* regs) {
    return search(buffer, string, length, start, range, length, regs, false);
}

regoff_t re_match(struct re_pattern_buffer* buffer, const char* string, regoff_t length, regoff_t start,
                  struct re_registers* regs) {
    return search(buffer, string, length, start, 0, length, regs, true);
}

regoff_t re_search_2(struct re_pattern_buffer* buffer, const char* string1, regoff_t length1, const char* string2,
                     regoff_t length2, regoff_t start, regoff_t range, struct re_registers* regs, regoff_t stop) {
    return search_two(buffer, string1, length1, string2, length2, start, range, regs, stop, false);
}

regoff_t re_match_2(struct re_pattern_buffer* buffer, const char* string1, regoff_t length1, const char* string2,
                    regoff_t length2, regoff_t start, struct re_registers* regs, regoff_t stop) {
    return search_two(buffer, string1, length1, string2, length2, start, 0, regs, stop, true);
}

// Hands the registers' arrays (malloc'd by the caller) to later searches
// with this buffer, which grow them as needed; none (0) makes them
// allocate their own.
void re_set_registers(struct re_pattern_buffer* buffer, struct re_registers* regs, __re_size_t count,
                      regoff_t* starts, regoff_t* ends) {
    if (count) {
        buffer->regs_allocated = REGS_REALLOCATE;
        regs->num_regs = count;
        regs->start = starts;
        regs->end = ends;
    } else {
        buffer->regs_allocated = REGS_UNALLOCATED;
        regs->num_regs = 0;
        regs->start = regs->end = nullptr;
    }
}

}  // extern "C"

// glibc's old limit on the failure stack of its backtracking matcher, kept
// as a variable with its value for programs that still name it: glibc's
// matcher no longer reads it, and lwp's does not backtrack (except for
// back-references, without such a stack), so in both it changes nothing.
extern "C" {
int re_max_failures = 2000;
}
