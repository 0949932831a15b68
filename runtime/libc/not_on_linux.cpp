// Calls glibc exports for BSD and Version 7 programs that Linux has no
// kernel support for: chflags and fchflags (BSD file flags; Linux's are
// ioctl(FS_IOC_SETFLAGS)), revoke (BSD's forced close of a terminal's other
// users), setlogin (BSD's per-session login name), gtty and stty (Version 7's
// terminal calls, long replaced by termios). Each fails with ENOSYS and does
// nothing, which is what glibc's do on Linux; a program calling one learns
// at once that it is not there, instead of a success that did nothing.
#include <errno.h>
#include <sgtty.h>
#include <unistd.h>

namespace {

int not_on_linux() {
    errno = ENOSYS;
    return -1;
}

// Four of them look at their arguments first, as glibc's do: an argument
// that could never be valid is EINVAL, not ENOSYS.
int refused_argument() {
    errno = EINVAL;
    return -1;
}

}  // namespace

extern "C" {

// glibc exports these two without declaring them.
int chflags(const char*, unsigned long) noexcept;
int fchflags(int, unsigned long) noexcept;

int chflags(const char* path, unsigned long) noexcept {
    return path == nullptr ? refused_argument() : not_on_linux();
}
int fchflags(int fd, unsigned long) noexcept { return fd < 0 ? refused_argument() : not_on_linux(); }
int revoke(const char*) noexcept { return not_on_linux(); }
int setlogin(const char*) noexcept { return not_on_linux(); }
int gtty(int, struct sgttyb* settings) noexcept {
    return settings == nullptr ? refused_argument() : not_on_linux();
}
int stty(int, const struct sgttyb* settings) noexcept {
    return settings == nullptr ? refused_argument() : not_on_linux();
}

}  // extern "C"
