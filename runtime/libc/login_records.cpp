// login logout logwtmp: what a login program records, as glibc records it,
// in the system's own files (/var/run/utmp and /var/log/wtmp, _PATH_UTMP
// and _PATH_WTMP), through utmp_file.cpp. login and logout first point the
// process's utmp calls back at /var/run/utmp (utmpname), as glibc's do.
#include <limits.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <utmp.h>

#include <initializer_list>

namespace {

// The record's time: now, in its 32-bit seconds and microseconds.
void stamp(utmp& record) {
    timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    record.ut_tv.tv_sec = static_cast<int32_t>(now.tv_sec);
    record.ut_tv.tv_usec = static_cast<int32_t>(now.tv_nsec / 1000);
}

// The terminal's name as a utmp line: without "/dev/" (so "pts/3"), or the
// last component of a name elsewhere.
const char* line_of(const char* terminal) {
    if (strncmp(terminal, "/dev/", 5) == 0) return terminal + 5;
    const char* slash = strrchr(terminal, '/');
    return slash ? slash + 1 : terminal;
}

}  // namespace

extern "C" {

// The caller's record as a USER_PROCESS of this process, on the terminal of
// standard input (else output, else error): overwritten or added in
// /var/run/utmp, and appended to /var/log/wtmp. Without a terminal, only
// wtmp gets it, with the line "???". Failures are silent.
void login(const utmp* entry) noexcept {
    utmp record = *entry;
    record.ut_type = USER_PROCESS;
    record.ut_pid = getpid();
    char terminal[PATH_MAX];
    bool found = false;
    for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
        if (!found) found = ttyname_r(fd, terminal, sizeof terminal) == 0;
    if (found) {
        strncpy(record.ut_line, line_of(terminal), sizeof record.ut_line);
        if (utmpname(_PATH_UTMP) == 0) {
            setutent();
            pututline(&record);
            endutent();
        }
    } else {
        strncpy(record.ut_line, "???", sizeof record.ut_line);
    }
    updwtmp(_PATH_WTMP, &record);
}

// The user's record on `line` in /var/run/utmp (a LOGIN_PROCESS or
// USER_PROCESS one) becomes a DEAD_PROCESS of now, without user or host:
// 1 if it was found and rewritten, 0 if not.
int logout(const char* line) noexcept {
    if (utmpname(_PATH_UTMP) == -1) return 0;
    setutent();
    utmp wanted = {};
    wanted.ut_type = USER_PROCESS;
    strncpy(wanted.ut_line, line, sizeof wanted.ut_line);
    utmp found_record;
    utmp* found;
    int result = 0;
    if (getutline_r(&wanted, &found_record, &found) >= 0) {
        memset(found->ut_user, 0, sizeof found->ut_user);
        memset(found->ut_host, 0, sizeof found->ut_host);
        stamp(*found);
        found->ut_type = DEAD_PROCESS;
        if (pututline(found) != nullptr) result = 1;
    }
    endutent();
    return result;
}

// A record of now appended to /var/log/wtmp: a USER_PROCESS of this process
// when `name` is not empty, else a DEAD_PROCESS (a logout).
void logwtmp(const char* line, const char* name, const char* host) noexcept {
    utmp record = {};
    record.ut_pid = getpid();
    record.ut_type = name[0] != '\0' ? USER_PROCESS : DEAD_PROCESS;
    strncpy(record.ut_line, line, sizeof record.ut_line);
    strncpy(record.ut_user, name, sizeof record.ut_user);
    strncpy(record.ut_host, host, sizeof record.ut_host);
    stamp(record);
    updwtmp(_PATH_WTMP, &record);
}

}  // extern "C"
