// argp's help: argp_help, argp_state_help and argp_usage, which print the
// "Usage:" lines, the option list of --help, the documentation around it,
// the "Try ..." hint and the bug address, all laid out as glibc 2.36 lays
// them out, byte for byte (through format_stream: argp_format_stream.hpp).
//
// The option list: every option of the argp and its children, an entry per
// option with its aliases, shown as "  -x, --long=ARG" from column 2 (6 for
// an entry with no short option; 2 for an OPTION_DOC entry, its name as
// written), its documentation from column 29 (on the next line if the
// options reach past column 32), wrapped at column 79. An argument is
// shown on the long option only ("-x, --long=ARG"; a note at the end says
// it applies to both) unless the entry has no long option. Hidden options
// are left out; a short or long name an earlier entry already has is
// shadowed. Entries are sorted as glibc sorts them: by group (0, 1, 2, ...,
// then the negative ones, -1 last: --help and --version go there), the
// options of children with a header or a group of their own after their
// parent's, in their own clusters; within a group, OPTION_DOC entries whose
// name does not start with '-' after the others, then by first name
// (short, else long) without case (lower case first on a tie), an entry
// with a short option before one without, long names without case. A
// header entry (no name, no key) starts a group, printed from column 1,
// and groups after a header are separated by blank lines.
//
// The usage: "Usage: NAME [OPTION...] ARGS" for --help and the "Try" hint;
// for --usage, every option spelt out ("[-abc] [-f FILE] [--long=ARG]"),
// lines wrapped at column 79 and continued at column 12. An args_doc with
// newlines gives several patterns, each on its own "  or: " line.
//
// ARGP_HELP_FMT (a list of dup-args, dup-args-note, short-opt-col,
// long-opt-col, doc-opt-col, opt-doc-col, header-col, usage-indent and
// rmargin settings) changes the layout as in glibc; its settings stay in
// force for later help, as glibc's do. Messages are not translated (lwp
// has no catalogues), and the domain of an argp is not used.
//
// Differences from glibc: a stable sort stands for glibc's qsort (which is
// its merge sort for lists this size, so the same order); without memory
// for the option list the program aborts, as glibc's asserts make it do;
// argp_state_help with a null state prints what needs no argp (glibc
// crashes).
#include <argp.h>
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <new>

#include "argp_format_stream.hpp"
#include "argp_internal.hpp"

using lwp::libc::argp_option_is_end;
using lwp::libc::argp_option_is_short;
using lwp::libc::format_stream;

namespace {

// The layout, which ARGP_HELP_FMT may change.
struct layout {
    int dup_args = 0;       // show an option's argument with its short form too
    int dup_args_note = 1;  // when not, say so after the list
    int short_opt_col = 2;
    int long_opt_col = 6;
    int doc_opt_col = 2;
    int opt_doc_col = 29;
    int header_col = 1;
    int usage_indent = 12;
    int rmargin = 79;
};

// Kept between calls: a setting, once read, stays (glibc's behaviour).
layout settings;

struct setting_name {
    const char* name;
    bool is_flag;  // may be given alone ("dup-args") or negated ("no-dup-args")
    int layout::*field;
};

constexpr setting_name setting_names[] = {
    {"dup-args", true, &layout::dup_args},
    {"dup-args-note", true, &layout::dup_args_note},
    {"short-opt-col", false, &layout::short_opt_col},
    {"long-opt-col", false, &layout::long_opt_col},
    {"doc-opt-col", false, &layout::doc_opt_col},
    {"opt-doc-col", false, &layout::opt_doc_col},
    {"header-col", false, &layout::header_col},
    {"usage-indent", false, &layout::usage_indent},
    {"rmargin", false, &layout::rmargin},
};

// ARGP_HELP_FMT: "name=value" and "name"/"no-name" items separated by
// commas; what is wrong is reported (argp_failure) and skipped.
void read_settings(const argp_state* state) {
    const char* text = getenv("ARGP_HELP_FMT");
    if (text == nullptr) return;
    while (*text != '\0') {
        while (isspace(static_cast<unsigned char>(*text))) ++text;
        if (!isalpha(static_cast<unsigned char>(*text))) {
            if (*text != '\0') argp_failure(state, 0, 0, "Garbage in ARGP_HELP_FMT: %s", text);
            break;
        }
        const char* name = text;
        const char* rest = text;
        while (isalnum(static_cast<unsigned char>(*rest)) || *rest == '-' || *rest == '_') ++rest;
        size_t name_length = static_cast<size_t>(rest - name);
        while (isspace(static_cast<unsigned char>(*rest))) ++rest;
        bool no_value = *rest == '\0' || *rest == ',';
        int value = 0;
        if (*rest == '=') {
            ++rest;
            while (isspace(static_cast<unsigned char>(*rest))) ++rest;
        }
        if (no_value) {
            if (strncmp(name, "no-", 3) == 0) {
                name += 3;
                name_length -= 3;
            } else {
                value = 1;
            }
        } else if (isdigit(static_cast<unsigned char>(*rest))) {
            value = atoi(rest);
            while (isdigit(static_cast<unsigned char>(*rest))) ++rest;
            while (isspace(static_cast<unsigned char>(*rest))) ++rest;
        }
        const setting_name* found = nullptr;
        for (const setting_name& known : setting_names)
            if (strlen(known.name) == name_length && strncmp(name, known.name, name_length) == 0)
                found = &known;
        if (found == nullptr)
            argp_failure(state, 0, 0, "%.*s: Unknown ARGP_HELP_FMT parameter",
                         static_cast<int>(name_length), name);
        else if (no_value && !found->is_flag)
            argp_failure(state, 0, 0, "%.*s: ARGP_HELP_FMT parameter requires a value",
                         static_cast<int>(name_length), name);
        else
            settings.*found->field = value;
        text = rest;
        if (*text == ',') ++text;
    }
}

[[noreturn]] void out_of_memory() { abort(); }

void* allocate(size_t size) {
    void* memory = malloc(size);
    if (memory == nullptr && size != 0) out_of_memory();
    return memory;
}

bool is_hidden(const argp_option* o) { return o->flags & OPTION_HIDDEN; }
bool is_alias(const argp_option* o) { return o->flags & OPTION_ALIAS; }
bool is_doc(const argp_option* o) { return o->flags & OPTION_DOC; }

// A child argp with a header or a group of its own: its options are listed
// together, after its parent's in the same group.
struct cluster {
    const char* header;
    int index;  // among its parent's children
    int group;
    cluster* parent;
    const struct argp* argp;  // the parent argp, whose filter applies to the header
    int depth;
    cluster* next;  // every cluster of a list, for freeing
};

// One option and its aliases.
struct entry {
    const argp_option* option;
    unsigned count;  // options, aliases included
    // This entry's short option letters in the list's `shorts`, in the
    // order of its options that have one and are not shadowed.
    char* shorts;
    int group;
    cluster* in;
    const struct argp* argp;
};

struct option_list {
    entry* entries = nullptr;
    unsigned count = 0;
    char* shorts = nullptr;  // every short option letter, each once
    cluster* clusters = nullptr;
};

option_list* list_of(const struct argp* argp, cluster* in) {
    auto* list = new (allocate(sizeof(option_list))) option_list{};
    const argp_option* options = argp->options;
    if (options == nullptr) return list;
    unsigned short_count = 0;
    for (const argp_option* o = options; !argp_option_is_end(o); ++o) {
        if (!is_alias(o)) ++list->count;
        if (argp_option_is_short(o)) ++short_count;
    }
    list->entries = static_cast<entry*>(allocate(sizeof(entry) * list->count));
    list->shorts = static_cast<char*>(allocate(short_count + 1));
    char* shorts_end = list->shorts;
    int group = 0;
    const argp_option* o = options;
    for (entry* e = list->entries; !argp_option_is_end(o); ++e) {
        // A header (no name, no key) starts the next group; others stay in
        // the one before unless they name theirs.
        if (o->group != 0) group = o->group;
        else if (o->name == nullptr && o->key == 0) ++group;
        *e = {o, 0, shorts_end, group, in, argp};
        do {
            ++e->count;
            if (argp_option_is_short(o) &&
                memchr(list->shorts, o->key, static_cast<size_t>(shorts_end - list->shorts)) ==
                    nullptr)
                *shorts_end++ = static_cast<char>(o->key);
            ++o;
        } while (!argp_option_is_end(o) && is_alias(o));
    }
    *shorts_end = '\0';
    return list;
}

void free_list(option_list* list) {
    for (cluster* c = list->clusters; c != nullptr;) {
        cluster* next = c->next;
        free(c);
        c = next;
    }
    free(list->entries);
    free(list->shorts);
    free(list);
}

// Moves `more`'s entries after `list`'s; its short options already in
// `list` are shadowed (dropped from its entries).
void append(option_list* list, option_list* more) {
    cluster** tail = &list->clusters;
    while (*tail != nullptr) tail = &(*tail)->next;
    *tail = more->clusters;
    more->clusters = nullptr;
    if (more->count != 0 && list->count == 0) {
        free(list->entries);
        free(list->shorts);
        list->entries = more->entries;
        list->count = more->count;
        list->shorts = more->shorts;
        more->entries = nullptr;
        more->shorts = nullptr;
        more->count = 0;
    } else if (more->count != 0) {
        unsigned count = list->count + more->count;
        auto* entries = static_cast<entry*>(allocate(count * sizeof(entry)));
        size_t own = strlen(list->shorts);
        auto* shorts = static_cast<char*>(allocate(own + strlen(more->shorts) + 1));
        memcpy(entries, list->entries, list->count * sizeof(entry));
        memcpy(entries + list->count, more->entries, more->count * sizeof(entry));
        memcpy(shorts, list->shorts, own);
        for (unsigned i = 0; i < list->count; ++i)
            entries[i].shorts = shorts + (list->entries[i].shorts - list->shorts);
        char* end = shorts + own;
        const char* theirs = more->shorts;
        for (unsigned i = list->count; i < count; ++i) {
            entry& e = entries[i];
            e.shorts = end;
            const argp_option* o = e.option;
            for (unsigned left = e.count; left != 0; --left, ++o) {
                if (!argp_option_is_short(o) || *theirs != o->key) continue;
                if (memchr(shorts, *theirs, own) == nullptr) *end++ = *theirs;
                ++theirs;
            }
        }
        *end = '\0';
        free(list->entries);
        free(list->shorts);
        list->entries = entries;
        list->count = count;
        list->shorts = shorts;
    }
    free_list(more);
}

// The options of `argp` and all its children.
option_list* full_list(const struct argp* argp, cluster* in) {
    option_list* list = list_of(argp, in);
    const argp_child* children = argp->children;
    for (const argp_child* child = children; child != nullptr && child->argp != nullptr;
         ++child) {
        cluster* child_cluster = in;
        if (child->group != 0 || child->header != nullptr) {
            child_cluster = static_cast<cluster*>(allocate(sizeof(cluster)));
            *child_cluster = {child->header, static_cast<int>(child - children), child->group, in,
                              argp, in ? in->depth + 1 : 0, list->clusters};
            list->clusters = child_cluster;
        }
        append(list, full_list(child->argp, child_cluster));
    }
    return list;
}

// The entry's short options and long names that are shown: not hidden, and
// (for short ones) not shadowed. `each` gets the option and its entry's
// first (the one its argument and flags come from); a nonzero result stops.
template <class Visit>
int each_short(const entry& e, Visit each) {
    const char* letter = e.shorts;
    const argp_option* real = e.option;
    const argp_option* o = e.option;
    for (unsigned left = e.count; left != 0; --left, ++o) {
        if (!argp_option_is_short(o) || *letter != o->key) continue;
        if (!is_alias(o)) real = o;
        ++letter;
        if (!is_hidden(o)) {
            if (int stop = each(o, real)) return stop;
        }
    }
    return 0;
}

template <class Visit>
void each_long(const entry& e, Visit each) {
    const argp_option* real = e.option;
    const argp_option* o = e.option;
    for (unsigned left = e.count; left != 0; --left, ++o) {
        if (o->name == nullptr) continue;
        if (!is_alias(o)) real = o;
        if (!is_hidden(o)) each(o, real);
    }
}

char first_short(const entry& e) {
    return static_cast<char>(
        each_short(e, [](const argp_option* o, const argp_option*) { return o->key; }));
}

const char* first_long(const entry& e) {
    const argp_option* o = e.option;
    for (unsigned left = e.count; left != 0; --left, ++o)
        if (o->name != nullptr && !is_hidden(o)) return o->name;
    return nullptr;
}

// --help and --version go last (group -1) wherever they came from.
void move_to_group(option_list* list, const char* name, int group) {
    for (unsigned i = 0; i < list->count; ++i) {
        const argp_option* o = list->entries[i].option;
        for (unsigned left = list->entries[i].count; left != 0; --left, ++o) {
            if (o->name != nullptr && !is_hidden(o) && strcmp(o->name, name) == 0) {
                list->entries[i].group = group;
                return;
            }
        }
    }
}

// 0, 1, 2, ..., then -m, ..., -2, -1.
int compare_groups(int a, int b) {
    if ((a < 0) == (b < 0)) return a - b;
    return b - a;
}

int compare_siblings(const cluster* a, const cluster* b) {
    int order = compare_groups(a->group, b->group);
    if (order != 0) return order;
    return b->index - a->index;
}

// Clusters of the same depth.
int compare_cousins(const cluster* a, const cluster* b) {
    if (a->parent == b->parent) return compare_siblings(a, b);
    int order = compare_cousins(a->parent, b->parent);
    if (order != 0) return order;
    order = compare_groups(a->group, b->group);
    if (order != 0) return order;
    return b->index - a->index;
}

// A deeper cluster is compared through its ancestor at the other's depth,
// and follows it when that ancestor is the other.
int compare_clusters(const cluster* a, const cluster* b) {
    if (a->depth > b->depth) {
        do a = a->parent;
        while (a->depth > b->depth);
        int order = compare_cousins(a, b);
        return order != 0 ? order : 1;
    }
    if (a->depth < b->depth) {
        do b = b->parent;
        while (a->depth < b->depth);
        int order = compare_cousins(a, b);
        return order != 0 ? order : -1;
    }
    return compare_cousins(a, b);
}

const cluster* base_of(const cluster* c) {
    while (c->parent != nullptr) c = c->parent;
    return c;
}

// An OPTION_DOC name: whether it sorts after the options (it does not
// start with '-'), and from where it is compared (its first letter or
// digit).
bool doc_sorts_last(const char** name) {
    while (isspace(static_cast<unsigned char>(**name))) ++*name;
    bool last = **name != '-';
    while (**name != '\0' && !isalnum(static_cast<unsigned char>(**name))) ++*name;
    return last;
}

int compare_entries(const entry& a, const entry& b) {
    int group_a = a.in ? base_of(a.in)->group : a.group;
    int group_b = b.in ? base_of(b.in)->group : b.group;
    int order = compare_groups(group_a, group_b);
    if (order != 0) return order;
    order = (a.in != nullptr) - (b.in != nullptr);
    if (order != 0) return order;
    if (a.in != nullptr) {
        order = compare_clusters(a.in, b.in);
        if (order != 0) return order;
    }
    order = compare_groups(a.group, b.group);
    if (order != 0) return order;
    const char* long_a = first_long(a);
    const char* long_b = first_long(b);
    int doc_a = is_doc(a.option) && long_a != nullptr && doc_sorts_last(&long_a);
    int doc_b = is_doc(b.option) && long_b != nullptr && doc_sorts_last(&long_b);
    order = doc_a - doc_b;
    if (order != 0) return order;
    int short_a = first_short(a);
    int short_b = first_short(b);
    unsigned char first_a = short_a ? short_a : long_a != nullptr ? *long_a : 0;
    unsigned char first_b = short_b ? short_b : long_b != nullptr ? *long_b : 0;
    order = tolower(first_a) - tolower(first_b);
    if (order != 0) return order;
    order = first_b - first_a;  // lower case first
    if (order != 0) return order;
    order = (short_a != 0) - (short_b != 0);
    if (order != 0) return order;
    if (short_a == 0) {
        order = (long_a != nullptr) - (long_b != nullptr);
        if (order != 0) return order;
        if (long_a != nullptr) return strcasecmp(long_a, long_b);
    }
    return 0;
}

// Stable (equal entries keep their order), as glibc's qsort is for lists
// of this size; insertion sort, the lists being short.
void sort_list(option_list* list) {
    entry* entries = list->entries;
    for (unsigned i = 1; i < list->count; ++i) {
        entry moving = entries[i];
        unsigned j = i;
        while (j > 0 && compare_entries(entries[j - 1], moving) > 0) {
            entries[j] = entries[j - 1];
            --j;
        }
        entries[j] = moving;
    }
}

// The program's help filter for `argp`, if it has one: the text to print
// instead (freed here when it is a new string), or null for none.
const char* filtered(const char* text, int key, const struct argp* argp, const argp_state* state) {
    if (argp == nullptr || argp->help_filter == nullptr) return text;
    return argp->help_filter(key, text, lwp::libc::argp_input_of(argp, state));
}

void release(const char* shown, const char* text) {
    if (shown != nullptr && shown != text) free(const_cast<char*>(shown));
}

void indent_to(format_stream* out, size_t column) {
    int needed = static_cast<int>(column) - static_cast<int>(out->column());
    while (needed-- > 0) out->putc(' ');
}

// A space, or a newline when fewer than `ensure` columns are left.
void space(format_stream* out, size_t ensure) {
    if (out->column() + ensure >= out->right_margin()) out->putc('\n');
    else out->putc(' ');
}

struct list_state {
    const entry* previous = nullptr;  // the last entry printed
    bool separate_groups = false;     // a header was printed: blank lines between groups
    bool argument_not_shown = false;  // an argument was left off a short option
};

struct entry_state {
    const entry* e;
    format_stream* out;
    list_state* list;
    bool first;  // nothing of this entry printed yet
    const argp_state* state;
};

void print_header(const char* header, const struct argp* argp, entry_state& es) {
    const char* shown = filtered(header, ARGP_KEY_HELP_HEADER, argp, es.state);
    if (shown != nullptr) {
        if (*shown != '\0') {
            if (es.list->previous != nullptr) es.out->putc('\n');
            indent_to(es.out, static_cast<size_t>(settings.header_col));
            es.out->set_left_margin(static_cast<size_t>(settings.header_col));
            es.out->set_wrap_margin(settings.header_col);
            es.out->puts(shown);
            es.out->set_left_margin(0);
            es.out->putc('\n');
        }
        es.list->separate_groups = true;
    }
    release(shown, header);
}

bool cluster_within(const cluster* c, const cluster* ancestor) {
    while (c != nullptr && c != ancestor) c = c->parent;
    return c == ancestor;
}

// Before each name of an entry: ", " after the first; before the first,
// a blank line between groups and the header of a cluster just entered.
void separate(size_t column, entry_state& es) {
    if (es.first) {
        const entry* previous = es.list->previous;
        const cluster* c = es.e->in;
        if (es.list->separate_groups && previous != nullptr && es.e->group != previous->group)
            es.out->putc('\n');
        if (c != nullptr && c->header != nullptr && *c->header != '\0' &&
            (previous == nullptr ||
             (previous->in != c && !cluster_within(previous->in, c)))) {
            ssize_t wrap = es.out->wrap_margin();
            print_header(c->header, c->argp, es);
            es.out->set_wrap_margin(wrap);
        }
        es.first = false;
    } else {
        es.out->puts(", ");
    }
    indent_to(es.out, column);
}

void print_argument(const argp_option* real, const char* required, const char* optional,
                    format_stream* out) {
    if (real->arg == nullptr) return;
    out->printf((real->flags & OPTION_ARG_OPTIONAL) ? optional : required, real->arg);
}

void print_entry(const entry& e, const argp_state* state, format_stream* out, list_state& ls) {
    const argp_option* real = e.option;
    size_t old_left = out->set_left_margin(0);
    ssize_t old_wrap = out->wrap_margin();
    entry_state es{&e, out, &ls, true, state};
    bool has_long = false;
    if (!is_doc(real)) {
        const argp_option* o = real;
        for (unsigned left = e.count; left != 0 && !has_long; --left, ++o)
            has_long = o->name != nullptr && !is_hidden(o);
    }

    out->set_wrap_margin(settings.short_opt_col);
    const char* letter = e.shorts;
    const argp_option* o = real;
    for (unsigned left = e.count; left != 0; --left, ++o) {
        if (!argp_option_is_short(o) || o->key != *letter) continue;
        if (!is_hidden(o)) {
            separate(static_cast<size_t>(settings.short_opt_col), es);
            out->putc('-');
            out->putc(*letter);
            if (!has_long || settings.dup_args) print_argument(real, " %s", "[%s]", out);
            else if (real->arg != nullptr) ls.argument_not_shown = true;
        }
        ++letter;
    }

    if (is_doc(real)) {
        out->set_wrap_margin(settings.doc_opt_col);
        o = real;
        for (unsigned left = e.count; left != 0; --left, ++o) {
            if (o->name == nullptr || is_hidden(o)) continue;
            separate(static_cast<size_t>(settings.doc_opt_col), es);
            out->puts(o->name);
        }
    } else {
        out->set_wrap_margin(settings.long_opt_col);
        o = real;
        for (unsigned left = e.count; left != 0; --left, ++o) {
            if (o->name == nullptr || is_hidden(o)) continue;
            separate(static_cast<size_t>(settings.long_opt_col), es);
            out->printf("--%s", o->name);
            print_argument(real, "=%s", "[=%s]", out);
        }
    }

    out->set_left_margin(0);
    if (es.first) {
        // Nothing printed: a header (no name, no short option), or an entry
        // all hidden or shadowed, which prints nothing.
        if (argp_option_is_short(real) || real->name != nullptr) {
            out->set_left_margin(old_left);
            out->set_wrap_margin(old_wrap);
            return;
        }
        print_header(real->doc, e.argp, es);
    } else {
        const char* shown = filtered(real->doc, real->key, e.argp, state);
        if (shown != nullptr && *shown != '\0') {
            size_t column = out->column();
            out->set_left_margin(static_cast<size_t>(settings.opt_doc_col));
            out->set_wrap_margin(settings.opt_doc_col);
            if (column > static_cast<size_t>(settings.opt_doc_col + 3)) out->putc('\n');
            else if (column >= static_cast<size_t>(settings.opt_doc_col)) out->puts("   ");
            else indent_to(out, static_cast<size_t>(settings.opt_doc_col));
            out->puts(shown);
        }
        release(shown, real->doc);
        out->set_left_margin(0);
        out->putc('\n');
    }
    ls.previous = &e;
    out->set_left_margin(old_left);
    out->set_wrap_margin(old_wrap);
}

void print_list(const option_list* list, const argp_state* state, format_stream* out) {
    list_state ls;
    for (unsigned i = 0; i < list->count; ++i) print_entry(list->entries[i], state, out, ls);
    if (ls.argument_not_shown && settings.dup_args_note) {
        static const char note[] =
            "Mandatory or optional arguments to long options are also mandatory or optional "
            "for any corresponding short options.";
        const char* shown = filtered(note, ARGP_KEY_HELP_DUP_ARGS_NOTE,
                                     state ? state->root_argp : nullptr, state);
        if (shown != nullptr && *shown != '\0') {
            out->putc('\n');
            out->puts(shown);
            out->putc('\n');
        }
        release(shown, note);
    }
}

// --usage's list of every option: short ones without an argument as one
// group "[-abc]", then each short one with its argument, then each long one.
void print_usage_options(const option_list* list, format_stream* out) {
    if (list->count == 0) return;
    char* plain = static_cast<char*>(allocate(strlen(list->shorts) + 1));
    char* plain_end = plain;
    for (unsigned i = 0; i < list->count; ++i) {
        each_short(list->entries[i], [&](const argp_option* o, const argp_option* real) {
            if (!(o->arg || real->arg) && !((o->flags | real->flags) & OPTION_NO_USAGE))
                *plain_end++ = static_cast<char>(o->key);
            return 0;
        });
    }
    if (plain_end > plain) {
        *plain_end = '\0';
        out->printf(" [-%s]", plain);
    }
    free(plain);
    for (unsigned i = 0; i < list->count; ++i) {
        each_short(list->entries[i], [&](const argp_option* o, const argp_option* real) {
            const char* arg = o->arg ? o->arg : real->arg;
            int flags = o->flags | real->flags;
            if (arg == nullptr || (flags & OPTION_NO_USAGE)) return 0;
            if (flags & OPTION_ARG_OPTIONAL) {
                out->printf(" [-%c[%s]]", o->key, arg);
            } else {
                // Wrapped here, so that no break falls inside the brackets.
                space(out, 6 + strlen(arg));
                out->printf("[-%c %s]", o->key, arg);
            }
            return 0;
        });
    }
    for (unsigned i = 0; i < list->count; ++i) {
        each_long(list->entries[i], [&](const argp_option* o, const argp_option* real) {
            const char* arg = o->arg ? o->arg : real->arg;
            int flags = o->flags | real->flags;
            if (flags & OPTION_NO_USAGE) return;
            if (arg == nullptr) out->printf(" [--%s]", o->name);
            else if (flags & OPTION_ARG_OPTIONAL) out->printf(" [--%s[=%s]]", o->name, arg);
            else out->printf(" [--%s=%s]", o->name, arg);
        });
    }
}

// How many argps in the tree have an args_doc with several patterns.
size_t pattern_levels(const struct argp* argp) {
    size_t levels = argp->args_doc && strchr(argp->args_doc, '\n') ? 1 : 0;
    for (const argp_child* child = argp->children; child && child->argp; ++child)
        levels += pattern_levels(child->argp);
    return levels;
}

// Prints the args_doc of `argp` and its children for one usage line: for
// each with several patterns, the one `*levels` says (each such argp has a
// counter there). Then moves to the next combination when `advance`, the
// last argp's counter first. True while there are more lines to print.
bool print_usage_arguments(const struct argp* argp, const argp_state* state, char** levels,
                           bool advance, format_stream* out) {
    char* own_level = *levels;
    bool several = false;
    const char* text = argp->args_doc;
    const char* shown = filtered(text, ARGP_KEY_HELP_ARGS_DOC, argp, state);
    const char* line_end = nullptr;
    if (shown != nullptr) {
        const char* line = shown;
        line_end = strchrnul(line, '\n');
        if (*line_end != '\0') {
            several = true;
            for (int i = 0; i < *own_level; ++i) {
                line = line_end + 1;
                line_end = strchrnul(line, '\n');
            }
            ++*levels;
        }
        space(out, 1 + static_cast<size_t>(line_end - line));
        out->write(line, static_cast<size_t>(line_end - line));
    }
    // Whether the last pattern line was printed: read before the filter's
    // string is freed.
    bool more_here = line_end != nullptr && *line_end != '\0';
    release(shown, text);
    for (const argp_child* child = argp->children; child && child->argp; ++child)
        advance = !print_usage_arguments(child->argp, state, levels, advance, out);
    if (advance && several) {
        if (more_here) {
            ++*own_level;
            advance = false;
        } else if (*own_level > 0) {
            *own_level = 0;
        }
    }
    return !advance;
}

// The documentation of `argp` and its children: before the options (the
// part before a '\v', or all of a doc without one; the first found only),
// or after them (the parts after a '\v', each after a blank line).
bool print_doc(const struct argp* argp, const argp_state* state, bool post, bool blank_first,
               bool first_only, format_stream* out) {
    bool anything = false;
    void* input = nullptr;
    const char* doc = argp->doc;
    const char* part = nullptr;
    size_t part_length = 0;  // when only the start of `part` is wanted
    if (doc != nullptr) {
        const char* tab = strchr(doc, '\v');
        part = post ? (tab ? tab + 1 : nullptr) : doc;
        part_length = !post && tab ? static_cast<size_t>(tab - doc) : 0;
    }
    const char* text = part;
    char* copy = nullptr;
    if (argp->help_filter != nullptr) {
        if (part_length != 0) {
            copy = strndup(part, part_length);
            if (copy == nullptr) out_of_memory();
            part = copy;
        }
        input = lwp::libc::argp_input_of(argp, state);
        text = argp->help_filter(post ? ARGP_KEY_HELP_POST_DOC : ARGP_KEY_HELP_PRE_DOC, part,
                                 input);
    }
    if (text != nullptr) {
        if (blank_first) out->putc('\n');
        if (text == part && part_length != 0) out->write(part, part_length);
        else out->puts(text);
        if (out->column() > 0) out->putc('\n');  // the left margin is 0 here
        anything = true;
    }
    if (text != nullptr && text != part) free(const_cast<char*>(text));
    free(copy);
    if (post && argp->help_filter != nullptr) {
        char* extra = argp->help_filter(ARGP_KEY_HELP_EXTRA, nullptr, input);
        if (extra != nullptr) {
            if (anything || blank_first) out->putc('\n');
            out->puts(extra);
            free(extra);
            if (out->column() > 0) out->putc('\n');
            anything = true;
        }
    }
    for (const argp_child* child = argp->children;
         child && child->argp && !(first_only && anything); ++child)
        anything |= print_doc(child->argp, state, post, anything || blank_first, first_only, out);
    return anything;
}

void help(const struct argp* argp, const argp_state* state, FILE* stream, unsigned flags,
          const char* name) {
    if (stream == nullptr) return;
    static const struct argp nothing = {};
    if (argp == nullptr) argp = &nothing;
    flockfile(stream);
    read_settings(state);
    format_stream* out = format_stream::make(stream, 0, static_cast<size_t>(settings.rmargin), 0);
    if (out == nullptr) {
        funlockfile(stream);
        return;
    }
    bool anything = false;
    option_list* list = nullptr;
    if (flags & (ARGP_HELP_USAGE | ARGP_HELP_SHORT_USAGE | ARGP_HELP_LONG)) {
        list = full_list(argp, nullptr);
        move_to_group(list, "help", -1);
        move_to_group(list, "version", -1);
        sort_list(list);
    }
    if (flags & (ARGP_HELP_USAGE | ARGP_HELP_SHORT_USAGE)) {
        size_t level_count = pattern_levels(argp);
        char* levels = static_cast<char*>(allocate(level_count + 1));
        memset(levels, 0, level_count);
        bool first_pattern = true;
        bool more_patterns;
        do {
            ssize_t old_wrap = out->set_wrap_margin(settings.usage_indent);
            char* next_level = levels;
            out->printf("%s %s", first_pattern ? "Usage:" : "  or: ", name);
            size_t old_left = out->set_left_margin(static_cast<size_t>(settings.usage_indent));
            if (flags & ARGP_HELP_SHORT_USAGE) {
                if (list->count > 0) out->puts(" [OPTION...]");
            } else {
                print_usage_options(list, out);
                flags |= ARGP_HELP_SHORT_USAGE;  // the options are spelt out once
            }
            more_patterns = print_usage_arguments(argp, state, &next_level, true, out);
            out->set_wrap_margin(old_wrap);
            out->set_left_margin(old_left);
            out->putc('\n');
            anything = true;
            first_pattern = false;
        } while (more_patterns);
        free(levels);
    }
    if (flags & ARGP_HELP_PRE_DOC) anything |= print_doc(argp, state, false, false, true, out);
    if (flags & ARGP_HELP_SEE) {
        out->printf("Try `%s --help' or `%s --usage' for more information.\n", name, name);
        anything = true;
    }
    if ((flags & ARGP_HELP_LONG) && list->count > 0) {
        if (anything) out->putc('\n');
        print_list(list, state, out);
        anything = true;
    }
    if (flags & ARGP_HELP_POST_DOC) anything |= print_doc(argp, state, true, anything, false, out);
    if ((flags & ARGP_HELP_BUG_ADDR) && argp_program_bug_address) {
        if (anything) out->putc('\n');
        out->printf("Report bugs to %s.\n", argp_program_bug_address);
    }
    funlockfile(stream);
    if (list != nullptr) free_list(list);
    out->finish();
}

}  // namespace

char* lwp::libc::argp_short_program_name() {
    return program_invocation_short_name ? program_invocation_short_name
                                         : const_cast<char*>("");
}

extern "C" {

void argp_help(const struct argp* __restrict argp, FILE* __restrict stream, unsigned flags,
               char* __restrict name) {
    help(argp, nullptr, stream, flags, name);
}

// Nothing when the parse is ARGP_NO_ERRS; exits after the help for
// ARGP_HELP_EXIT_ERR (with argp_err_exit_status) and ARGP_HELP_EXIT_OK
// (0), unless the parse is ARGP_NO_EXIT.
void argp_state_help(const struct argp_state* __restrict state, FILE* __restrict stream,
                     unsigned flags) {
    if ((state != nullptr && (state->flags & ARGP_NO_ERRS)) || stream == nullptr) return;
    if (state != nullptr && (state->flags & ARGP_LONG_ONLY)) flags |= ARGP_HELP_LONG_ONLY;
    help(state ? state->root_argp : nullptr, state, stream, flags,
         state ? state->name : lwp::libc::argp_short_program_name());
    if (state == nullptr || !(state->flags & ARGP_NO_EXIT)) {
        if (flags & ARGP_HELP_EXIT_ERR) exit(argp_err_exit_status);
        if (flags & ARGP_HELP_EXIT_OK) exit(0);
    }
}

// What <argp.h> inlines when optimising.
void argp_usage(const struct argp_state* state) {
    argp_state_help(state, stderr, ARGP_HELP_STD_USAGE);
}

}  // extern "C"
