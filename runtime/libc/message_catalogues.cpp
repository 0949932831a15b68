// catopen catgets catclose: X/Open message catalogues. lwp reads no
// catalogue files (like gettext here, every message is its own
// translation), so catopen fails as glibc's does for a catalogue it cannot
// find (ENOENT), and catgets on that failed handle returns the program's
// default string, which is what programs print then.
#include <errno.h>
#include <nl_types.h>

extern "C" {

nl_catd catopen(const char*, int) noexcept {
    errno = ENOENT;
    return reinterpret_cast<nl_catd>(-1);
}

char* catgets(nl_catd, int, int, const char* default_message) noexcept {
    errno = EBADF;  // the handle is always catopen's failure
    return const_cast<char*>(default_message);
}

int catclose(nl_catd) noexcept {
    errno = EBADF;
    return -1;
}

}  // extern "C"
