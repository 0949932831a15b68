/* Walking the user and group databases (getpwent setpwent endpwent,
 * getgrent setgrent endgrent), compared with the files they read, and
 * getlogin/getlogin_r, compared with what the kernel's login uid says.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"

/* The names of a database file's entries, in order: the first field of each
 * line that is not blank or a comment. */
static int file_names(const char* path, char names[][64], int most) {
    FILE* file = fopen(path, "r");
    CHECK(file != NULL);
    char line[4096];
    int count = 0;
    while (fgets(line, sizeof line, file) && count < most) {
        if (line[0] == '#' || line[0] == '\n' || line[0] == '+' || line[0] == '-') continue;
        size_t length = strcspn(line, ":");
        if (line[length] != ':' || length == 0 || length >= 64) continue;
        memcpy(names[count], line, length);
        names[count][length] = '\0';
        ++count;
    }
    CHECK_EQ(fclose(file), 0);
    return count;
}

static char expected[512][64];

static void user_walk(void) {
    int count = file_names("/etc/passwd", expected, 512);
    CHECK(count > 0);
    setpwent();
    for (int round = 0; round < 2; ++round) {
        /* The file's entries come first and in order (glibc may go on with
         * other sources after them). */
        for (int i = 0; i < count; ++i) {
            struct passwd* entry = getpwent();
            CHECK(entry != NULL);
            CHECK_STREQ(entry->pw_name, expected[i]);
            CHECK(entry->pw_dir != NULL && entry->pw_shell != NULL);
            if (strcmp(entry->pw_name, "root") == 0) CHECK_EQ(entry->pw_uid, 0);
        }
        /* setpwent starts again from the top. */
        setpwent();
    }
    struct passwd* first = getpwent();
    CHECK(first != NULL);
    CHECK_STREQ(first->pw_name, expected[0]);
    endpwent();
    /* After endpwent, a walk starts afresh. */
    first = getpwent();
    CHECK(first != NULL);
    CHECK_STREQ(first->pw_name, expected[0]);
#ifndef CHECKING_AGAINST_GLIBC
    /* The files are all lwp reads: then the end, errno untouched. */
    for (int i = 1; i < count; ++i) CHECK(getpwent() != NULL);
    errno = 0;
    CHECK(getpwent() == NULL);
    CHECK_EQ(errno, 0);
    CHECK(getpwent() == NULL); /* stays at the end */
#endif
    endpwent();
    endpwent(); /* twice is harmless */
}

static void group_walk(void) {
    int count = file_names("/etc/group", expected, 512);
    CHECK(count > 0);
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < count; ++i) {
            struct group* entry = getgrent();
            CHECK(entry != NULL);
            CHECK_STREQ(entry->gr_name, expected[i]);
            CHECK(entry->gr_mem != NULL);
            /* The same entry, looked up by id. */
            gid_t gid = entry->gr_gid;
            char name[64];
            strcpy(name, entry->gr_name);
            struct group by_id, *found = NULL;
            char buffer[8192];
            CHECK_EQ(getgrgid_r(gid, &by_id, buffer, sizeof buffer, &found), 0);
            CHECK(found != NULL);
        }
        setgrent();
    }
    endgrent();
    struct group* first = getgrent();
    CHECK(first != NULL);
    CHECK_STREQ(first->gr_name, expected[0]);
    endgrent();
}

/* What getlogin should say: from /proc/self/loginuid when it is there. */
static void login_name(void) {
    char text[32] = {0};
    int fd = open("/proc/self/loginuid", O_RDONLY);
    if (fd < 0) return; /* no audit login uid: the utmp way, machine-dependent */
    CHECK(read(fd, text, sizeof text - 1) > 0);
    CHECK_EQ(close(fd), 0);
    unsigned long uid = strtoul(text, NULL, 10);
    char name[256];
    if (uid == 4294967295UL) {
        /* Never set (no login session): ENXIO, also in errno. */
        errno = 0;
        CHECK_EQ(getlogin_r(name, sizeof name), ENXIO);
        CHECK_EQ(errno, ENXIO);
        errno = 0;
        CHECK(getlogin() == NULL);
        CHECK_EQ(errno, ENXIO);
        return;
    }
    struct passwd* entry = getpwuid((uid_t)uid);
    if (entry == NULL) return; /* a uid without an entry: the utmp way */
    char expected_name[256];
    snprintf(expected_name, sizeof expected_name, "%s", entry->pw_name);
    CHECK_EQ(getlogin_r(name, sizeof name), 0);
    CHECK_STREQ(name, expected_name);
    CHECK_STREQ(getlogin(), expected_name);
    CHECK_EQ(getlogin_r(name, strlen(expected_name)), ERANGE); /* no room for the NUL */
}

/* Where the process may set its login uid (root with CAP_AUDIT_CONTROL,
 * once), a child sets it to its own uid: getlogin then names that user. */
static void login_name_once_set(void) {
    int pipe_ends[2];
    CHECK_EQ(pipe(pipe_ends), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        char own[32];
        snprintf(own, sizeof own, "%u", (unsigned)getuid());
        int fd = open("/proc/self/loginuid", O_WRONLY);
        char verdict = 's'; /* skipped: cannot be set here */
        if (fd >= 0 && write(fd, own, strlen(own)) == (ssize_t)strlen(own)) {
            CHECK_EQ(close(fd), 0);
            login_name();
            verdict = 'c'; /* checked */
        }
        CHECK_EQ(write(pipe_ends[1], &verdict, 1), 1);
        _exit(0);
    }
    char verdict = 0;
    CHECK_EQ(read(pipe_ends[0], &verdict, 1), 1);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(verdict == 's' || verdict == 'c');
    CHECK_EQ(close(pipe_ends[0]), 0);
    CHECK_EQ(close(pipe_ends[1]), 0);
}

int main(void) {
    user_walk();
    group_walk();
    login_name();
    login_name_once_set();
    return 0;
}
