// Terminals: tcgetattr tcsetattr cfgetispeed cfgetospeed cfsetispeed
// cfsetospeed cfsetspeed cfmakeraw tcflush tcflow tcsendbreak tcgetpgrp
// tcsetpgrp tcgetsid ttyname ttyname_r; pseudo-terminals: posix_openpt
// grantpt unlockpt ptsname ptsname_r openpty login_tty forkpty; ctermid.
// -1 with errno on failure (the _r
// forms return the error number). (isatty and tcdrain are in unistd.cpp.)
//
// glibc's struct termios is not the kernel's: it has 32 control characters
// where the kernel has 19, and the speeds in fields of their own, which the
// kernel keeps in c_cflag's CBAUD bits. The calls translate, as glibc's do;
// the speeds reported are the CBAUD values (B9600, ...), as glibc reports
// them.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <pty.h>
#include <termios.h>
#include <utmp.h>
#include <unistd.h>

#include "../sys/syscalls.hpp"
#include "errno_result.hpp"

using lwp::libc::errno_result;
using lwp::libc::fail_with_errno;

namespace {

// The kernel's struct termios (TCGETS/TCSETS) on x86-64.
struct kernel_termios {
    tcflag_t c_iflag;
    tcflag_t c_oflag;
    tcflag_t c_cflag;
    tcflag_t c_lflag;
    cc_t c_line;
    cc_t c_cc[19];
};
static_assert(sizeof(kernel_termios) == 36);

int control(int fd, unsigned long request, const void* argument) {
    return static_cast<int>(errno_result(lwp::arch::syscall3(
        __NR_ioctl, fd, static_cast<long>(request), reinterpret_cast<long>(argument))));
}

// A descriptor that is not a pseudo-terminal master: the kernel answers
// ENOTTY, and POSIX (and glibc) say EINVAL for grantpt and unlockpt.
int master_control(int fd, unsigned long request, const void* argument) {
    int result = control(fd, request, argument);
    if (result != 0 && errno == ENOTTY) errno = EINVAL;
    return result;
}

// The CBAUD values Linux knows: B0..B38400, then B57600..B4000000 (CBAUDEX).
bool known_speed(speed_t speed) {
    return (speed & ~static_cast<speed_t>(CBAUD)) == 0 &&
           (speed <= B38400 || (speed >= B57600 && speed <= B4000000));
}

}  // namespace

extern "C" {

int tcgetattr(int fd, struct termios* settings) noexcept {
    kernel_termios kernel;
    if (control(fd, TCGETS, &kernel) != 0) return -1;
    memset(settings, 0, sizeof *settings);
    settings->c_iflag = kernel.c_iflag;
    settings->c_oflag = kernel.c_oflag;
    settings->c_cflag = kernel.c_cflag;
    settings->c_lflag = kernel.c_lflag;
    settings->c_line = kernel.c_line;
    memcpy(settings->c_cc, kernel.c_cc, sizeof kernel.c_cc);
    settings->c_ispeed = settings->c_ospeed = kernel.c_cflag & CBAUD;
    return 0;
}

// TCSANOW, TCSADRAIN (after the output is sent) or TCSAFLUSH (and the
// unread input dropped); anything else is EINVAL.
int tcsetattr(int fd, int when, const struct termios* settings) noexcept {
    unsigned long request;
    switch (when) {
    case TCSANOW: request = TCSETS; break;
    case TCSADRAIN: request = TCSETSW; break;
    case TCSAFLUSH: request = TCSETSF; break;
    default: return fail_with_errno(EINVAL);
    }
    kernel_termios kernel;
    kernel.c_iflag = settings->c_iflag;
    kernel.c_oflag = settings->c_oflag;
    kernel.c_cflag = settings->c_cflag;
    kernel.c_lflag = settings->c_lflag;
    kernel.c_line = settings->c_line;
    memcpy(kernel.c_cc, settings->c_cc, sizeof kernel.c_cc);
    return control(fd, request, &kernel);
}

speed_t cfgetospeed(const struct termios* settings) noexcept { return settings->c_cflag & CBAUD; }
speed_t cfgetispeed(const struct termios* settings) noexcept { return settings->c_cflag & CBAUD; }

// Linux has one speed for both directions, in c_cflag.
int cfsetospeed(struct termios* settings, speed_t speed) noexcept {
    if (!known_speed(speed)) return fail_with_errno(EINVAL);
    settings->c_cflag = (settings->c_cflag & ~static_cast<tcflag_t>(CBAUD)) | speed;
    settings->c_ospeed = speed;
    return 0;
}
// 0 means "the same as the output speed", as POSIX allows.
int cfsetispeed(struct termios* settings, speed_t speed) noexcept {
    if (speed == 0) return 0;
    if (!known_speed(speed)) return fail_with_errno(EINVAL);
    settings->c_cflag = (settings->c_cflag & ~static_cast<tcflag_t>(CBAUD)) | speed;
    settings->c_ispeed = speed;
    return 0;
}
int cfsetspeed(struct termios* settings, speed_t speed) noexcept {
    if (cfsetospeed(settings, speed) != 0) return -1;
    settings->c_ispeed = speed;
    return 0;
}

// Byte-at-a-time input with no echo, no signals from keys and no
// translation, 8-bit characters: the settings a program takes a terminal
// over with.
void cfmakeraw(struct termios* settings) noexcept {
    settings->c_iflag &= ~static_cast<tcflag_t>(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR |
                                                IGNCR | ICRNL | IXON);
    settings->c_oflag &= ~static_cast<tcflag_t>(OPOST);
    settings->c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    settings->c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB);
    settings->c_cflag |= CS8;
    settings->c_cc[VMIN] = 1;
    settings->c_cc[VTIME] = 0;
}

int tcflush(int fd, int queue) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall3(__NR_ioctl, fd, TCFLSH, queue)));
}
int tcflow(int fd, int action) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall3(__NR_ioctl, fd, TCXONC, action)));
}
// A break of the terminal's usual length: TCSBRK with 0 (the duration is
// not honoured, as in glibc).
int tcsendbreak(int fd, int) noexcept {
    return static_cast<int>(errno_result(lwp::arch::syscall3(__NR_ioctl, fd, TCSBRK, 0)));
}

pid_t tcgetpgrp(int fd) noexcept {
    pid_t group;
    return control(fd, TIOCGPGRP, &group) == 0 ? group : -1;
}
int tcsetpgrp(int fd, pid_t group) noexcept { return control(fd, TIOCSPGRP, &group); }
pid_t tcgetsid(int fd) noexcept {
    pid_t session;
    return control(fd, TIOCGSID, &session) == 0 ? session : -1;
}

// The terminal's path, from /proc/self/fd, checked to be the same device
// (a descriptor's link may name a file since replaced). ENOTTY for a
// descriptor that is not a terminal, ERANGE for a buffer too small.
int ttyname_r(int fd, char* buffer, size_t size) noexcept {
    alignas(8) char probe[64];
    long answer = lwp::sys::ioctl(fd, TCGETS, probe);
    if (lwp::sys::failed(answer)) return static_cast<int>(-answer);
    char link[32];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[PATH_MAX];
    ssize_t length = readlink(link, target, sizeof target - 1);
    if (length < 0) return errno;
    target[length] = '\0';
    struct stat by_path, by_descriptor;
    if (stat(target, &by_path) != 0 || fstat(fd, &by_descriptor) != 0 ||
        by_path.st_rdev != by_descriptor.st_rdev || by_path.st_ino != by_descriptor.st_ino)
        return ENODEV;
    if (static_cast<size_t>(length) >= size) return ERANGE;
    memcpy(buffer, target, static_cast<size_t>(length) + 1);
    return 0;
}

// One buffer for the process, as POSIX allows (glibc's is too).
char* ttyname(int fd) noexcept {
    static char name[PATH_MAX];
    int error = ttyname_r(fd, name, sizeof name);
    if (error != 0) {
        errno = error;
        return nullptr;
    }
    return name;
}

// The pseudo-terminal multiplexer: each open is a new master.
int posix_openpt(int flags) { return open("/dev/ptmx", flags); }

// The GNU name for opening a master, read and write, without making it the
// controlling terminal.
int getpt(void) { return posix_openpt(O_RDWR | O_NOCTTY); }

// With devpts (every Linux since 2.6), the kernel gives the pseudo-terminal
// its owner and mode itself: only check that fd is a master.
int grantpt(int fd) noexcept {
    unsigned int number;
    return master_control(fd, TIOCGPTN, &number);
}

int unlockpt(int fd) noexcept {
    int unlock = 0;
    return master_control(fd, TIOCSPTLCK, &unlock);
}

int ptsname_r(int fd, char* buffer, size_t size) noexcept {
    unsigned int number;
    long answer = lwp::arch::syscall3(__NR_ioctl, fd, TIOCGPTN, reinterpret_cast<long>(&number));
    if (lwp::sys::failed(answer)) {
        errno = static_cast<int>(-answer);
        return errno;
    }
    char name[32];
    int length = snprintf(name, sizeof name, "/dev/pts/%u", number);
    if (static_cast<size_t>(length) >= size) {
        errno = ERANGE;
        return ERANGE;
    }
    memcpy(buffer, name, static_cast<size_t>(length) + 1);
    return 0;
}

char* ptsname(int fd) noexcept {
    static char name[32];
    return ptsname_r(fd, name, sizeof name) == 0 ? name : nullptr;
}

// The controlling terminal's name: always "/dev/tty", which names it in any
// process that has one (glibc answers the same).
char* ctermid(char* buffer) noexcept {
    static char name[L_ctermid];
    if (buffer == nullptr) buffer = name;
    memcpy(buffer, "/dev/tty", sizeof "/dev/tty");
    return buffer;
}

// A new pseudo-terminal pair: both ends opened without becoming anyone's
// controlling terminal (O_NOCTTY: the caller decides, see login_tty), the
// subsidiary end given `settings` and `size` when asked, its name copied to
// `name` (which must hold it: the interface has no size, and "/dev/pts/N"
// fits any buffer of 32 bytes). On failure nothing stays open.
int openpty(int* primary, int* subsidiary, char* name, const struct termios* settings,
            const struct winsize* size) noexcept {
    int primary_fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (primary_fd < 0) return -1;
    char path[32];
    int subsidiary_fd = -1;
    int error = 0;
    if (grantpt(primary_fd) != 0 || unlockpt(primary_fd) != 0) error = errno;
    else if ((error = ptsname_r(primary_fd, path, sizeof path)) != 0) {
    } else if ((subsidiary_fd = open(path, O_RDWR | O_NOCTTY)) < 0) error = errno;
    else if (settings && tcsetattr(subsidiary_fd, TCSAFLUSH, settings) != 0) error = errno;
    else if (size && ioctl(subsidiary_fd, TIOCSWINSZ, size) != 0) error = errno;
    if (error != 0) {
        if (subsidiary_fd >= 0) close(subsidiary_fd);
        close(primary_fd);
        errno = error;
        return -1;
    }
    // The primary end was opened close-on-exec so that no thread's fork and
    // exec could leak it meanwhile; the caller gets an ordinary descriptor.
    fcntl(primary_fd, F_SETFD, 0);
    if (name != nullptr) strcpy(name, path);
    *primary = primary_fd;
    *subsidiary = subsidiary_fd;
    return 0;
}

// Makes `fd`, a terminal, the calling process's controlling terminal and its
// standard input, output and error: a new session first (a session leader
// may not take a terminal, but a new one has none), then TIOCSCTTY.
int login_tty(int fd) noexcept {
    setsid();
    if (ioctl(fd, TIOCSCTTY, 0) != 0) return -1;
    for (int standard = 0; standard <= 2; ++standard)
        if (dup2(fd, standard) < 0) return -1;
    if (fd > 2) close(fd);
    return 0;
}

// openpty, then fork: the child runs on the subsidiary end as its
// controlling terminal (login_tty) and gets 0; the parent keeps the primary
// end and gets the child's pid. -1 with errno and nothing open on failure.
pid_t forkpty(int* primary, char* name, const struct termios* settings,
              const struct winsize* size) noexcept {
    int primary_fd, subsidiary_fd;
    if (openpty(&primary_fd, &subsidiary_fd, name, settings, size) != 0) return -1;
    pid_t child = fork();
    if (child < 0) {
        int error = errno;
        close(primary_fd);
        close(subsidiary_fd);
        errno = error;
        return -1;
    }
    if (child == 0) {
        close(primary_fd);
        if (login_tty(subsidiary_fd) != 0) _exit(1);
        return 0;
    }
    close(subsidiary_fd);
    *primary = primary_fd;
    return child;
}

}  // extern "C"
