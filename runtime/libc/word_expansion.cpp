// wordexp and wordfree: a string split into words the way a POSIX shell
// would (tilde, parameters, arithmetic, command substitution, field
// splitting, pathname expansion, quoting), answering as glibc 2.36's.
//
// glibc's expansion is not quite a shell's, and its answers are the
// specification here, so its oddities are reproduced on purpose:
//  - a word being built is either "not started" or holds at least one
//    character; appending an empty string to a word not started counts as
//    running out of memory (WRDE_NOSPACE), so "$x" with x set but empty at
//    the start of a word is WRDE_NOSPACE, as in glibc;
//  - an empty quoted string at the start of a word is a word of its own
//    ("" a gives "" and a; ""a too);
//  - ${x:?w} writes "x: w" to stderr and expands to nothing (no error);
//  - wildcards anywhere in a word hand the whole rest of the word (up to an
//    IFS character, so under IFS=, a space does not end it) to glob with
//    GLOB_NOCHECK, quotes removed (a quoted wildcard still matches);
//  - arithmetic knows + - * / and parentheses (decimal, octal, hex
//    numbers), ignores what follows a complete expression, and $[...]
//    prints its result as an unsigned number;
//  - a command substitution whose shell fails is run again under `sh -n`,
//    and a failure there is WRDE_SYNTAX.
// Positional parameters ($1, $#, $*, $@) are the program's arguments.
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wordexp.h>

#include <climits>
#include <cstddef>
#include <cstdint>

#include "../start/auxiliary_vector.hpp"

extern "C" char** __environ;

namespace {

// A word under construction. `text` null means "not started", which glibc
// tells apart from an empty word (see the top of the file).
struct word_text {
    char* text = nullptr;
    std::size_t length = 0;
    std::size_t capacity = 0;

    // Appends; false when out of memory, or when appending nothing to a word
    // not started (glibc's answer for that too). On false the text is gone.
    bool add(const char* bytes, std::size_t count) {
        if (text == nullptr && count == 0) return false;
        if (length + count > capacity) {
            std::size_t wanted = capacity + (2 * count > 100 ? 2 * count : 100);
            char* grown = static_cast<char*>(realloc(text, wanted + 1));
            if (grown == nullptr) {
                free(text);
                text = nullptr;
                length = capacity = 0;
                return false;
            }
            text = grown;
            capacity = wanted;
        }
        memcpy(text + length, bytes, count);
        length += count;
        text[length] = '\0';
        return true;
    }
    bool add(char c) { return add(&c, 1); }
    bool add(const char* string) { return add(string, strlen(string)); }

    // Gives the text away (or drops it) and starts over, not started.
    char* take() {
        char* taken = text;
        text = nullptr;
        length = capacity = 0;
        return taken;
    }
    void discard() { free(take()); }
};

bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Appends `word` (an empty one when null) to the vector.
int add_word(wordexp_t* words, char* word) {
    bool made = false;
    if (word == nullptr) {
        word = strdup("");
        if (word == nullptr) return WRDE_NOSPACE;
        made = true;
    }
    std::size_t slots = words->we_offs + words->we_wordc + 2;
    char** grown = static_cast<char**>(realloc(words->we_wordv, slots * sizeof(char*)));
    if (grown == nullptr) {
        if (made) free(word);
        return WRDE_NOSPACE;
    }
    words->we_wordv = grown;
    grown[words->we_offs + words->we_wordc++] = word;
    grown[words->we_offs + words->we_wordc] = nullptr;
    return 0;
}

// The program's arguments, for the positional parameters. Process start
// keeps only the auxiliary vector, which sits just above the environment
// block of the initial stack (argc, argv..., NULL, envp..., NULL, auxv);
// walking down from it finds argv without costing programs that never
// call wordexp anything. argc is the one slot whose value equals the
// number of slots between it and argv's terminator (pointers never do).
struct arguments {
    int count = 0;
    char** values = nullptr;
};
arguments program_arguments() {
    static char* no_arguments[1] = {nullptr};
    arguments found{0, no_arguments};
    const unsigned long* slot = lwp::start::auxiliary_vector;
    if (slot == nullptr) return found;
    slot -= 2;                     // the last environment entry, or argv's NULL
    while (*slot != 0) --slot;     // argv's terminator
    unsigned long count = 0;
    while (slot[-1 - static_cast<long>(count)] != count) ++count;
    found.count = static_cast<int>(count);
    found.values = reinterpret_cast<char**>(const_cast<unsigned long*>(slot - count));
    return found;
}

void append_unsigned(char* buffer, unsigned long long value) {
    char digits[24];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (int i = 0; i < n; ++i) buffer[i] = digits[n - 1 - i];
    buffer[n] = '\0';
}

// Arithmetic: sums of products of numbers (strtol, base 0) and
// parenthesised expressions; wrapping like the machine. A parenthesis
// closes at the first ')' after it, as in glibc.
int evaluate_sum(char* expression, long& result);

int evaluate_value(char*& at, long& result) {
    char* start = at;
    while (*start != '\0' && is_space(*start)) ++start;
    if (*start == '(') {
        while (*at != '\0' && *at != ')') ++at;
        if (*at == '\0') return WRDE_SYNTAX;
        *at++ = '\0';
        return evaluate_sum(start + 1, result) != 0 ? WRDE_SYNTAX : 0;
    }
    result = strtol(start, &at, 0);
    return at == start ? WRDE_SYNTAX : 0;
}

int evaluate_product(char*& at, long& result) {
    if (evaluate_value(at, result) != 0) return WRDE_SYNTAX;
    while (*at != '\0') {
        while (*at != '\0' && is_space(*at)) ++at;
        char op = *at;
        if (op != '*' && op != '/') break;
        ++at;
        long operand;
        if (evaluate_value(at, operand) != 0) return WRDE_SYNTAX;
        if (op == '*') {
            result = static_cast<long>(static_cast<unsigned long>(result) *
                                       static_cast<unsigned long>(operand));
        } else {
            if (operand == 0 || (operand == -1 && result == LONG_MIN)) return WRDE_SYNTAX;
            result /= operand;
        }
    }
    return 0;
}

int evaluate_sum(char* at, long& result) {
    if (evaluate_product(at, result) != 0) return WRDE_SYNTAX;
    while (*at != '\0') {
        while (*at != '\0' && is_space(*at)) ++at;
        char op = *at;
        if (op != '+' && op != '-') break;
        ++at;
        long operand;
        if (evaluate_product(at, operand) != 0) return WRDE_SYNTAX;
        unsigned long left = static_cast<unsigned long>(result);
        unsigned long right = static_cast<unsigned long>(operand);
        result = static_cast<long>(op == '+' ? left + right : left - right);
    }
    return 0;
}

// One expansion: the flags, the separators, and the vector words go to.
// Offsets follow one convention throughout: a parser is called with `at`
// on (or just after) its opening text and returns with `at` on the last
// character it consumed.
struct expander {
    int flags;
    const char* ifs;
    const char* ifs_white;

    int backslash(word_text& word, const char* words, std::size_t& at);
    int quoted_backslash(word_text& word, const char* words, std::size_t& at);
    int tilde(word_text& word, const char* words, std::size_t& at, std::size_t word_count);
    int glob_word(word_text& word, const char* words, std::size_t& at, wordexp_t* out);
    int glob_one(const char* pattern, word_text& word, wordexp_t* out);
    int single_quotes(word_text& word, const char* words, std::size_t& at);
    int double_quotes(word_text& word, const char* words, std::size_t& at, wordexp_t* out);
    int dollar(word_text& word, const char* words, std::size_t& at, wordexp_t* out, bool quoted);
    int arithmetic(word_text& word, const char* words, std::size_t& at, bool bracket);
    int command(word_text& word, const char* words, std::size_t& at, wordexp_t* out);
    int backquotes(word_text& word, const char* words, std::size_t& at, wordexp_t* out);
    int run_command(const char* command, word_text& word, wordexp_t* out);
    int parameter(word_text& word, const char* words, std::size_t& at, wordexp_t* out,
                  bool quoted);
    int split_into(word_text& word, const char* value, wordexp_t* out);
};

int expander::backslash(word_text& word, const char* words, std::size_t& at) {
    char next = words[at + 1];
    if (next == '\0') return WRDE_SYNTAX;
    ++at;
    if (next == '\n') return 0;  // a line continuation vanishes
    return word.add(next) ? 0 : WRDE_NOSPACE;
}

// Inside double quotes a backslash quotes only $ ` " \ (and a newline).
int expander::quoted_backslash(word_text& word, const char* words, std::size_t& at) {
    char next = words[at + 1];
    if (next == '\0') return WRDE_SYNTAX;
    ++at;
    if (next == '\n') return 0;
    if (next != '$' && next != '`' && next != '"' && next != '\\' && !word.add('\\'))
        return WRDE_NOSPACE;
    return word.add(next) ? 0 : WRDE_NOSPACE;
}

// `~` starts an expansion at the start of a word, or after the '=' (or a
// ':' following an '=') of the first word of the result.
int expander::tilde(word_text& word, const char* words, std::size_t& at, std::size_t word_count) {
    if (word.length != 0) {
        char last = word.text[word.length - 1];
        bool after_assignment =
            word_count == 0 && (last == '=' || (last == ':' && strchr(word.text, '=') != nullptr));
        if (!after_assignment) return word.add('~') ? 0 : WRDE_NOSPACE;
    }
    std::size_t end = at + 1;
    for (; words[end] != '\0'; ++end) {
        char c = words[end];
        if (c == ':' || c == '/' || c == ' ' || c == '\t') break;
        if (c == '\\') return word.add('~') ? 0 : WRDE_NOSPACE;
    }
    if (end == at + 1) {
        const char* home = getenv("HOME");
        if (home != nullptr) return word.add(home) ? 0 : WRDE_NOSPACE;
        passwd* entry = getpwuid(getuid());
        if (entry != nullptr && entry->pw_dir != nullptr)
            return word.add(entry->pw_dir) ? 0 : WRDE_NOSPACE;
        return word.add('~') ? 0 : WRDE_NOSPACE;
    }
    char* user = strndup(words + at + 1, end - at - 1);
    if (user == nullptr) return WRDE_NOSPACE;
    passwd* entry = getpwnam(user);
    bool ok;
    if (entry != nullptr && entry->pw_dir != nullptr)
        ok = word.add(entry->pw_dir);
    else
        ok = word.add('~') && word.add(user);
    free(user);
    at = end - 1;
    return ok ? 0 : WRDE_NOSPACE;
}

int expander::glob_one(const char* pattern, word_text& word, wordexp_t* out) {
    glob_t found;
    if (glob(pattern, GLOB_NOCHECK, nullptr, &found) != 0) return WRDE_NOSPACE;
    if (ifs != nullptr && *ifs == '\0') {
        // No field splitting: the names joined by spaces, in one word.
        bool ok = word.add(found.gl_pathv[0]);
        for (std::size_t i = 1; i < found.gl_pathc && ok; ++i)
            ok = word.add(' ') && word.add(found.gl_pathv[i]);
        globfree(&found);
        return ok && word.text != nullptr ? 0 : WRDE_NOSPACE;
    }
    word.discard();
    for (std::size_t i = 0; i < found.gl_pathc; ++i) {
        char* name = strdup(found.gl_pathv[i]);
        if (name == nullptr || add_word(out, name) != 0) {
            free(name);
            globfree(&found);
            return WRDE_NOSPACE;
        }
    }
    globfree(&found);
    return 0;
}

// At a wildcard: the rest of the word up to an IFS character, expanded and
// unquoted, then globbed (each field of it when an expansion split it).
int expander::glob_word(word_text& word, const char* words, std::size_t& at, wordexp_t* out) {
    int error = WRDE_NOSPACE;
    int quoting = 0;  // 1 single, 2 double
    wordexp_t patterns{};
    for (; words[at] != '\0'; ++at) {
        char c = words[at];
        if (strchr(ifs, c) != nullptr) break;
        if (c == '\'' && quoting != 2) {
            quoting = quoting == 0 ? 1 : 0;
            continue;
        }
        if (c == '"' && quoting != 1) {
            quoting = quoting == 0 ? 2 : 0;
            continue;
        }
        if (quoting != 1 && c == '$') {
            error = dollar(word, words, at, &patterns, quoting == 2);
            if (error != 0) goto done;
            continue;
        }
        if (c == '\\') {
            error = quoting != 0 ? quoted_backslash(word, words, at) : backslash(word, words, at);
            if (error != 0) goto done;
            continue;
        }
        if (!word.add(c)) {
            error = WRDE_NOSPACE;
            goto done;
        }
    }
    --at;
    error = add_word(&patterns, word.take());
    for (std::size_t i = 0; error == 0 && i < patterns.we_wordc; ++i)
        error = glob_one(patterns.we_wordv[i], word, out);
done:
    wordfree(&patterns);
    return error;
}

int expander::single_quotes(word_text& word, const char* words, std::size_t& at) {
    for (; words[at] != '\0'; ++at) {
        if (words[at] == '\'') return 0;
        if (!word.add(words[at])) return WRDE_NOSPACE;
    }
    return WRDE_SYNTAX;
}

int expander::double_quotes(word_text& word, const char* words, std::size_t& at, wordexp_t* out) {
    for (; words[at] != '\0'; ++at) {
        int error = 0;
        switch (words[at]) {
            case '"':
                return 0;
            case '$':
                error = dollar(word, words, at, out, true);
                break;
            case '`':
                ++at;
                error = backquotes(word, words, at, nullptr);
                break;
            case '\\':
                error = quoted_backslash(word, words, at);
                break;
            default:
                if (!word.add(words[at])) error = WRDE_NOSPACE;
        }
        if (error != 0) return error;
    }
    return WRDE_SYNTAX;
}

int expander::dollar(word_text& word, const char* words, std::size_t& at, wordexp_t* out,
                     bool quoted) {
    char next = words[at + 1];
    if (next == '"' || next == '\'' || next == '\0') return word.add('$') ? 0 : WRDE_NOSPACE;
    if (next == '(') {
        if (words[at + 2] == '(') {
            // $((...)) is arithmetic when its parentheses close as "))".
            std::size_t i = at + 3;
            int depth = 0;
            for (; words[i] != '\0' && !(depth == 0 && words[i] == ')'); ++i) {
                if (words[i] == '(') ++depth;
                else if (words[i] == ')') --depth;
            }
            if (words[i] == ')' && words[i + 1] == ')') {
                at += 3;
                return arithmetic(word, words, at, false);
            }
        }
        at += 2;
        return command(word, words, at, quoted ? nullptr : out);
    }
    if (next == '[') {
        at += 2;
        return arithmetic(word, words, at, true);
    }
    ++at;
    return parameter(word, words, at, out, quoted);
}

int expander::arithmetic(word_text& word, const char* words, std::size_t& at, bool bracket) {
    word_text expression;
    int depth = 1;
    for (; words[at] != '\0'; ++at) {
        char c = words[at];
        int error = 0;
        switch (c) {
            case '$':
                error = dollar(expression, words, at, nullptr, true);
                break;
            case '`':
                ++at;
                error = backquotes(expression, words, at, nullptr);
                break;
            case '\\':
                error = quoted_backslash(expression, words, at);
                break;
            case ')':
                if (--depth == 0) {
                    if (bracket || words[at + 1] != ')') {
                        expression.discard();
                        return WRDE_SYNTAX;
                    }
                    ++at;
                    long result = 0;
                    if (expression.text != nullptr && evaluate_sum(expression.text, result) != 0) {
                        expression.discard();
                        return WRDE_SYNTAX;
                    }
                    expression.discard();
                    char digits[24];
                    if (result < 0 && !word.add('-')) return WRDE_NOSPACE;
                    unsigned long magnitude = static_cast<unsigned long>(result);
                    if (result < 0) magnitude = 0 - magnitude;
                    append_unsigned(digits, magnitude);
                    return word.add(digits) ? 0 : WRDE_NOSPACE;
                }
                if (!expression.add(c)) return WRDE_NOSPACE;
                break;
            case ']':
                if (bracket && depth == 1) {
                    long result = 0;
                    if (expression.text != nullptr && evaluate_sum(expression.text, result) != 0) {
                        expression.discard();
                        return WRDE_SYNTAX;
                    }
                    expression.discard();
                    char digits[24];
                    append_unsigned(digits, static_cast<unsigned long>(result));
                    return word.add(digits) ? 0 : WRDE_NOSPACE;
                }
                expression.discard();
                return WRDE_SYNTAX;
            case '\n':
            case ';':
            case '{':
            case '}':
                expression.discard();
                return WRDE_BADCHAR;
            case '(':
                ++depth;
                [[fallthrough]];
            default:
                if (!expression.add(c)) return WRDE_NOSPACE;
        }
        if (error != 0) {
            expression.discard();
            return error;
        }
    }
    expression.discard();
    return WRDE_SYNTAX;
}

int expander::command(word_text& word, const char* words, std::size_t& at, wordexp_t* out) {
    int depth = 1;
    int quoting = 0;
    word_text text;
    for (; words[at] != '\0'; ++at) {
        char c = words[at];
        if (c == '\'' && quoting != 2) {
            quoting = quoting == 0 ? 1 : 0;
        } else if (c == '"' && quoting != 1) {
            quoting = quoting == 0 ? 2 : 0;
        } else if (c == ')' && quoting == 0 && --depth == 0) {
            int error = 0;
            if (text.text != nullptr) error = run_command(text.text, word, out);
            text.discard();
            return error;
        } else if (c == '(' && quoting == 0) {
            ++depth;
        }
        if (!text.add(c)) return WRDE_NOSPACE;
    }
    text.discard();
    return WRDE_SYNTAX;
}

// `out` null: no field splitting (quoted, or inside arithmetic).
int expander::backquotes(word_text& word, const char* words, std::size_t& at, wordexp_t* out) {
    bool single_quoted = false;
    word_text text;
    for (; words[at] != '\0'; ++at) {
        char c = words[at];
        int error = 0;
        if (c == '`') {
            error = run_command(text.text, word, out);
            text.discard();
            return error;
        }
        if (c == '\\') {
            error = single_quoted ? quoted_backslash(text, words, at) : backslash(text, words, at);
        } else {
            if (c == '\'') single_quoted = !single_quoted;
            if (!text.add(c)) return WRDE_NOSPACE;
        }
        if (error != 0) {
            text.discard();
            return error;
        }
    }
    text.discard();
    return WRDE_SYNTAX;
}

// Starts /bin/sh -c (or -nc, only checking syntax) with its output on
// `output` (-1: left alone), stderr on /dev/null unless shown, and the
// environment without IFS (the shell must start with its default).
pid_t start_shell(const char* command, int output, bool show_errors, bool check_only) {
    pid_t pid = -1;
    const char* arguments[] = {"/bin/sh", check_only ? "-nc" : "-c", command, nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    char** environment = __environ;
    char** filtered = nullptr;
    if (output != -1) {
        if (output != STDOUT_FILENO) {
            if (posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO) != 0 ||
                posix_spawn_file_actions_addclose(&actions, output) != 0)
                goto out;
        } else if (posix_spawn_file_actions_adddup2(&actions, output, output) != 0) {
            goto out;
        }
    }
    if (!show_errors && posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null",
                                                         O_WRONLY, 0) != 0)
        goto out;
    if (getenv("IFS") != nullptr) {
        std::size_t count = 0;
        for (char** entry = __environ; *entry != nullptr; ++entry) ++count;
        filtered = static_cast<char**>(malloc((count + 1) * sizeof(char*)));
        if (filtered == nullptr) goto out;
        std::size_t kept = 0;
        for (char** entry = __environ; *entry != nullptr; ++entry)
            if (strncmp(*entry, "IFS=", 4) != 0) filtered[kept++] = *entry;
        filtered[kept] = nullptr;
        environment = filtered;
    }
    posix_spawn(&pid, "/bin/sh", &actions, nullptr, const_cast<char* const*>(arguments),
                environment);
    free(filtered);
out:
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

// Reads the shell's output into the word, split into fields when `out` is
// given, trailing newlines removed.
int expander::run_command(const char* command_text, word_text& word, wordexp_t* out) {
    if (flags & WRDE_NOCMD) return WRDE_CMDSUB;
    if (command_text == nullptr || *command_text == '\0') return 0;
    int pipe_ends[2];
    if (pipe2(pipe_ends, O_CLOEXEC) < 0) return WRDE_NOSPACE;
    pid_t pid = start_shell(command_text, pipe_ends[1], (flags & WRDE_SHOWERR) != 0, false);
    if (pid < 0) {
        close(pipe_ends[0]);
        close(pipe_ends[1]);
        return WRDE_NOSPACE;
    }
    close(pipe_ends[1]);
    int status = 0;
    std::size_t removable_newlines = 0;
    // 0: before a field (skipping IFS white space); 1: in a field; 2: after
    // one, a non-white IFS character may still belong to its end; 3: after
    // one, only newlines seen since.
    int state = 0;
    char buffer[128];
    ssize_t got;
    for (;;) {
        got = read(pipe_ends[0], buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 1) {
            pid_t waited;
            do waited = waitpid(pid, &status, got == 0 ? 0 : WNOHANG);
            while (waited < 0 && errno == EINTR);
            if (waited == 0) continue;
            do got = read(pipe_ends[0], buffer, sizeof buffer);
            while (got < 0 && errno == EINTR);
            if (got < 1) break;
        }
        if (out == nullptr) {
            removable_newlines += static_cast<std::size_t>(got);
            if (!word.add(buffer, static_cast<std::size_t>(got))) goto no_space;
            continue;
        }
        for (ssize_t i = 0; i < got; ++i) {
            char c = buffer[i];
            if (strchr(ifs, c) != nullptr) {
                if (strchr(ifs_white, c) == nullptr) {
                    if (state == 2) {
                        state = 0;
                        continue;
                    }
                    state = 0;
                } else if (c == '\n') {
                    if (state == 1) state = 3;
                    continue;
                } else {
                    if (state != 1 && state != 3) continue;
                    state = 2;
                }
                if (add_word(out, word.take()) != 0) goto no_space;
                removable_newlines = 0;
            } else {
                if (state == 3 && add_word(out, word.take()) != 0) goto no_space;
                state = 1;
                removable_newlines = c == '\n' ? removable_newlines + 1 : 0;
                if (!word.add(c)) goto no_space;
            }
        }
    }
    while (removable_newlines-- != 0 && word.length > 0 && word.text[word.length - 1] == '\n') {
        word.text[--word.length] = '\0';
        if (word.length == 0) {
            word.discard();
            break;
        }
    }
    close(pipe_ends[0]);
    if (status != 0) {
        // glibc tells a script that failed from one that could not be
        // parsed by asking the shell to parse it again.
        pid = start_shell(command_text, -1, false, true);
        if (pid < 0) return WRDE_NOSPACE;
        pid_t waited;
        do waited = waitpid(pid, &status, 0);
        while (waited < 0 && errno == EINTR);
        return waited == pid && status != 0 ? WRDE_SYNTAX : 0;
    }
    return 0;
no_space:
    kill(pid, SIGKILL);
    while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    close(pipe_ends[0]);
    return WRDE_NOSPACE;
}

// Field splitting of an unquoted expansion's value: IFS white space
// around fields is dropped, each other IFS character ends a field (empty
// ones included); the first field joins the word being built.
int expander::split_into(word_text& word, const char* value, wordexp_t* out) {
    char* copy = strdup(value);
    if (copy == nullptr) return WRDE_NOSPACE;
    char* field = copy;
    bool after_separator = false;
    do {
        if (field != copy && add_word(out, word.take()) != 0) {
            free(copy);
            return WRDE_NOSPACE;
        }
        field += strspn(field, ifs_white);
        if (!after_separator && *field == '\0') break;
        char* end = field + strcspn(field, ifs);
        char* next = end + strspn(end, ifs_white);
        after_separator = false;
        if (*next != '\0' && strchr(ifs, *next) != nullptr) {
            after_separator = true;
            ++next;
        }
        *end = '\0';
        if (!word.add(field) && *field != '\0') {
            free(copy);
            return WRDE_NOSPACE;
        }
        field = next;
    } while (after_separator || *field != '\0');
    free(copy);
    return 0;
}

int expander::parameter(word_text& word, const char* words, std::size_t& at, wordexp_t* out,
                        bool quoted) {
    std::size_t start = at;
    bool brace = words[at] == '{';
    bool hash = false;
    bool colon = false;
    bool special = false;
    char action = 0;  // # L(##) % R(%%) ? - + =
    word_text name;
    word_text pattern;
    char* value = nullptr;
    bool value_owned = false;
    char number[24];
    int error = 0;
    arguments args = program_arguments();

    if (brace) ++at;
    if (words[at] == '#') {
        hash = true;
        if (!brace) goto evaluate;
        ++at;
    }
    if (is_name_start(words[at])) {
        do {
            if (!name.add(words[at])) goto no_space;
        } while (is_name_char(words[++at]));
    } else if (is_digit(words[at])) {
        special = true;
        do {
            if (!name.add(words[at])) goto no_space;
            if (!brace) goto evaluate;
        } while (is_digit(words[++at]));
    } else if (words[at] == '*' || words[at] == '@' || words[at] == '$') {
        special = true;
        if (!name.add(words[at])) goto no_space;
        ++at;
    } else if (brace) {
        goto syntax;
    }
    if (brace) {
        switch (words[at]) {
            case '}':
                goto evaluate;
            case '#':
            case '%':
                action = words[at];
                if (words[at + 1] == words[at]) {
                    ++at;
                    action = action == '#' ? 'L' : 'R';
                }
                break;
            case ':':
                if (words[at + 1] != '-' && words[at + 1] != '=' && words[at + 1] != '?' &&
                    words[at + 1] != '+')
                    goto syntax;
                colon = true;
                action = words[++at];
                break;
            case '-':
            case '=':
            case '?':
            case '+':
                action = words[at];
                break;
            default:
                goto syntax;
        }
        // The word after the operator, kept as written until it is needed.
        int depth = 0;
        int quoting = 0;
        for (++at; words[at] != '\0'; ++at) {
            char c = words[at];
            if (c == '{' && quoting == 0) {
                ++depth;
            } else if (c == '}' && quoting == 0) {
                if (depth == 0) goto evaluate;
                --depth;
            } else if (c == '\\' && quoting == 0) {
                if (words[++at] == '\0') goto syntax;
                if (!pattern.add('\\')) goto no_space;
            } else if (c == '\'' && quoting != 2) {
                quoting = quoting == 0 ? 1 : 0;
            } else if (c == '"' && quoting != 1) {
                quoting = quoting == 0 ? 2 : 0;
            }
            if (!pattern.add(words[at])) goto no_space;
        }
    }
    --at;
evaluate:
    if (words[start] == '{' && words[at] != '}') goto syntax;
    if (name.text == nullptr) {
        if (!hash) {
            // A '$' followed by nothing that names a parameter is itself.
            at = start - 1;
            return word.add('$') ? 0 : WRDE_NOSPACE;
        }
        append_unsigned(number, static_cast<unsigned long>(args.count - 1));
        value = number;
        hash = false;
    } else if (is_digit(name.text[0])) {
        unsigned long n = strtoul(name.text, nullptr, 10);
        value = n >= static_cast<unsigned long>(args.count) ? nullptr : args.values[n];
    } else if (special) {
        char which = name.text[0];
        if (which == '$') {
            append_unsigned(number, static_cast<unsigned long>(getpid()));
            value = number;
        } else if (hash) {  // ${#*} ${#@}: the number of parameters, nothing else applies
            append_unsigned(number, static_cast<unsigned long>(args.count > 0 ? args.count - 1 : 0));
            name.discard();
            pattern.discard();
            return word.add(number) ? 0 : WRDE_NOSPACE;
        } else if (which == '*' || !quoted || out == nullptr) {
            std::size_t length = 1;
            for (int p = 1; p < args.count; ++p) length += strlen(args.values[p]) + 1;
            value = static_cast<char*>(malloc(length));
            if (value == nullptr) goto no_space;
            value_owned = true;
            char* end = value;
            *end = '\0';
            for (int p = 1; p < args.count; ++p) {
                if (p > 1) *end++ = ' ';
                end = stpcpy(end, args.values[p]);
            }
        } else {
            // "$@": each parameter a word; the first joins the word before,
            // the last the text after.
            if (args.count == 2) {
                value = args.values[1];
            } else if (args.count > 2) {
                if (!word.add(args.values[1]) || add_word(out, word.take()) != 0) goto no_space;
                int p = 2;
                for (; p + 1 < args.count; ++p) {
                    char* copy = strdup(args.values[p]);
                    if (copy == nullptr || add_word(out, copy) != 0) {
                        free(copy);
                        goto no_space;
                    }
                }
                value = args.values[p];
            } else {
                name.discard();
                pattern.discard();
                return 0;
            }
        }
    } else {
        value = getenv(name.text);
    }

    if (value == nullptr && (flags & WRDE_UNDEF)) {
        error = WRDE_BADVAL;
        goto finish;
    }

    if (action != 0) {
        bool needed;
        switch (action) {
            case '?':
            case '-':
            case '=':
                needed = value == nullptr || (*value == '\0' && colon);
                break;
            case '+':
                needed = value != nullptr && (*value != '\0' || !colon);
                break;
            default:
                needed = true;
        }
        if (needed) {
            // Expand the word: parameters, commands, arithmetic and a
            // leading tilde; quotes removed, but a quoted * or ? escaped so
            // that it stays literal as a pattern.
            word_text expanded;
            int quoting = 0;
            for (const char* p = pattern.text; p != nullptr && *p != '\0'; ++p) {
                std::size_t offset = 0;
                switch (*p) {
                    case '"':
                        if (quoting == 1) break;
                        quoting = quoting == 2 ? 0 : 2;
                        continue;
                    case '\'':
                        if (quoting == 2) break;
                        quoting = quoting == 1 ? 0 : 1;
                        continue;
                    case '*':
                    case '?':
                        if (quoting != 0 && !expanded.add('\\')) goto no_space_value;
                        break;
                    case '$':
                        error = dollar(expanded, p, offset, nullptr, true);
                        if (error != 0) {
                            expanded.discard();
                            goto finish_value;
                        }
                        p += offset;
                        continue;
                    case '~':
                        if (quoting != 0 || expanded.length != 0) break;
                        error = tilde(expanded, p, offset, 0);
                        if (error != 0) {
                            expanded.discard();
                            goto finish_value;
                        }
                        p += offset;
                        continue;
                    case '\\':
                        if (!expanded.add('\\')) goto no_space_value;
                        ++p;
                        break;
                }
                if (!expanded.add(*p)) goto no_space_value;
            }
            pattern.discard();
            pattern = expanded;
        }

        const char* text = pattern.text;
        switch (action) {
            case '#':
            case 'L':
            case '%':
            case 'R': {
                if (value == nullptr || text == nullptr || *text == '\0') break;
                std::size_t length = strlen(value);
                char* copy = static_cast<char*>(malloc(length + 1));
                if (copy == nullptr) goto no_space_value;
                memcpy(copy, value, length + 1);
                std::size_t cut = SIZE_MAX;  // prefix end (#) or suffix start (%)
                if (action == '#' || action == 'L') {
                    for (std::size_t n = 0; n <= length; ++n) {
                        std::size_t i = action == '#' ? n : length - n;
                        char saved = copy[i];
                        copy[i] = '\0';
                        bool match = fnmatch(text, copy, 0) != FNM_NOMATCH;
                        copy[i] = saved;
                        if (match) {
                            cut = i;
                            break;
                        }
                    }
                    if (cut != SIZE_MAX) memmove(copy, copy + cut, length - cut + 1);
                } else {
                    for (std::size_t n = 0; n <= length; ++n) {
                        std::size_t i = action == '%' ? length - n : n;
                        if (fnmatch(text, copy + i, 0) != FNM_NOMATCH) {
                            cut = i;
                            break;
                        }
                    }
                    if (cut != SIZE_MAX) copy[cut] = '\0';
                }
                if (value_owned) free(value);
                value = copy;
                value_owned = true;
                break;
            }
            case '?':
                if (value != nullptr && *value != '\0') break;
                if (colon || value == nullptr)
                    fprintf(stderr, "%s: %s\n", name.text,
                            text != nullptr && *text != '\0' ? text : "parameter null or not set");
                error = 0;
                goto finish_value;
            case '-':
            case '=':
                if (value != nullptr && *value != '\0') break;
                if (!colon && value != nullptr) goto finish_value;
                if (value_owned) free(value);
                value_owned = false;
                value = nullptr;
                if (text != nullptr) {
                    value = strdup(text);
                    if (value == nullptr) goto no_space;
                    value_owned = true;
                }
                if (action == '=') setenv(name.text, value != nullptr ? value : "", 1);
                break;
            case '+':
                if (!(value != nullptr && (*value != '\0' || !colon))) goto finish_value;
                if (value_owned) free(value);
                value_owned = false;
                value = nullptr;
                if (text != nullptr) {
                    value = strdup(text);
                    if (value == nullptr) goto no_space;
                    value_owned = true;
                }
                break;
        }
    }
    name.discard();
    pattern.discard();

    if (hash) {
        append_unsigned(number, value != nullptr ? strlen(value) : 0);
        if (value_owned) free(value);
        return word.add(number) ? 0 : WRDE_NOSPACE;
    }
    if (value == nullptr) return 0;
    if (quoted || out == nullptr) {
        bool ok = word.add(value);
        if (value_owned) free(value);
        return ok ? 0 : WRDE_NOSPACE;
    }
    error = split_into(word, value, out);
    if (value_owned) free(value);
    return error;

no_space_value:
    error = WRDE_NOSPACE;
finish_value:
    if (value_owned) free(value);
    goto finish;
no_space:
    error = WRDE_NOSPACE;
    goto finish;
syntax:
    error = WRDE_SYNTAX;
finish:
    name.discard();
    pattern.discard();
    return error;
}

}  // namespace

extern "C" {

void wordfree(wordexp_t* words) {
    if (words == nullptr || words->we_wordv == nullptr) return;
    for (char** word = words->we_wordv + words->we_offs; *word != nullptr; ++word) free(*word);
    free(words->we_wordv);
    words->we_wordv = nullptr;
}

int wordexp(const char* __restrict words, wordexp_t* __restrict result, int flags) {
    wordexp_t before = *result;
    if (flags & WRDE_REUSE) {
        wordfree(result);
        before.we_wordc = 0;
        before.we_wordv = nullptr;
        result->we_wordc = 0;
    }
    std::size_t appended_after = result->we_wordc;
    if (!(flags & WRDE_APPEND)) {
        result->we_wordc = 0;
        if (!(flags & WRDE_DOOFFS)) result->we_offs = 0;
        result->we_wordv = static_cast<char**>(calloc(1 + result->we_offs, sizeof(char*)));
        if (result->we_wordv == nullptr) return WRDE_NOSPACE;
        appended_after = 0;
    }

    // The separators, and which of them are white space (each once).
    char white[4];
    const char* ifs = getenv("IFS");
    if (ifs == nullptr) {
        memcpy(white, " \t\n", 4);
        ifs = white;
    } else {
        std::size_t n = 0;
        for (const char* c = ifs; *c != '\0'; ++c)
            if ((*c == ' ' || *c == '\t' || *c == '\n') && memchr(white, *c, n) == nullptr)
                white[n++] = *c;
        white[n] = '\0';
    }
    expander state{flags, ifs, white};

    word_text word;
    int error = 0;
    for (std::size_t at = 0; words[at] != '\0' && error == 0; ++at) {
        char c = words[at];
        switch (c) {
            case '\\':
                error = state.backslash(word, words, at);
                break;
            case '$':
                error = state.dollar(word, words, at, result, false);
                break;
            case '`':
                ++at;
                error = state.backquotes(word, words, at, result);
                break;
            case '"':
            case '\'':
                ++at;
                error = c == '"' ? state.double_quotes(word, words, at, result)
                                 : state.single_quotes(word, words, at);
                // An empty quoted string starting a word is a word at once.
                if (error == 0 && word.length == 0 && add_word(result, nullptr) != 0) {
                    word.discard();
                    return WRDE_NOSPACE;
                }
                break;
            case '~':
                error = state.tilde(word, words, at, result->we_wordc);
                break;
            case '*':
            case '[':
            case '?':
                error = state.glob_word(word, words, at, result);
                break;
            case ' ':
            case '\t':
                if (word.text != nullptr) error = add_word(result, word.take());
                break;
            default:
                if (strchr("\n|&;<>(){}", c) != nullptr)
                    error = WRDE_BADCHAR;
                else if (!word.add(c))
                    error = WRDE_NOSPACE;
        }
    }
    if (error == 0) {
        if (word.text == nullptr) return 0;
        return add_word(result, word.take());
    }
    word.discard();
    if (error == WRDE_NOSPACE) return WRDE_NOSPACE;
    if (!(flags & WRDE_APPEND)) {
        wordfree(result);
        *result = before;
    } else {
        // glibc hands back the vector as it was before the call (which may
        // since have moved); the words this call added are dropped instead,
        // keeping the caller's vector valid.
        for (std::size_t i = appended_after; i < result->we_wordc; ++i) {
            free(result->we_wordv[result->we_offs + i]);
            result->we_wordv[result->we_offs + i] = nullptr;
        }
        result->we_wordc = before.we_wordc;
    }
    return error;
}

}  // extern "C"
