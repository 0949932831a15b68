// The login records (<utmp.h>): setutent getutent getutent_r getutid
// getutid_r getutline getutline_r pututline endutent utmpname, over the file
// utmpname names (/var/run/utmp at first), and updwtmp, which appends to a
// log such as /var/log/wtmp. The file is an array of glibc's struct utmp,
// 384 bytes each on x86-64 (pinned below), so files written by glibc
// programs (login, sshd, systemd) and by lwp ones are the same.
//
// As glibc does it:
// - one position in one file for the whole process, under a lock; the file
//   stays open from the first call to endutent (or utmpname), read-only
//   until pututline first needs to write;
// - every read and write holds a POSIX record lock on the whole file (a
//   read lock to read, a write lock to write), as login programs and glibc
//   take them, waiting for another holder at most 10 seconds: then the call
//   fails with EAGAIN (glibc times the wait with alarm and fails with
//   EINTR; lwp retries, with pauses growing from 1 to 100 ms, and leaves
//   SIGALRM to the program);
// - getutent is the next record; getutid the next (from the current
//   position) whose type matches: RUN_LVL, BOOT_TIME, NEW_TIME and OLD_TIME
//   by type alone, INIT_PROCESS, LOGIN_PROCESS, USER_PROCESS and
//   DEAD_PROCESS by ut_id (or by ut_line when either id is empty), any of
//   those four types matching any other; getutline the next LOGIN_PROCESS
//   or USER_PROCESS of that ut_line; ESRCH when none is left, EINVAL for a
//   getutid type that names no record kind (EMPTY, ACCOUNTING);
// - pututline overwrites the record getutid would find (starting with the
//   one last read, if it matches), else appends, and returns its argument;
//   a record cut short (by a full disk) is removed again, ENOSPC;
// - an incomplete record at the end of the file counts as its end;
// - /var/run/utmp and /var/log/wtmp are read as /var/run/utmpx and
//   /var/log/wtmpx when those exist, and the x names as the plain ones when
//   they do not (glibc's Linux rule).
// Differences: the descriptor stays close-on-exec after it is reopened for
// writing (glibc's dup2 drops the flag), and updwtmp's too.
//
// Raw system calls throughout: none of these is a cancellation point, as in
// glibc.
#include <errno.h>
#include <fcntl.h>
#include <paths.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <utmp.h>

#include "../../arch/x86_64/syscall.hpp"
#include "../sys/syscalls.hpp"
#include "../thread/internal_lock.hpp"

// glibc's record layout on x86-64, which every utmp file on the machine
// shares.
static_assert(sizeof(utmp) == 384);
static_assert(offsetof(utmp, ut_pid) == 4 && offsetof(utmp, ut_line) == 8 &&
              offsetof(utmp, ut_id) == 40 && offsetof(utmp, ut_user) == 44 &&
              offsetof(utmp, ut_host) == 76 && offsetof(utmp, ut_exit) == 332 &&
              offsetof(utmp, ut_session) == 336 && offsetof(utmp, ut_tv) == 340 &&
              offsetof(utmp, ut_addr_v6) == 348);
static_assert(sizeof(utmp{}.ut_tv.tv_sec) == 4, "32-bit times, as glibc writes them on x86-64");

namespace {

using lwp::arch::syscall2;
using lwp::arch::syscall3;
using lwp::arch::syscall4;
using lwp::sys::failed;

constexpr long record_size = sizeof(utmp);

constexpr char default_name[] = _PATH_UTMP;

// The process's one utmp position, under `lock`.
struct utmp_state {
    lwp::runtime::internal_lock lock;
    const char* name = default_name;  // from strdup when it is not that
    int fd = -1;
    bool writable = false;
    off_t offset = 0;  // of the next record to read
    utmp last{};       // the record read last, which offset is just past
};
constinit utmp_state state;

// errno = `code`; false, for the failing paths.
bool fail(long code) {
    errno = static_cast<int>(code);
    return false;
}

bool exists(const char* path) {
    return !failed(syscall3(__NR_faccessat, AT_FDCWD, reinterpret_cast<long>(path), F_OK));
}

// glibc's Linux rule for the two standard files and their "x" names.
const char* actual_name(const char* name) {
    if (strcmp(name, _PATH_UTMP) == 0 && exists(_PATH_UTMP "x")) return _PATH_UTMP "x";
    if (strcmp(name, _PATH_WTMP) == 0 && exists(_PATH_WTMP "x")) return _PATH_WTMP "x";
    if (strcmp(name, _PATH_UTMP "x") == 0 && !exists(_PATH_UTMP "x")) return _PATH_UTMP;
    if (strcmp(name, _PATH_WTMP "x") == 0 && !exists(_PATH_WTMP "x")) return _PATH_WTMP;
    return name;
}

// A descriptor (close-on-exec), or -1 with errno set.
int open_file(const char* name, int flags) {
    long fd = syscall4(__NR_openat, AT_FDCWD, reinterpret_cast<long>(actual_name(name)),
                       flags | O_CLOEXEC, 0);
    if (failed(fd)) {
        errno = static_cast<int>(-fd);
        return -1;
    }
    return static_cast<int>(fd);
}

void close_file(int fd) { lwp::arch::syscall1(__NR_close, fd); }

long monotonic_milliseconds() {
    timespec now;
    syscall2(__NR_clock_gettime, CLOCK_MONOTONIC, reinterpret_cast<long>(&now));
    return now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

// A record lock (F_RDLCK or F_WRLCK) on the whole file, waiting at most 10
// seconds for another process's; false with errno set if not taken.
// F_SETLK and pauses rather than F_SETLKW: F_SETLKW could only be cut
// short by a signal, which would need a handler of the program's signals.
bool lock_file(int fd, short type) {
    struct flock whole = {};
    whole.l_type = type;
    whole.l_whence = SEEK_SET;  // from the start, l_len 0: to the end, however it grows
    const long deadline = monotonic_milliseconds() + 10 * 1000;
    long pause = 1;  // milliseconds
    for (;;) {
        long result = syscall3(__NR_fcntl, fd, F_SETLK, reinterpret_cast<long>(&whole));
        if (!failed(result)) return true;
        // EAGAIN (or EACCES, which POSIX also allows): another process holds it.
        if (result != -EAGAIN && result != -EACCES && result != -EINTR) return fail(-result);
        long left = deadline - monotonic_milliseconds();
        if (left <= 0) return fail(EAGAIN);
        long wait = pause < left ? pause : left;
        timespec interval = {wait / 1000, (wait % 1000) * 1000000};
        syscall2(__NR_nanosleep, reinterpret_cast<long>(&interval), 0);  // not a cancellation point
        if (pause < 100) pause *= 2;
    }
}

void unlock_file(int fd) {
    struct flock whole = {};
    whole.l_type = F_UNLCK;
    whole.l_whence = SEEK_SET;
    syscall3(__NR_fcntl, fd, F_SETLK, reinterpret_cast<long>(&whole));
}

// setutent's work: the file opened read-only if it is not open, and read
// from the start. False with errno set if it cannot be opened.
bool rewind_file() {
    if (state.fd < 0) {
        state.writable = false;
        state.fd = open_file(state.name, O_RDONLY);
        if (state.fd < 0) return false;
    }
    state.offset = 0;
    return true;
}

bool ensure_open() { return state.fd >= 0 || rewind_file(); }

// The record at the position into state.last, the position moved past it:
// 1; 0 at the end (an incomplete record counts as the end); -1 with errno
// on a read error. Nothing changes unless a whole record was read.
int read_record() {
    utmp record;
    long count;
    do {
        count = lwp::arch::syscall4(__NR_pread64, state.fd, reinterpret_cast<long>(&record),
                                    record_size, state.offset);
    } while (count == -EINTR);
    if (failed(count)) {
        errno = static_cast<int>(-count);
        return -1;
    }
    if (count != record_size) return 0;
    state.last = record;
    state.offset += record_size;
    return 1;
}

bool is_process_record(short type) {
    return type == INIT_PROCESS || type == LOGIN_PROCESS || type == USER_PROCESS ||
           type == DEAD_PROCESS;
}

// getutid's match: by type for the clock and run-level records; for the
// process ones, the same ut_id (the same ut_line if either has no id).
bool matches(const utmp& record, const utmp& id) {
    if (id.ut_type == RUN_LVL || id.ut_type == BOOT_TIME || id.ut_type == OLD_TIME ||
        id.ut_type == NEW_TIME)
        return record.ut_type == id.ut_type;
    if (!is_process_record(record.ut_type) || !is_process_record(id.ut_type)) return false;
    if (record.ut_id[0] != '\0' && id.ut_id[0] != '\0')
        return strncmp(record.ut_id, id.ut_id, sizeof id.ut_id) == 0;
    return strncmp(record.ut_line, id.ut_line, sizeof id.ut_line) == 0;
}

// Whether the record read last (if any was) matches.
bool last_matches(const utmp& id) { return state.offset > 0 && matches(state.last, id); }

// The next record, from the position on, that matches: true, with it in
// state.last; false at the end (ESRCH) or on a read error. The caller holds
// the file's lock.
bool find_next(const utmp& id) {
    for (;;) {
        int read = read_record();
        if (read < 0) return false;
        if (read == 0) return fail(ESRCH);
        if (last_matches(id)) return true;
    }
}

bool valid_id_type(short type) {
    return type == RUN_LVL || type == BOOT_TIME || type == OLD_TIME || type == NEW_TIME ||
           is_process_record(type);
}

// The file open for writing too: a read-write descriptor put in place of
// the read-only one, so the position and lock state stay with one number.
bool make_writable() {
    if (state.writable) return true;
    int fd = open_file(state.name, O_RDWR);
    if (fd < 0) return false;
    long moved = syscall3(__NR_dup3, fd, state.fd, O_CLOEXEC);
    close_file(fd);
    if (failed(moved)) return fail(-moved);
    state.writable = true;
    return true;
}

// How a record's write went.
enum class written { whole, short_, failed };

// A 384-byte write at `offset`. A short one sets ENOSPC, as glibc takes it
// (the disk is full); a failed one, the write's errno.
written write_record(int fd, const utmp* record, off_t offset) {
    long count;
    do {
        count = syscall4(__NR_pwrite64, fd, reinterpret_cast<long>(record), record_size, offset);
    } while (count == -EINTR);
    if (failed(count)) {
        errno = static_cast<int>(-count);
        return written::failed;
    }
    if (count != record_size) {
        errno = ENOSPC;
        return written::short_;
    }
    return written::whole;
}

// The three plain forms' results, one per function (as glibc's).
utmp next_record, found_by_id, found_by_line;

}  // namespace

extern "C" {

// Opening is also what reports a missing file: errno is then set (setutent
// itself returns nothing), and the next call tries again.
void setutent(void) noexcept {
    lwp::runtime::internal_lock_guard hold(state.lock);
    rewind_file();
}

void endutent(void) noexcept {
    lwp::runtime::internal_lock_guard hold(state.lock);
    if (state.fd >= 0) close_file(state.fd);
    state.fd = -1;
}

// 0 with *result set; -1 with a null result at the end (errno untouched) or
// on an error (errno says which).
int getutent_r(utmp* buffer, utmp** result) noexcept {
    *result = nullptr;
    int saved_errno = errno;
    lwp::runtime::internal_lock_guard hold(state.lock);
    if (!ensure_open() || !lock_file(state.fd, F_RDLCK)) return -1;
    int read = read_record();
    unlock_file(state.fd);
    if (read <= 0) {
        if (read == 0) errno = saved_errno;
        return -1;
    }
    *buffer = state.last;
    *result = buffer;
    return 0;
}

int getutid_r(const utmp* id, utmp* buffer, utmp** result) noexcept {
    *result = nullptr;
    if (!valid_id_type(id->ut_type)) {
        errno = EINVAL;
        return -1;
    }
    lwp::runtime::internal_lock_guard hold(state.lock);
    if (!ensure_open() || !lock_file(state.fd, F_RDLCK)) return -1;
    bool found = find_next(*id);
    unlock_file(state.fd);
    if (!found) return -1;
    *buffer = state.last;
    *result = buffer;
    return 0;
}

int getutline_r(const utmp* line, utmp* buffer, utmp** result) noexcept {
    *result = nullptr;
    lwp::runtime::internal_lock_guard hold(state.lock);
    if (!ensure_open() || !lock_file(state.fd, F_RDLCK)) return -1;
    bool found = false;
    for (;;) {
        int read = read_record();
        if (read <= 0) {
            if (read == 0) errno = ESRCH;
            break;
        }
        const utmp& record = state.last;
        if ((record.ut_type == USER_PROCESS || record.ut_type == LOGIN_PROCESS) &&
            strncmp(line->ut_line, record.ut_line, sizeof line->ut_line) == 0) {
            found = true;
            break;
        }
    }
    unlock_file(state.fd);
    if (!found) return -1;
    *buffer = state.last;
    *result = buffer;
    return 0;
}

utmp* getutent(void) noexcept {
    utmp* result;
    return getutent_r(&next_record, &result) < 0 ? nullptr : result;
}

utmp* getutid(const utmp* id) noexcept {
    utmp* result;
    return getutid_r(id, &found_by_id, &result) < 0 ? nullptr : result;
}

utmp* getutline(const utmp* line) noexcept {
    utmp* result;
    return getutline_r(line, &found_by_line, &result) < 0 ? nullptr : result;
}

utmp* pututline(const utmp* record) noexcept {
    lwp::runtime::internal_lock_guard hold(state.lock);
    if (!ensure_open() || !make_writable() || !lock_file(state.fd, F_WRLCK)) return nullptr;
    // The record read last first, read again under the write lock (another
    // process may have changed it); then the rest of the file.
    bool found = false;
    if (last_matches(*record)) {
        state.offset -= record_size;
        int read = read_record();
        if (read < 0) {
            unlock_file(state.fd);
            return nullptr;
        }
        found = read > 0 && last_matches(*record);
    }
    if (!found) found = find_next(*record);
    off_t at;
    if (found) {
        at = state.offset - record_size;
    } else {
        long end = syscall3(__NR_lseek, state.fd, 0, SEEK_END);
        if (failed(end)) {
            errno = static_cast<int>(-end);
            unlock_file(state.fd);
            return nullptr;
        }
        at = end - end % record_size;  // over an incomplete last record
    }
    written outcome = write_record(state.fd, record, at);
    if (outcome != written::whole) {
        // An appended record cut short goes again (glibc's cleanup).
        if (!found && outcome == written::short_) syscall2(__NR_ftruncate, state.fd, at);
        unlock_file(state.fd);
        return nullptr;
    }
    unlock_file(state.fd);
    state.offset = at + record_size;
    return const_cast<utmp*>(record);
}

// 0, or -1 (ENOMEM) when the name cannot be copied. The file open is
// closed; the next call opens the new one.
int utmpname(const char* file) noexcept {
    lwp::runtime::internal_lock_guard hold(state.lock);
    if (state.fd >= 0) close_file(state.fd);
    state.fd = -1;
    if (strcmp(file, state.name) == 0) return 0;
    const char* chosen = default_name;
    if (strcmp(file, default_name) != 0) {
        chosen = strdup(file);
        if (chosen == nullptr) return -1;
    }
    if (state.name != default_name) free(const_cast<char*>(state.name));
    state.name = chosen;
    return 0;
}

// Appends the record to the log `file` (never created here: a missing log
// stays missing), under a write lock; an incomplete record at its end is cut
// off first, and a record written short is taken back. Failures are silent,
// errno aside.
void updwtmp(const char* file, const utmp* record) noexcept {
    int fd = open_file(file, O_WRONLY);
    if (fd < 0) return;
    if (lock_file(fd, F_WRLCK)) {
        long end = syscall3(__NR_lseek, fd, 0, SEEK_END);
        if (!failed(end)) {
            off_t at = end - end % record_size;
            if (at != end) syscall2(__NR_ftruncate, fd, at);
            if (write_record(fd, record, at) != written::whole) syscall2(__NR_ftruncate, fd, at);
        }
        unlock_file(fd);
    }
    close_file(fd);
}

}  // extern "C"
