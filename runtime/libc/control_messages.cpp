// __cmsg_nxthdr: the function behind <sys/socket.h>'s CMSG_NXTHDR, which
// glibc's header inlines only when optimising (__USE_EXTERN_INLINES), so a
// program built with -O0 that walks SCM_RIGHTS or SCM_CREDENTIALS headers
// calls it. It answers as that inline version does.
//
// The header after `current`, or null when there is none: when `current`
// claims less than a header's length (a malformed message would otherwise
// loop forever), or when what is left of msg_control from `current` cannot
// hold `current`'s claimed length, its padding to the next boundary and
// one more header. Only `current`'s length is trusted, and only after that
// check, before any pointer is formed from it; the next header's length is
// for the caller to check in turn.
#include <stddef.h>
#include <sys/socket.h>

extern "C" cmsghdr* __cmsg_nxthdr(msghdr* message, cmsghdr* current) noexcept {
    size_t claimed = current->cmsg_len;
    if (claimed < sizeof(cmsghdr)) return nullptr;
    auto* here = reinterpret_cast<unsigned char*>(current);
    size_t left = static_cast<unsigned char*>(message->msg_control) + message->msg_controllen - here;
    // Up to the next multiple of sizeof(size_t), where CMSG_ALIGN puts the
    // next header, and that header itself; compared as sizes so that a huge
    // claimed length cannot wrap a pointer.
    size_t padding = (sizeof(size_t) - (claimed & (sizeof(size_t) - 1))) & (sizeof(size_t) - 1);
    size_t needed = sizeof(cmsghdr) + padding;
    if (left < needed || left - needed < claimed) return nullptr;
    return reinterpret_cast<cmsghdr*>(here + CMSG_ALIGN(claimed));
}
