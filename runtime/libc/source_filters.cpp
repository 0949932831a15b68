// RFC 3678's multicast source filters: the full-state interface that reads
// or replaces a socket's whole list of sources for one group at once. Each
// call lays the caller's arguments out as the kernel's group_filter (any
// family, MCAST_MSFILTER) or ip_msfilter (IPv4 only, IP_MSFILTER) and makes
// one getsockopt or setsockopt; errno is the kernel's, or EINVAL before any
// call when the group's address does not name a family with a socket
// level, or ENOMEM when the request cannot be allocated.
#include <errno.h>
#include <netatalk/at.h>
#include <netax25/ax25.h>
#include <netinet/in.h>
#include <netipx/ipx.h>
#include <netpacket/packet.h>
#include <netrose/rose.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

namespace {

struct family_level {
    int level;
    int family;
    socklen_t address_size;
};

// The families whose socket level a group address can choose, in the
// order glibc tries them: a group whose length matches an entry's address
// size and whose family matches it picks that level; failing a full match,
// the first entry of the same size does (so a 16-byte address of unknown
// family still reaches SOL_IP).
constexpr family_level family_levels[] = {
    {SOL_IP, AF_INET, sizeof(sockaddr_in)},
    {SOL_IPV6, AF_INET6, sizeof(sockaddr_in6)},
    {SOL_AX25, AF_AX25, sizeof(sockaddr_ax25)},
    {SOL_IPX, AF_IPX, sizeof(sockaddr_ipx)},
    {SOL_ATALK, AF_APPLETALK, sizeof(sockaddr_at)},
    {SOL_ROSE, AF_ROSE, sizeof(sockaddr_rose)},
    {SOL_PACKET, AF_PACKET, sizeof(sockaddr_ll)},
};

// The level for a group address, or -1 when none fits its length.
int level_for(int family, socklen_t length) {
    int first_of_size = -1;
    for (const family_level& entry : family_levels) {
        if (length != entry.address_size) continue;
        if (family == entry.family) return entry.level;
        if (first_of_size == -1) first_of_size = entry.level;
    }
    return first_of_size;
}

// Frees a request without disturbing the errno its call left.
void release(void* request) {
    int saved = errno;
    free(request);
    errno = saved;
}

constexpr size_t group_filter_base = sizeof(group_filter) - sizeof(sockaddr_storage);
constexpr size_t ip_msfilter_base = sizeof(ip_msfilter) - sizeof(in_addr);

} // namespace

extern "C" {

int getsourcefilter(int s, uint32_t interface, const sockaddr* group, socklen_t grouplen,
                    uint32_t* fmode, uint32_t* numsrc, sockaddr_storage* slist) noexcept {
    // The size is a socklen_t, as the kernel takes it: a count so large
    // that it wraps asks for the wrapped size, as in glibc.
    socklen_t size = static_cast<socklen_t>(group_filter_base + size_t{*numsrc} * sizeof(sockaddr_storage));
    auto* request = static_cast<group_filter*>(malloc(size));
    if (request == nullptr) return -1;
    int level = level_for(group->sa_family, grouplen);
    int result = -1;
    if (level == -1) {
        errno = EINVAL;
    } else {
        request->gf_interface = interface;
        memcpy(&request->gf_group, group, grouplen);
        request->gf_numsrc = *numsrc;
        result = getsockopt(s, level, MCAST_MSFILTER, request, &size);
        if (result == 0) {
            // The kernel reports how many sources the filter has, which may
            // be more than the caller made room for: only those that fit
            // are copied, and the count tells the caller the real number.
            *fmode = request->gf_fmode;
            uint32_t copied = *numsrc < request->gf_numsrc ? *numsrc : request->gf_numsrc;
            memcpy(slist, request->gf_slist, copied * sizeof(sockaddr_storage));
            *numsrc = request->gf_numsrc;
        }
    }
    release(request);
    return result;
}

int setsourcefilter(int s, uint32_t interface, const sockaddr* group, socklen_t grouplen, uint32_t fmode,
                    uint32_t numsrc, const sockaddr_storage* slist) noexcept {
    size_t size = group_filter_base + size_t{numsrc} * sizeof(sockaddr_storage);
    auto* request = static_cast<group_filter*>(malloc(size));
    if (request == nullptr) return -1;
    int level = level_for(group->sa_family, grouplen);
    int result = -1;
    if (level == -1) {
        errno = EINVAL;
    } else {
        request->gf_interface = interface;
        memcpy(&request->gf_group, group, grouplen);
        request->gf_fmode = fmode;
        request->gf_numsrc = numsrc;
        memcpy(request->gf_slist, slist, size_t{numsrc} * sizeof(sockaddr_storage));
        result = setsockopt(s, level, MCAST_MSFILTER, request, static_cast<socklen_t>(size));
    }
    release(request);
    return result;
}

int getipv4sourcefilter(int s, in_addr interface, in_addr group, uint32_t* fmode, uint32_t* numsrc,
                        in_addr* slist) noexcept {
    socklen_t size = static_cast<socklen_t>(ip_msfilter_base + size_t{*numsrc} * sizeof(in_addr));
    auto* request = static_cast<ip_msfilter*>(malloc(size));
    if (request == nullptr) return -1;
    request->imsf_multiaddr = group;
    request->imsf_interface = interface;
    request->imsf_numsrc = *numsrc;
    int result = getsockopt(s, SOL_IP, IP_MSFILTER, request, &size);
    if (result == 0) {
        *fmode = request->imsf_fmode;
        uint32_t copied = *numsrc < request->imsf_numsrc ? *numsrc : request->imsf_numsrc;
        memcpy(slist, request->imsf_slist, copied * sizeof(in_addr));
        *numsrc = request->imsf_numsrc;
    }
    release(request);
    return result;
}

int setipv4sourcefilter(int s, in_addr interface, in_addr group, uint32_t fmode, uint32_t numsrc,
                        const in_addr* slist) noexcept {
    size_t size = ip_msfilter_base + size_t{numsrc} * sizeof(in_addr);
    auto* request = static_cast<ip_msfilter*>(malloc(size));
    if (request == nullptr) return -1;
    request->imsf_multiaddr = group;
    request->imsf_interface = interface;
    request->imsf_fmode = fmode;
    request->imsf_numsrc = numsrc;
    memcpy(request->imsf_slist, slist, size_t{numsrc} * sizeof(in_addr));
    int result = setsockopt(s, SOL_IP, IP_MSFILTER, request, static_cast<socklen_t>(size));
    release(request);
    return result;
}

} // extern "C"
