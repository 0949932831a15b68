// getttyent getttynam setttyent endttyent (<ttyent.h>), and ttyslot: the BSD terminal
// table /etc/ttys, read as glibc reads it. Linux systems have no such file:
// then setttyent returns 0, getttyent and getttynam null, endttyent 1.
//
// A line (at most 98 characters and its newline: a longer one, or a last
// one without its newline, is skipped) is taken after its leading blanks,
// unless empty or a '#' comment. Its fields are separated by spaces, tabs
// or newlines; double quotes group (and are removed; \" inside them is a
// quote); '#' outside quotes ends the fields. The first three are ty_name,
// ty_getty and ty_type (the last two null when absent); then the flags
// "on", "off" and "secure" (each followed by a blank) set ty_status, and
// "window=..." ty_window, up to the first other word; what follows (after a
// '#' and the blanks after it) is ty_comment, null if nothing. As glibc's,
// the entry lives in one static buffer overwritten by the next call, and
// the walk is one for the process: not thread-safe.
#include <stdio.h>
#include <string.h>
#include <ttyent.h>
#include <unistd.h>

#include "integer_parse.hpp"

namespace lwp::libc {
namespace {

FILE* table;         // /etc/ttys while a walk has it open
char last_separator;  // what ended the field skip_field last cut

bool is_field_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Cuts the field at `field` in place (quotes removed, the separator made a
// NUL) and returns where the next one starts, past the blanks; at a '#'
// the rest of the line is left for the comment.
char* skip_field(char* field) {
    char* out = field;
    char* at = field;
    bool quoted = false;
    for (char c; (c = *at) != '\0'; ++at) {
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        if (quoted && c == '\\' && at[1] == '"') ++at;
        *out++ = *at;
        if (quoted) continue;
        if (c == '#') {
            last_separator = c;
            *at = '\0';
            break;
        }
        if (is_field_blank(c)) {
            last_separator = c;
            *at++ = '\0';
            while (is_field_blank(*at)) ++at;
            break;
        }
    }
    // Over the separator copied last (or, at the end of the text, over the
    // last character copied, as glibc's parser does).
    *--out = '\0';
    return at;
}

// Whether the unparsed word at `at` is `flag` followed by a blank
// (`assigned`: followed by '=').
bool is_word(const char* at, const char* flag, bool assigned) {
    size_t length = strlen(flag);
    if (strncmp(at, flag, length) != 0) return false;
    return assigned ? at[length] == '=' : is_space(at[length]);
}

}  // namespace
}  // namespace lwp::libc

using namespace lwp::libc;

extern "C" {

int setttyent(void) noexcept {
    if (table != nullptr) {
        rewind(table);
        return 1;
    }
    // Close-on-exec, as glibc opens it ("rce").
    table = fopen(_PATH_TTYS, "re");
    return table != nullptr;
}

int endttyent(void) noexcept {
    if (table == nullptr) return 1;
    int closed = fclose(table);
    table = nullptr;
    return closed != EOF;
}

struct ttyent* getttyent(void) noexcept {
    static struct ttyent entry;
    static char line[100];
    if (table == nullptr && !setttyent()) return nullptr;
    char* at;
    for (;;) {
        if (fgets(line, sizeof line, table) == nullptr) return nullptr;
        if (strchr(line, '\n') == nullptr) {
            // Too long (or the last line, without its newline): passed over.
            int c;
            while ((c = getc(table)) != '\n' && c != EOF) {
            }
            continue;
        }
        at = line;
        while (is_space(*at)) ++at;
        if (*at != '\0' && *at != '#') break;
    }
    last_separator = '\0';
    entry.ty_name = at;
    at = skip_field(at);
    entry.ty_getty = at;
    if (*at == '\0') {
        entry.ty_getty = entry.ty_type = nullptr;
    } else {
        at = skip_field(at);
        entry.ty_type = at;
        if (*at == '\0')
            entry.ty_type = nullptr;
        else
            at = skip_field(at);
    }
    entry.ty_status = 0;
    entry.ty_window = nullptr;
    for (; *at != '\0'; at = skip_field(at)) {
        if (is_word(at, _TTYS_OFF, false))
            entry.ty_status &= ~TTY_ON;
        else if (is_word(at, _TTYS_ON, false))
            entry.ty_status |= TTY_ON;
        else if (is_word(at, _TTYS_SECURE, false))
            entry.ty_status |= TTY_SECURE;
        else if (is_word(at, _TTYS_WINDOW, true))
            entry.ty_window = strchr(at, '=') + 1;
        else
            break;
    }
    if (last_separator == '#' || *at == '#') {
        char c;
        while ((c = *++at) == ' ' || c == '\t') {
        }
    }
    entry.ty_comment = *at != '\0' ? at : nullptr;
    if (char* newline = strchr(at, '\n')) *newline = '\0';
    return &entry;
}

struct ttyent* getttynam(const char* tty) noexcept {
    setttyent();
    struct ttyent* entry;
    while ((entry = getttyent()) != nullptr)
        if (strcmp(tty, entry->ty_name) == 0) break;
    endttyent();
    return entry;
}

// The line of the terminal table (counting from 1) naming the terminal of
// the first of descriptors 0, 1 and 2 that is one (its last path
// component); 0 when none is, or the table lacks it (always, on Linux
// systems without /etc/ttys).
int ttyslot(void) noexcept {
    char name[33];  // _SC_TTY_NAME_MAX, as glibc sizes it, and the NUL
    setttyent();
    for (int fd = 0; fd < 3; ++fd) {
        if (ttyname_r(fd, name, sizeof name) != 0) continue;
        const char* slash = strrchr(name, '/');
        const char* base = slash != nullptr ? slash + 1 : name;
        int slot = 1;
        for (struct ttyent* entry; (entry = getttyent()) != nullptr; ++slot) {
            if (strcmp(entry->ty_name, base) == 0) {
                endttyent();
                return slot;
            }
        }
        break;
    }
    endttyent();
    return 0;
}

}  // extern "C"
