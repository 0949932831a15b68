// strerrorname_np: the name of an errno code's macro ("EINVAL" for 22), for
// programs that log codes by name. One name per code, the one glibc gives
// where two macros share a value (EAGAIN, not EWOULDBLOCK; EDEADLK, not
// EDEADLOCK; EOPNOTSUPP, not ENOTSUP); "0" for 0, as glibc's; null for a code
// with no name (41, 58, anything negative or past EHWPOISON). Kept apart from
// strerror, so that the names are linked only into programs that ask for them.
#include <errno.h>
#include <string.h>

#include "message_text.hpp"

namespace {

constexpr char error_names[] =
    "0\0"  // 0
    "EPERM\0"  // 1
    "ENOENT\0"  // 2
    "ESRCH\0"  // 3
    "EINTR\0"  // 4
    "EIO\0"  // 5
    "ENXIO\0"  // 6
    "E2BIG\0"  // 7
    "ENOEXEC\0"  // 8
    "EBADF\0"  // 9
    "ECHILD\0"  // 10
    "EAGAIN\0"  // 11
    "ENOMEM\0"  // 12
    "EACCES\0"  // 13
    "EFAULT\0"  // 14
    "ENOTBLK\0"  // 15
    "EBUSY\0"  // 16
    "EEXIST\0"  // 17
    "EXDEV\0"  // 18
    "ENODEV\0"  // 19
    "ENOTDIR\0"  // 20
    "EISDIR\0"  // 21
    "EINVAL\0"  // 22
    "ENFILE\0"  // 23
    "EMFILE\0"  // 24
    "ENOTTY\0"  // 25
    "ETXTBSY\0"  // 26
    "EFBIG\0"  // 27
    "ENOSPC\0"  // 28
    "ESPIPE\0"  // 29
    "EROFS\0"  // 30
    "EMLINK\0"  // 31
    "EPIPE\0"  // 32
    "EDOM\0"  // 33
    "ERANGE\0"  // 34
    "EDEADLK\0"  // 35
    "ENAMETOOLONG\0"  // 36
    "ENOLCK\0"  // 37
    "ENOSYS\0"  // 38
    "ENOTEMPTY\0"  // 39
    "ELOOP\0"  // 40
    "\0"  // 41
    "ENOMSG\0"  // 42
    "EIDRM\0"  // 43
    "ECHRNG\0"  // 44
    "EL2NSYNC\0"  // 45
    "EL3HLT\0"  // 46
    "EL3RST\0"  // 47
    "ELNRNG\0"  // 48
    "EUNATCH\0"  // 49
    "ENOCSI\0"  // 50
    "EL2HLT\0"  // 51
    "EBADE\0"  // 52
    "EBADR\0"  // 53
    "EXFULL\0"  // 54
    "ENOANO\0"  // 55
    "EBADRQC\0"  // 56
    "EBADSLT\0"  // 57
    "\0"  // 58
    "EBFONT\0"  // 59
    "ENOSTR\0"  // 60
    "ENODATA\0"  // 61
    "ETIME\0"  // 62
    "ENOSR\0"  // 63
    "ENONET\0"  // 64
    "ENOPKG\0"  // 65
    "EREMOTE\0"  // 66
    "ENOLINK\0"  // 67
    "EADV\0"  // 68
    "ESRMNT\0"  // 69
    "ECOMM\0"  // 70
    "EPROTO\0"  // 71
    "EMULTIHOP\0"  // 72
    "EDOTDOT\0"  // 73
    "EBADMSG\0"  // 74
    "EOVERFLOW\0"  // 75
    "ENOTUNIQ\0"  // 76
    "EBADFD\0"  // 77
    "EREMCHG\0"  // 78
    "ELIBACC\0"  // 79
    "ELIBBAD\0"  // 80
    "ELIBSCN\0"  // 81
    "ELIBMAX\0"  // 82
    "ELIBEXEC\0"  // 83
    "EILSEQ\0"  // 84
    "ERESTART\0"  // 85
    "ESTRPIPE\0"  // 86
    "EUSERS\0"  // 87
    "ENOTSOCK\0"  // 88
    "EDESTADDRREQ\0"  // 89
    "EMSGSIZE\0"  // 90
    "EPROTOTYPE\0"  // 91
    "ENOPROTOOPT\0"  // 92
    "EPROTONOSUPPORT\0"  // 93
    "ESOCKTNOSUPPORT\0"  // 94
    "EOPNOTSUPP\0"  // 95
    "EPFNOSUPPORT\0"  // 96
    "EAFNOSUPPORT\0"  // 97
    "EADDRINUSE\0"  // 98
    "EADDRNOTAVAIL\0"  // 99
    "ENETDOWN\0"  // 100
    "ENETUNREACH\0"  // 101
    "ENETRESET\0"  // 102
    "ECONNABORTED\0"  // 103
    "ECONNRESET\0"  // 104
    "ENOBUFS\0"  // 105
    "EISCONN\0"  // 106
    "ENOTCONN\0"  // 107
    "ESHUTDOWN\0"  // 108
    "ETOOMANYREFS\0"  // 109
    "ETIMEDOUT\0"  // 110
    "ECONNREFUSED\0"  // 111
    "EHOSTDOWN\0"  // 112
    "EHOSTUNREACH\0"  // 113
    "EALREADY\0"  // 114
    "EINPROGRESS\0"  // 115
    "ESTALE\0"  // 116
    "EUCLEAN\0"  // 117
    "ENOTNAM\0"  // 118
    "ENAVAIL\0"  // 119
    "EISNAM\0"  // 120
    "EREMOTEIO\0"  // 121
    "EDQUOT\0"  // 122
    "ENOMEDIUM\0"  // 123
    "EMEDIUMTYPE\0"  // 124
    "ECANCELED\0"  // 125
    "ENOKEY\0"  // 126
    "EKEYEXPIRED\0"  // 127
    "EKEYREVOKED\0"  // 128
    "EKEYREJECTED\0"  // 129
    "EOWNERDEAD\0"  // 130
    "ENOTRECOVERABLE\0"  // 131
    "ERFKILL\0"  // 132
    "EHWPOISON";  // 133

constexpr int name_count = 134;
static_assert(name_count == EHWPOISON + 1, "a name for every code up to the last Linux has");

}  // namespace

extern "C" const char* strerrorname_np(int code) noexcept {
    if (code < 0 || code >= name_count) return nullptr;
    const char* name = lwp::libc::nth_message(error_names, code);
    return *name ? name : nullptr;
}
