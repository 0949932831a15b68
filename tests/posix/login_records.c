/* Login records (<utmp.h>, <utmpx.h>) on temporary files: utmpname,
 * setutent, getutent(_r), getutid(_r), getutline(_r), pututline, endutent,
 * updwtmp and the utmpx names, getutmp and getutmpx; the file's bytes
 * checked against the records (glibc's 384-byte layout); an incomplete
 * record at the end; the record locks given back after every call, and a
 * reader not kept out by another process's read lock. Where the machine
 * gives mount namespaces, login, logout and logwtmp on private
 * /var/run/utmp and /var/log/wtmp, with a pseudo-terminal and without one.
 * The real /var/run/utmp and /var/log/wtmp are never written.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utmp.h>
#include <utmpx.h>

#include "../integration/check.h"
#include "private_files.h"

/* A fixed-size field (not always NUL-terminated) holds `text`. */
#define CHECK_FIELD(field, text) CHECK(strncmp((field), (text), sizeof(field)) == 0)

static char path[64];

static void make_file(void) {
    strcpy(path, "/tmp/lwp-utmp-XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK_EQ(close(fd), 0);
}

static long file_size(const char* name) {
    struct stat status;
    CHECK_EQ(stat(name, &status), 0);
    return (long)status.st_size;
}

/* The record at `index` of the file, read directly. */
static void read_record(const char* name, int index, struct utmp* record) {
    int fd = open(name, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(pread(fd, record, sizeof *record, (off_t)index * (off_t)sizeof *record), sizeof *record);
    CHECK_EQ(close(fd), 0);
}

#define UT(seconds) .ut_tv = {.tv_sec = (seconds)}
static struct utmp entries[] = {
    {.ut_type = BOOT_TIME, .ut_pid = 1, UT(1000)},
    {.ut_type = RUN_LVL, .ut_pid = 1, UT(2000)},
    {.ut_type = INIT_PROCESS, .ut_pid = 5, .ut_id = "si", UT(3000)},
    {.ut_type = LOGIN_PROCESS, .ut_pid = 23, .ut_line = "tty1", .ut_id = "1", .ut_user = "LOGIN", UT(4000)},
    {.ut_type = USER_PROCESS, .ut_pid = 24, .ut_line = "tty2", .ut_id = "2", .ut_user = "albert", UT(8000)},
    {.ut_type = USER_PROCESS, .ut_pid = 196, .ut_line = "ttyp0", .ut_id = "p0", .ut_user = "niels", UT(10000)},
    {.ut_type = DEAD_PROCESS, .ut_line = "ttyp1", .ut_id = "p1", UT(16000)},
    {.ut_type = USER_PROCESS, .ut_pid = 300, .ut_line = "pts/4", .ut_user = "noid", UT(17000)},
    {.ut_type = EMPTY},
};
#define ENTRIES (int)(sizeof entries / sizeof *entries)

static void layout(void) {
    CHECK_EQ(sizeof(struct utmp), 384);
    CHECK_EQ(sizeof(struct utmpx), 384);
    CHECK_EQ(offsetof(struct utmp, ut_line), 8);
    CHECK_EQ(offsetof(struct utmp, ut_id), 40);
    CHECK_EQ(offsetof(struct utmp, ut_user), 44);
    CHECK_EQ(offsetof(struct utmp, ut_host), 76);
    CHECK_EQ(offsetof(struct utmp, ut_tv), 340);
    CHECK_EQ(offsetof(struct utmp, ut_addr_v6), 348);
    CHECK_EQ(offsetof(struct utmpx, ut_tv), 340);
}

static void write_and_read(void) {
    make_file();
    CHECK_EQ(utmpname(path), 0);
    setutent();
    for (int i = 0; i < ENTRIES; ++i) CHECK(pututline(&entries[i]) == &entries[i]); /* its argument */
    endutent();
    CHECK_EQ(file_size(path), ENTRIES * 384);
    for (int i = 0; i < ENTRIES; ++i) {
        struct utmp record;
        read_record(path, i, &record);
        CHECK(memcmp(&record, &entries[i], sizeof record) == 0);
    }

    /* The walk, and the end with errno untouched. */
    setutent();
    for (int i = 0; i < ENTRIES; ++i) {
        struct utmp* record = getutent();
        CHECK(record != NULL);
        CHECK(memcmp(record, &entries[i], sizeof *record) == 0);
    }
    errno = 1234;
    CHECK(getutent() == NULL);
    CHECK_EQ(errno, 1234);
    struct utmp buffer, *result = &buffer;
    CHECK_EQ(getutent_r(&buffer, &result), -1);
    CHECK(result == NULL);
    setutent();
    CHECK_EQ(getutent_r(&buffer, &result), 0);
    CHECK(result == &buffer);
    CHECK(memcmp(&buffer, &entries[0], sizeof buffer) == 0);

    /* getutid: clock and run-level records by type; process records by
     * ut_id, any of the four process types matching any other. */
    struct utmp id = {.ut_type = RUN_LVL};
    setutent();
    struct utmp* found = getutid(&id);
    CHECK(found != NULL);
    CHECK(memcmp(found, &entries[1], sizeof *found) == 0);
    setutent();
    id = (struct utmp){.ut_type = DEAD_PROCESS, .ut_id = "2"};
    found = getutid(&id);
    CHECK(found != NULL);
    CHECK_EQ(found->ut_pid, 24);
    /* From the position on: the next one is not found again. */
    errno = 0;
    CHECK(getutid(&id) == NULL);
    CHECK_EQ(errno, ESRCH);
    /* Without an id, by line. */
    setutent();
    id = (struct utmp){.ut_type = LOGIN_PROCESS, .ut_line = "pts/4"};
    found = getutid(&id);
    CHECK(found != NULL);
    CHECK_EQ(found->ut_pid, 300);
    setutent();
    id = (struct utmp){.ut_type = USER_PROCESS, .ut_id = "zz"};
    CHECK(getutid(&id) == NULL);
    CHECK_EQ(errno, ESRCH);
    /* A type that names no record kind. */
    errno = 0;
    id = (struct utmp){.ut_type = EMPTY};
    CHECK(getutid(&id) == NULL);
    CHECK_EQ(errno, EINVAL);
    id.ut_type = ACCOUNTING;
    result = &buffer;
    CHECK_EQ(getutid_r(&id, &buffer, &result), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK(result == NULL);
    setutent();
    id = (struct utmp){.ut_type = INIT_PROCESS, .ut_id = "si"};
    CHECK_EQ(getutid_r(&id, &buffer, &result), 0);
    CHECK(result == &buffer);
    CHECK_EQ(buffer.ut_pid, 5);

    /* getutline: LOGIN_PROCESS and USER_PROCESS records only. */
    struct utmp line = {.ut_line = "tty1"};
    setutent();
    found = getutline(&line);
    CHECK(found != NULL);
    CHECK_EQ(found->ut_pid, 23);
    strcpy(line.ut_line, "ttyp1"); /* a DEAD_PROCESS record's */
    setutent();
    errno = 0;
    CHECK(getutline(&line) == NULL);
    CHECK_EQ(errno, ESRCH);
    strcpy(line.ut_line, "ttyp0");
    setutent();
    CHECK_EQ(getutline_r(&line, &buffer, &result), 0);
    CHECK(result == &buffer);
    CHECK_FIELD(buffer.ut_user, "niels");

    /* pututline overwrites the record of the same id (here the one just
     * read), and appends a record that matches none. */
    buffer.ut_type = DEAD_PROCESS;
    memset(buffer.ut_user, 0, sizeof buffer.ut_user);
    CHECK(pututline(&buffer) == &buffer);
    CHECK_EQ(file_size(path), ENTRIES * 384);
    struct utmp record;
    read_record(path, 5, &record);
    CHECK(memcmp(&record, &buffer, sizeof record) == 0);
    setutent();
    struct utmp login_record = {.ut_type = USER_PROCESS, .ut_pid = 77, .ut_line = "tty2", .ut_id = "2", .ut_user = "paul"};
    CHECK(pututline(&login_record) == &login_record);
    read_record(path, 4, &record);
    CHECK_FIELD(record.ut_user, "paul");
    struct utmp new_record = {.ut_type = USER_PROCESS, .ut_pid = 88, .ut_line = "tty9", .ut_id = "9", .ut_user = "new"};
    setutent();
    CHECK(pututline(&new_record) == &new_record);
    CHECK_EQ(file_size(path), (ENTRIES + 1) * 384);
    read_record(path, ENTRIES, &record);
    CHECK(memcmp(&record, &new_record, sizeof record) == 0);
    endutent();
    CHECK_EQ(unlink(path), 0);
}

/* A record cut short at the end of the file counts as its end, and the
 * next record written goes in its place. */
static void incomplete_record(void) {
    make_file();
    int fd = open(path, O_WRONLY);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, &entries[3], sizeof entries[3]), 384);
    CHECK_EQ(write(fd, &entries[4], 100), 100);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(utmpname(path), 0);
    setutent();
    CHECK(getutent() != NULL);
    CHECK(getutent() == NULL);
    setutent();
    CHECK(pututline(&entries[5]) != NULL);
    CHECK_EQ(file_size(path), 768);
    struct utmp record;
    read_record(path, 1, &record);
    CHECK(memcmp(&record, &entries[5], sizeof record) == 0);
    endutent();

    /* updwtmp appends, cutting off an incomplete record first. */
    fd = open(path, O_WRONLY | O_APPEND);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "junk", 4), 4);
    CHECK_EQ(close(fd), 0);
    updwtmp(path, &entries[6]);
    CHECK_EQ(file_size(path), 3 * 384);
    read_record(path, 2, &record);
    CHECK(memcmp(&record, &entries[6], sizeof record) == 0);
    updwtmpx(path, (const struct utmpx*)&entries[7]);
    CHECK_EQ(file_size(path), 4 * 384);
    read_record(path, 3, &record);
    CHECK(memcmp(&record, &entries[7], sizeof record) == 0);
    CHECK_EQ(unlink(path), 0);
    /* A missing log is not created. */
    updwtmp(path, &entries[6]);
    CHECK(access(path, F_OK) != 0);

    /* Nor a missing utmp file: nothing to read, nothing written. */
    CHECK_EQ(utmpname(path), 0);
    errno = 0;
    setutent();
    CHECK_EQ(errno, ENOENT);
    CHECK(getutent() == NULL);
    CHECK(pututline(&entries[3]) == NULL);
    CHECK_EQ(errno, ENOENT);
    CHECK(access(path, F_OK) != 0);
    endutent();
}

/* The utmpx names, and the copies between the two kinds. */
static void utmpx_names(void) {
    make_file();
    CHECK_EQ(utmpxname(path), 0);
    setutxent();
    struct utmpx record = {.ut_type = USER_PROCESS, .ut_pid = 42, .ut_line = "pts/1", .ut_id = "ts/1",
                           .ut_user = "x-user", .ut_host = "example.org", .ut_session = 7};
    record.ut_tv.tv_sec = 123456;
    record.ut_tv.tv_usec = 789;
    record.ut_addr_v6[0] = 0x0100007f;
    CHECK(pututxline(&record) == &record);
    endutxent();
    setutxent();
    struct utmpx* found = getutxent();
    CHECK(found != NULL);
    CHECK(memcmp(found, &record, sizeof record) == 0);
    CHECK(getutxent() == NULL);
    setutxent();
    struct utmpx id = {.ut_type = DEAD_PROCESS, .ut_id = "ts/1"};
    found = getutxid(&id);
    CHECK(found != NULL);
    CHECK_FIELD(found->ut_user, "x-user");
    setutxent();
    struct utmpx line = {.ut_line = "pts/1"};
    found = getutxline(&line);
    CHECK(found != NULL);
    CHECK_EQ(found->ut_pid, 42);
    endutxent();
    CHECK_EQ(unlink(path), 0);

    /* getutmp and getutmpx copy the whole record, as glibc's do on Linux
     * (the two layouts are one). */
    struct utmp plain;
    memset(&plain, 0x55, sizeof plain);
    getutmp(&record, &plain);
    CHECK(memcmp(&plain, &record, sizeof plain) == 0);
    CHECK_EQ(plain.ut_session, 7);
    struct utmpx extended;
    memset(&extended, 0x55, sizeof extended);
    plain.ut_session = 9;
    getutmpx(&plain, &extended);
    CHECK(memcmp(&plain, &extended, sizeof plain) == 0);
    CHECK_EQ(extended.ut_session, 9);
}

/* Whether another process can take a write lock on the whole file now. */
static int lockable_by_another(const char* name) {
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        int fd = open(name, O_RDWR);
        struct flock whole = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
        _exit(fd >= 0 && fcntl(fd, F_SETLK, &whole) == 0 ? 0 : 1);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status) == 0;
}

static void record_locks(void) {
    make_file();
    CHECK_EQ(utmpname(path), 0);
    setutent();
    CHECK(pututline(&entries[3]) != NULL);
    CHECK(lockable_by_another(path)); /* given back after writing */
    setutent();
    CHECK(getutent() != NULL);
    CHECK(lockable_by_another(path)); /* and after reading */
    struct utmp id = {.ut_type = USER_PROCESS, .ut_id = "none"};
    CHECK(getutid(&id) == NULL);
    CHECK(lockable_by_another(path));

    /* Another process's read lock does not keep a reader out. */
    int ready[2], release[2];
    CHECK_EQ(pipe(ready), 0);
    CHECK_EQ(pipe(release), 0);
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        int fd = open(path, O_RDONLY);
        struct flock whole = {.l_type = F_RDLCK, .l_whence = SEEK_SET};
        CHECK(fd >= 0 && fcntl(fd, F_SETLK, &whole) == 0);
        CHECK_EQ(write(ready[1], "r", 1), 1);
        char byte;
        CHECK_EQ(read(release[0], &byte, 1), 1);
        _exit(0);
    }
    char byte;
    CHECK_EQ(read(ready[0], &byte, 1), 1);
    setutent();
    struct utmp* record = getutent();
    CHECK(record != NULL);
    CHECK_EQ(record->ut_pid, 23);
    CHECK_EQ(write(release[1], "r", 1), 1);
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    for (int i = 0; i < 2; ++i) {
        CHECK_EQ(close(ready[i]), 0);
        CHECK_EQ(close(release[i]), 0);
    }
    endutent();
    CHECK_EQ(unlink(path), 0);
}

/* login, logout and logwtmp write the system's own files: here private
 * ones (see main). */
static struct utmp read_only_record(const char* name, int count, int index) {
    CHECK_EQ(file_size(name), count * 384);
    struct utmp record;
    read_record(name, index, &record);
    return record;
}

/* The precise clock logwtmp stamps with: glibc's time() reads the kernel's
 * coarse clock, which can still show the last second after the precise one
 * has passed to the next. */
static time_t precise_seconds(void) {
    struct timespec now;
    CHECK_EQ(clock_gettime(CLOCK_REALTIME, &now), 0);
    return now.tv_sec;
}

static void on_private_login_files(void) {
    time_t before = precise_seconds();
    logwtmp("pts/9", "alice", "remote.example");
    struct utmp record = read_only_record(_PATH_WTMP, 1, 0);
    time_t after = precise_seconds();
    CHECK_EQ(record.ut_type, USER_PROCESS);
    CHECK_EQ(record.ut_pid, getpid());
    CHECK_FIELD(record.ut_line, "pts/9");
    CHECK_FIELD(record.ut_user, "alice");
    CHECK_FIELD(record.ut_host, "remote.example");
    CHECK(record.ut_tv.tv_sec >= before && record.ut_tv.tv_sec <= after);
    CHECK(record.ut_tv.tv_usec >= 0 && record.ut_tv.tv_usec < 1000000);
    logwtmp("pts/9", "", "");
    record = read_only_record(_PATH_WTMP, 2, 1);
    CHECK_EQ(record.ut_type, DEAD_PROCESS);
    CHECK_FIELD(record.ut_user, "");

    /* login on a terminal: utmp and wtmp; the utmp calls are pointed back
     * at the system's file. */
    int primary, secondary;
    char terminal[64];
    CHECK_EQ(openpty(&primary, &secondary, terminal, NULL, NULL), 0);
    CHECK(strncmp(terminal, "/dev/", 5) == 0);
    int saved_input = dup(0);
    CHECK(saved_input >= 0);
    CHECK_EQ(dup2(secondary, 0), 0);
    make_file();
    CHECK_EQ(utmpname(path), 0);
    struct utmp entry = {.ut_type = LOGIN_PROCESS, .ut_pid = 1, .ut_id = "p9", .ut_user = "bob", .ut_host = "there"};
    login(&entry);
    CHECK_EQ(dup2(saved_input, 0), 0);
    CHECK_EQ(close(saved_input), 0);
    CHECK_EQ(file_size(path), 0); /* not the file named before */
    CHECK_EQ(unlink(path), 0);
    record = read_only_record(_PATH_UTMP, 1, 0);
    CHECK_EQ(record.ut_type, USER_PROCESS);
    CHECK_EQ(record.ut_pid, getpid());
    CHECK_FIELD(record.ut_line, terminal + 5);
    CHECK_FIELD(record.ut_user, "bob");
    CHECK_FIELD(record.ut_host, "there");
    struct utmp logged = read_only_record(_PATH_WTMP, 3, 2);
    CHECK(memcmp(&logged, &record, sizeof record) == 0);
    setutent(); /* the system's file, as login left the name */
    struct utmp* found = getutent();
    CHECK(found != NULL);
    CHECK_FIELD(found->ut_user, "bob");
    endutent();

    /* logout: the record becomes a DEAD_PROCESS without user or host. */
    CHECK_EQ(logout(terminal + 5), 1);
    record = read_only_record(_PATH_UTMP, 1, 0);
    CHECK_EQ(record.ut_type, DEAD_PROCESS);
    CHECK_FIELD(record.ut_user, "");
    CHECK_FIELD(record.ut_host, "");
    CHECK_FIELD(record.ut_line, terminal + 5);
    CHECK_EQ(logout(terminal + 5), 0); /* no LOGIN or USER record left */
    CHECK_EQ(logout("tty-none"), 0);
    CHECK_EQ(close(primary), 0);
    CHECK_EQ(close(secondary), 0);

#ifndef CHECKING_AGAINST_GLIBC
    /* login without any terminal: only wtmp, on the line "???". (glibc's
     * login takes ttyname_r's error number for success and records
     * whatever its buffer held as the line, in utmp too.) */
    int saved[3];
    for (int fd = 0; fd < 3; ++fd) {
        saved[fd] = dup(fd);
        CHECK(saved[fd] >= 0);
    }
    int null_device = open("/dev/null", O_RDWR);
    CHECK(null_device >= 0);
    for (int fd = 0; fd < 3; ++fd) dup2(null_device, fd);
    login(&entry);
    for (int fd = 0; fd < 3; ++fd) {
        dup2(saved[fd], fd);
        close(saved[fd]);
    }
    close(null_device);
    CHECK_EQ(file_size(_PATH_UTMP), 384);
    record = read_only_record(_PATH_WTMP, 4, 3);
    CHECK_FIELD(record.ut_line, "???");
    CHECK_FIELD(record.ut_user, "bob");
#endif
}

int main(void) {
    layout();
    write_and_read();
    incomplete_record();
    utmpx_names();
    record_locks();
    const struct private_file files[] = {{"/var/run/", "utmp"}, {"/var/log/", "wtmp"}};
    with_private_files(files, 2, on_private_login_files);
    return 0;
}
