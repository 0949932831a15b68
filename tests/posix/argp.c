/* argp (<argp.h>): argp_parse over trees of argp structures, and the help,
 * usage, version and error output, compared byte for byte with what glibc
 * 2.36 prints.
 *
 * Each case runs argp_parse in a child, on an argv of its own, with stdout
 * and stderr captured; the parsers print every call they get (key,
 * argument, arg_num, next, input). The child's stdout, stderr and exit
 * status must be exactly the expected ones, which glibc produced (built
 * with -DPRINT_EXPECTED against glibc, this file prints its own table).
 * The cases cover: --help, --usage, -?, --version, -V and their absence
 * (ARGP_NO_HELP, no version); short, long, abbreviated and grouped
 * options, required and optional arguments, aliases, hidden options;
 * arguments taken by the parent or a child, ARGP_KEY_ARGS, an argument
 * nobody takes ("Too many arguments", or left for the caller with an end
 * index), a parser moving state->next back; the order of the special keys
 * (INIT, NO_ARGS, END, SUCCESS, ERROR, FINI) and child inputs; unknown
 * options and missing arguments (getopt's messages, the "Try" hint,
 * argp_err_exit_status); argp_usage, argp_error and argp_failure from a
 * parser; a parser's own error; "--"; the flags ARGP_PARSE_ARGV0,
 * ARGP_NO_ERRS, ARGP_NO_ARGS, ARGP_IN_ORDER, ARGP_NO_HELP, ARGP_NO_EXIT,
 * ARGP_LONG_ONLY and ARGP_SILENT; --program-name; --help output with
 * groups, headers, children in clusters, OPTION_DOC entries, help filters
 * (pre and post documentation, headers, extra text, an option's text
 * replaced or dropped), several args_doc patterns, documentation wrapped at
 * the right margin, overlong words and option lists; ARGP_HELP_FMT; and
 * argp_help called directly with several flags. (Apart from this test,
 * 18,000 runs of argp_help on random argp trees gave glibc's output, and
 * 11,500 random command lines glibc's parse, except where glibc reads
 * uninitialised memory or past its buffer: docs/libc.md.) */
#include <argp.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

const char* argp_program_version = "demo 2.5";
const char* argp_program_bug_address = "<bugs@example.org>";

static const char* key_name(int key, char* buffer) {
    switch (key) {
    case ARGP_KEY_ARG: return "ARG";
    case ARGP_KEY_ARGS: return "ARGS";
    case ARGP_KEY_END: return "END";
    case ARGP_KEY_NO_ARGS: return "NO_ARGS";
    case ARGP_KEY_INIT: return "INIT";
    case ARGP_KEY_SUCCESS: return "SUCCESS";
    case ARGP_KEY_ERROR: return "ERROR";
    case ARGP_KEY_FINI: return "FINI";
    }
    if (key > 0 && key < 256 && isprint(key)) sprintf(buffer, "'%c'", key);
    else sprintf(buffer, "%d", key);
    return buffer;
}

static void show(const char* who, int key, const char* arg, const struct argp_state* state) {
    char buffer[32];
    printf("%s %s", who, key_name(key, buffer));
    if (arg) printf(" [%s]", arg);
    printf(" num=%u next=%d input=%s\n", state->arg_num, state->next,
           state->input ? (const char*)state->input : "-");
}

/* A ps-like tool: aliases, optional arguments, a header, long texts. */
static const struct argp_option tool_options[] = {
    {"pid", 'p', "PID", 0, "List the process PID", 0},
    {"pgrp", 1001, "PGRP", 0, "List processes in the process group PGRP", 0},
    {"no-parent", 'P', 0, 0, "Include processes without parents", 0},
    {0, 'x', 0, OPTION_ALIAS, 0, 0},
    {"all-fields", 'Q', 0, 0,
     "Don't elide unusable fields (normally if there's some reason ps can't print a field for "
     "any process, it's removed from the output entirely)", 0},
    {"reverse", 'r', 0, 0, "Reverse the order of any sort", 0},
    {"gratuitously-long-reverse-option", 0, 0, OPTION_ALIAS, 0, 0},
    {"session", 1002, "SID", OPTION_ARG_OPTIONAL,
     "Add the processes from the session SID (which defaults to the sid of the current process)",
     0},
    {0, 0, 0, 0, "Here are some more options:", 0},
    {"foonly", 'f', "ZOT", OPTION_ARG_OPTIONAL, "Glork a foonly", 0},
    {"zaza", 'z', 0, 0, "Snit a zar", 0},
    {"count", 'c', "N", 0, "Repeat N times", 0},
    {"secret", 's', 0, OPTION_HIDDEN, "Never shown", 0},
    {0, 0, 0, 0, 0, 0}};

static error_t tool_parser(int key, char* arg, struct argp_state* state) {
    show("tool", key, arg, state);
    switch (key) {
    case ARGP_KEY_ARG:
        if (state->arg_num >= 2) argp_usage(state);
        return 0;
    case 'c':
        if (atoi(arg) <= 0) argp_error(state, "bad count `%s'", arg);
        return 0;
    case 'z':
        if (getenv("Z_FAILS")) argp_failure(state, 3, ENOENT, "cannot snit %s", "zar");
        return 0;
    case 'p': case 1001: case 'P': case 'x': case 'Q': case 'r': case 1002: case 'f': case 's':
        return 0;
    default: return ARGP_ERR_UNKNOWN;
    }
}

static const struct argp tool = {
    tool_options, tool_parser, "STRING [MORE]",
    "Test program for argp, which lists processes in a way that looks very much like ps, "
    "with a description long enough to be wrapped over several lines of output."
    "\vThis text comes after the options.\nA second line, set by hand.\n"
    "And a third, with a very long run of words that needs wrapping at the right margin too.",
    0, 0, 0};

/* A parent with two children in clusters of their own, documentation
 * entries, groups, and help filters. */
static const struct argp_option nested_options[] = {
    {"subopt1", 's', 0, 0, "Nested option 1", 0},
    {"subopt2", 'S', 0, 0, "Nested option 2", 0},
    {0, 0, 0, 0, "Some more nested options:", 10},
    {"subopt3", 'q', 0, 0, "Nested option 3", 0},
    {"subopt4", 'Q', "LEVEL", 0, "Nested option 4", 1},
    {0, 0, 0, 0, 0, 0}};

static error_t nested_parser(int key, char* arg, struct argp_state* state) {
    show("nested", key, arg, state);
    switch (key) {
    case ARGP_KEY_INIT: case ARGP_KEY_ARG: case 's': case 'S': case 'q': case 'Q': return 0;
    default: return ARGP_ERR_UNKNOWN;
    }
}

static char* nested_filter(int key, const char* text, void* input) {
    (void)input;
    if (key == ARGP_KEY_HELP_EXTRA) return strdup("Extra text from the nested parser's filter.");
    if (key == 's' && text) {
        char* replaced;
        if (asprintf(&replaced, "%s (filtered)", text) < 0) return NULL;
        return replaced;
    }
    if (key == 'S') return NULL;
    return (char*)text;
}

static const struct argp nested = {nested_options, nested_parser, "SUBARG...\n-",
                                   "\vDoc of the nested parser.", 0, nested_filter, 0};

static const struct argp_option leaf_options[] = {
    {"leaf", 'l', "LEAF", 0,
     "A leaf option with a longer description that runs past the right margin of the help "
     "output", 0},
    {"verbose", 'v', 0, 0, "Duplicate of the parent's -v, shadowed", 0},
    {0, 0, 0, 0, 0, 0}};

static error_t leaf_parser(int key, char* arg, struct argp_state* state) {
    show("leaf", key, arg, state);
    if (key == 'l') return 0;
    if (key == ARGP_KEY_ARGS) {
        printf("leaf takes %d arguments from %d\n", state->argc - state->next, state->next);
        return 0;
    }
    return ARGP_ERR_UNKNOWN;
}

static const struct argp leaf = {leaf_options, leaf_parser, "LEAFARGS", "Doc of the leaf.",
                                 0, 0, 0};

static const struct argp_option parent_options[] = {
    {"verbose", 'v', 0, 0, "Be verbose", 0},
    {"output", 'o', "FILE", 0, "Write to FILE instead of standard output", 0},
    {0, 'O', "FILE", OPTION_ALIAS, 0, 0},
    {"quiet", 'q', 0, 0, "Say less", 0},
    {"silent", 0, 0, OPTION_ALIAS, 0, 0},
    {"colour", 1, "WHEN", OPTION_ARG_OPTIONAL | OPTION_NO_USAGE,
     "Colour the output; WHEN is always, never or auto", 0},
    {"Arguments:", 0, 0, OPTION_DOC, "A documentation entry, listed after options", 3},
    {"-x FOO", 0, 0, OPTION_DOC, "Looks like an option", 3},
    {"zeta", 'Z', 0, 0, "An option in group 3", 3},
    {"alpha", 'a', 0, 0, "Another in group 3", 3},
    {"Alpha", 'A', 0, 0, "Upper case after lower case", 3},
    {"beta", 2, 0, 0, "Long only, group 3", 3},
    {"negative", 'n', 0, 0, "In group -2", -2},
    {0, 0, 0, 0, 0, 0}};

static error_t parent_parser(int key, char* arg, struct argp_state* state) {
    show("parent", key, arg, state);
    switch (key) {
    case ARGP_KEY_INIT:
        state->child_inputs[0] = "for-nested";
        state->child_inputs[1] = "for-leaf";
        return 0;
    case 'v': case 'o': case 'O': case 'q': case 1: case 'Z': case 'a': case 'A': case 2: case 'n':
        return 0;
    default: return ARGP_ERR_UNKNOWN;
    }
}

static char* parent_filter(int key, const char* text, void* input) {
    if (key == ARGP_KEY_HELP_PRE_DOC && text) {
        char* replaced;
        if (asprintf(&replaced, "%s [input %s]", text, input ? (char*)input : "none") < 0)
            return NULL;
        return replaced;
    }
    if (key == ARGP_KEY_HELP_HEADER && text && strcmp(text, "Leaf options:") == 0)
        return strdup("LEAF OPTIONS (renamed):");
    return (char*)text;
}

static const struct argp_child parent_children[] = {
    {&nested, 0, "Options of the nested parser:", 5}, {&leaf, 0, "Leaf options:", 0}, {0, 0, 0, 0}};

static const struct argp parent = {parent_options, parent_parser, "FILE...\n--list",
                                   "Program with children.\vAfter the options.",
                                   parent_children, parent_filter, 0};

/* Long names and texts: lines that need breaking, words that cannot be. */
static const struct argp_option wide_options[] = {
    {"a-very-long-option-name-indeed", 'L', "SOMETHING", 0, "Short doc", 0},
    {"medium-length-name", 'm', "ARGUMENT", OPTION_ARG_OPTIONAL,
     "A doc string with "
     "averyveryveryveryveryveryveryveryveryveryveryverylongwordthatcannotbebrokenanywhereatall "
     "inside it", 0},
    {"x", 'X', 0, 0, "Col check", 0},
    {"exactly-to-col", 'e', "ABCDEFGH", 0, "Where does this go", 0},
    {"tab", 't', 0, 0,
     "Text\twith a tab and\nan embedded newline, then more text that goes on and on past the "
     "margin", 0},
    {"empty-doc", 'E', 0, 0, "", 0},
    {"nodoc", 'N', 0, 0, 0, 0},
    {"opt-a", 'b', "B", 0, "b", 0},
    {"opt-g", 'g', "GGGGGGGG", 0, "g", 0},
    {"opt-h", 'h', "HHHHHHHHHHHH", OPTION_ARG_OPTIONAL, "h", 0},
    {"opt-j", 'j', "JJJJJ", 0, "j", 0},
    {"opt-u", 'u', 0, 0, "u", 0},
    {0, 0, 0, 0, 0, 0}};

static error_t wide_parser(int key, char* arg, struct argp_state* state) {
    show("wide", key, arg, state);
    if (key == ARGP_KEY_ARG || (key > 0 && key < 128)) return 0;
    return ARGP_ERR_UNKNOWN;
}

static const struct argp wide = {wide_options, wide_parser, "INPUT OUTPUT [EXTRA...]",
                                 "Doc with\vpost\vtwo vertical tabs.", 0, 0, 0};

/* Keys and errors. */
static const struct argp_option keys_options[] = {
    {"stop", 's', 0, 0, "Return an error from the parser", 0},
    {"weird", 0x123456, "W", 0, "A key with high bits", 0},
    {"negative", -77, 0, 0, "A negative key", 0},
    {"unknown", 'u', 0, 0, "The parser says unknown", 0},
    {"back", 'b', 0, 0, "Move next back by one", 0},
    {0, 0, 0, 0, 0, 0}};

static error_t keys_parser(int key, char* arg, struct argp_state* state) {
    show("keys", key, arg, state);
    switch (key) {
    case 's': return EDOM;
    case 0x123456: case -77: return 0;
    case 'b':
        if (!state->hook) {
            state->hook = (void*)1;
            state->next--;
        }
        return 0;
    case ARGP_KEY_ARG:
        if (strcmp(arg, "reject") == 0) return ARGP_ERR_UNKNOWN;
        if (strcmp(arg, "fail") == 0) return ENOSPC;
        return 0;
    default: return ARGP_ERR_UNKNOWN;
    }
}

static const struct argp keys = {keys_options, keys_parser, 0, "Doc only before\v", 0, 0, 0};

/* Several args_doc patterns from two levels, and a child without a parser. */
static const struct argp_option patterns_options[] = {{"one", '1', 0, 0, "One", 0},
                                                      {0, 0, 0, 0, 0, 0}};
static const struct argp patterns_inner = {patterns_options, 0, "A\nB\nC", 0, 0, 0, 0};

static error_t bare_parser(int key, char* arg, struct argp_state* state) {
    show("bare", key, arg, state);
    return key == ARGP_KEY_ARG ? 0 : ARGP_ERR_UNKNOWN;
}
static const struct argp bare = {0, bare_parser, "ARG...", 0, 0, 0, 0};

static const struct argp_child patterns_children[] = {
    {&patterns_inner, 0, 0, 0}, {&bare, 0, "", 0}, {0, 0, 0, 0}};
static const struct argp patterns = {0, 0, "X\nY", 0, patterns_children, 0, 0};

static void print_version(FILE* stream, struct argp_state* state) {
    fprintf(stream, "version from the hook, program %s\n", state->name);
}

static const struct argp* const definitions[] = {0, &tool, &parent, &bare, &wide, &keys,
                                                 &patterns};

enum { no_version = 1, no_bug_address = 2, version_hook = 4, exit_status_9 = 8, want_index = 16,
       help_fmt = 32, z_fails = 64, direct_help = 128 };

struct argp_case {
    int definition;
    unsigned flags;   /* argp_parse's (argp_help's under direct_help) */
    unsigned setup;   /* the enum above */
    const char* argv[12];
    const char* out;  /* expected stdout */
    const char* err;  /* expected stderr */
    int status;       /* expected exit status */
};

/* In the child: set up, parse, report. */
static void run_parse(const struct argp_case* c) {
    if (c->setup & no_version) argp_program_version = NULL;
    if (c->setup & no_bug_address) argp_program_bug_address = NULL;
    if (c->setup & version_hook) argp_program_version_hook = print_version;
    if (c->setup & exit_status_9) argp_err_exit_status = 9;
    if (c->setup & help_fmt)
        setenv("ARGP_HELP_FMT", "rmargin=60,opt-doc-col=20,dup-args,header-col=4", 1);
    if (c->setup & z_fails) setenv("Z_FAILS", "1", 1);
    setvbuf(stdout, NULL, _IONBF, 0);
    if (c->setup & direct_help) {
        argp_help(definitions[c->definition], stdout, c->flags, "helpname");
        exit(0);
    }
    char* argv[14];
    int argc = 0;
    argv[argc++] = "/some/dir/prog";
    while (argc < 13 && c->argv[argc - 1]) {
        argv[argc] = (char*)c->argv[argc - 1];
        ++argc;
    }
    argv[argc] = NULL;
    int index = -1;
    error_t result = argp_parse(definitions[c->definition], argc, argv, c->flags,
                                (c->setup & want_index) ? &index : NULL, "top-input");
    printf("result %d index %d\n", result, index);
    for (int i = 0; i < argc; ++i) printf("argv[%d]=%s\n", i, argv[i]);
    exit(0);
}

/* What glibc 2.36 printed for each case (see the top). */
static const struct argp_case cases[] = {
    {1, 0, 0, {"--help"},
     "tool INIT num=0 next=0 input=top-input\n"
     "Usage: prog [OPTION...] STRING [MORE]\n"
     "Test program for argp, which lists processes in a way that looks very much like\n"
     "ps, with a description long enough to be wrapped over several lines of output.\n"
     "\n"
     "      --pgrp=PGRP            List processes in the process group PGRP\n"
     "  -p, --pid=PID              List the process PID\n"
     "  -P, -x, --no-parent        Include processes without parents\n"
     "  -Q, --all-fields           Don't elide unusable fields (normally if there's\n"
     "                             some reason ps can't print a field for any\n"
     "                             process, it's removed from the output entirely)\n"
     "  -r, --reverse, --gratuitously-long-reverse-option\n"
     "                             Reverse the order of any sort\n"
     "      --session[=SID]        Add the processes from the session SID (which\n"
     "                             defaults to the sid of the current process)\n"
     "\n"
     " Here are some more options:\n"
     "  -c, --count=N              Repeat N times\n"
     "  -f, --foonly[=ZOT]         Glork a foonly\n"
     "  -z, --zaza                 Snit a zar\n"
     "\n"
     "  -?, --help                 Give this help list\n"
     "      --usage                Give a short usage message\n"
     "  -V, --version              Print program version\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n"
     "\n"
     "This text comes after the options.\n"
     "A second line, set by hand.\n"
     "And a third, with a very long run of words that needs wrapping at the right\n"
     "margin too.\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {1, 0, 0, {"-?"},
     "tool INIT num=0 next=0 input=top-input\n"
     "Usage: prog [OPTION...] STRING [MORE]\n"
     "Test program for argp, which lists processes in a way that looks very much like\n"
     "ps, with a description long enough to be wrapped over several lines of output.\n"
     "\n"
     "      --pgrp=PGRP            List processes in the process group PGRP\n"
     "  -p, --pid=PID              List the process PID\n"
     "  -P, -x, --no-parent        Include processes without parents\n"
     "  -Q, --all-fields           Don't elide unusable fields (normally if there's\n"
     "                             some reason ps can't print a field for any\n"
     "                             process, it's removed from the output entirely)\n"
     "  -r, --reverse, --gratuitously-long-reverse-option\n"
     "                             Reverse the order of any sort\n"
     "      --session[=SID]        Add the processes from the session SID (which\n"
     "                             defaults to the sid of the current process)\n"
     "\n"
     " Here are some more options:\n"
     "  -c, --count=N              Repeat N times\n"
     "  -f, --foonly[=ZOT]         Glork a foonly\n"
     "  -z, --zaza                 Snit a zar\n"
     "\n"
     "  -?, --help                 Give this help list\n"
     "      --usage                Give a short usage message\n"
     "  -V, --version              Print program version\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n"
     "\n"
     "This text comes after the options.\n"
     "A second line, set by hand.\n"
     "And a third, with a very long run of words that needs wrapping at the right\n"
     "margin too.\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {1, 0, 0, {"--usage"},
     "tool INIT num=0 next=0 input=top-input\n"
     "Usage: prog [-PxQrz?V] [-p PID] [-c N] [-f[ZOT]] [--pgrp=PGRP] [--pid=PID]\n"
     "            [--no-parent] [--all-fields] [--reverse]\n"
     "            [--gratuitously-long-reverse-option] [--session[=SID]] [--count=N]\n"
     "            [--foonly[=ZOT]] [--zaza] [--help] [--usage] [--version]\n"
     "            STRING [MORE]\n","",
     0},
    {1, 0, 0, {"--version"},
     "tool INIT num=0 next=0 input=top-input\n"
     "demo 2.5\n","",
     0},
    {1, 0, 0x1, {"--help"},
     "tool INIT num=0 next=0 input=top-input\n"
     "Usage: prog [OPTION...] STRING [MORE]\n"
     "Test program for argp, which lists processes in a way that looks very much like\n"
     "ps, with a description long enough to be wrapped over several lines of output.\n"
     "\n"
     "      --pgrp=PGRP            List processes in the process group PGRP\n"
     "  -p, --pid=PID              List the process PID\n"
     "  -P, -x, --no-parent        Include processes without parents\n"
     "  -Q, --all-fields           Don't elide unusable fields (normally if there's\n"
     "                             some reason ps can't print a field for any\n"
     "                             process, it's removed from the output entirely)\n"
     "  -r, --reverse, --gratuitously-long-reverse-option\n"
     "                             Reverse the order of any sort\n"
     "      --session[=SID]        Add the processes from the session SID (which\n"
     "                             defaults to the sid of the current process)\n"
     "\n"
     " Here are some more options:\n"
     "  -c, --count=N              Repeat N times\n"
     "  -f, --foonly[=ZOT]         Glork a foonly\n"
     "  -z, --zaza                 Snit a zar\n"
     "\n"
     "  -?, --help                 Give this help list\n"
     "      --usage                Give a short usage message\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n"
     "\n"
     "This text comes after the options.\n"
     "A second line, set by hand.\n"
     "And a third, with a very long run of words that needs wrapping at the right\n"
     "margin too.\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {1, 0, 0x1, {"-V"},
     "tool INIT num=0 next=0 input=top-input\n",
     "/some/dir/prog: invalid option -- 'V'\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0, 0x4, {"-V"},
     "tool INIT num=0 next=0 input=top-input\n"
     "version from the hook, program prog\n","",
     0},
    {1, 0, 0x2, {"--usage", "--help"},
     "tool INIT num=0 next=0 input=top-input\n"
     "Usage: prog [-PxQrz?V] [-p PID] [-c N] [-f[ZOT]] [--pgrp=PGRP] [--pid=PID]\n"
     "            [--no-parent] [--all-fields] [--reverse]\n"
     "            [--gratuitously-long-reverse-option] [--session[=SID]] [--count=N]\n"
     "            [--foonly[=ZOT]] [--zaza] [--help] [--usage] [--version]\n"
     "            STRING [MORE]\n","",
     0},
    {1, 0, 0, {"--hel"},
     "tool INIT num=0 next=0 input=top-input\n"
     "Usage: prog [OPTION...] STRING [MORE]\n"
     "Test program for argp, which lists processes in a way that looks very much like\n"
     "ps, with a description long enough to be wrapped over several lines of output.\n"
     "\n"
     "      --pgrp=PGRP            List processes in the process group PGRP\n"
     "  -p, --pid=PID              List the process PID\n"
     "  -P, -x, --no-parent        Include processes without parents\n"
     "  -Q, --all-fields           Don't elide unusable fields (normally if there's\n"
     "                             some reason ps can't print a field for any\n"
     "                             process, it's removed from the output entirely)\n"
     "  -r, --reverse, --gratuitously-long-reverse-option\n"
     "                             Reverse the order of any sort\n"
     "      --session[=SID]        Add the processes from the session SID (which\n"
     "                             defaults to the sid of the current process)\n"
     "\n"
     " Here are some more options:\n"
     "  -c, --count=N              Repeat N times\n"
     "  -f, --foonly[=ZOT]         Glork a foonly\n"
     "  -z, --zaza                 Snit a zar\n"
     "\n"
     "  -?, --help                 Give this help list\n"
     "      --usage                Give a short usage message\n"
     "  -V, --version              Print program version\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n"
     "\n"
     "This text comes after the options.\n"
     "A second line, set by hand.\n"
     "And a third, with a very long run of words that needs wrapping at the right\n"
     "margin too.\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {1, 0, 0, {"--bogus"},
     "tool INIT num=0 next=0 input=top-input\n",
     "/some/dir/prog: unrecognized option '--bogus'\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0, 0, {"-y"},
     "tool INIT num=0 next=0 input=top-input\n",
     "/some/dir/prog: invalid option -- 'y'\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0, 0, {"-p"},
     "tool INIT num=0 next=0 input=top-input\n",
     "/some/dir/prog: option requires an argument -- 'p'\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0, 0, {"--no-parent=3"},
     "tool INIT num=0 next=0 input=top-input\n",
     "/some/dir/prog: option '--no-parent' doesn't allow an argument\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0, 0x8, {"--bogus"},
     "tool INIT num=0 next=0 input=top-input\n",
     "/some/dir/prog: unrecognized option '--bogus'\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     9},
    {1, 0, 0, {"foo"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool ARG [foo] num=0 next=2 input=top-input\n"
     "tool END num=1 next=2 input=top-input\n"
     "tool SUCCESS num=1 next=2 input=top-input\n"
     "tool FINI num=1 next=2 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=foo\n","",
     0},
    {1, 0, 0, {"foo", "bar", "baz"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool ARG [foo] num=0 next=2 input=top-input\n"
     "tool ARG [bar] num=1 next=3 input=top-input\n"
     "tool ARG [baz] num=2 next=4 input=top-input\n",
     "Usage: prog [OPTION...] STRING [MORE]\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0, 0x10, {"foo", "bar", "baz"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool ARG [foo] num=0 next=2 input=top-input\n"
     "tool ARG [bar] num=1 next=3 input=top-input\n"
     "tool ARG [baz] num=2 next=4 input=top-input\n",
     "Usage: prog [OPTION...] STRING [MORE]\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0, 0,
     {"-p", "12", "-x", "--pgrp=7", "--session", "--session=9", "-f", "-f3", "--foonly=4", "-rQ",
      "file"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'p' [12] num=0 next=3 input=top-input\n"
     "tool 'x' num=0 next=4 input=top-input\n"
     "tool 1001 [7] num=0 next=5 input=top-input\n"
     "tool 1002 num=0 next=6 input=top-input\n"
     "tool 1002 [9] num=0 next=7 input=top-input\n"
     "tool 'f' num=0 next=8 input=top-input\n"
     "tool 'f' [3] num=0 next=9 input=top-input\n"
     "tool 'f' [4] num=0 next=10 input=top-input\n"
     "tool 'r' num=0 next=10 input=top-input\n"
     "tool 'Q' num=0 next=11 input=top-input\n"
     "tool ARG [file] num=0 next=12 input=top-input\n"
     "tool END num=1 next=12 input=top-input\n"
     "tool SUCCESS num=1 next=12 input=top-input\n"
     "tool FINI num=1 next=12 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-p\n"
     "argv[2]=12\n"
     "argv[3]=-x\n"
     "argv[4]=--pgrp=7\n"
     "argv[5]=--session\n"
     "argv[6]=--session=9\n"
     "argv[7]=-f\n"
     "argv[8]=-f3\n"
     "argv[9]=--foonly=4\n"
     "argv[10]=-rQ\n"
     "argv[11]=file\n","",
     0},
    {1, 0, 0, {"-pz12", "--gratuitously", "a"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'p' [z12] num=0 next=2 input=top-input\n"
     "tool 'r' num=0 next=3 input=top-input\n"
     "tool ARG [a] num=0 next=4 input=top-input\n"
     "tool END num=1 next=4 input=top-input\n"
     "tool SUCCESS num=1 next=4 input=top-input\n"
     "tool FINI num=1 next=4 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-pz12\n"
     "argv[2]=--gratuitously\n"
     "argv[3]=a\n","",
     0},
    {1, 0, 0, {"-c", "0"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'c' [0] num=0 next=3 input=top-input\n",
     "prog: bad count `0'\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0x20, 0, {"-c", "0"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'c' [0] num=0 next=3 input=top-input\n"
     "tool NO_ARGS num=0 next=3 input=top-input\n"
     "tool END num=0 next=3 input=top-input\n"
     "tool SUCCESS num=0 next=3 input=top-input\n"
     "tool FINI num=0 next=3 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-c\n"
     "argv[2]=0\n",
     "prog: bad count `0'\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     0},
    {1, 0, 0x40, {"-z"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'z' num=0 next=2 input=top-input\n",
     "prog: cannot snit zar: No such file or directory\n",
     3},
    {1, 0, 0, {"-c", "5", "--", "-p", "--help"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'c' [5] num=0 next=3 input=top-input\n"
     "tool ARG [-p] num=0 next=5 input=top-input\n"
     "tool ARG [--help] num=1 next=6 input=top-input\n"
     "tool END num=2 next=6 input=top-input\n"
     "tool SUCCESS num=2 next=6 input=top-input\n"
     "tool FINI num=2 next=6 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-c\n"
     "argv[2]=5\n"
     "argv[3]=--\n"
     "argv[4]=-p\n"
     "argv[5]=--help\n","",
     0},
    {1, 0x22, 0, {"--bogus", "x"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool ERROR num=0 next=2 input=top-input\n"
     "tool FINI num=0 next=2 input=top-input\n"
     "result 22 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=--bogus\n"
     "argv[2]=x\n","",
     0},
    {1, 0x3, 0, {"-p", "5", "x"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'p' [5] num=0 next=4 input=top-input\n"
     "tool ARG [/some/dir/prog] num=0 next=4 input=top-input\n"
     "tool ARG [x] num=1 next=5 input=top-input\n"
     "tool END num=2 next=5 input=top-input\n"
     "tool SUCCESS num=2 next=5 input=top-input\n"
     "tool FINI num=2 next=5 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=-p\n"
     "argv[1]=5\n"
     "argv[2]=/some/dir/prog\n"
     "argv[3]=x\n","",
     0},
    {1, 0x1, 0, {"-p", "5", "x"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'p' [5] num=0 next=3 input=top-input\n"
     "tool ARG [x] num=0 next=4 input=top-input\n"
     "tool END num=1 next=4 input=top-input\n"
     "tool SUCCESS num=1 next=4 input=top-input\n"
     "tool FINI num=1 next=4 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-p\n"
     "argv[2]=5\n"
     "argv[3]=x\n","",
     0},
    {1, 0x4, 0, {"-p", "1", "x", "-r"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'p' [1] num=0 next=3 input=top-input\n",
     "prog: Too many arguments\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0x8, 0, {"x", "-p", "1", "y", "-r"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool ARG [x] num=0 next=2 input=top-input\n"
     "tool 'p' [1] num=1 next=4 input=top-input\n"
     "tool ARG [y] num=1 next=5 input=top-input\n"
     "tool 'r' num=2 next=6 input=top-input\n"
     "tool END num=2 next=6 input=top-input\n"
     "tool SUCCESS num=2 next=6 input=top-input\n"
     "tool FINI num=2 next=6 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=x\n"
     "argv[2]=-p\n"
     "argv[3]=1\n"
     "argv[4]=y\n"
     "argv[5]=-r\n","",
     0},
    {1, 0x10, 0, {"--help"},
     "tool INIT num=0 next=0 input=top-input\n",
     "/some/dir/prog: unrecognized option '--help'\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0x40, 0, {"-pid", "5", "-rev", "-zaza"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'p' [5] num=0 next=3 input=top-input\n"
     "tool 'r' num=0 next=4 input=top-input\n"
     "tool 'z' num=0 next=5 input=top-input\n"
     "tool NO_ARGS num=0 next=5 input=top-input\n"
     "tool END num=0 next=5 input=top-input\n"
     "tool SUCCESS num=0 next=5 input=top-input\n"
     "tool FINI num=0 next=5 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-pid\n"
     "argv[2]=5\n"
     "argv[3]=-rev\n"
     "argv[4]=-zaza\n","",
     0},
    {1, 0x40, 0, {"-usage"},
     "tool INIT num=0 next=0 input=top-input\n"
     "Usage: prog [-PxQrz?V] [-p PID] [-c N] [-f[ZOT]] [--pgrp=PGRP] [--pid=PID]\n"
     "            [--no-parent] [--all-fields] [--reverse]\n"
     "            [--gratuitously-long-reverse-option] [--session[=SID]] [--count=N]\n"
     "            [--foonly[=ZOT]] [--zaza] [--help] [--usage] [--version]\n"
     "            STRING [MORE]\n","",
     0},
    {1, 0x32, 0, {"-c", "0", "--bogus"},
     "tool INIT num=0 next=0 input=top-input\n"
     "tool 'c' [0] num=0 next=3 input=top-input\n"
     "tool ERROR num=0 next=4 input=top-input\n"
     "tool FINI num=0 next=4 input=top-input\n"
     "result 22 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-c\n"
     "argv[2]=0\n"
     "argv[3]=--bogus\n","",
     0},
    {1, 0, 0, {"--program-name=/x/y/renamed", "--bogus"},
     "tool INIT num=0 next=0 input=top-input\n",
     "/some/dir/prog: unrecognized option '--bogus'\n"
     "Try `renamed --help' or `renamed --usage' for more information.\n",
     64},
    {1, 0x1, 0, {"--program-name=renamed", "--bogus"},
     "tool INIT num=0 next=0 input=top-input\n",
     "renamed: unrecognized option '--bogus'\n"
     "Try `renamed --help' or `renamed --usage' for more information.\n",
     64},
    {1, 0, 0x20, {"--help"},
     "tool INIT num=0 next=0 input=top-input\n"
     "Usage: prog [OPTION...] STRING [MORE]\n"
     "Test program for argp, which lists processes in a way that\n"
     "looks very much like ps, with a description long enough to\n"
     "be wrapped over several lines of output.\n"
     "\n"
     "      --pgrp=PGRP   List processes in the process group\n"
     "                    PGRP\n"
     "  -p PID, --pid=PID List the process PID\n"
     "  -P, -x, --no-parent   Include processes without parents\n"
     "  -Q, --all-fields  Don't elide unusable fields (normally if\n"
     "                    there's some reason ps can't print a\n"
     "                    field for any process, it's removed from\n"
     "                    the output entirely)\n"
     "  -r, --reverse, --gratuitously-long-reverse-option\n"
     "                    Reverse the order of any sort\n"
     "      --session[=SID]   Add the processes from the session\n"
     "                    SID (which defaults to the sid of the\n"
     "                    current process)\n"
     "\n"
     "    Here are some more options:\n"
     "  -c N, --count=N   Repeat N times\n"
     "  -f[ZOT], --foonly[=ZOT]\n"
     "                    Glork a foonly\n"
     "  -z, --zaza        Snit a zar\n"
     "\n"
     "  -?, --help        Give this help list\n"
     "      --usage       Give a short usage message\n"
     "  -V, --version     Print program version\n"
     "\n"
     "This text comes after the options.\n"
     "A second line, set by hand.\n"
     "And a third, with a very long run of words that needs\n"
     "wrapping at the right margin too.\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {2, 0, 0, {"--help"},
     "parent INIT num=0 next=0 input=top-input\n"
     "nested INIT num=0 next=0 input=for-nested\n"
     "leaf INIT num=0 next=0 input=for-leaf\n"
     "Usage: prog [OPTION...] FILE... SUBARG... LEAFARGS\n"
     "  or:  prog [OPTION...] FILE... - LEAFARGS\n"
     "  or:  prog [OPTION...] --list SUBARG... LEAFARGS\n"
     "  or:  prog [OPTION...] --list - LEAFARGS\n"
     "Program with children. [input top-input]\n"
     "\n"
     "      --colour[=WHEN]        Colour the output; WHEN is always, never or auto\n"
     "  -o, -O, --output=FILE      Write to FILE instead of standard output\n"
     "  -q, --quiet, --silent      Say less\n"
     "  -v, --verbose              Be verbose\n"
     "\n"
     " LEAF OPTIONS (renamed):\n"
     "  -l, --leaf=LEAF            A leaf option with a longer description that runs\n"
     "                             past the right margin of the help output\n"
     "      --verbose              Duplicate of the parent's -v, shadowed\n"
     "\n"
     "  -a, --alpha                Another in group 3\n"
     "  -A, --Alpha                Upper case after lower case\n"
     "      --beta                 Long only, group 3\n"
     "  -x FOO                     Looks like an option\n"
     "  -Z, --zeta                 An option in group 3\n"
     "  Arguments:                 A documentation entry, listed after options\n"
     "\n"
     "\n"
     " Options of the nested parser:\n"
     "  -s, --subopt1              Nested option 1 (filtered)\n"
     "  -S, --subopt2\n"
     "\n"
     "  -Q, --subopt4=LEVEL        Nested option 4\n"
     "\n"
     " Some more nested options:\n"
     "      --subopt3              Nested option 3\n"
     "\n"
     "  -n, --negative             In group -2\n"
     "\n"
     "  -?, --help                 Give this help list\n"
     "      --usage                Give a short usage message\n"
     "  -V, --version              Print program version\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n"
     "\n"
     "After the options.\n"
     "\n"
     "Doc of the nested parser.\n"
     "\n"
     "Extra text from the nested parser's filter.\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {2, 0, 0, {"--usage"},
     "parent INIT num=0 next=0 input=top-input\n"
     "nested INIT num=0 next=0 input=for-nested\n"
     "leaf INIT num=0 next=0 input=for-leaf\n"
     "Usage: prog [-qvaAZsSn?V] [-o FILE] [-O FILE] [-l LEAF] [-Q LEVEL]\n"
     "            [--output=FILE] [--quiet] [--silent] [--verbose] [--leaf=LEAF]\n"
     "            [--verbose] [--alpha] [--Alpha] [--beta] [---x FOO] [--zeta]\n"
     "            [--Arguments:] [--subopt1] [--subopt2] [--subopt4=LEVEL]\n"
     "            [--subopt3] [--negative] [--help] [--usage] [--version] FILE...\n"
     "            SUBARG... LEAFARGS\n"
     "  or:  prog [OPTION...] FILE... - LEAFARGS\n"
     "  or:  prog [OPTION...] --list SUBARG... LEAFARGS\n"
     "  or:  prog [OPTION...] --list - LEAFARGS\n","",
     0},
    {2, 0, 0, {"a", "b", "c"},
     "parent INIT num=0 next=0 input=top-input\n"
     "nested INIT num=0 next=0 input=for-nested\n"
     "leaf INIT num=0 next=0 input=for-leaf\n"
     "parent ARG [a] num=0 next=2 input=top-input\n"
     "parent ARGS num=0 next=1 input=top-input\n"
     "nested ARG [a] num=0 next=2 input=for-nested\n"
     "parent ARG [b] num=0 next=3 input=top-input\n"
     "parent ARGS num=0 next=2 input=top-input\n"
     "nested ARG [b] num=1 next=3 input=for-nested\n"
     "parent ARG [c] num=0 next=4 input=top-input\n"
     "parent ARGS num=0 next=3 input=top-input\n"
     "nested ARG [c] num=2 next=4 input=for-nested\n"
     "parent NO_ARGS num=0 next=4 input=top-input\n"
     "leaf NO_ARGS num=0 next=4 input=for-leaf\n"
     "leaf END num=0 next=4 input=for-leaf\n"
     "nested END num=3 next=4 input=for-nested\n"
     "parent END num=0 next=4 input=top-input\n"
     "leaf SUCCESS num=0 next=4 input=for-leaf\n"
     "nested SUCCESS num=3 next=4 input=for-nested\n"
     "parent SUCCESS num=0 next=4 input=top-input\n"
     "leaf FINI num=0 next=4 input=for-leaf\n"
     "nested FINI num=3 next=4 input=for-nested\n"
     "parent FINI num=0 next=4 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=a\n"
     "argv[2]=b\n"
     "argv[3]=c\n","",
     0},
    {2, 0, 0, {"-s", "-S", "-q", "-Q", "3", "file1", "file2"},
     "parent INIT num=0 next=0 input=top-input\n"
     "nested INIT num=0 next=0 input=for-nested\n"
     "leaf INIT num=0 next=0 input=for-leaf\n"
     "nested 's' num=0 next=2 input=for-nested\n"
     "nested 'S' num=0 next=3 input=for-nested\n"
     "parent 'q' num=0 next=4 input=top-input\n"
     "nested 'Q' [3] num=0 next=6 input=for-nested\n"
     "parent ARG [file1] num=0 next=7 input=top-input\n"
     "parent ARGS num=0 next=6 input=top-input\n"
     "nested ARG [file1] num=0 next=7 input=for-nested\n"
     "parent ARG [file2] num=0 next=8 input=top-input\n"
     "parent ARGS num=0 next=7 input=top-input\n"
     "nested ARG [file2] num=1 next=8 input=for-nested\n"
     "parent NO_ARGS num=0 next=8 input=top-input\n"
     "leaf NO_ARGS num=0 next=8 input=for-leaf\n"
     "leaf END num=0 next=8 input=for-leaf\n"
     "nested END num=2 next=8 input=for-nested\n"
     "parent END num=0 next=8 input=top-input\n"
     "leaf SUCCESS num=0 next=8 input=for-leaf\n"
     "nested SUCCESS num=2 next=8 input=for-nested\n"
     "parent SUCCESS num=0 next=8 input=top-input\n"
     "leaf FINI num=0 next=8 input=for-leaf\n"
     "nested FINI num=2 next=8 input=for-nested\n"
     "parent FINI num=0 next=8 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-s\n"
     "argv[2]=-S\n"
     "argv[3]=-q\n"
     "argv[4]=-Q\n"
     "argv[5]=3\n"
     "argv[6]=file1\n"
     "argv[7]=file2\n","",
     0},
    {2, 0, 0,
     {"-v", "--verbose", "-l", "x", "--leaf=y", "--colour", "--colour=always", "-O", "out",
      "--silent"},
     "parent INIT num=0 next=0 input=top-input\n"
     "nested INIT num=0 next=0 input=for-nested\n"
     "leaf INIT num=0 next=0 input=for-leaf\n"
     "parent 'v' num=0 next=2 input=top-input\n"
     "parent 'v' num=0 next=3 input=top-input\n"
     "leaf 'l' [x] num=0 next=5 input=for-leaf\n"
     "leaf 'l' [y] num=0 next=6 input=for-leaf\n"
     "parent 1 num=0 next=7 input=top-input\n"
     "parent 1 [always] num=0 next=8 input=top-input\n"
     "parent 'O' [out] num=0 next=10 input=top-input\n"
     "parent 'q' num=0 next=11 input=top-input\n"
     "parent NO_ARGS num=0 next=11 input=top-input\n"
     "nested NO_ARGS num=0 next=11 input=for-nested\n"
     "leaf NO_ARGS num=0 next=11 input=for-leaf\n"
     "leaf END num=0 next=11 input=for-leaf\n"
     "nested END num=0 next=11 input=for-nested\n"
     "parent END num=0 next=11 input=top-input\n"
     "leaf SUCCESS num=0 next=11 input=for-leaf\n"
     "nested SUCCESS num=0 next=11 input=for-nested\n"
     "parent SUCCESS num=0 next=11 input=top-input\n"
     "leaf FINI num=0 next=11 input=for-leaf\n"
     "nested FINI num=0 next=11 input=for-nested\n"
     "parent FINI num=0 next=11 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-v\n"
     "argv[2]=--verbose\n"
     "argv[3]=-l\n"
     "argv[4]=x\n"
     "argv[5]=--leaf=y\n"
     "argv[6]=--colour\n"
     "argv[7]=--colour=always\n"
     "argv[8]=-O\n"
     "argv[9]=out\n"
     "argv[10]=--silent\n","",
     0},
    {2, 0x8, 0, {"a", "-s", "b", "-l", "c"},
     "parent INIT num=0 next=0 input=top-input\n"
     "nested INIT num=0 next=0 input=for-nested\n"
     "leaf INIT num=0 next=0 input=for-leaf\n"
     "parent ARG [a] num=0 next=2 input=top-input\n"
     "parent ARGS num=0 next=1 input=top-input\n"
     "nested ARG [a] num=0 next=2 input=for-nested\n"
     "nested 's' num=1 next=3 input=for-nested\n"
     "parent ARG [b] num=0 next=4 input=top-input\n"
     "parent ARGS num=0 next=3 input=top-input\n"
     "nested ARG [b] num=1 next=4 input=for-nested\n"
     "leaf 'l' [c] num=0 next=6 input=for-leaf\n"
     "parent NO_ARGS num=0 next=6 input=top-input\n"
     "leaf NO_ARGS num=0 next=6 input=for-leaf\n"
     "leaf END num=0 next=6 input=for-leaf\n"
     "nested END num=2 next=6 input=for-nested\n"
     "parent END num=0 next=6 input=top-input\n"
     "leaf SUCCESS num=0 next=6 input=for-leaf\n"
     "nested SUCCESS num=2 next=6 input=for-nested\n"
     "parent SUCCESS num=0 next=6 input=top-input\n"
     "leaf FINI num=0 next=6 input=for-leaf\n"
     "nested FINI num=2 next=6 input=for-nested\n"
     "parent FINI num=0 next=6 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=a\n"
     "argv[2]=-s\n"
     "argv[3]=b\n"
     "argv[4]=-l\n"
     "argv[5]=c\n","",
     0},
    {2, 0, 0x10, {"a", "b"},
     "parent INIT num=0 next=0 input=top-input\n"
     "nested INIT num=0 next=0 input=for-nested\n"
     "leaf INIT num=0 next=0 input=for-leaf\n"
     "parent ARG [a] num=0 next=2 input=top-input\n"
     "parent ARGS num=0 next=1 input=top-input\n"
     "nested ARG [a] num=0 next=2 input=for-nested\n"
     "parent ARG [b] num=0 next=3 input=top-input\n"
     "parent ARGS num=0 next=2 input=top-input\n"
     "nested ARG [b] num=1 next=3 input=for-nested\n"
     "parent NO_ARGS num=0 next=3 input=top-input\n"
     "leaf NO_ARGS num=0 next=3 input=for-leaf\n"
     "leaf END num=0 next=3 input=for-leaf\n"
     "nested END num=2 next=3 input=for-nested\n"
     "parent END num=0 next=3 input=top-input\n"
     "leaf SUCCESS num=0 next=3 input=for-leaf\n"
     "nested SUCCESS num=2 next=3 input=for-nested\n"
     "parent SUCCESS num=0 next=3 input=top-input\n"
     "leaf FINI num=0 next=3 input=for-leaf\n"
     "nested FINI num=2 next=3 input=for-nested\n"
     "parent FINI num=0 next=3 input=top-input\n"
     "result 0 index 3\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=a\n"
     "argv[2]=b\n","",
     0},
    {2, 0, 0, {"--sub"},
     "parent INIT num=0 next=0 input=top-input\n"
     "nested INIT num=0 next=0 input=for-nested\n"
     "leaf INIT num=0 next=0 input=for-leaf\n",
     "/some/dir/prog: option '--sub' is ambiguous; possibilities: '--subopt1' '--subopt2' '--subopt3' '--subopt4'\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {3, 0, 0, {"--help"},
     "bare INIT num=0 next=0 input=top-input\n"
     "Usage: prog [OPTION...] ARG...\n"
     "\n"
     "  -?, --help                 Give this help list\n"
     "      --usage                Give a short usage message\n"
     "  -V, --version              Print program version\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {3, 0, 0, {},
     "bare INIT num=0 next=0 input=top-input\n"
     "bare NO_ARGS num=0 next=1 input=top-input\n"
     "bare END num=0 next=1 input=top-input\n"
     "bare SUCCESS num=0 next=1 input=top-input\n"
     "bare FINI num=0 next=1 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n","",
     0},
    {3, 0x4, 0, {"a", "b"},
     "bare INIT num=0 next=0 input=top-input\n",
     "prog: Too many arguments\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {3, 0x12, 0, {"-x"},
     "bare INIT num=0 next=0 input=top-input\n"
     "bare ERROR num=0 next=2 input=top-input\n"
     "bare FINI num=0 next=2 input=top-input\n"
     "result 22 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-x\n","",
     0},
    {4, 0, 0, {"--help"},
     "wide INIT num=0 next=0 input=top-input\n"
     "Usage: prog [OPTION...] INPUT OUTPUT [EXTRA...]\n"
     "Doc with\n"
     "\n"
     "  -b, --opt-a=B              b\n"
     "  -e, --exactly-to-col=ABCDEFGH   Where does this go\n"
     "  -E, --empty-doc\n"
     "  -g, --opt-g=GGGGGGGG       g\n"
     "  -h, --opt-h[=HHHHHHHHHHHH] h\n"
     "  -j, --opt-j=JJJJJ          j\n"
     "  -L, --a-very-long-option-name-indeed=SOMETHING\n"
     "                             Short doc\n"
     "  -m, --medium-length-name[=ARGUMENT]\n"
     "                             A doc string with\n"
     "                             averyveryveryveryveryveryveryveryveryveryveryverylongwordthatcannotbebrokenanywhereatall\n"
     "                             inside it\n"
     "  -N, --nodoc\n"
     "  -t, --tab                  Text\twith a tab and\n"
     "                             an embedded newline, then more text that goes on\n"
     "                             and on past the margin\n"
     "  -u, --opt-u                u\n"
     "  -X, --x                    Col check\n"
     "  -?, --help                 Give this help list\n"
     "      --usage                Give a short usage message\n"
     "  -V, --version              Print program version\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n"
     "\n"
     "post\vtwo vertical tabs.\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {4, 0, 0, {"--usage"},
     "wide INIT num=0 next=0 input=top-input\n"
     "Usage: prog [-ENtuX?V] [-b B] [-e ABCDEFGH] [-g GGGGGGGG] [-h[HHHHHHHHHHHH]]\n"
     "            [-j JJJJJ] [-L SOMETHING] [-m[ARGUMENT]] [--opt-a=B]\n"
     "            [--exactly-to-col=ABCDEFGH] [--empty-doc] [--opt-g=GGGGGGGG]\n"
     "            [--opt-h[=HHHHHHHHHHHH]] [--opt-j=JJJJJ]\n"
     "            [--a-very-long-option-name-indeed=SOMETHING]\n"
     "            [--medium-length-name[=ARGUMENT]] [--nodoc] [--tab] [--opt-u] [--x]\n"
     "            [--help] [--usage] [--version] INPUT OUTPUT [EXTRA...]\n","",
     0},
    {4, 0, 0, {"-L1", "-m", "-mx", "--medium-length-name=z", "-tE", "x", "y"},
     "wide INIT num=0 next=0 input=top-input\n"
     "wide 'L' [1] num=0 next=2 input=top-input\n"
     "wide 'm' num=0 next=3 input=top-input\n"
     "wide 'm' [x] num=0 next=4 input=top-input\n"
     "wide 'm' [z] num=0 next=5 input=top-input\n"
     "wide 't' num=0 next=5 input=top-input\n"
     "wide 'E' num=0 next=6 input=top-input\n"
     "wide ARG [x] num=0 next=7 input=top-input\n"
     "wide ARG [y] num=1 next=8 input=top-input\n"
     "wide END num=2 next=8 input=top-input\n"
     "wide SUCCESS num=2 next=8 input=top-input\n"
     "wide FINI num=2 next=8 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-L1\n"
     "argv[2]=-m\n"
     "argv[3]=-mx\n"
     "argv[4]=--medium-length-name=z\n"
     "argv[5]=-tE\n"
     "argv[6]=x\n"
     "argv[7]=y\n","",
     0},
    {5, 0, 0, {"--help"},
     "keys INIT num=0 next=0 input=top-input\n"
     "Usage: prog [OPTION...]\n"
     "Doc only before\n"
     "\n"
     "  -b, --back                 Move next back by one\n"
     "      --negative             A negative key\n"
     "  -s, --stop                 Return an error from the parser\n"
     "  -u, --unknown              The parser says unknown\n"
     "      --weird=W              A key with high bits\n"
     "  -?, --help                 Give this help list\n"
     "      --usage                Give a short usage message\n"
     "  -V, --version              Print program version\n"
     "\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {5, 0, 0, {"-s"},
     "keys INIT num=0 next=0 input=top-input\n"
     "keys 's' num=0 next=2 input=top-input\n"
     "keys ERROR num=0 next=2 input=top-input\n"
     "keys FINI num=0 next=2 input=top-input\n"
     "result 33 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-s\n","",
     0},
    {5, 0, 0, {"--weird=1", "--negative"},
     "keys INIT num=0 next=0 input=top-input\n"
     "keys 1193046 [1] num=0 next=2 input=top-input\n"
     "keys -77 num=0 next=3 input=top-input\n"
     "keys NO_ARGS num=0 next=3 input=top-input\n"
     "keys END num=0 next=3 input=top-input\n"
     "keys SUCCESS num=0 next=3 input=top-input\n"
     "keys FINI num=0 next=3 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=--weird=1\n"
     "argv[2]=--negative\n","",
     0},
    {5, 0, 0, {"-u"},
     "keys INIT num=0 next=0 input=top-input\n"
     "keys 'u' num=0 next=2 input=top-input\n",
     "prog: -u: (PROGRAM ERROR) Option should have been recognized!?\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {5, 0, 0, {"-b", "x"},
     "keys INIT num=0 next=0 input=top-input\n"
     "keys 'b' num=0 next=2 input=top-input\n"
     "keys 'b' num=0 next=2 input=top-input\n"
     "keys ARG [x] num=0 next=3 input=top-input\n"
     "keys END num=1 next=3 input=top-input\n"
     "keys SUCCESS num=1 next=3 input=top-input\n"
     "keys FINI num=1 next=3 input=top-input\n"
     "result 0 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=-b\n"
     "argv[2]=x\n","",
     0},
    {5, 0, 0, {"a", "reject", "b"},
     "keys INIT num=0 next=0 input=top-input\n"
     "keys ARG [a] num=0 next=2 input=top-input\n"
     "keys ARG [reject] num=1 next=3 input=top-input\n"
     "keys ARGS num=1 next=2 input=top-input\n",
     "prog: Too many arguments\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {5, 0, 0x10, {"a", "reject", "b"},
     "keys INIT num=0 next=0 input=top-input\n"
     "keys ARG [a] num=0 next=2 input=top-input\n"
     "keys ARG [reject] num=1 next=3 input=top-input\n"
     "keys ARGS num=1 next=2 input=top-input\n"
     "keys SUCCESS num=1 next=2 input=top-input\n"
     "keys FINI num=1 next=2 input=top-input\n"
     "result 0 index 2\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=a\n"
     "argv[2]=reject\n"
     "argv[3]=b\n","",
     0},
    {5, 0, 0, {"fail"},
     "keys INIT num=0 next=0 input=top-input\n"
     "keys ARG [fail] num=0 next=2 input=top-input\n"
     "keys ERROR num=0 next=2 input=top-input\n"
     "keys FINI num=0 next=2 input=top-input\n"
     "result 28 index -1\n"
     "argv[0]=/some/dir/prog\n"
     "argv[1]=fail\n","",
     0},
    {6, 0, 0, {"--help"},
     "bare INIT num=0 next=0 input=-\n"
     "Usage: prog [OPTION...] X A ARG...\n"
     "  or:  prog [OPTION...] X B ARG...\n"
     "  or:  prog [OPTION...] X C ARG...\n"
     "  or:  prog [OPTION...] Y A ARG...\n"
     "  or:  prog [OPTION...] Y B ARG...\n"
     "  or:  prog [OPTION...] Y C ARG...\n"
     "\n"
     "  -1, --one                  One\n"
     "  -?, --help                 Give this help list\n"
     "      --usage                Give a short usage message\n"
     "  -V, --version              Print program version\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {6, 0, 0, {"--usage"},
     "bare INIT num=0 next=0 input=-\n"
     "Usage: prog [-1?V] [--one] [--help] [--usage] [--version] X A ARG...\n"
     "  or:  prog [OPTION...] X B ARG...\n"
     "  or:  prog [OPTION...] X C ARG...\n"
     "  or:  prog [OPTION...] Y A ARG...\n"
     "  or:  prog [OPTION...] Y B ARG...\n"
     "  or:  prog [OPTION...] Y C ARG...\n","",
     0},
    {6, 0, 0, {"-1", "a"},
     "bare INIT num=0 next=0 input=-\n",
     "prog: -1: (PROGRAM ERROR) Option should have been recognized!?\n"
     "Try `prog --help' or `prog --usage' for more information.\n",
     64},
    {1, 0x1, 0x80, {},
     "Usage: helpname [-PxQrz] [-p PID] [-c N] [-f[ZOT]] [--pgrp=PGRP] [--pid=PID]\n"
     "            [--no-parent] [--all-fields] [--reverse]\n"
     "            [--gratuitously-long-reverse-option] [--session[=SID]] [--count=N]\n"
     "            [--foonly[=ZOT]] [--zaza] STRING [MORE]\n","",
     0},
    {1, 0x2, 0x80, {},
     "Usage: helpname [OPTION...] STRING [MORE]\n","",
     0},
    {1, 0x4, 0x80, {},
     "Try `helpname --help' or `helpname --usage' for more information.\n","",
     0},
    {1, 0x8, 0x80, {},
     "      --pgrp=PGRP            List processes in the process group PGRP\n"
     "  -p, --pid=PID              List the process PID\n"
     "  -P, -x, --no-parent        Include processes without parents\n"
     "  -Q, --all-fields           Don't elide unusable fields (normally if there's\n"
     "                             some reason ps can't print a field for any\n"
     "                             process, it's removed from the output entirely)\n"
     "  -r, --reverse, --gratuitously-long-reverse-option\n"
     "                             Reverse the order of any sort\n"
     "      --session[=SID]        Add the processes from the session SID (which\n"
     "                             defaults to the sid of the current process)\n"
     "\n"
     " Here are some more options:\n"
     "  -c, --count=N              Repeat N times\n"
     "  -f, --foonly[=ZOT]         Glork a foonly\n"
     "  -z, --zaza                 Snit a zar\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n","",
     0},
    {1, 0x10, 0x80, {},
     "Test program for argp, which lists processes in a way that looks very much like\n"
     "ps, with a description long enough to be wrapped over several lines of output.\n","",
     0},
    {1, 0x20, 0x80, {},
     "This text comes after the options.\n"
     "A second line, set by hand.\n"
     "And a third, with a very long run of words that needs wrapping at the right\n"
     "margin too.\n","",
     0},
    {1, 0x40, 0x80, {},
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {1, 0x7f, 0x80, {},
     "Usage: helpname [OPTION...] STRING [MORE]\n"
     "Test program for argp, which lists processes in a way that looks very much like\n"
     "ps, with a description long enough to be wrapped over several lines of output.\n"
     "Try `helpname --help' or `helpname --usage' for more information.\n"
     "\n"
     "      --pgrp=PGRP            List processes in the process group PGRP\n"
     "  -p, --pid=PID              List the process PID\n"
     "  -P, -x, --no-parent        Include processes without parents\n"
     "  -Q, --all-fields           Don't elide unusable fields (normally if there's\n"
     "                             some reason ps can't print a field for any\n"
     "                             process, it's removed from the output entirely)\n"
     "  -r, --reverse, --gratuitously-long-reverse-option\n"
     "                             Reverse the order of any sort\n"
     "      --session[=SID]        Add the processes from the session SID (which\n"
     "                             defaults to the sid of the current process)\n"
     "\n"
     " Here are some more options:\n"
     "  -c, --count=N              Repeat N times\n"
     "  -f, --foonly[=ZOT]         Glork a foonly\n"
     "  -z, --zaza                 Snit a zar\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n"
     "\n"
     "This text comes after the options.\n"
     "A second line, set by hand.\n"
     "And a third, with a very long run of words that needs wrapping at the right\n"
     "margin too.\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {2, 0x3d, 0x80, {},
     "Usage: helpname [-qvaAZsSn] [-o FILE] [-O FILE] [-l LEAF] [-Q LEVEL]\n"
     "            [--output=FILE] [--quiet] [--silent] [--verbose] [--leaf=LEAF]\n"
     "            [--verbose] [--alpha] [--Alpha] [--beta] [---x FOO] [--zeta]\n"
     "            [--Arguments:] [--subopt1] [--subopt2] [--subopt4=LEVEL]\n"
     "            [--subopt3] [--negative] FILE... SUBARG... LEAFARGS\n"
     "  or:  helpname [OPTION...] FILE... - LEAFARGS\n"
     "  or:  helpname [OPTION...] --list SUBARG... LEAFARGS\n"
     "  or:  helpname [OPTION...] --list - LEAFARGS\n"
     "Program with children. [input none]\n"
     "Try `helpname --help' or `helpname --usage' for more information.\n"
     "\n"
     "      --colour[=WHEN]        Colour the output; WHEN is always, never or auto\n"
     "  -o, -O, --output=FILE      Write to FILE instead of standard output\n"
     "  -q, --quiet, --silent      Say less\n"
     "  -v, --verbose              Be verbose\n"
     "\n"
     " LEAF OPTIONS (renamed):\n"
     "  -l, --leaf=LEAF            A leaf option with a longer description that runs\n"
     "                             past the right margin of the help output\n"
     "      --verbose              Duplicate of the parent's -v, shadowed\n"
     "\n"
     "  -a, --alpha                Another in group 3\n"
     "  -A, --Alpha                Upper case after lower case\n"
     "      --beta                 Long only, group 3\n"
     "  -x FOO                     Looks like an option\n"
     "  -Z, --zeta                 An option in group 3\n"
     "  Arguments:                 A documentation entry, listed after options\n"
     "\n"
     "\n"
     " Options of the nested parser:\n"
     "  -s, --subopt1              Nested option 1 (filtered)\n"
     "  -S, --subopt2\n"
     "\n"
     "  -Q, --subopt4=LEVEL        Nested option 4\n"
     "\n"
     " Some more nested options:\n"
     "      --subopt3              Nested option 3\n"
     "\n"
     "  -n, --negative             In group -2\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n"
     "\n"
     "After the options.\n"
     "\n"
     "Doc of the nested parser.\n"
     "\n"
     "Extra text from the nested parser's filter.\n","",
     0},
    {2, 0x21, 0x80, {},
     "Usage: helpname [-qvaAZsSn] [-o FILE] [-O FILE] [-l LEAF] [-Q LEVEL]\n"
     "            [--output=FILE] [--quiet] [--silent] [--verbose] [--leaf=LEAF]\n"
     "            [--verbose] [--alpha] [--Alpha] [--beta] [---x FOO] [--zeta]\n"
     "            [--Arguments:] [--subopt1] [--subopt2] [--subopt4=LEVEL]\n"
     "            [--subopt3] [--negative] FILE... SUBARG... LEAFARGS\n"
     "  or:  helpname [OPTION...] FILE... - LEAFARGS\n"
     "  or:  helpname [OPTION...] --list SUBARG... LEAFARGS\n"
     "  or:  helpname [OPTION...] --list - LEAFARGS\n"
     "\n"
     "After the options.\n"
     "\n"
     "Doc of the nested parser.\n"
     "\n"
     "Extra text from the nested parser's filter.\n","",
     0},
    {4, 0x9, 0x80, {},
     "Usage: helpname [-ENtuX] [-b B] [-e ABCDEFGH] [-g GGGGGGGG] [-h[HHHHHHHHHHHH]]\n"
     "            [-j JJJJJ] [-L SOMETHING] [-m[ARGUMENT]] [--opt-a=B]\n"
     "            [--exactly-to-col=ABCDEFGH] [--empty-doc] [--opt-g=GGGGGGGG]\n"
     "            [--opt-h[=HHHHHHHHHHHH]] [--opt-j=JJJJJ]\n"
     "            [--a-very-long-option-name-indeed=SOMETHING]\n"
     "            [--medium-length-name[=ARGUMENT]] [--nodoc] [--tab] [--opt-u]\n"
     "            [--x] INPUT OUTPUT [EXTRA...]\n"
     "\n"
     "  -b, --opt-a=B              b\n"
     "  -e, --exactly-to-col=ABCDEFGH   Where does this go\n"
     "  -E, --empty-doc\n"
     "  -g, --opt-g=GGGGGGGG       g\n"
     "  -h, --opt-h[=HHHHHHHHHHHH] h\n"
     "  -j, --opt-j=JJJJJ          j\n"
     "  -L, --a-very-long-option-name-indeed=SOMETHING\n"
     "                             Short doc\n"
     "  -m, --medium-length-name[=ARGUMENT]\n"
     "                             A doc string with\n"
     "                             averyveryveryveryveryveryveryveryveryveryveryverylongwordthatcannotbebrokenanywhereatall\n"
     "                             inside it\n"
     "  -N, --nodoc\n"
     "  -t, --tab                  Text\twith a tab and\n"
     "                             an embedded newline, then more text that goes on\n"
     "                             and on past the margin\n"
     "  -u, --opt-u                u\n"
     "  -X, --x                    Col check\n"
     "\n"
     "Mandatory or optional arguments to long options are also mandatory or optional\n"
     "for any corresponding short options.\n","",
     0},
    {6, 0x7f, 0x80, {},
     "Usage: helpname [OPTION...] X A ARG...\n"
     "  or:  helpname [OPTION...] X B ARG...\n"
     "  or:  helpname [OPTION...] X C ARG...\n"
     "  or:  helpname [OPTION...] Y A ARG...\n"
     "  or:  helpname [OPTION...] Y B ARG...\n"
     "  or:  helpname [OPTION...] Y C ARG...\n"
     "Try `helpname --help' or `helpname --usage' for more information.\n"
     "\n"
     "  -1, --one                  One\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
    {2, 0x7f, 0xa0, {},
     "Usage: helpname [OPTION...] FILE... SUBARG... LEAFARGS\n"
     "  or:  helpname [OPTION...] FILE... - LEAFARGS\n"
     "  or:  helpname [OPTION...] --list SUBARG... LEAFARGS\n"
     "  or:  helpname [OPTION...] --list - LEAFARGS\n"
     "Program with children. [input none]\n"
     "Try `helpname --help' or `helpname --usage' for more\n"
     "information.\n"
     "\n"
     "      --colour[=WHEN]   Colour the output; WHEN is always,\n"
     "                    never or auto\n"
     "  -o FILE, -O FILE, --output=FILE\n"
     "                    Write to FILE instead of standard\n"
     "                    output\n"
     "  -q, --quiet, --silent   Say less\n"
     "  -v, --verbose     Be verbose\n"
     "\n"
     "    LEAF OPTIONS (renamed):\n"
     "  -l LEAF, --leaf=LEAF   A leaf option with a longer\n"
     "                    description that runs past the right\n"
     "                    margin of the help output\n"
     "      --verbose     Duplicate of the parent's -v, shadowed\n"
     "\n"
     "  -a, --alpha       Another in group 3\n"
     "  -A, --Alpha       Upper case after lower case\n"
     "      --beta        Long only, group 3\n"
     "  -x FOO            Looks like an option\n"
     "  -Z, --zeta        An option in group 3\n"
     "  Arguments:        A documentation entry, listed after\n"
     "                    options\n"
     "\n"
     "\n"
     "    Options of the nested parser:\n"
     "  -s, --subopt1     Nested option 1 (filtered)\n"
     "  -S, --subopt2\n"
     "\n"
     "  -Q LEVEL, --subopt4=LEVEL\n"
     "                    Nested option 4\n"
     "\n"
     "    Some more nested options:\n"
     "      --subopt3     Nested option 3\n"
     "\n"
     "  -n, --negative    In group -2\n"
     "\n"
     "After the options.\n"
     "\n"
     "Doc of the nested parser.\n"
     "\n"
     "Extra text from the nested parser's filter.\n"
     "\n"
     "Report bugs to <bugs@example.org>.\n","",
     0},
};

/* Runs `c` in a child: its stdout, stderr (each NUL-terminated, malloc'd)
 * and exit status. */
static int capture(const struct argp_case* c, char** out, char** err) {
    int out_pipe[2], err_pipe[2];
    CHECK_EQ(pipe(out_pipe), 0);
    CHECK_EQ(pipe(err_pipe), 0);
    fflush(stdout);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        close(out_pipe[0]);
        close(err_pipe[0]);
        run_parse(c);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    int fds[2] = {out_pipe[0], err_pipe[0]};
    char** texts[2] = {out, err};
    for (int i = 0; i < 2; ++i) {
        size_t length = 0, capacity = 1024;
        char* text = malloc(capacity);
        CHECK(text != NULL);
        ssize_t got;
        while ((got = read(fds[i], text + length, capacity - 1 - length)) > 0) {
            length += (size_t)got;
            if (capacity - 1 - length < 512) {
                capacity *= 2;
                text = realloc(text, capacity);
                CHECK(text != NULL);
            }
        }
        text[length] = '\0';
        close(fds[i]);
        *texts[i] = text;
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

#ifdef PRINT_EXPECTED
static void print_literal(const char* text) {
    if (*text == '\0') {
        printf("\"\"");
        return;
    }
    while (*text) {
        printf("\n     \"");
        const char* line_end = strchr(text, '\n');
        size_t length = line_end ? (size_t)(line_end - text) + 1 : strlen(text);
        for (size_t i = 0; i < length; ++i) {
            unsigned char ch = (unsigned char)text[i];
            if (ch == '\n') printf("\\n");
            else if (ch == '\t') printf("\\t");
            else if (ch == '\v') printf("\\v");
            else if (ch == '"' || ch == '\\') printf("\\%c", ch);
            else printf("%c", ch);
        }
        printf("\"");
        text += length;
    }
}
#endif

int main(void) {
    size_t count = sizeof cases / sizeof *cases;
    for (size_t i = 0; i < count; ++i) {
        char *out, *err;
        int status = capture(&cases[i], &out, &err);
#ifdef PRINT_EXPECTED
        printf("    {%d, %#x, %#x, {", cases[i].definition, cases[i].flags, cases[i].setup);
        for (int j = 0; cases[i].argv[j]; ++j) printf("%s\"%s\"", j ? ", " : "", cases[i].argv[j]);
        printf("},");
        print_literal(out);
        printf(",");
        print_literal(err);
        printf(",\n     %d},\n", status);
#else
        if (strcmp(out, cases[i].out) != 0 || strcmp(err, cases[i].err) != 0) {
            check_write("case ");
            check_write_number((long long)i);
            check_write(" differs; stdout:\n");
            check_write(out);
            check_write("stderr:\n");
            check_write(err);
        }
        CHECK_STREQ(out, cases[i].out);
        CHECK_STREQ(err, cases[i].err);
        CHECK_EQ(status, cases[i].status);
#endif
        free(out);
        free(err);
    }
    return 0;
}
