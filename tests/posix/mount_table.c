/* Mount tables: addmntent writes entries (fields with spaces and backslashes
 * escaped), getmntent and getmntent_r read them back decoded, comment and
 * blank lines skipped, hasmntopt finds options; glibc's rules for autofs
 * entries marked "ignore", other escapes, long lines and missing fields;
 * and the kernel's own table, /proc/self/mounts, reads. Also passes against
 * glibc. */
#include <mntent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

/* A table file holding `text`, open for reading; its path in `path`. */
static FILE* table_of(char* path, const char* text) {
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    FILE* table = setmntent(path, "r");
    CHECK(table != NULL);
    return table;
}

static void check_entry(const struct mntent* entry, const char* fsname, const char* dir,
                        const char* type, const char* opts, int freq, int passno) {
    CHECK_STREQ(entry->mnt_fsname, fsname);
    CHECK_STREQ(entry->mnt_dir, dir);
    CHECK_STREQ(entry->mnt_type, type);
    CHECK_STREQ(entry->mnt_opts, opts);
    CHECK_EQ(entry->mnt_freq, freq);
    CHECK_EQ(entry->mnt_passno, passno);
}

/* glibc 2.35's rule (its test misc/tst-mntent-autofs): an entry of type
 * "autofs" with the option "ignore" (a whole option name) is left out; the
 * same options on another type, or "noignore" and "errors=ignore", are not.
 * Only glibc's escapes are decoded: \151 stays as written. */
static void autofs_ignore_entries(void) {
    char path[] = "/tmp/mount_table_XXXXXX";
    FILE* table = table_of(path,
                           "/a /m/1 autofs defaults 0 0\n"
                           "/a /m/2 autofs ignore 0 0\n"
                           "/a /m/3 autofs opt1,ignore,opt2 5 6\n"
                           "/a /m/4 autofs ignore=1 5 6\n"
                           "/a /m/5 autofs1 ignore 1 2\n"
                           "/a /m/6 autofs noignore,errors=ignore 3 4\n"
                           "/\\151 /m/7 autofs \\151gnore,a\\\\b\\134c 0 0\n"
                           "/a /m/8 autofs other,ignore 0 0\n");
    struct mntent entry;
    char buffer[256];
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "/a", "/m/1", "autofs", "defaults", 0, 0);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "/a", "/m/5", "autofs1", "ignore", 1, 2);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "/a", "/m/6", "autofs", "noignore,errors=ignore", 3, 4);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "/\\151", "/m/7", "autofs", "\\151gnore,a\\b\\c", 0, 0);
    /* The last line is left out: the end, the entry zeroed as glibc leaves it. */
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == NULL);
    CHECK(entry.mnt_fsname == NULL && entry.mnt_opts == NULL && entry.mnt_passno == 0);
    CHECK_EQ(feof(table), 1);
    CHECK_EQ(ferror(table), 0);
    CHECK_EQ(endmntent(table), 1);
    unlink(path);
}

/* Lines as glibc reads them: missing fields are "", a frequency or pass
 * that is not a number is 0 (and ends the reading of numbers), a line too
 * long for the buffer is what fits, its rest dropped. (tools/
 * compare_mount_table.c compares many random tables with glibc.) */
static void partial_and_long_lines(void) {
    char path[] = "/tmp/mount_table_XXXXXX";
    FILE* table = table_of(path,
                           "  lonely\n"
                           "dev\tdir  \t\n"
                           "dev dir type opts x 7\n"
                           "dev dir type opts 5x 6\n"
                           "dev dir type opts -3 +4 extra\n"
                           "dev dir type a-very-long-option-list-cut-by-the-buffer 1 2\n"
                           "next dir type opts 1\n"
                           "last dir type opts \t ");
    struct mntent entry;
    char buffer[32];
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "lonely", "", "", "", 0, 0);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "dev", "dir", "", "", 0, 0);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "dev", "dir", "type", "opts", 0, 0);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "dev", "dir", "type", "opts", 5, 0);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "dev", "dir", "type", "opts", -3, 4);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "dev", "dir", "type", "a-very-long-option", 0, 0);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "next", "dir", "type", "opts", 1, 0);
    /* Blanks after the options and no newline to strip them with: glibc's
     * sscanf finds no number at all and leaves both as they were. */
    entry.mnt_freq = 42;
    entry.mnt_passno = 43;
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == &entry);
    check_entry(&entry, "last", "dir", "type", "opts", 42, 43);
    CHECK(getmntent_r(table, &entry, buffer, sizeof buffer) == NULL);
    CHECK_EQ(feof(table), 1);
    endmntent(table);
    unlink(path);
}

/* hasmntopt searches as glibc does: whole option names, the first that
 * ends with ',', '=' or the end; an empty name finds an empty option. */
static void option_search(void) {
    char opts[] = "xsize,size2,size=1,size";
    struct mntent entry = {.mnt_opts = opts};
    CHECK(hasmntopt(&entry, "size") == opts + 12);
    CHECK(hasmntopt(&entry, "size2") == opts + 6);
    CHECK(hasmntopt(&entry, "ize") == NULL);
    CHECK(hasmntopt(&entry, "") == NULL);
    char empty[] = "";
    entry.mnt_opts = empty;
    CHECK(hasmntopt(&entry, "") == empty);
    CHECK(hasmntopt(&entry, "rw") == NULL);
    char trailing[] = "rw,";
    entry.mnt_opts = trailing;
    CHECK(hasmntopt(&entry, "") == trailing + 3);
    CHECK(hasmntopt(&entry, "rw") == trailing);
}

/* getmntent_r and addmntent are no cancellation points (glibc's setmntent
 * opens its stream with the "c" mode): a thread with a cancellation pending
 * reads and writes a table to the end and is cancelled at its next
 * cancellation point. */
static int table_done;

static void* use_table_with_cancellation_pending(void* path) {
    CHECK_EQ(pthread_cancel(pthread_self()), 0);
    FILE* table = setmntent(path, "r+");
    CHECK(table != NULL);
    struct mntent entry;
    char buffer[64];
    int entries = 0;
    while (getmntent_r(table, &entry, buffer, sizeof buffer) != NULL) ++entries;
    CHECK_EQ(entries, 2);
    struct mntent added = {.mnt_fsname = "c", .mnt_dir = "/c", .mnt_type = "t",
                           .mnt_opts = "rw", .mnt_freq = 0, .mnt_passno = 0};
    CHECK_EQ(addmntent(table, &added), 0);
    table_done = 1;
    pthread_testcancel();
    return NULL;
}

static void no_cancellation_points(void) {
    char path[] = "/tmp/mount_table_XXXXXX";
    FILE* table = table_of(path, "a /a t rw 0 0\nb /b t rw 0 0\n");
    endmntent(table);
    pthread_t thread;
    void* result = NULL;
    CHECK_EQ(pthread_create(&thread, NULL, use_table_with_cancellation_pending, path), 0);
    CHECK_EQ(pthread_join(thread, &result), 0);
    CHECK(result == PTHREAD_CANCELED);
    CHECK_EQ(table_done, 1);
    FILE* raw = fopen(path, "r");
    char text[64];
    CHECK_EQ(fread(text, 1, sizeof text, raw), 42u);
    CHECK(memcmp(text + 28, "c /c t rw 0 0\n", 14) == 0);
    fclose(raw);
    unlink(path);
}

int main(void) {
    autofs_ignore_entries();
    no_cancellation_points();
    partial_and_long_lines();
    option_search();

    char path[] = "/tmp/mount_table_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "# a comment\n\n", 13), 13);
    close(fd);

    FILE* table = setmntent(path, "r+");
    CHECK(table != NULL);
    struct mntent entry = {.mnt_fsname = "/dev/disk one",
                           .mnt_dir = "/mnt/with space\\and backslash",
                           .mnt_type = "ext4",
                           .mnt_opts = "rw,noatime,size=10m",
                           .mnt_freq = 1,
                           .mnt_passno = 2};
    CHECK_EQ(addmntent(table, &entry), 0);
    struct mntent second = {.mnt_fsname = "tmpfs", .mnt_dir = "/tmp", .mnt_type = "tmpfs",
                            .mnt_opts = "defaults", .mnt_freq = 0, .mnt_passno = 0};
    CHECK_EQ(addmntent(table, &second), 0);
    CHECK_EQ(endmntent(table), 1);

    /* What was written: escaped. */
    FILE* raw = fopen(path, "r");
    char line[256];
    CHECK(fgets(line, sizeof line, raw) && fgets(line, sizeof line, raw) &&
          fgets(line, sizeof line, raw));
    CHECK_STREQ(line, "/dev/disk\\040one /mnt/with\\040space\\134and\\040backslash ext4 "
                      "rw,noatime,size=10m 1 2\n");
    fclose(raw);

    table = setmntent(path, "r");
    CHECK(table != NULL);
    struct mntent* read = getmntent(table);
    CHECK(read != NULL);
    CHECK_STREQ(read->mnt_fsname, "/dev/disk one");
    CHECK_STREQ(read->mnt_dir, "/mnt/with space\\and backslash");
    CHECK_STREQ(read->mnt_type, "ext4");
    CHECK_EQ(read->mnt_freq, 1);
    CHECK_EQ(read->mnt_passno, 2);
    CHECK(hasmntopt(read, "noatime") != NULL);
    CHECK_STREQ(hasmntopt(read, "size"), "size=10m");
    CHECK(hasmntopt(read, "no") == NULL); /* whole option names only */
    CHECK(hasmntopt(read, "ro") == NULL);
    struct mntent own;
    char buffer[256];
    read = getmntent_r(table, &own, buffer, sizeof buffer);
    CHECK(read == &own);
    CHECK_STREQ(own.mnt_dir, "/tmp");
    CHECK(getmntent_r(table, &own, buffer, sizeof buffer) == NULL); /* the end */
    endmntent(table);
    unlink(path);

    /* The kernel's table has the root file system. */
    table = setmntent("/proc/self/mounts", "r");
    CHECK(table != NULL);
    int root_found = 0;
    while ((read = getmntent(table)) != NULL) root_found += strcmp(read->mnt_dir, "/") == 0;
    CHECK(root_found >= 1);
    endmntent(table);
    CHECK(setmntent("/nonexistent/fstab", "r") == NULL);
    return 0;
}
