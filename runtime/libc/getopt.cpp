// getopt, getopt_long, getopt_long_only: command-line option scanning with
// GNU behaviour (argument permutation, "--", long options, '+' / '-' / ':'
// optstring prefixes, POSIXLY_CORRECT, optind = 0 to restart).
//
// Not thread-safe, as in every C library: the interface itself is a set of
// globals (optarg, optind, opterr, optopt), and the scanner keeps its place
// between calls in the static below. One thread at a time may scan.
//
// The scanner itself works on a getopt_state (getopt_scanner.hpp), so that
// argp_parse (argp_parse.cpp) can scan with one of its own, as glibc's argp
// does, and leave the program's globals and place alone.
//
// Not a cancellation point, though its diagnostics go through stderr, whose
// writes are one (stdio_stream.hpp): each message is written with
// cancellation held off (stderr_message, stdio_messages.hpp), as glibc writes them, so a
// thread with a cancellation pending scans its whole argv and is cancelled
// at its next real cancellation point (glibc's posix/tst-getopt-cancel).
#include "getopt_scanner.hpp"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stdio_messages.hpp"

extern "C" {

char* optarg = nullptr;
int optind = 1;
int opterr = 1;
int optopt = '?';

}  // extern "C"

using lwp::libc::getopt_state;
using lwp::libc::non_option_order;

namespace {

using lwp::libc::stderr_message;

bool is_non_option(const char* argument) {
    // A lone "-" conventionally names standard input: an operand, not an option.
    return argument[0] != '-' || argument[1] == '\0';
}

void reverse(char** first, char** last) {
    while (first < last) {
        --last;
        char* held = *first;
        *first = *last;
        *last = held;
        ++first;
    }
}

// Move the skipped non-options [skipped_begin, skipped_end) behind the
// options scanned since, [skipped_end, optind): a rotation, done as three
// reversals so it needs no extra memory. The argv array is the caller's and
// is writable in practice, whatever its declared constness.
void move_skipped_behind_options(getopt_state& s, char* const* argv) {
    char** base = const_cast<char**>(argv);
    reverse(base + s.scan.skipped_begin, base + s.scan.skipped_end);
    reverse(base + s.scan.skipped_end, base + s.optind);
    reverse(base + s.scan.skipped_begin, base + s.optind);
    s.scan.skipped_begin += s.optind - s.scan.skipped_end;
    s.scan.skipped_end = s.optind;
}

void start_scan(getopt_state& s, const char* optstring) {
    if (s.optind == 0) s.optind = 1;
    s.scan.rest_of_group = nullptr;
    s.scan.skipped_begin = s.scan.skipped_end = s.optind;
    if (optstring[0] == '-')
        s.scan.order = non_option_order::return_as_option_1;
    else if (optstring[0] == '+' || s.posixly_correct || getenv("POSIXLY_CORRECT"))
        s.scan.order = non_option_order::stop_scanning;
    else
        s.scan.order = non_option_order::move_after_options;
    s.scan.started = true;
}

// scan_long_option's answer, for getopt_long_only only, when the word is no
// long option but may be read as a group of short options instead.
constexpr int not_long = -1;

bool same_meaning(const option& a, const option& b) {
    return a.has_arg == b.has_arg && a.flag == b.flag && a.val == b.val;
}

// argv[optind] starts a long option whose text after the dashes is `text`
// (`dashes` is "--", or "-" for getopt_long_only).
int scan_long_option(getopt_state& s, int argc, char* const* argv, const char* text,
                     const char* dashes, const char* optstring, const option* longopts,
                     int* longindex, bool long_only, bool report_errors) {
    const char* name_end = text;
    while (*name_end && *name_end != '=') ++name_end;
    size_t name_length = static_cast<size_t>(name_end - text);

    // An exact name wins even when it is also a prefix of other names.
    int found = -1;
    for (int index = 0; longopts[index].name; ++index) {
        if (strncmp(longopts[index].name, text, name_length) == 0 &&
            longopts[index].name[name_length] == '\0') {
            found = index;
            break;
        }
    }
    bool ambiguous = false;
    if (found < 0) {
        // Prefixes naming options that behave alike (aliases) are not
        // ambiguous for getopt_long; getopt_long_only takes no such chances.
        for (int index = 0; longopts[index].name; ++index) {
            if (strncmp(longopts[index].name, text, name_length) != 0) continue;
            if (found < 0)
                found = index;
            else if (long_only || !same_meaning(longopts[found], longopts[index]))
                ambiguous = true;
        }
    }

    if (ambiguous) {
        if (report_errors) {
            stderr_message message;
            message.print("%s: option '%s%s' is ambiguous; possibilities:", argv[0], dashes, text);
            for (int index = 0; longopts[index].name; ++index) {
                if (strncmp(longopts[index].name, text, name_length) != 0) continue;
                if (index != found && !long_only && same_meaning(longopts[found], longopts[index]))
                    continue;
                message.print(" '%s%s'", dashes, longopts[index].name);
            }
            message.print("\n");
        }
        s.scan.rest_of_group = nullptr;
        ++s.optind;
        s.optopt = 0;
        return '?';
    }

    if (found < 0) {
        // "-abc" under getopt_long_only may still be short options 'a', 'b', 'c'.
        if (long_only && argv[s.optind][1] != '-' && strchr(optstring, text[0])) return not_long;
        if (report_errors)
            stderr_message().print("%s: unrecognized option '%s%s'\n", argv[0], dashes, text);
        s.scan.rest_of_group = nullptr;
        ++s.optind;
        s.optopt = 0;
        return '?';
    }

    const option& chosen = longopts[found];
    s.scan.rest_of_group = nullptr;
    ++s.optind;
    if (*name_end == '=') {
        if (chosen.has_arg == no_argument) {
            if (report_errors)
                stderr_message().print("%s: option '%s%s' doesn't allow an argument\n", argv[0],
                                   dashes, chosen.name);
            s.optopt = chosen.val;
            return '?';
        }
        s.optarg = const_cast<char*>(name_end + 1);
    } else if (chosen.has_arg == required_argument) {
        if (s.optind >= argc) {
            if (report_errors)
                stderr_message().print("%s: option '%s%s' requires an argument\n", argv[0],
                                   dashes, chosen.name);
            s.optopt = chosen.val;
            return optstring[0] == ':' ? ':' : '?';
        }
        s.optarg = argv[s.optind++];
    }
    // optional_argument takes only "--name=value": a following word is an operand.
    if (longindex) *longindex = found;
    if (chosen.flag) {
        *chosen.flag = chosen.val;
        return 0;
    }
    return chosen.val;
}

}  // namespace

int lwp::libc::scan_options(getopt_state& s, int argc, char* const* argv, const char* optstring,
                            const option* longopts, int* longindex, bool long_only) {
    s.optarg = nullptr;
    if (argc < 1) return -1;

    if (s.optind == 0 || !s.scan.started) {
        start_scan(s, optstring);
    } else if (s.optind != s.scan.optind_left) {
        // The caller moved optind (1 to scan a new argv, or past words it
        // consumed): the unfinished group, if any, is no longer wanted.
        s.scan.rest_of_group = nullptr;
    }
    if (optstring[0] == '-' || optstring[0] == '+') ++optstring;
    // A leading ':' asks for silence and for ':' on a missing argument.
    bool report_errors = s.opterr && optstring[0] != ':';

    int result = '?';
    bool done = false;
    if (!s.scan.rest_of_group || *s.scan.rest_of_group == '\0') {
        // Skipped words at or beyond optind were already handed back as
        // operands (optind rests on the first of them after -1) or belong to
        // an argv the caller abandoned by lowering optind: forget them.
        if (s.scan.skipped_end > s.optind) s.scan.skipped_end = s.optind;
        if (s.scan.skipped_begin > s.optind) s.scan.skipped_begin = s.optind;
        if (s.scan.order == non_option_order::move_after_options) {
            if (s.scan.skipped_begin != s.scan.skipped_end && s.scan.skipped_end != s.optind)
                move_skipped_behind_options(s, argv);
            else if (s.scan.skipped_end != s.optind)
                s.scan.skipped_begin = s.optind;
            while (s.optind < argc && is_non_option(argv[s.optind])) ++s.optind;
            s.scan.skipped_end = s.optind;
        }

        if (s.optind < argc && strcmp(argv[s.optind], "--") == 0) {
            // "--" itself is consumed and joins the options, ahead of any
            // skipped non-options; everything after it is an operand.
            ++s.optind;
            if (s.scan.skipped_begin != s.scan.skipped_end && s.scan.skipped_end != s.optind)
                move_skipped_behind_options(s, argv);
            else if (s.scan.skipped_begin == s.scan.skipped_end)
                s.scan.skipped_begin = s.optind;
            s.scan.skipped_end = argc;
            s.optind = argc;
        }

        if (s.optind >= argc) {
            // Leave optind at the first operand, where the caller resumes.
            if (s.scan.skipped_begin != s.scan.skipped_end) s.optind = s.scan.skipped_begin;
            result = -1;
            done = true;
        } else if (is_non_option(argv[s.optind])) {
            if (s.scan.order == non_option_order::stop_scanning) {
                result = -1;
            } else {
                s.optarg = argv[s.optind++];
                result = 1;
            }
            done = true;
        } else if (longopts && argv[s.optind][1] == '-') {
            result = scan_long_option(s, argc, argv, argv[s.optind] + 2, "--", optstring,
                                      longopts, longindex, long_only, report_errors);
            done = true;
        } else if (long_only && longopts &&
                   (argv[s.optind][2] != '\0' || !strchr(optstring, argv[s.optind][1]))) {
            // A single-letter word that is a known short option stays short.
            result = scan_long_option(s, argc, argv, argv[s.optind] + 1, "-", optstring,
                                      longopts, longindex, long_only, report_errors);
            done = result != not_long;
        }
        if (!done) s.scan.rest_of_group = argv[s.optind] + 1;
    }

    if (!done) {
        char letter = *s.scan.rest_of_group++;
        // ':' and ';' are optstring syntax, never option letters.
        const char* spec = letter == ':' || letter == ';' ? nullptr : strchr(optstring, letter);
        // The group's last letter: the next word is the next argv element.
        if (*s.scan.rest_of_group == '\0') ++s.optind;
        if (!spec) {
            if (report_errors) stderr_message().print("%s: invalid option -- '%c'\n", argv[0], letter);
            s.optopt = static_cast<unsigned char>(letter);
            result = '?';
        } else if (letter == 'W' && spec[1] == ';' && longopts) {
            // "W;" in optstring: POSIX reserves -W for vendor extensions, and
            // GNU reads "-W name" or "-Wname" as the long option "--name".
            const char* text = nullptr;
            if (*s.scan.rest_of_group) {
                text = s.scan.rest_of_group;  // optind still on "-Wname"
            } else if (s.optind < argc) {
                text = argv[s.optind];  // optind already on the word after "-W"
            }
            if (text) {
                result = scan_long_option(s, argc, argv, text, "-W ", optstring, longopts,
                                          longindex, false, report_errors);
            } else {
                if (report_errors)
                    stderr_message().print("%s: option requires an argument -- '%c'\n", argv[0],
                                       letter);
                s.optopt = static_cast<unsigned char>(letter);
                result = optstring[0] == ':' ? ':' : '?';
            }
            s.scan.rest_of_group = nullptr;
        } else if (spec[1] != ':') {
            result = static_cast<unsigned char>(letter);
        } else if (spec[2] == ':') {
            // Optional argument: only the attached form "-ovalue".
            if (*s.scan.rest_of_group) {
                s.optarg = const_cast<char*>(s.scan.rest_of_group);
                ++s.optind;
            }
            s.scan.rest_of_group = nullptr;
            result = static_cast<unsigned char>(letter);
        } else {
            if (*s.scan.rest_of_group) {
                s.optarg = const_cast<char*>(s.scan.rest_of_group);
                ++s.optind;
                result = static_cast<unsigned char>(letter);
            } else if (s.optind >= argc) {
                if (report_errors)
                    stderr_message().print("%s: option requires an argument -- '%c'\n", argv[0],
                                       letter);
                s.optopt = static_cast<unsigned char>(letter);
                result = optstring[0] == ':' ? ':' : '?';
            } else {
                s.optarg = argv[s.optind++];
                result = static_cast<unsigned char>(letter);
            }
            s.scan.rest_of_group = nullptr;
        }
    }
    s.scan.optind_left = s.optind;
    return result;
}

namespace {

// The public functions' state: its scan persists here between calls; its
// optind, optarg and opterr are the globals, copied in and out. optopt is
// only copied out, as glibc does: its own copy starts at 0, so after the
// first call the global reads 0 until an error sets it, whatever the
// program stored there.
getopt_state global_scan = [] {
    getopt_state state;
    state.optopt = 0;
    return state;
}();

int scan_with_globals(int argc, char* const* argv, const char* optstring, const option* longopts,
                      int* longindex, bool long_only, bool posixly_correct = false) {
    global_scan.posixly_correct = posixly_correct;
    global_scan.optind = optind;
    global_scan.optarg = optarg;
    global_scan.opterr = opterr;
    int result =
        lwp::libc::scan_options(global_scan, argc, argv, optstring, longopts, longindex, long_only);
    optind = global_scan.optind;
    optarg = global_scan.optarg;
    optopt = global_scan.optopt;
    return result;
}

}  // namespace

extern "C" {

int getopt(int argc, char* const* argv, const char* optstring) noexcept {
    return scan_with_globals(argc, argv, optstring, nullptr, nullptr, false);
}

// The getopt glibc's <unistd.h> names when a program asks for POSIX
// explicitly (_POSIX_C_SOURCE and no _GNU_SOURCE): no permutation, as if
// POSIXLY_CORRECT were set. Like glibc's, it shares getopt's state, and the
// order is chosen when a scan starts (optind 0, or the first call).
int __posix_getopt(int argc, char* const* argv, const char* optstring) noexcept {
    return scan_with_globals(argc, argv, optstring, nullptr, nullptr, false, true);
}

int getopt_long(int argc, char* const* argv, const char* optstring, const option* longopts,
                int* longindex) noexcept {
    return scan_with_globals(argc, argv, optstring, longopts, longindex, false);
}

int getopt_long_only(int argc, char* const* argv, const char* optstring, const option* longopts,
                     int* longindex) noexcept {
    return scan_with_globals(argc, argv, optstring, longopts, longindex, true);
}

}  // extern "C"
