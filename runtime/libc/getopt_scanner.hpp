// The option scanner behind getopt, getopt_long and getopt_long_only
// (getopt.cpp), on a state of its own rather than the globals: the public
// functions give it theirs, argp_parse (argp_parse.cpp) one per parse, as
// glibc's argp scans with its own reentrant getopt data.
#pragma once

#include <getopt.h>

namespace lwp::libc {

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

// What the globals of <getopt.h> are to getopt, and the scanner's place.
struct getopt_state {
    int optind = 1;
    char* optarg = nullptr;
    int opterr = 1;  // print messages for errors (to stderr, with argv[0])
    int optopt = '?';
    // __posix_getopt's scans: a scan that starts stops at the first
    // non-option, as POSIXLY_CORRECT would make it.
    bool posixly_correct = false;
    scan_state scan;
};

// One step of getopt_long (long_only: getopt_long_only; longopts null:
// getopt) on `s`.
int scan_options(getopt_state& s, int argc, char* const* argv, const char* optstring,
                 const option* longopts, int* longindex, bool long_only);

}  // namespace lwp::libc
