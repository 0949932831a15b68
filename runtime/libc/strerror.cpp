// strerror: the message for an errno code. All messages live in one string,
// NUL-separated and indexed by code, so the table needs no pointer array (no
// relocations, 8 bytes less per entry).
#include <errno.h>
#include <string.h>

#include <cstddef>

#include "message_text.hpp"

namespace {

constexpr char messages[] =
    "Success\0"  // 0
    "Operation not permitted\0"  // 1 EPERM
    "No such file or directory\0"  // 2 ENOENT
    "No such process\0"  // 3 ESRCH
    "Interrupted system call\0"  // 4 EINTR
    "Input/output error\0"  // 5 EIO
    "No such device or address\0"  // 6 ENXIO
    "Argument list too long\0"  // 7 E2BIG
    "Exec format error\0"  // 8 ENOEXEC
    "Bad file descriptor\0"  // 9 EBADF
    "No child processes\0"  // 10 ECHILD
    "Resource temporarily unavailable\0"  // 11 EAGAIN
    "Cannot allocate memory\0"  // 12 ENOMEM
    "Permission denied\0"  // 13 EACCES
    "Bad address\0"  // 14 EFAULT
    "Block device required\0"  // 15 ENOTBLK
    "Device or resource busy\0"  // 16 EBUSY
    "File exists\0"  // 17 EEXIST
    "Invalid cross-device link\0"  // 18 EXDEV
    "No such device\0"  // 19 ENODEV
    "Not a directory\0"  // 20 ENOTDIR
    "Is a directory\0"  // 21 EISDIR
    "Invalid argument\0"  // 22 EINVAL
    "Too many open files in system\0"  // 23 ENFILE
    "Too many open files\0"  // 24 EMFILE
    "Inappropriate ioctl for device\0"  // 25 ENOTTY
    "Text file busy\0"  // 26 ETXTBSY
    "File too large\0"  // 27 EFBIG
    "No space left on device\0"  // 28 ENOSPC
    "Illegal seek\0"  // 29 ESPIPE
    "Read-only file system\0"  // 30 EROFS
    "Too many links\0"  // 31 EMLINK
    "Broken pipe\0"  // 32 EPIPE
    "Numerical argument out of domain\0"  // 33 EDOM
    "Numerical result out of range\0"  // 34 ERANGE
    "Resource deadlock avoided\0"  // 35 EDEADLOCK
    "File name too long\0"  // 36 ENAMETOOLONG
    "No locks available\0"  // 37 ENOLCK
    "Function not implemented\0"  // 38 ENOSYS
    "Directory not empty\0"  // 39 ENOTEMPTY
    "Too many levels of symbolic links\0"  // 40 ELOOP
    "\0"  // 41 (unused)
    "No message of desired type\0"  // 42 ENOMSG
    "Identifier removed\0"  // 43 EIDRM
    "Channel number out of range\0"  // 44 ECHRNG
    "Level 2 not synchronized\0"  // 45 EL2NSYNC
    "Level 3 halted\0"  // 46 EL3HLT
    "Level 3 reset\0"  // 47 EL3RST
    "Link number out of range\0"  // 48 ELNRNG
    "Protocol driver not attached\0"  // 49 EUNATCH
    "No CSI structure available\0"  // 50 ENOCSI
    "Level 2 halted\0"  // 51 EL2HLT
    "Invalid exchange\0"  // 52 EBADE
    "Invalid request descriptor\0"  // 53 EBADR
    "Exchange full\0"  // 54 EXFULL
    "No anode\0"  // 55 ENOANO
    "Invalid request code\0"  // 56 EBADRQC
    "Invalid slot\0"  // 57 EBADSLT
    "\0"  // 58 (unused)
    "Bad font file format\0"  // 59 EBFONT
    "Device not a stream\0"  // 60 ENOSTR
    "No data available\0"  // 61 ENODATA
    "Timer expired\0"  // 62 ETIME
    "Out of streams resources\0"  // 63 ENOSR
    "Machine is not on the network\0"  // 64 ENONET
    "Package not installed\0"  // 65 ENOPKG
    "Object is remote\0"  // 66 EREMOTE
    "Link has been severed\0"  // 67 ENOLINK
    "Advertise error\0"  // 68 EADV
    "Srmount error\0"  // 69 ESRMNT
    "Communication error on send\0"  // 70 ECOMM
    "Protocol error\0"  // 71 EPROTO
    "Multihop attempted\0"  // 72 EMULTIHOP
    "RFS specific error\0"  // 73 EDOTDOT
    "Bad message\0"  // 74 EBADMSG
    "Value too large for defined data type\0"  // 75 EOVERFLOW
    "Name not unique on network\0"  // 76 ENOTUNIQ
    "File descriptor in bad state\0"  // 77 EBADFD
    "Remote address changed\0"  // 78 EREMCHG
    "Can not access a needed shared library\0"  // 79 ELIBACC
    "Accessing a corrupted shared library\0"  // 80 ELIBBAD
    ".lib section in a.out corrupted\0"  // 81 ELIBSCN
    "Attempting to link in too many shared libraries\0"  // 82 ELIBMAX
    "Cannot exec a shared library directly\0"  // 83 ELIBEXEC
    "Invalid or incomplete multibyte or wide character\0"  // 84 EILSEQ
    "Interrupted system call should be restarted\0"  // 85 ERESTART
    "Streams pipe error\0"  // 86 ESTRPIPE
    "Too many users\0"  // 87 EUSERS
    "Socket operation on non-socket\0"  // 88 ENOTSOCK
    "Destination address required\0"  // 89 EDESTADDRREQ
    "Message too long\0"  // 90 EMSGSIZE
    "Protocol wrong type for socket\0"  // 91 EPROTOTYPE
    "Protocol not available\0"  // 92 ENOPROTOOPT
    "Protocol not supported\0"  // 93 EPROTONOSUPPORT
    "Socket type not supported\0"  // 94 ESOCKTNOSUPPORT
    "Operation not supported\0"  // 95 ENOTSUP
    "Protocol family not supported\0"  // 96 EPFNOSUPPORT
    "Address family not supported by protocol\0"  // 97 EAFNOSUPPORT
    "Address already in use\0"  // 98 EADDRINUSE
    "Cannot assign requested address\0"  // 99 EADDRNOTAVAIL
    "Network is down\0"  // 100 ENETDOWN
    "Network is unreachable\0"  // 101 ENETUNREACH
    "Network dropped connection on reset\0"  // 102 ENETRESET
    "Software caused connection abort\0"  // 103 ECONNABORTED
    "Connection reset by peer\0"  // 104 ECONNRESET
    "No buffer space available\0"  // 105 ENOBUFS
    "Transport endpoint is already connected\0"  // 106 EISCONN
    "Transport endpoint is not connected\0"  // 107 ENOTCONN
    "Cannot send after transport endpoint shutdown\0"  // 108 ESHUTDOWN
    "Too many references: cannot splice\0"  // 109 ETOOMANYREFS
    "Connection timed out\0"  // 110 ETIMEDOUT
    "Connection refused\0"  // 111 ECONNREFUSED
    "Host is down\0"  // 112 EHOSTDOWN
    "No route to host\0"  // 113 EHOSTUNREACH
    "Operation already in progress\0"  // 114 EALREADY
    "Operation now in progress\0"  // 115 EINPROGRESS
    "Stale file handle\0"  // 116 ESTALE
    "Structure needs cleaning\0"  // 117 EUCLEAN
    "Not a XENIX named type file\0"  // 118 ENOTNAM
    "No XENIX semaphores available\0"  // 119 ENAVAIL
    "Is a named type file\0"  // 120 EISNAM
    "Remote I/O error\0"  // 121 EREMOTEIO
    "Disk quota exceeded\0"  // 122 EDQUOT
    "No medium found\0"  // 123 ENOMEDIUM
    "Wrong medium type\0"  // 124 EMEDIUMTYPE
    "Operation canceled\0"  // 125 ECANCELED
    "Required key not available\0"  // 126 ENOKEY
    "Key has expired\0"  // 127 EKEYEXPIRED
    "Key has been revoked\0"  // 128 EKEYREVOKED
    "Key was rejected by service\0"  // 129 EKEYREJECTED
    "Owner died\0"  // 130 EOWNERDEAD
    "State not recoverable\0"  // 131 ENOTRECOVERABLE
    "Operation not possible due to RF-kill\0"  // 132 ERFKILL
    "Memory page has hardware error\0"  // 133 EHWPOISON
    ;
constexpr int message_count = 134;

// "Unknown error N" needs room per thread: a strerror result stays valid
// until the same thread calls strerror again.
thread_local char unknown_message[32];

// The table's message for `code`, or null for a code it has no text for
// (out of range, or one of the numbers Linux leaves unused).
const char* known_message(int code) {
    if (code < 0 || code >= message_count) return nullptr;
    const char* message = lwp::libc::nth_message(messages, code);
    return *message ? message : nullptr;
}

// Copies `text` into buffer[0, size), cut to fit and NUL-terminated.
// Returns false when it had to be cut. Nothing is written when size is 0.
bool copy_message(const char* text, char* buffer, std::size_t size) {
    if (size == 0) return false;
    std::size_t length = strlen(text);
    bool fits = length < size;
    if (!fits) length = size - 1;
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    return fits;
}

// "Unknown error N" into buffer[0, size), cut to fit. The longest is
// "Unknown error -2147483648" (26 bytes with its NUL).
void format_unknown(int code, char* buffer, std::size_t size) {
    char text[32];
    lwp::libc::write_decimal(stpcpy(text, "Unknown error "), code);
    copy_message(text, buffer, size);
}

}  // namespace

// glibc's: the message of a known code, null for any other.
extern "C" const char* strerrordesc_np(int code) noexcept { return known_message(code); }

extern "C" char* strerror(int code) noexcept {
    if (const char* message = known_message(code)) return const_cast<char*>(message);
    format_unknown(code, unknown_message, sizeof unknown_message);
    return unknown_message;
}

// The two strerror_r flavours glibc's <string.h> may select. Neither touches
// the thread's strerror buffer: a string strerror returned earlier stays
// intact.
//
// The GNU one (with _GNU_SOURCE) returns the message, using the buffer only
// for an unknown code.
extern "C" char* strerror_r(int code, char* buffer, std::size_t size) noexcept {
    if (const char* message = known_message(code)) return const_cast<char*>(message);
    format_unknown(code, buffer, size);
    return buffer;
}
extern "C" char* __strerror_r(int code, char* buffer, std::size_t size) noexcept
    __attribute__((alias("strerror_r"), copy(strerror_r)));

// The POSIX one (__xpg_strerror_r) always copies into the buffer and returns
// 0, ERANGE when the message had to be cut, or EINVAL for a code with no
// message ("Unknown error N" is still stored), as POSIX allows and glibc does.
extern "C" int __xpg_strerror_r(int code, char* buffer, std::size_t size) noexcept {
    const char* message = known_message(code);
    if (!message) {
        format_unknown(code, buffer, size);
        return EINVAL;
    }
    return copy_message(message, buffer, size) ? 0 : ERANGE;
}
