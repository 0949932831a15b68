// argp_parse: options and arguments parsed for a tree of argp structures
// (an argp and its children), each with its own parser function, as glibc
// parses them, over lwp's getopt scanner (getopt_scanner.hpp) with a state
// of its own, so that optind, optarg and the program's own getopt scan are
// left alone.
//
// The parse: every argp with options or a parser is a group, in the order
// of a depth-first walk. Their options become one getopt_long option set
// (a short option or a long name an earlier group already has is that
// group's); each option found goes to the parser of the group it came
// from, with its key and argument. Each argument that is not an option is
// offered to the parsers in turn as ARGP_KEY_ARG (a parser refusing it
// with ARGP_ERR_UNKNOWN is then offered the rest as ARGP_KEY_ARGS), until
// one takes it; if none does, parsing stops there. Every parser sees
// ARGP_KEY_INIT first (in group order: a parser may set
// state->child_inputs for its children's `input`), then the options and
// arguments, then (when all arguments were taken) ARGP_KEY_NO_ARGS (if it
// took none) and ARGP_KEY_END (children first), then ARGP_KEY_SUCCESS or
// ARGP_KEY_ERROR, and ARGP_KEY_FINI last. A parser's error other than
// ARGP_ERR_UNKNOWN stops the parse and is returned; an unknown option (or,
// without an end index to return them in, arguments nobody took: "Too many
// arguments") prints the "Try ..." hint and exits with
// argp_err_exit_status, or returns EINVAL under ARGP_NO_EXIT.
//
// Unless ARGP_NO_HELP, --help (-?), --usage, the hidden --program-name and
// --HANG, and --version (-V, when argp_program_version or its hook is set)
// are added, in groups of their own after the program's.
//
// Flags: ARGP_PARSE_ARGV0 (argv[0] is parsed too, under ARGP_NO_ERRS),
// ARGP_NO_ERRS (no messages, no exits: getopt's messages too), ARGP_NO_ARGS
// (arguments are not parsed: parsing stops at the first), ARGP_IN_ORDER
// (arguments where they come, instead of after the options), ARGP_NO_HELP,
// ARGP_NO_EXIT, ARGP_LONG_ONLY (getopt_long_only's rules).
//
// Keys are the low 24 bits of an option's key, sign-extended (the high
// bits say which group a long option is from, as in glibc).
#include <argp.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "argp_internal.hpp"
#include "getopt_scanner.hpp"

namespace {

// What getopt returns besides an option.
constexpr int end_of_options = -1;
constexpr int non_option = 1;  // under "-" (ARGP_IN_ORDER)
constexpr int scan_error = '?';

constexpr int group_bits = 8;
constexpr int user_bits = 32 - group_bits;
constexpr int user_mask = (1 << user_bits) - 1;

constexpr int unknown = ARGP_ERR_UNKNOWN;

// The options argp_parse adds.
constexpr int program_name_key = -2;
constexpr int usage_key = -3;
constexpr int hang_key = -4;

const argp_option default_options[] = {
    {"help", '?', nullptr, 0, "Give this help list", -1},
    {"usage", usage_key, nullptr, 0, "Give a short usage message", 0},
    {"program-name", program_name_key, "NAME", OPTION_HIDDEN, "Set the program name", 0},
    {"HANG", hang_key, "SECS", OPTION_ARG_OPTIONAL | OPTION_HIDDEN,
     "Hang for SECS seconds (default 3600)", 0},
    {},
};

error_t default_parser(int key, char* arg, argp_state* state) {
    switch (key) {
    case '?': argp_state_help(state, state->out_stream, ARGP_HELP_STD_HELP); break;
    case usage_key:
        argp_state_help(state, state->out_stream, ARGP_HELP_USAGE | ARGP_HELP_EXIT_OK);
        break;
    case program_name_key: {
        program_invocation_name = arg;
        const char* slash = strrchr(arg, '/');
        state->name = slash ? const_cast<char*>(slash + 1) : arg;
        program_invocation_short_name = state->name;
        // getopt's messages use argv[0]: the new name there too, when
        // argv[0] is the program's name (not parsed, messages on).
        if ((state->flags & (ARGP_PARSE_ARGV0 | ARGP_NO_ERRS)) == ARGP_PARSE_ARGV0)
            state->argv[0] = arg;
        break;
    }
    case hang_key: {
        // For attaching a debugger: sleeps SECS seconds, one at a time.
        for (int seconds = atoi(arg ? arg : "3600"); seconds > 0; --seconds) sleep(1);
        break;
    }
    default: return unknown;
    }
    return 0;
}

const struct argp default_argp = {default_options, default_parser, nullptr, nullptr,
                                  nullptr,         nullptr,        "libc"};

const argp_option version_options[] = {
    {"version", 'V', nullptr, 0, "Print program version", -1},
    {},
};

error_t version_parser(int key, char*, argp_state* state) {
    if (key != 'V') return unknown;
    if (argp_program_version_hook) argp_program_version_hook(state->out_stream, state);
    else if (argp_program_version) fprintf(state->out_stream, "%s\n", argp_program_version);
    else argp_error(state, "(PROGRAM ERROR) No version known!?");
    if (!(state->flags & ARGP_NO_EXIT)) exit(0);
    return 0;
}

const struct argp version_argp = {version_options, version_parser, nullptr, nullptr,
                                  nullptr,         nullptr,        "libc"};

// One argp of the tree that has options or a parser.
struct group {
    argp_parser_t parser;
    const struct argp* argp;
    char* short_end;  // where its short options end in the option string
    unsigned arguments_taken;
    group* parent;
    unsigned index_in_parent;
    // Swapped into the state around each call of its parser.
    void* input;
    void** child_inputs;
    void* hook;
};

struct parser {
    const struct argp* argp;
    char* short_options;  // getopt's option string for all groups
    option* long_options;
    lwp::libc::getopt_state scan;
    group* groups;
    group* groups_end;
    void** child_inputs;  // room for every group's child_inputs
    bool try_getopt;      // false once getopt has no more options to give
    argp_state state;
    void* storage;
};

error_t call(group* g, argp_state* state, int key, char* arg) {
    if (g->parser == nullptr) return unknown;
    state->hook = g->hook;
    state->input = g->input;
    state->child_inputs = g->child_inputs;
    state->arg_num = g->arguments_taken;
    error_t result = g->parser(key, arg, state);
    g->hook = state->hook;
    return result;
}

int find_long_option(const option* options, const char* name) {
    for (const option* o = options; o->name != nullptr; ++o)
        if (strcmp(o->name, name) == 0) return static_cast<int>(o - options);
    return -1;
}

struct sizes {
    size_t short_length = 0;
    size_t long_count = 0;
    size_t groups = 0;
    size_t child_inputs = 0;
};

void measure(const struct argp* argp, sizes& s) {
    if (argp->options != nullptr || argp->parser != nullptr) {
        ++s.groups;
        if (argp->options != nullptr) {
            size_t count = 0;
            while (!lwp::libc::argp_option_is_end(&argp->options[count])) ++count;
            s.short_length += count * 3;  // a letter and up to two ':'
            s.long_count += count;
        }
    }
    for (const argp_child* child = argp->children; child && child->argp; ++child) {
        measure(child->argp, s);
        ++s.child_inputs;
    }
}

struct converting {
    parser* p;
    char* short_end;
    option* long_end;
    void** child_inputs_end;
};

// Adds the options of `argp` (as group `g`, when it has options or a
// parser) and its children's to the getopt option set; returns the next
// free group.
group* convert(const struct argp* argp, group* parent, unsigned index, group* g, converting& c) {
    const argp_option* real = argp->options;
    const argp_child* children = argp->children;
    if (real != nullptr || argp->parser != nullptr) {
        for (const argp_option* o = real; o != nullptr && !lwp::libc::argp_option_is_end(o);
             ++o) {
            if (!(o->flags & OPTION_ALIAS)) real = o;
            if (real->flags & OPTION_DOC) continue;  // documentation only
            if (lwp::libc::argp_option_is_short(o)) {
                *c.short_end++ = static_cast<char>(o->key);
                if (real->arg != nullptr) {
                    *c.short_end++ = ':';
                    if (real->flags & OPTION_ARG_OPTIONAL) *c.short_end++ = ':';
                }
                *c.short_end = '\0';
            }
            if (o->name != nullptr && find_long_option(c.p->long_options, o->name) < 0) {
                c.long_end->name = o->name;
                c.long_end->has_arg = real->arg == nullptr ? no_argument
                                      : (real->flags & OPTION_ARG_OPTIONAL) ? optional_argument
                                                                             : required_argument;
                c.long_end->flag = nullptr;
                c.long_end->val = ((o->key ? o->key : real->key) & user_mask) +
                                  (static_cast<int>(g - c.p->groups + 1) << user_bits);
                (++c.long_end)->name = nullptr;
            }
        }
        *g = {argp->parser, argp, c.short_end, 0, parent, index, nullptr, nullptr, nullptr};
        if (children != nullptr) {
            unsigned count = 0;
            while (children[count].argp != nullptr) ++count;
            g->child_inputs = c.child_inputs_end;
            c.child_inputs_end += count;
        }
        parent = g++;
    } else {
        parent = nullptr;
    }
    unsigned child_index = 0;
    for (const argp_child* child = children; child && child->argp; ++child)
        g = convert(child->argp, parent, child_index++, g, c);
    return g;
}

error_t start(parser* p, const struct argp* argp, int argc, char** argv, unsigned flags,
              void* input) {
    sizes s;
    s.short_length = (flags & ARGP_NO_ARGS) ? 0 : 1;
    if (argp != nullptr) measure(argp, s);
    size_t groups_size = (s.groups + 1) * sizeof(group);
    size_t inputs_size = s.child_inputs * sizeof(void*);
    size_t longs_size = (s.long_count + 1) * sizeof(option);
    p->storage = malloc(groups_size + inputs_size + longs_size + s.short_length + 1);
    if (p->storage == nullptr) return ENOMEM;
    char* storage = static_cast<char*>(p->storage);
    p->groups = reinterpret_cast<group*>(storage);
    p->child_inputs = reinterpret_cast<void**>(storage + groups_size);
    p->long_options = reinterpret_cast<option*>(storage + groups_size + inputs_size);
    p->short_options = storage + groups_size + inputs_size + longs_size;
    p->scan = lwp::libc::getopt_state{};
    memset(p->child_inputs, 0, inputs_size);

    converting c{p, p->short_options, p->long_options, p->child_inputs};
    if (flags & ARGP_IN_ORDER) *c.short_end++ = '-';
    else if (flags & ARGP_NO_ARGS) *c.short_end++ = '+';
    *c.short_end = '\0';
    c.long_end->name = nullptr;
    p->argp = argp;
    p->groups_end = argp ? convert(argp, nullptr, 0, p->groups, c) : p->groups;

    memset(&p->state, 0, sizeof p->state);
    p->state.root_argp = p->argp;
    p->state.argc = argc;
    p->state.argv = argv;
    p->state.flags = flags;
    p->state.err_stream = stderr;
    p->state.out_stream = stdout;
    p->state.next = 0;  // getopt starts a new scan
    p->state.pstate = p;
    p->try_getopt = true;

    error_t error = 0;
    if (p->groups < p->groups_end) p->groups->input = input;
    for (group* g = p->groups; g < p->groups_end && (error == 0 || error == unknown); ++g) {
        if (g->parent != nullptr) g->input = g->parent->child_inputs[g->index_in_parent];
        // A group with no parser hands its input on to its first child.
        if (g->parser == nullptr && g->argp->children && g->argp->children->argp)
            g->child_inputs[0] = g->input;
        error = call(g, &p->state, ARGP_KEY_INIT, nullptr);
    }
    if (error == unknown) error = 0;
    if (error != 0) {
        free(p->storage);
        return error;
    }

    if (p->state.flags & ARGP_NO_ERRS) {
        p->scan.opterr = 0;
        // getopt always skips argv[0]: to parse it, a word is put in front
        // (never read: getopt reads argv[0] only for messages, which are off).
        if (p->state.flags & ARGP_PARSE_ARGV0) {
            p->state.argv--;
            p->state.argc++;
        }
    } else {
        p->scan.opterr = 1;
    }
    if (p->state.argv == argv && argv[0] != nullptr) {
        char* slash = strrchr(argv[0], '/');
        p->state.name = slash ? slash + 1 : argv[0];
    } else {
        p->state.name = lwp::libc::argp_short_program_name();
    }
    return 0;
}

// The end of the parse: the last calls of the parsers, and the result.
error_t finish(parser* p, error_t error, bool argument_refused, int* end_index) {
    if (error == unknown && argument_refused) error = 0;  // arguments left over: not an error yet
    if (error == 0) {
        if (p->state.next == p->state.argc) {
            for (group* g = p->groups; g < p->groups_end && (error == 0 || error == unknown); ++g)
                if (g->arguments_taken == 0)
                    error = call(g, &p->state, ARGP_KEY_NO_ARGS, nullptr);
            for (group* g = p->groups_end - 1;
                 g >= p->groups && (error == 0 || error == unknown); --g)
                error = call(g, &p->state, ARGP_KEY_END, nullptr);
            if (error == unknown) error = 0;
            if (end_index) *end_index = p->state.next;
        } else if (end_index) {
            *end_index = p->state.next;  // the caller takes the rest
        } else {
            if (!(p->state.flags & ARGP_NO_ERRS) && p->state.err_stream)
                fprintf(p->state.err_stream, "%s: Too many arguments\n", p->state.name);
            error = unknown;
        }
    }
    if (error != 0) {
        if (error == unknown)
            argp_state_help(&p->state, p->state.err_stream, ARGP_HELP_STD_ERR);
        for (group* g = p->groups; g < p->groups_end; ++g)
            call(g, &p->state, ARGP_KEY_ERROR, nullptr);
    } else {
        // Children first, so that they can hand values back to their parents.
        for (group* g = p->groups_end - 1; g >= p->groups && (error == 0 || error == unknown);
             --g)
            error = call(g, &p->state, ARGP_KEY_SUCCESS, nullptr);
        if (error == unknown) error = 0;
    }
    for (group* g = p->groups_end - 1; g >= p->groups; --g)
        call(g, &p->state, ARGP_KEY_FINI, nullptr);
    if (error == unknown) error = EINVAL;
    free(p->storage);
    return error;
}

// A non-option argument (state.next is past it): offered to each group.
error_t parse_argument(parser* p, char* value) {
    int index = --p->state.next;
    error_t error = unknown;
    int key = 0;
    group* g;
    for (g = p->groups; g < p->groups_end && error == unknown; ++g) {
        p->state.next++;  // ARGP_KEY_ARG takes it
        key = ARGP_KEY_ARG;
        error = call(g, &p->state, key, value);
        if (error == unknown) {
            p->state.next--;  // ARGP_KEY_ARGS: it is the first of the rest
            key = ARGP_KEY_ARGS;
            error = call(g, &p->state, key, nullptr);
        }
    }
    if (error == 0) {
        // ARGP_KEY_ARGS with state.next untouched: all of them taken.
        if (key == ARGP_KEY_ARGS) p->state.next = p->state.argc;
        if (p->state.next > index) (g - 1)->arguments_taken += p->state.next - index;
        else p->try_getopt = true;  // the parser moved back: scan again
    }
    return error;
}

error_t parse_option(parser* p, int opt, char* value) {
    int group_key = opt >> user_bits;
    error_t error = unknown;
    if (group_key == 0) {
        // A short option: the group whose part of the option string has it.
        const char* at = strchr(p->short_options, opt);
        if (at != nullptr) {
            for (group* g = p->groups; g < p->groups_end; ++g) {
                if (g->short_end > at) {
                    error = call(g, &p->state, opt, value);
                    break;
                }
            }
        }
    } else {
        // A long option: the group in its high bits, the key sign-extended
        // from the low ones.
        error = call(&p->groups[group_key - 1], &p->state,
                     static_cast<int>(static_cast<unsigned>(opt) << group_bits) >> group_bits,
                     value);
    }
    if (error == unknown) {
        static const char complaint[] = "(PROGRAM ERROR) Option should have been recognized!?";
        if (group_key == 0) {
            argp_error(&p->state, "-%c: %s", opt, complaint);
        } else {
            const option* o = p->long_options;
            while (o->val != opt && o->name != nullptr) ++o;
            argp_error(&p->state, "--%s: %s", o->name ? o->name : "???", complaint);
        }
    }
    return error;
}

// One step: the next option or argument. *argument_refused says whether an
// ARGP_ERR_UNKNOWN result means that arguments remain that nobody took (or
// that there are no more), which is not an error in itself.
error_t parse_next(parser* p, bool* argument_refused) {
    if (p->state.quoted && p->state.next < p->state.quoted)
        p->state.quoted = 0;  // a parser moved back before the "--": scan it again
    int opt;
    if (p->try_getopt && !p->state.quoted) {
        p->scan.optind = p->state.next;
        p->scan.optopt = end_of_options;  // getopt sets it only on an error
        opt = lwp::libc::scan_options(p->scan, p->state.argc, p->state.argv, p->short_options,
                                      p->long_options, nullptr,
                                      (p->state.flags & ARGP_LONG_ONLY) != 0);
        p->state.next = p->scan.optind;
        if (opt == end_of_options) {
            p->try_getopt = false;
            // After "--", nothing is an option, whatever it looks like.
            if (p->state.next > 1 && strcmp(p->state.argv[p->state.next - 1], "--") == 0)
                p->state.quoted = p->state.next;
        } else if (opt == scan_error && p->scan.optopt != end_of_options) {
            *argument_refused = false;
            return unknown;
        }
    } else {
        opt = end_of_options;
    }
    if (opt == end_of_options) {
        if (p->state.next >= p->state.argc || (p->state.flags & ARGP_NO_ARGS)) {
            *argument_refused = true;
            return unknown;
        }
        opt = non_option;
        p->scan.optarg = p->state.argv[p->state.next++];
    }
    error_t error = opt == non_option ? parse_argument(p, p->scan.optarg)
                                      : parse_option(p, opt, p->scan.optarg);
    if (error == unknown) *argument_refused = opt == non_option;
    return error;
}

}  // namespace

void* lwp::libc::argp_input_of(const struct argp* argp, const struct argp_state* state) {
    if (state == nullptr) return nullptr;
    const parser* p = static_cast<const parser*>(state->pstate);
    for (group* g = p->groups; g < p->groups_end; ++g)
        if (g->argp == argp) return g->input;
    return nullptr;
}

extern "C" error_t argp_parse(const struct argp* __restrict argp, int argc, char** __restrict argv,
                              unsigned flags, int* __restrict end_index, void* __restrict input) {
    // Unless ARGP_NO_HELP, the program's argp goes under one with the
    // default options' and --version's as further children.
    argp_child children[4] = {};
    struct argp top = {};
    if (!(flags & ARGP_NO_HELP)) {
        argp_child* child = children;
        if (argp != nullptr) (child++)->argp = argp;
        (child++)->argp = &default_argp;
        if (argp_program_version || argp_program_version_hook) (child++)->argp = &version_argp;
        top.children = children;
        argp = &top;
    }
    parser p;
    error_t error = start(&p, argp, argc, argv, flags, input);
    if (error != 0) return error;
    bool argument_refused = false;
    while (error == 0) error = parse_next(&p, &argument_refused);
    return finish(&p, error, argument_refused, end_index);
}
