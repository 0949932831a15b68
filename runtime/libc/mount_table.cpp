// setmntent getmntent getmntent_r addmntent endmntent hasmntopt: reading
// and writing mount tables (/proc/self/mounts, /etc/fstab, ...) through
// stdio. Each line is "device directory type options frequency pass", with a
// space, tab, newline or backslash inside a field written as an octal escape
// (\040 and the rest), which reading decodes, as glibc does.
//
// Reading follows glibc's getmntent_r line for line, since programs see its
// quirks: an autofs entry with the option "ignore" is left out (glibc 2.35's
// hint from automount, for programs that walk the table to mount or
// unmount); a line too long for the buffer is read as what fits; a line
// with missing fields gives "" for them.
//
// setmntent, getmntent_r and addmntent are no cancellation points, as in
// glibc (whose setmntent opens the stream with its "c" mode, which lwp's
// fopen lacks): they hold cancellation off around their stdio calls.
#include <mntent.h>
#include <stdio.h>
#include <string.h>

#include "../thread/cancellation_hold.hpp"

namespace {

// The escapes glibc's writers produce for the four characters that would
// split a field, and \\ for a backslash: \040 (space), \011 (tab), \012
// (newline), \134 and \\ (backslash). Any other backslash stays as it is,
// \151 included (not decoded to 'i', as glibc's test tst-mntent-autofs
// checks). In place.
char* decode_field(char* field) {
    struct escape {
        const char* text;
        char meaning;
    };
    static constexpr escape escapes[] = {
        {"\\040", ' '}, {"\\011", '\t'}, {"\\012", '\n'}, {"\\\\", '\\'}, {"\\134", '\\'}};
    char* out = field;
    for (const char* in = field; *in != '\0';) {
        const escape* found = nullptr;
        if (*in == '\\')
            for (const escape& e : escapes)
                if (strncmp(in, e.text, strlen(e.text)) == 0) found = &e;
        if (found != nullptr) {
            *out++ = found->meaning;
            in += strlen(found->text);
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
    return field;
}

// The next field of the line at `rest`, ended by the first space or tab
// (which becomes its terminator), and `rest` moved past the blanks after
// it; "" once the line is used up (`rest` null), as glibc gives for a
// missing field.
char* next_field(char*& rest) {
    if (rest == nullptr) return const_cast<char*>("");
    char* field = rest;
    char* end = field + strcspn(field, " \t");
    if (*end == '\0') {
        rest = nullptr;
    } else {
        *end = '\0';
        rest = end + 1 + strspn(end + 1, " \t");
    }
    return decode_field(field);
}

// Reads the next line that is neither blank nor a comment into `buffer`
// (which fgets fills with at most size - 1 bytes), newline and the blanks
// before it removed: the first non-blank character, or null at the end of
// the file or on an error. The rest of a line too long for the buffer is
// read and dropped; what fit is the line.
char* next_entry_line(FILE* file, char* buffer, int size) {
    for (;;) {
        if (fgets(buffer, size, file) == nullptr) return nullptr;
        if (char* end = strchr(buffer, '\n')) {
            while (end != buffer && (end[-1] == ' ' || end[-1] == '\t')) --end;
            *end = '\0';
        } else {
            char rest[1024];
            while (fgets(rest, sizeof rest, file) != nullptr && strchr(rest, '\n') == nullptr) {
            }
        }
        char* start = buffer + strspn(buffer, " \t");
        if (*start != '\0' && *start != '#') return start;
    }
}

// A field written with the four characters escaped, so reading splits it
// back the same way.
int write_field(FILE* file, const char* field) {
    for (; *field != '\0'; ++field) {
        char c = *field;
        int written = c == ' ' || c == '\t' || c == '\n' || c == '\\'
                          ? fprintf(file, "\\%03o", static_cast<unsigned char>(c))
                          : putc(c, file);
        if (written < 0) return -1;
    }
    return 0;
}

struct {
    mntent entry;
    char text[4096];
} static_entry;

}  // namespace

extern "C" {

// An fopen that is close-on-exec, as glibc's ("e" added to the mode).
FILE* setmntent(const char* path, const char* mode) noexcept {
    const lwp::runtime::cancellation_hold hold;
    char with_cloexec[16];
    size_t length = strlen(mode);
    if (length + 2 > sizeof with_cloexec) return nullptr;
    memcpy(with_cloexec, mode, length);
    with_cloexec[length] = 'e';
    with_cloexec[length + 1] = '\0';
    return fopen(path, with_cloexec);
}

int endmntent(FILE* file) noexcept {
    if (file != nullptr) fclose(file);
    return 1;  // always, as POSIX-era systems defined it
}

// The next entry, in the caller's buffer: see next_entry_line and
// next_field for the reading. Autofs entries with the option "ignore" are
// skipped, the entry zeroed for each as glibc does (so a table that ends
// with one leaves the entry zeroed).
mntent* getmntent_r(FILE* __restrict file, mntent* __restrict entry, char* __restrict buffer,
                    int size) noexcept {
    const lwp::runtime::cancellation_hold hold;
    for (;;) {
        char* rest = next_entry_line(file, buffer, size);
        if (rest == nullptr) return nullptr;
        entry->mnt_fsname = next_field(rest);
        entry->mnt_dir = next_field(rest);
        entry->mnt_type = next_field(rest);
        entry->mnt_opts = next_field(rest);
        // Frequency and pass as glibc reads them, with sscanf's " %d %d ":
        // 0 for each one not read; both left as they were when nothing but
        // blanks follows the options (sscanf's EOF, which only a line cut
        // by the buffer or a last line without its newline can give).
        int numbers = rest == nullptr ? 0 : sscanf(rest, " %d %d ", &entry->mnt_freq,
                                                   &entry->mnt_passno);
        if (numbers == 0) entry->mnt_freq = 0;
        if (numbers == 0 || numbers == 1) entry->mnt_passno = 0;
        if (strcmp(entry->mnt_type, "autofs") == 0 && hasmntopt(entry, "ignore") != nullptr) {
            memset(entry, 0, sizeof *entry);
            continue;
        }
        return entry;
    }
}

mntent* getmntent(FILE* file) noexcept {
    return getmntent_r(file, &static_entry.entry, static_entry.text, sizeof static_entry.text);
}

// 0 on success, 1 on failure, glibc's convention for this one.
int addmntent(FILE* __restrict file, const mntent* __restrict entry) noexcept {
    const lwp::runtime::cancellation_hold hold;
    if (fseek(file, 0, SEEK_END) != 0) return 1;
    if (write_field(file, entry->mnt_fsname) || putc(' ', file) < 0 ||
        write_field(file, entry->mnt_dir) || putc(' ', file) < 0 ||
        write_field(file, entry->mnt_type) || putc(' ', file) < 0 ||
        write_field(file, entry->mnt_opts) ||
        fprintf(file, " %d %d\n", entry->mnt_freq, entry->mnt_passno) < 0)
        return 1;
    return fflush(file) == 0 ? 0 : 1;
}

// The option `name` in the entry's comma-separated list (whole, or followed
// by '='), as a pointer into mnt_opts; null when absent. Searched as glibc
// does, by the text's occurrences (each not at an option's start or not
// ending there sends the search past its option), which for an empty name
// also finds the empty option at the end of "" or of "a,".
char* hasmntopt(const mntent* entry, const char* name) noexcept {
    size_t length = strlen(name);
    for (char* rest = entry->mnt_opts; char* found = strstr(rest, name);) {
        bool starts_option = found == rest || found[-1] == ',';
        char after = found[length];
        if (starts_option && (after == '\0' || after == ',' || after == '=')) return found;
        rest = strchr(found, ',');
        if (rest == nullptr) break;
        ++rest;
    }
    return nullptr;
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions (same errno, same cancellation behaviour), so they alias them.
extern "C" {
FILE* __setmntent(const char*, const char*) noexcept
    __attribute__((alias("setmntent"), copy(setmntent)));
mntent* __getmntent_r(FILE* __restrict, mntent* __restrict, char* __restrict, int) noexcept
    __attribute__((alias("getmntent_r"), copy(getmntent_r)));
int __endmntent(FILE*) noexcept __attribute__((alias("endmntent"), copy(endmntent)));
}  // extern "C"
