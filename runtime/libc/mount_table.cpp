// setmntent getmntent getmntent_r addmntent endmntent hasmntopt: reading
// and writing mount tables (/proc/self/mounts, /etc/fstab, ...) through
// stdio. Each line is "device directory type options frequency pass", with a
// space, tab, newline or backslash inside a field written as an octal escape
// (\040 and the rest), which reading decodes, as glibc does.
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace {

// Decodes \040 (space), \011 (tab), \012 (newline) and \134 (backslash)
// in place; other backslashes stay.
char* decode_field(char* field) {
    char* out = field;
    for (char* in = field; *in != '\0';) {
        if (in[0] == '\\' && in[1] >= '0' && in[1] <= '3' && in[2] >= '0' && in[2] <= '7' &&
            in[3] >= '0' && in[3] <= '7') {
            *out++ = static_cast<char>((in[1] - '0') * 64 + (in[2] - '0') * 8 + (in[3] - '0'));
            in += 4;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
    return field;
}

char* next_field(char*& cursor) {
    cursor += strspn(cursor, " \t");
    if (*cursor == '\0') return nullptr;
    char* field = cursor;
    cursor += strcspn(cursor, " \t");
    if (*cursor != '\0') *cursor++ = '\0';
    return field;
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

// The next entry, in the caller's buffer; blank and '#' lines are skipped,
// as are lines too long for the buffer (their rest is read past). A missing
// frequency or pass is 0.
mntent* getmntent_r(FILE* __restrict file, mntent* __restrict entry, char* __restrict buffer,
                    int size) noexcept {
    for (;;) {
        if (fgets(buffer, size, file) == nullptr) return nullptr;
        size_t length = strlen(buffer);
        if (length > 0 && buffer[length - 1] != '\n' && !feof(file)) {
            int c;
            while ((c = getc(file)) != EOF && c != '\n') {
            }
            continue;
        }
        char* cursor = buffer;
        cursor[strcspn(cursor, "\n")] = '\0';
        cursor += strspn(cursor, " \t");
        if (*cursor == '\0' || *cursor == '#') continue;
        char* device = next_field(cursor);
        char* directory = next_field(cursor);
        char* type = next_field(cursor);
        char* options = next_field(cursor);
        if (device == nullptr || directory == nullptr) continue;
        char* frequency = next_field(cursor);
        char* pass = next_field(cursor);
        entry->mnt_fsname = decode_field(device);
        entry->mnt_dir = decode_field(directory);
        entry->mnt_type = type ? decode_field(type) : const_cast<char*>("");
        entry->mnt_opts = options ? decode_field(options) : const_cast<char*>("");
        entry->mnt_freq = frequency ? atoi(frequency) : 0;
        entry->mnt_passno = pass ? atoi(pass) : 0;
        return entry;
    }
}

mntent* getmntent(FILE* file) noexcept {
    return getmntent_r(file, &static_entry.entry, static_entry.text, sizeof static_entry.text);
}

// 0 on success, 1 on failure, glibc's convention for this one.
int addmntent(FILE* __restrict file, const mntent* __restrict entry) noexcept {
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
// by '='), as a pointer into mnt_opts; null when absent.
char* hasmntopt(const mntent* entry, const char* name) noexcept {
    size_t length = strlen(name);
    for (char* option = entry->mnt_opts; option != nullptr && *option != '\0';) {
        if (strncmp(option, name, length) == 0 &&
            (option[length] == '\0' || option[length] == ',' || option[length] == '='))
            return option;
        option = strchr(option, ',');
        if (option != nullptr) ++option;
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
