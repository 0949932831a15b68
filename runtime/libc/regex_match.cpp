// regexec, and the matcher it shares with the GNU interfaces (re_search,
// re_match and their two-string forms, regex_gnu_search.cpp): running a
// compiled program (regex_program.hpp) over a string, for the leftmost of
// the longest matches, as POSIX asks. The GNU callers add a range of
// starts, a `stop` past which nothing is consumed and a translation table.
//
// Without back-references nothing backtracks, so no pattern takes more than
// time proportional to the program's size times the string's length
// (`(a*)*b` against a long run of a's included). Two passes over the
// string, each a Pike-style simulation of every thread of the NFA at once:
//   1. where the match is: threads carry only where they started; at each
//      state the earliest start wins, and once a match is found no new
//      start is tried, while the threads that began no later run on for a
//      longer end;
//   2. only when subexpressions are wanted, what each matched: threads run
//      from the match's start, in priority order (a split's first target
//      first), each carrying its subexpression offsets, and the first to
//      reach the end at the match's end wins. A state reached again at the
//      same place is dropped, since an earlier thread there had priority.
// This reports the subexpressions glibc reports: among the paths that make
// the longest match, the one whose choices come first, left alternative
// before right and another round of a loop before leaving it, plus glibc's
// two rules for empty rounds of a loop (see regex_program.hpp): coming back
// to a loop's head without having consumed anything leaves the loop, and
// an empty round of a repeated group after a real one is undone.
//
// A back-reference makes what may follow depend on what a subexpression
// took, which no simulation of states can track; such programs are matched
// by trying every path, depth first, which can take exponential time on
// hostile patterns, as with every engine.
//
// The program is only read: every regexec works in scratch memory of its
// own from malloc, so threads may share one compiled expression.
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include <cstddef>
#include <cstdint>

#include <ctype.h>

#include "regex_program.hpp"
#include "unicode_ctype.hpp"

namespace {

using namespace lwp_regex;

struct subject {
    const unsigned char* text;  // offsets count from here, even under REG_STARTEND
    regoff_t length;            // nothing at or past it is consumed (re_search_2's `stop`)
    regoff_t end;               // where the buffer ends, for the assertions
    bool not_bol;
    bool not_eol;
    bool newline_anchors;
    bool fold_case;
    const unsigned char* translate;  // re_search's translation table, or null
    bool multibyte;                  // a program compiled in C.UTF-8

    // A byte as the program compares it: translated, upper-cased under
    // REG_ICASE. glibc looks at bytes so for the assertions too.
    unsigned char at(regoff_t i) const {
        unsigned char c = translate ? translate[text[i]] : text[i];
        return fold_case ? upper_case(c) : c;
    }

    // C.UTF-8's word characters for \<, \>, \b, \B: '_' and iswalnum's.
    static bool is_word_character(std::uint32_t character) {
        return character == '_' || (lwp::libc::unicode_classes(character) & _ISalnum) != 0;
    }

    // The character byte j belongs to, as glibc's multibyte context sees
    // it: a byte inside a character answers for the whole character, and a
    // byte that is no character counts as the character of its value (0xe9
    // is a letter).
    std::uint32_t character_at(regoff_t j) const {
        std::uint32_t character = text[j];
        if (character < 0x80) return character;
        regoff_t lead = j;
        if ((character & 0xc0) == 0x80) {
            for (lead = j - 1; lead >= 0 && lead >= j - 5 && (text[lead] & 0xc0) == 0x80; --lead) {
            }
            if (lead < 0 || lead < j - 5) return character;
        }
        std::uint32_t decoded;
        int bytes = decode_character(text + lead, static_cast<std::size_t>(end - lead), &decoded, false);
        return bytes > 0 && lead + bytes > j ? decoded : character;
    }
    bool word_after(regoff_t i) const {
        if (i >= end) return false;
        return multibyte ? is_word_character(character_at(i)) : is_word_byte(at(i));
    }
    bool word_before(regoff_t i) const {
        if (i <= 0) return false;
        return multibyte ? is_word_character(character_at(i - 1)) : is_word_byte(at(i - 1));
    }

    // Whether a match may begin at i: glibc reads a multibyte expression's
    // subject character by character, and no match starts inside one.
    bool starts_character(regoff_t i) const {
        if (!multibyte || i >= end || (text[i] & 0xc0) != 0x80) return true;
        for (regoff_t from = i - 1; from >= 0 && from >= i - 5; --from) {
            if ((text[from] & 0xc0) == 0x80) continue;
            std::uint32_t decoded;
            return from + decode_character(text + from, static_cast<std::size_t>(end - from), &decoded, false) <= i;
        }
        return true;
    }

    // Whether an assertion holds between text[i - 1] and text[i], for a
    // thread that started at `start`: 1 if so, 0 if not, and 2 for a `$`
    // that holds only if the next instruction consumes the newline after it.
    // The byte before a REG_STARTEND range's start is looked at, as glibc
    // does: only offset 0 is the beginning of the buffer.
    //
    // glibc's own rules, copied: a newline the match itself consumed makes
    // the place after it a line start even without REG_NEWLINE (`a\n^b`
    // matches "a\nb"), and a `$` right before an instruction that consumes
    // a newline holds there (`a$\n`), as its automaton decides line
    // contexts from the byte that led to a state.
    int holds(std::uint8_t kind, regoff_t i, regoff_t start) const {
        switch (kind) {
        case word_start: return !word_before(i) && word_after(i);
        case word_end: return word_before(i) && !word_after(i);
        case inside_word: return word_before(i) && word_after(i);
        case outside_word: return !word_before(i) && !word_after(i);
        case line_start:
            return (i == 0 && !not_bol) || (i > 0 && at(i - 1) == '\n' && (newline_anchors || i > start));
        case line_end:
            if (i == end) return !not_eol;
            if (at(i) != '\n') return 0;
            return newline_anchors ? 1 : 2;
        case buffer_start: return i == 0;
        case buffer_end: return i == end;
        }
        return 0;
    }
};

struct matcher {
    const program& compiled;
    const instruction* code;
    const byte_set* sets;
    const subject& text;

    bool consumes(const instruction& step, unsigned char c) const {
        return step.code == opcode::byte ? static_cast<unsigned char>(step.first) == c : sets[step.first].has(c);
    }

    static bool is_consuming(opcode code) {
        return code == opcode::byte || code == opcode::byte_set || code == opcode::wide_set ||
               code == opcode::continuation;
    }

    // Whether wide set `number` holds `character`.
    bool wide_holds(const wide_set& set, std::uint32_t character) const {
        if (set.flags & wide_fold) character = static_cast<std::uint32_t>(lwp::libc::unicode_to_upper(character));
        if (character < 0x80) return sets[set.ascii].has(static_cast<unsigned char>(character));
        bool listed = (set.classes & lwp::libc::unicode_classes(character)) != 0;
        if (!listed) {
            const std::uint32_t* low = compiled.wide_chars() + set.first_char;
            const std::uint32_t* high = low + set.char_count;
            while (low < high) {
                const std::uint32_t* middle = low + (high - low) / 2;
                if (*middle < character) low = middle + 1;
                else high = middle;
            }
            listed = low != compiled.wide_chars() + set.first_char + set.char_count && *low == character;
        }
        return listed != ((set.flags & wide_negated) != 0);
    }

    // Where the thread at consuming instruction `pc` goes on after taking
    // what starts at `position` (before text.length); -1 if it cannot.
    int advance(int pc, regoff_t position) const {
        const instruction& step = code[pc];
        switch (step.code) {
        case opcode::continuation: return pc + 1;
        case opcode::wide_set: {
            const wide_set& set = compiled.wide_sets()[step.first];
            std::uint32_t character;
            int bytes = decode_character(text.text + position, static_cast<std::size_t>(text.length - position),
                                         &character, (set.flags & wide_surrogates) != 0);
            if (bytes == 0 || !wide_holds(set, character)) return -1;
            return pc + 1 + wide_continuations + 1 - bytes;
        }
        default: return consumes(step, text.at(position)) ? pc + 1 : -1;
        }
    }

    // Whether the assertion at `pc` lets a thread that began at `start` on.
    // glibc honours a `$` before a consumed newline only while finding the
    // match: when it then traces the subexpressions it finds no path
    // through it and reports no match at all (`x$.` matches "x\na", `(x$.)`
    // does not), so the submatch pass says the same (`newline_lookahead`).
    bool passes(int pc, regoff_t position, regoff_t start, bool newline_lookahead = true) const {
        int verdict = text.holds(code[pc].flag, position, start);
        if (verdict == 2) {
            if (!newline_lookahead) return false;
            const instruction& following = code[pc + 1];
            if (following.code == opcode::wide_set) return wide_holds(compiled.wide_sets()[following.first], '\n');
            return following.code == opcode::byte || following.code == opcode::byte_set;
        }
        return verdict != 0;
    }
};

// --- Pass 1: where the leftmost-longest match is ---------------------------

struct extent_search : matcher {
    std::uint32_t* stamps;     // per instruction: the generation that reached it
    std::uint32_t generation = 0;
    int* pending;              // the closure's stack of instructions to visit
    regoff_t last_start;       // no thread starts after it
    bool found = false;
    regoff_t best_start = -1;
    regoff_t best_end = -1;

    struct thread_list {
        int* instructions;
        regoff_t* starts;
        std::size_t count;
    };

    // Adds every consuming instruction reachable from `pc` at `position`
    // without consuming, for a thread that began at `start`; records a match
    // on the way.
    void follow(thread_list& list, int pc, regoff_t start, regoff_t position) {
        std::size_t top = 0;
        pending[top++] = pc;
        while (top > 0) {
            pc = pending[--top];
            if (stamps[pc] == generation) continue;
            stamps[pc] = generation;
            const instruction& step = code[pc];
            switch (step.code) {
            case opcode::jump: pending[top++] = step.first; break;
            case opcode::split:
                pending[top++] = step.second;
                pending[top++] = step.first;
                break;
            case opcode::open_group:
            case opcode::close_group: pending[top++] = pc + 1; break;
            case opcode::assertion:
                if (passes(pc, position, start)) pending[top++] = pc + 1;
                break;
            case opcode::byte:
            case opcode::byte_set:
            case opcode::wide_set:
            case opcode::continuation:
                list.instructions[list.count] = pc;
                list.starts[list.count] = start;
                ++list.count;
                break;
            case opcode::match:
                if (!found || start < best_start || (start == best_start && position > best_end)) {
                    found = true;
                    best_start = start;
                    best_end = position;
                }
                break;
            case opcode::back_reference: break;  // never in a program run here
            }
        }
    }

    // Threads stay in order of their starts (each inherits its parent's,
    // and a new start is always the latest), so whichever reaches a state
    // first began earliest.
    void run(regoff_t from, thread_list current, thread_list next) {
        ++generation;
        current.count = 0;
        for (regoff_t position = from;; ++position) {
            bool may_start = !found && position <= last_start;
            bool starting = may_start && text.starts_character(position);
            if (starting) follow(current, 0, position, position);
            if (position >= text.length) {
                // Nothing is consumed at or past re_search_2's `stop`, but
                // a later start may still match the empty string there.
                if (found || position >= last_start) break;
                ++generation;
                current.count = 0;
                continue;
            }
            if (current.count == 0 && !may_start) break;
            ++generation;
            next.count = 0;
            for (std::size_t i = 0; i < current.count; ++i) {
                if (found && current.starts[i] > best_start) break;
                int to = advance(current.instructions[i], position);
                if (to >= 0) follow(next, to, current.starts[i], position + 1);
            }
            thread_list swapped = current;
            current = next;
            next = swapped;
        }
    }
};

// --- Pass 2: what the subexpressions matched -------------------------------

// A thread that has passed an assertion since it last consumed a byte ends,
// if it ends here, at a different final state of glibc's automaton than one
// that has not, and glibc takes the plain one whenever some thread reaches
// it: `(^)?` on "b" leaves the group unmatched, `(^)?b` does not. So the
// closure tells the two kinds apart, as two copies of each instruction.
constexpr int kinds = 2;

struct submatch_search : matcher {
    std::uint32_t* stamps;        // kinds per instruction
    std::uint32_t generation = 0;
    std::uint8_t* looping;        // kinds per instruction: a loop head whose body is being followed
    std::size_t registers;        // subexpressions tracked, with the whole match's slot 0
    std::size_t width;            // offsets per thread: the current ones, then the last kept
    regoff_t start;
    regoff_t end;
    regoff_t* result;             // 2 * registers offsets, set on success
    bool have_fallback = false;   // result holds an asserted thread's offsets

    struct choice {
        int state;      // instruction * kinds + kind
        int loop_head;  // whose `looping` mark ends when this choice is taken up, or -1
    };
    choice* choices;
    regoff_t* choice_offsets;     // width per choice

    struct thread_list {
        int* instructions;
        regoff_t* offsets;        // width per thread
        std::size_t count;
    };

    // glibc's rule for an empty round of an optional group: see
    // optional_group in regex_program.hpp.
    void close_group(regoff_t* offsets, std::size_t group, bool optional, regoff_t position) const {
        regoff_t* current = offsets;
        regoff_t* kept = offsets + 2 * registers;
        if (current[2 * group] < position) {
            current[2 * group + 1] = position;
            memcpy(kept, current, 2 * registers * sizeof(regoff_t));
        } else if (optional && kept[2 * group] != -1) {
            memcpy(current, kept, 2 * registers * sizeof(regoff_t));
        } else {
            current[2 * group + 1] = position;
        }
    }

    // Follows every path from `pc` at `position` that consumes nothing, in
    // priority order, adding the consuming instructions reached to `list`;
    // true when a thread that passed no assertion last reaches the end at
    // the match's end (the offsets are then in result).
    bool follow(thread_list& list, int pc, regoff_t* offsets, regoff_t position) {
        std::size_t top = 0;
        int kind = 0;
        for (;;) {
            if (pc < 0) {
                if (top == 0) return false;
                --top;
                pc = choices[top].state / kinds;
                kind = choices[top].state % kinds;
                if (choices[top].loop_head >= 0) looping[choices[top].loop_head] = 0;
                memcpy(offsets, choice_offsets + top * width, width * sizeof(regoff_t));
                continue;
            }
            const instruction& step = code[pc];
            bool consuming = is_consuming(step.code);
            int state = pc * kinds + (consuming ? 0 : kind);
            if (stamps[state] == generation) {
                // Back at a loop's head from an empty round of its body.
                if (step.code == opcode::split && (step.flag & loop_head) && looping[state]) pc = step.second;
                else pc = -1;
                continue;
            }
            stamps[state] = generation;
            switch (step.code) {
            case opcode::jump: pc = step.first; break;
            case opcode::split:
                choices[top].state = step.second * kinds + kind;
                choices[top].loop_head = (step.flag & loop_head) ? state : -1;
                memcpy(choice_offsets + top * width, offsets, width * sizeof(regoff_t));
                ++top;
                if (step.flag & loop_head) looping[state] = 1;
                pc = step.first;
                break;
            case opcode::open_group:
                if (static_cast<std::size_t>(step.first) < registers) {
                    offsets[2 * step.first] = position;
                    offsets[2 * step.first + 1] = -1;
                }
                ++pc;
                break;
            case opcode::close_group:
                if (static_cast<std::size_t>(step.first) < registers)
                    close_group(offsets, static_cast<std::size_t>(step.first), step.flag & optional_group, position);
                ++pc;
                break;
            case opcode::assertion:
                if (passes(pc, position, start, false)) {
                    ++pc;
                    kind = 1;
                } else {
                    pc = -1;
                }
                break;
            case opcode::byte:
            case opcode::byte_set:
            case opcode::wide_set:
            case opcode::continuation:
                list.instructions[list.count] = pc;
                memcpy(list.offsets + list.count * width, offsets, width * sizeof(regoff_t));
                ++list.count;
                pc = -1;
                break;
            case opcode::match:
                if (position == end && (kind == 0 || !have_fallback)) {
                    memcpy(result, offsets, 2 * registers * sizeof(regoff_t));
                    if (kind == 0) {
                        // Leave no loop marked for the next closure.
                        while (top > 0) {
                            --top;
                            if (choices[top].loop_head >= 0) looping[choices[top].loop_head] = 0;
                        }
                        return true;
                    }
                    have_fallback = true;
                }
                pc = -1;
                break;
            case opcode::back_reference: pc = -1; break;  // never in a program run here
            }
        }
    }

    bool run(thread_list current, thread_list next, regoff_t* offsets) {
        for (std::size_t i = 0; i < width; ++i) offsets[i] = -1;
        ++generation;
        current.count = 0;
        if (follow(current, 0, offsets, start)) return true;
        for (regoff_t position = start; position < end; ++position) {
            ++generation;
            next.count = 0;
            for (std::size_t i = 0; i < current.count; ++i) {
                int to = advance(current.instructions[i], position);
                if (to < 0) continue;
                memcpy(offsets, current.offsets + i * width, width * sizeof(regoff_t));
                if (follow(next, to, offsets, position + 1)) return true;
            }
            thread_list swapped = current;
            current = next;
            next = swapped;
        }
        return have_fallback;
    }
};

// --- Programs with back-references: depth-first, every path ---------------

struct backtracking_search : matcher {
    std::size_t registers;   // every subexpression, with slot 0
    std::size_t loops;
    std::size_t width;       // current offsets, last kept offsets, loop entry places
    bool longest;            // false: any match will do (nothing is reported)

    struct choice {
        int pc;
        regoff_t position;
        bool asserted;
    };
    choice* choices = nullptr;
    regoff_t* choice_state = nullptr;
    std::size_t choice_capacity = 0;

    ~backtracking_search() {
        free(choices);
        free(choice_state);
    }

    bool reserve(std::size_t count) {
        if (count < choice_capacity) return true;
        std::size_t capacity = choice_capacity ? choice_capacity * 2 : 64;
        void* grown_choices = realloc(choices, capacity * sizeof(choice));
        if (!grown_choices) return false;
        choices = static_cast<choice*>(grown_choices);
        void* grown_state = realloc(choice_state, capacity * width * sizeof(regoff_t));
        if (!grown_state) return false;
        choice_state = static_cast<regoff_t*>(grown_state);
        choice_capacity = capacity;
        return true;
    }

    void close_group(regoff_t* state, std::size_t group, bool optional, regoff_t position) const {
        regoff_t* kept = state + 2 * registers;
        if (state[2 * group] < position) {
            state[2 * group + 1] = position;
            memcpy(kept, state, 2 * registers * sizeof(regoff_t));
        } else if (optional && kept[2 * group] != -1) {
            memcpy(state, kept, 2 * registers * sizeof(regoff_t));
        } else {
            state[2 * group + 1] = position;
        }
    }

    // Every path from `start`; the longest end found and the offsets of the
    // first path to reach it. -1 for none; -2 out of memory.
    regoff_t run(regoff_t start, regoff_t* state, regoff_t* best) {
        for (std::size_t i = 0; i < width; ++i) state[i] = -1;
        regoff_t best_end = -1;
        bool best_asserted = false;
        bool asserted = false;  // an assertion passed since the last byte consumed (see kinds)
        std::size_t top = 0;
        int pc = 0;
        regoff_t position = start;
        regoff_t* loop_entries = state + 4 * registers;
        for (;;) {
            if (pc < 0) {
                if (top == 0) return best_end;
                --top;
                pc = choices[top].pc;
                position = choices[top].position;
                asserted = choices[top].asserted;
                memcpy(state, choice_state + top * width, width * sizeof(regoff_t));
                continue;
            }
            const instruction& step = code[pc];
            switch (step.code) {
            case opcode::jump: pc = step.first; break;
            case opcode::split:
                if (step.flag & loop_head) {
                    // Back at the head with nothing consumed: leave the loop.
                    if (loop_entries[step.loop] == position) {
                        pc = step.second;
                        break;
                    }
                }
                if (!reserve(top + 1)) return -2;
                choices[top].pc = step.second;
                choices[top].position = position;
                choices[top].asserted = asserted;
                memcpy(choice_state + top * width, state, width * sizeof(regoff_t));
                ++top;
                if (step.flag & loop_head) loop_entries[step.loop] = position;
                pc = step.first;
                break;
            case opcode::open_group:
                state[2 * step.first] = position;
                state[2 * step.first + 1] = -1;
                ++pc;
                break;
            case opcode::close_group:
                close_group(state, static_cast<std::size_t>(step.first), step.flag & optional_group, position);
                ++pc;
                break;
            case opcode::assertion:
                if (passes(pc, position, start)) {
                    ++pc;
                    asserted = true;
                } else {
                    pc = -1;
                }
                break;
            case opcode::byte:
            case opcode::byte_set:
            case opcode::wide_set:
            case opcode::continuation:
                asserted = false;
                pc = position < text.length ? advance(pc, position) : -1;
                if (pc >= 0) ++position;
                break;
            case opcode::back_reference: {
                regoff_t from = state[2 * step.first];
                regoff_t to = state[2 * step.first + 1];
                // (A start past re_search_2's `stop` may still repeat an
                // empty subexpression.)
                if (from < 0 || to < 0 || (to > from && to - from > text.length - position)) {
                    pc = -1;
                    break;
                }
                regoff_t i = 0;
                while (i < to - from && text.at(from + i) == text.at(position + i)) ++i;
                if (i < to - from) {
                    pc = -1;
                    break;
                }
                position += i;
                if (i > 0) asserted = false;
                ++pc;
                break;
            }
            case opcode::match:
                if (position > best_end || (position == best_end && best_asserted && !asserted)) {
                    best_end = position;
                    best_asserted = asserted;
                    memcpy(best, state, 2 * registers * sizeof(regoff_t));
                    if (!longest || (position == text.length && !asserted)) return best_end;
                }
                pc = -1;
                break;
            }
        }
    }
};

}  // namespace

namespace lwp_regex {

int decode_character(const unsigned char* text, std::size_t limit, std::uint32_t* character, bool surrogates) {
    if (limit == 0) return 0;
    unsigned lead = text[0];
    if (lead < 0x80) {
        *character = lead;
        return 1;
    }
    // glibc's UTF-8 goes to six bytes (up to 0x7fffffff), refusing
    // overlong forms.
    if (lead < 0xc2 || lead > 0xfd) return 0;
    unsigned length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : lead < 0xf8 ? 4 : lead < 0xfc ? 5 : 6;
    if (limit < length) return 0;
    std::uint32_t value = lead & (0x7fu >> length);
    for (unsigned i = 1; i < length; ++i) {
        if ((text[i] & 0xc0) != 0x80) return 0;
        value = value << 6 | (text[i] & 0x3fu);
    }
    static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000, 0x200000, 0x4000000};
    if (value < smallest[length]) return 0;
    if (!surrogates && value >= 0xd800 && value <= 0xdfff) return 0;
    *character = value;
    return static_cast<int>(length);
}

int execute(const program& compiled, const search_request& request, std::size_t reported, regmatch_t* pmatch) {
    const program* compiled_program = &compiled;
    subject text{request.text,          request.stop,    request.end,
                 request.not_bol,       request.not_eol, request.newline_anchors,
                 compiled.fold_case,    request.translate,
                 compiled.multibyte};
    regoff_t start = request.first_start;
    regoff_t last_start = request.last_start;
    std::size_t groups = compiled_program->group_count;
    std::size_t registers = reported > groups ? groups + 1 : reported;
    std::size_t count = compiled_program->instruction_count;

    regoff_t match_start = -1;
    regoff_t match_end = -1;
    regoff_t* offsets = nullptr;  // 2 * registers, the subexpressions' answer
    void* scratch = nullptr;

    if (compiled_program->has_back_references) {
        backtracking_search search{{*compiled_program, compiled_program->instructions(), compiled_program->sets(), text},
                                   groups + 1, compiled_program->loop_count, 0, reported != 0};
        search.width = 4 * search.registers + search.loops;
        scratch = malloc((search.width + 2 * search.registers) * sizeof(regoff_t));
        if (!scratch) return REG_ESPACE;
        auto* state = static_cast<regoff_t*>(scratch);
        offsets = state + search.width;
        for (regoff_t from = start; from <= last_start; ++from) {
            regoff_t end = search.run(from, state, offsets);
            if (end == -2) {
                free(scratch);
                return REG_ESPACE;
            }
            if (end >= 0) {
                match_start = from;
                match_end = end;
                break;
            }
        }
    } else {
        // Lists of threads hold at most one thread per consuming instruction;
        // the closure's stacks at most one entry per split (plus the first).
        std::size_t threads = compiled_program->consuming_count + 1;
        std::size_t choices = compiled_program->split_count + 1;
        std::size_t width = registers > 1 ? 4 * registers : 0;
        std::size_t size = kinds * count * sizeof(std::uint32_t)    // stamps
                           + kinds * count                           // looping marks
                           + (2 * count + 2) * sizeof(int)           // pass 1's stack
                           + 4 * threads * sizeof(int)               // two lists' instructions
                           + 2 * threads * sizeof(regoff_t)          // two lists' starts
                           + 2 * threads * width * sizeof(regoff_t)  // two lists' offsets
                           + choices * sizeof(submatch_search::choice)
                           + choices * width * sizeof(regoff_t) + 2 * width * sizeof(regoff_t) + 16;
        scratch = malloc(size);
        if (!scratch) return REG_ESPACE;
        // Carved in order of decreasing alignment.
        auto* cursor = static_cast<char*>(scratch);
        auto carve = [&cursor](std::size_t bytes) {
            char* here = cursor;
            cursor += bytes;
            return here;
        };
        auto* choices_area = reinterpret_cast<submatch_search::choice*>(carve(choices * sizeof(submatch_search::choice)));
        auto* stamps = reinterpret_cast<std::uint32_t*>(carve(kinds * count * sizeof(std::uint32_t)));
        auto* pending = reinterpret_cast<int*>(carve((2 * count + 2) * sizeof(int)));
        int* instructions[4];
        for (int*& list : instructions) list = reinterpret_cast<int*>(carve(threads * sizeof(int)));
        auto* starts_a = reinterpret_cast<regoff_t*>(carve(threads * sizeof(regoff_t)));
        auto* starts_b = reinterpret_cast<regoff_t*>(carve(threads * sizeof(regoff_t)));
        auto* offsets_a = reinterpret_cast<regoff_t*>(carve(threads * width * sizeof(regoff_t)));
        auto* offsets_b = reinterpret_cast<regoff_t*>(carve(threads * width * sizeof(regoff_t)));
        auto* choice_offsets = reinterpret_cast<regoff_t*>(carve(choices * width * sizeof(regoff_t)));
        auto* working = reinterpret_cast<regoff_t*>(carve(width * sizeof(regoff_t)));
        offsets = reinterpret_cast<regoff_t*>(carve(width * sizeof(regoff_t)));
        auto* looping = reinterpret_cast<std::uint8_t*>(carve(kinds * count));
        memset(stamps, 0, kinds * count * sizeof(std::uint32_t));
        memset(looping, 0, kinds * count);

        extent_search extent{{*compiled_program, compiled_program->instructions(), compiled_program->sets(), text},
                             stamps, 0, pending, last_start};
        extent.run(start, {instructions[0], starts_a, 0}, {instructions[1], starts_b, 0});
        if (extent.found) {
            match_start = extent.best_start;
            match_end = extent.best_end;
            if (registers > 1) {
                memset(stamps, 0, kinds * count * sizeof(std::uint32_t));
                submatch_search submatches{
                    {*compiled_program, compiled_program->instructions(), compiled_program->sets(), text},
                    stamps, 0, looping, registers, width, match_start, match_end, offsets, false,
                    choices_area, choice_offsets};
                if (!submatches.run({instructions[2], offsets_a, 0}, {instructions[3], offsets_b, 0}, working))
                    match_start = -1;
            }
        }
    }

    if (match_start < 0) {
        free(scratch);
        return REG_NOMATCH;
    }
    if (reported > 0) {
        pmatch[0].rm_so = match_start;
        pmatch[0].rm_eo = match_end;
        for (std::size_t i = 1; i < reported; ++i) {
            if (i < registers && offsets[2 * i] != -1 && offsets[2 * i + 1] != -1) {
                pmatch[i].rm_so = offsets[2 * i];
                pmatch[i].rm_eo = offsets[2 * i + 1];
            } else {
                pmatch[i].rm_so = -1;
                pmatch[i].rm_eo = -1;
            }
        }
    }
    free(scratch);
    return 0;
}

}  // namespace lwp_regex

extern "C" {

int regexec(const regex_t* __restrict compiled, const char* __restrict string, size_t nmatch,
            regmatch_t* __restrict pmatch, int eflags) {
    if (eflags & ~(REG_NOTBOL | REG_NOTEOL | REG_STARTEND)) return REG_BADPAT;
    const auto* compiled_program = reinterpret_cast<const program*>(compiled->buffer);
    if (!compiled_program || compiled_program->magic != program_magic) return REG_BADPAT;
    regoff_t start = 0;
    regoff_t length;
    if (eflags & REG_STARTEND) {
        start = pmatch[0].rm_so;
        length = pmatch[0].rm_eo;
        if (start < 0 || start > length) return REG_NOMATCH;
    } else {
        length = static_cast<regoff_t>(strlen(string));
    }
    search_request request{reinterpret_cast<const unsigned char*>(string),
                           length,
                           length,
                           start,
                           length,
                           (eflags & REG_NOTBOL) != 0,
                           (eflags & REG_NOTEOL) != 0,
                           compiled_program->newline_anchors,
                           nullptr};
    // What is reported: nothing under REG_NOSUB, else pmatch[0] and the
    // subexpressions pmatch has room for.
    return execute(*compiled_program, request, compiled->no_sub ? 0 : nmatch, pmatch);
}

}  // extern "C"
