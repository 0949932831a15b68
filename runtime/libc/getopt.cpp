// getopt, getopt_long, getopt_long_only: command-line option scanning with
// GNU behaviour (argument permutation, "--", long options, '+' / '-' / ':'
// optstring prefixes, POSIXLY_CORRECT, optind = 0 to restart).
//
// Not thread-safe, as in every C library: the interface itself is a set of
// globals (optarg, optind, opterr, optopt), and the scanner keeps its place
// between calls in the statics below. One thread at a time may scan.
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern "C" {

char* optarg = nullptr;
int optind = 1;
int opterr = 1;
int optopt = '?';

}  // extern "C"

namespace {

// What to do on meeting an argument that is not an option.
enum class non_option_order {
    move_after_options,  // GNU default: keep scanning, permute argv at the end
    stop_scanning,       // '+' or POSIXLY_CORRECT: the first non-option ends options
    return_as_option_1,  // '-': hand each non-option back as option character 1
};

// The scanner's place between calls.
struct scan_state {
    bool started = false;
    non_option_order order = non_option_order::move_after_options;
    // Rest of a group of short options ("-abc" after 'a' is "bc"); null or
    // empty when the next call starts on a new argv element.
    const char* rest_of_group = nullptr;
    // The optind this scanner last left behind: a different value means the
    // caller moved optind itself (say to 1 for a new argv).
    int optind_left = 1;
    // argv[skipped_begin, skipped_end) are non-options seen but not yet moved
    // behind the options that follow them.
    int skipped_begin = 1;
    int skipped_end = 1;
};

scan_state scan;

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
void move_skipped_behind_options(char* const* argv) {
    char** base = const_cast<char**>(argv);
    reverse(base + scan.skipped_begin, base + scan.skipped_end);
    reverse(base + scan.skipped_end, base + optind);
    reverse(base + scan.skipped_begin, base + optind);
    scan.skipped_begin += optind - scan.skipped_end;
    scan.skipped_end = optind;
}

void start_scan(const char* optstring) {
    if (optind == 0) optind = 1;
    scan.rest_of_group = nullptr;
    scan.skipped_begin = scan.skipped_end = optind;
    if (optstring[0] == '-')
        scan.order = non_option_order::return_as_option_1;
    else if (optstring[0] == '+' || getenv("POSIXLY_CORRECT"))
        scan.order = non_option_order::stop_scanning;
    else
        scan.order = non_option_order::move_after_options;
    scan.started = true;
}

// scan_long_option's answer, for getopt_long_only only, when the word is no
// long option but may be read as a group of short options instead.
constexpr int not_long = -1;

bool same_meaning(const option& a, const option& b) {
    return a.has_arg == b.has_arg && a.flag == b.flag && a.val == b.val;
}

// argv[optind] starts a long option whose text after the dashes is `text`
// (`dashes` is "--", or "-" for getopt_long_only).
int scan_long_option(int argc, char* const* argv, const char* text, const char* dashes,
                     const char* optstring, const option* longopts, int* longindex,
                     bool long_only, bool report_errors) {
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
            fprintf(stderr, "%s: option '%s%s' is ambiguous; possibilities:", argv[0], dashes,
                    text);
            for (int index = 0; longopts[index].name; ++index) {
                if (strncmp(longopts[index].name, text, name_length) != 0) continue;
                if (index != found && !long_only && same_meaning(longopts[found], longopts[index]))
                    continue;
                fprintf(stderr, " '%s%s'", dashes, longopts[index].name);
            }
            fputs("\n", stderr);
        }
        scan.rest_of_group = nullptr;
        ++optind;
        optopt = 0;
        return '?';
    }

    if (found < 0) {
        // "-abc" under getopt_long_only may still be short options 'a', 'b', 'c'.
        if (long_only && argv[optind][1] != '-' && strchr(optstring, text[0])) return not_long;
        if (report_errors)
            fprintf(stderr, "%s: unrecognized option '%s%s'\n", argv[0], dashes, text);
        scan.rest_of_group = nullptr;
        ++optind;
        optopt = 0;
        return '?';
    }

    const option& chosen = longopts[found];
    scan.rest_of_group = nullptr;
    ++optind;
    if (*name_end == '=') {
        if (chosen.has_arg == no_argument) {
            if (report_errors)
                fprintf(stderr, "%s: option '%s%s' doesn't allow an argument\n", argv[0], dashes,
                        chosen.name);
            optopt = chosen.val;
            return '?';
        }
        optarg = const_cast<char*>(name_end + 1);
    } else if (chosen.has_arg == required_argument) {
        if (optind >= argc) {
            if (report_errors)
                fprintf(stderr, "%s: option '%s%s' requires an argument\n", argv[0], dashes,
                        chosen.name);
            optopt = chosen.val;
            return optstring[0] == ':' ? ':' : '?';
        }
        optarg = argv[optind++];
    }
    // optional_argument takes only "--name=value": a following word is an operand.
    if (longindex) *longindex = found;
    if (chosen.flag) {
        *chosen.flag = chosen.val;
        return 0;
    }
    return chosen.val;
}

int scan_options(int argc, char* const* argv, const char* optstring, const option* longopts,
                 int* longindex, bool long_only) {
    optarg = nullptr;
    if (argc < 1) return -1;

    if (optind == 0 || !scan.started) {
        start_scan(optstring);
    } else if (optind != scan.optind_left) {
        // The caller moved optind (1 to scan a new argv, or past words it
        // consumed): the unfinished group, if any, is no longer wanted.
        scan.rest_of_group = nullptr;
    }
    if (optstring[0] == '-' || optstring[0] == '+') ++optstring;
    // A leading ':' asks for silence and for ':' on a missing argument.
    bool report_errors = opterr && optstring[0] != ':';

    int result = '?';
    bool done = false;
    if (!scan.rest_of_group || *scan.rest_of_group == '\0') {
        // Skipped words at or beyond optind were already handed back as
        // operands (optind rests on the first of them after -1) or belong to
        // an argv the caller abandoned by lowering optind: forget them.
        if (scan.skipped_end > optind) scan.skipped_end = optind;
        if (scan.skipped_begin > optind) scan.skipped_begin = optind;
        if (scan.order == non_option_order::move_after_options) {
            if (scan.skipped_begin != scan.skipped_end && scan.skipped_end != optind)
                move_skipped_behind_options(argv);
            else if (scan.skipped_end != optind)
                scan.skipped_begin = optind;
            while (optind < argc && is_non_option(argv[optind])) ++optind;
            scan.skipped_end = optind;
        }

        if (optind < argc && strcmp(argv[optind], "--") == 0) {
            // "--" itself is consumed and joins the options, ahead of any
            // skipped non-options; everything after it is an operand.
            ++optind;
            if (scan.skipped_begin != scan.skipped_end && scan.skipped_end != optind)
                move_skipped_behind_options(argv);
            else if (scan.skipped_begin == scan.skipped_end)
                scan.skipped_begin = optind;
            scan.skipped_end = argc;
            optind = argc;
        }

        if (optind >= argc) {
            // Leave optind at the first operand, where the caller resumes.
            if (scan.skipped_begin != scan.skipped_end) optind = scan.skipped_begin;
            result = -1;
            done = true;
        } else if (is_non_option(argv[optind])) {
            if (scan.order == non_option_order::stop_scanning) {
                result = -1;
            } else {
                optarg = argv[optind++];
                result = 1;
            }
            done = true;
        } else if (longopts && argv[optind][1] == '-') {
            result = scan_long_option(argc, argv, argv[optind] + 2, "--", optstring, longopts,
                                      longindex, long_only, report_errors);
            done = true;
        } else if (long_only && longopts &&
                   (argv[optind][2] != '\0' || !strchr(optstring, argv[optind][1]))) {
            // A single-letter word that is a known short option stays short.
            result = scan_long_option(argc, argv, argv[optind] + 1, "-", optstring, longopts,
                                      longindex, long_only, report_errors);
            done = result != not_long;
        }
        if (!done) scan.rest_of_group = argv[optind] + 1;
    }

    if (!done) {
        char letter = *scan.rest_of_group++;
        // ':' and ';' are optstring syntax, never option letters.
        const char* spec = letter == ':' || letter == ';' ? nullptr : strchr(optstring, letter);
        // The group's last letter: the next word is the next argv element.
        if (*scan.rest_of_group == '\0') ++optind;
        if (!spec) {
            if (report_errors) fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], letter);
            optopt = static_cast<unsigned char>(letter);
            result = '?';
        } else if (letter == 'W' && spec[1] == ';' && longopts) {
            // "W;" in optstring: POSIX reserves -W for vendor extensions, and
            // GNU reads "-W name" or "-Wname" as the long option "--name".
            const char* text = nullptr;
            if (*scan.rest_of_group) {
                text = scan.rest_of_group;  // optind still on "-Wname"
            } else if (optind < argc) {
                text = argv[optind];  // optind already on the word after "-W"
            }
            if (text) {
                result = scan_long_option(argc, argv, text, "-W ", optstring, longopts, longindex,
                                          false, report_errors);
            } else {
                if (report_errors)
                    fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], letter);
                optopt = static_cast<unsigned char>(letter);
                result = optstring[0] == ':' ? ':' : '?';
            }
            scan.rest_of_group = nullptr;
        } else if (spec[1] != ':') {
            result = static_cast<unsigned char>(letter);
        } else if (spec[2] == ':') {
            // Optional argument: only the attached form "-ovalue".
            if (*scan.rest_of_group) {
                optarg = const_cast<char*>(scan.rest_of_group);
                ++optind;
            }
            scan.rest_of_group = nullptr;
            result = static_cast<unsigned char>(letter);
        } else {
            if (*scan.rest_of_group) {
                optarg = const_cast<char*>(scan.rest_of_group);
                ++optind;
                result = static_cast<unsigned char>(letter);
            } else if (optind >= argc) {
                if (report_errors)
                    fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], letter);
                optopt = static_cast<unsigned char>(letter);
                result = optstring[0] == ':' ? ':' : '?';
            } else {
                optarg = argv[optind++];
                result = static_cast<unsigned char>(letter);
            }
            scan.rest_of_group = nullptr;
        }
    }
    scan.optind_left = optind;
    return result;
}

}  // namespace

extern "C" {

int getopt(int argc, char* const* argv, const char* optstring) noexcept {
    return scan_options(argc, argv, optstring, nullptr, nullptr, false);
}

int getopt_long(int argc, char* const* argv, const char* optstring, const option* longopts,
                int* longindex) noexcept {
    return scan_options(argc, argv, optstring, longopts, longindex, false);
}

int getopt_long_only(int argc, char* const* argv, const char* optstring, const option* longopts,
                     int* longindex) noexcept {
    return scan_options(argc, argv, optstring, longopts, longindex, true);
}

}  // extern "C"
