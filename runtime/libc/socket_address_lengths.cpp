// __libc_sa_len: the length of the socket address structure of a family,
// what SA_LEN in <sys/socket.h> (under __USE_MISC) asks for on systems whose
// struct sockaddr has no sa_len field, as on Linux. The families are the
// ones glibc 2.36's Linux build knows; any other answers 0, as glibc's.
#include <sys/socket.h>
#include <sys/un.h>
#include <netash/ash.h>
#include <netatalk/at.h>
#include <netax25/ax25.h>
#include <neteconet/ec.h>
#include <netinet/in.h>
#include <netipx/ipx.h>
#include <netpacket/packet.h>
#include <netrose/rose.h>

extern "C" int __libc_sa_len(sa_family_t family) noexcept {
    switch (family) {
    case AF_INET: return sizeof(sockaddr_in);
    case AF_INET6: return sizeof(sockaddr_in6);
    case AF_LOCAL: return sizeof(sockaddr_un);
    case AF_PACKET: return sizeof(sockaddr_ll);
    case AF_APPLETALK: return sizeof(sockaddr_at);
    case AF_ASH: return sizeof(sockaddr_ash);
    case AF_AX25: return sizeof(sockaddr_ax25);
    case AF_ECONET: return sizeof(sockaddr_ec);
    case AF_IPX: return sizeof(sockaddr_ipx);
    case AF_ROSE: return sizeof(sockaddr_rose);
    default: return 0;
    }
}
