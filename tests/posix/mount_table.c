/* Mount tables: addmntent writes entries (fields with spaces and backslashes
 * escaped), getmntent and getmntent_r read them back decoded, comment and
 * blank lines skipped, hasmntopt finds options; and the kernel's own table,
 * /proc/self/mounts, reads. Also passes against glibc. */
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

int main(void) {
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
