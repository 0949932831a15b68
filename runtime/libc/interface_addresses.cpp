// getifaddrs freeifaddrs: every network interface and every address on
// them, asked of the kernel over a routing netlink socket, in glibc's order
// and form: first one AF_PACKET entry per interface (its hardware address,
// and its counters as struct rtnl_link_stats in ifa_data), then one entry
// per IPv4 or IPv6 address (address, netmask from the prefix length, and
// the broadcast address or a point-to-point link's peer), each
// with its interface's name and flags.
//
// Each entry is one allocation holding the entry, its socket addresses, its
// name and its counters, so freeifaddrs frees each node whole.
#include <errno.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// One list entry and the storage its pointers point into.
struct interface_entry {
    ifaddrs entry;
    sockaddr_storage address, netmask, broadcast;
    rtnl_link_stats counters;
    char name[IF_NAMESIZE];
};

static_assert(offsetof(interface_entry, entry) == 0, "freeifaddrs frees an entry as its node");

// What a link message said, kept to name and flag the address entries.
struct link_record {
    int index;
    unsigned flags;
    char name[IF_NAMESIZE];
};

struct list_builder {
    ifaddrs* first = nullptr;
    ifaddrs** tail = &first;
    link_record* links = nullptr;
    size_t link_count = 0, link_capacity = 0;
    int error = 0;

    interface_entry* append() {
        auto* node = static_cast<interface_entry*>(calloc(1, sizeof(interface_entry)));
        if (node == nullptr) {
            error = ENOMEM;
            return nullptr;
        }
        node->entry.ifa_name = node->name;
        *tail = &node->entry;
        tail = &node->entry.ifa_next;
        return node;
    }

    const link_record* link(int index) const {
        for (size_t i = 0; i < link_count; ++i)
            if (links[i].index == index) return &links[i];
        return nullptr;
    }
};

// Asks for a dump of one kind (RTM_GETLINK, RTM_GETADDR) and hands every
// message of the answer to `take`. 0, or an errno.
template <typename Take>
int dump(int socket_fd, int request, unsigned sequence, Take take) {
    struct {
        nlmsghdr header;
        rtgenmsg body;
    } ask = {};
    ask.header.nlmsg_len = sizeof ask;
    ask.header.nlmsg_type = static_cast<unsigned short>(request);
    ask.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    ask.header.nlmsg_seq = sequence;
    ask.body.rtgen_family = AF_UNSPEC;
    if (send(socket_fd, &ask, sizeof ask, 0) < 0) return errno;
    alignas(nlmsghdr) char buffer[16384];
    for (;;) {
        ssize_t length = recv(socket_fd, buffer, sizeof buffer, 0);
        if (length < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        int remaining = static_cast<int>(length);
        for (auto* message = reinterpret_cast<nlmsghdr*>(buffer); NLMSG_OK(message, remaining);
             message = NLMSG_NEXT(message, remaining)) {
            if (message->nlmsg_seq != sequence) continue;
            if (message->nlmsg_type == NLMSG_DONE) return 0;
            if (message->nlmsg_type == NLMSG_ERROR) {
                auto* failure = static_cast<nlmsgerr*>(NLMSG_DATA(message));
                return failure->error ? -failure->error : EIO;
            }
            if (int error = take(message)) return error;
        }
    }
}

void set_hardware_address(sockaddr_storage& storage, int index, unsigned short type,
                          const rtattr* attribute) {
    auto* link_address = reinterpret_cast<sockaddr_ll*>(&storage);
    link_address->sll_family = AF_PACKET;
    link_address->sll_ifindex = index;
    link_address->sll_hatype = type;
    size_t length = RTA_PAYLOAD(attribute);
    if (length > sizeof link_address->sll_addr) length = sizeof link_address->sll_addr;
    memcpy(link_address->sll_addr, RTA_DATA(attribute), length);
    link_address->sll_halen = static_cast<unsigned char>(length);
}

int take_link(list_builder& list, nlmsghdr* message) {
    if (message->nlmsg_type != RTM_NEWLINK) return 0;
    auto* link = static_cast<ifinfomsg*>(NLMSG_DATA(message));
    if (list.link_count == list.link_capacity) {
        size_t capacity = list.link_capacity ? list.link_capacity * 2 : 8;
        auto* grown = static_cast<link_record*>(realloc(list.links, capacity * sizeof(link_record)));
        if (grown == nullptr) return ENOMEM;
        list.links = grown;
        list.link_capacity = capacity;
    }
    link_record& record = list.links[list.link_count++];
    record = {link->ifi_index, link->ifi_flags, {}};
    interface_entry* node = list.append();
    if (node == nullptr) return ENOMEM;
    node->entry.ifa_flags = link->ifi_flags;
    int length = static_cast<int>(IFLA_PAYLOAD(message));
    for (auto* attribute = IFLA_RTA(link); RTA_OK(attribute, length);
         attribute = RTA_NEXT(attribute, length)) {
        switch (attribute->rta_type) {
            case IFLA_IFNAME:
                strncpy(record.name, static_cast<char*>(RTA_DATA(attribute)), IF_NAMESIZE - 1);
                memcpy(node->name, record.name, IF_NAMESIZE);
                break;
            case IFLA_ADDRESS:
                set_hardware_address(node->address, link->ifi_index, link->ifi_type, attribute);
                node->entry.ifa_addr = reinterpret_cast<sockaddr*>(&node->address);
                break;
            case IFLA_BROADCAST:
                set_hardware_address(node->broadcast, link->ifi_index, link->ifi_type, attribute);
                node->entry.ifa_broadaddr = reinterpret_cast<sockaddr*>(&node->broadcast);
                break;
            case IFLA_STATS:
                memcpy(&node->counters, RTA_DATA(attribute),
                       RTA_PAYLOAD(attribute) < sizeof node->counters ? RTA_PAYLOAD(attribute)
                                                                      : sizeof node->counters);
                node->entry.ifa_data = &node->counters;
                break;
        }
    }
    return 0;
}

// An IPv4 or IPv6 socket address of `bytes`.
sockaddr* inet_address(sockaddr_storage& storage, int family, const void* bytes, int index) {
    if (family == AF_INET) {
        auto* inet = reinterpret_cast<sockaddr_in*>(&storage);
        inet->sin_family = AF_INET;
        memcpy(&inet->sin_addr, bytes, 4);
    } else {
        auto* inet6 = reinterpret_cast<sockaddr_in6*>(&storage);
        inet6->sin6_family = AF_INET6;
        memcpy(&inet6->sin6_addr, bytes, 16);
        // A link-local address means something only with its interface.
        if (IN6_IS_ADDR_LINKLOCAL(&inet6->sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&inet6->sin6_addr))
            inet6->sin6_scope_id = static_cast<uint32_t>(index);
    }
    return reinterpret_cast<sockaddr*>(&storage);
}

sockaddr* netmask_of(sockaddr_storage& storage, int family, int prefix_length) {
    unsigned char bytes[16] = {};
    for (int bit = 0; bit < prefix_length && bit < 128; ++bit)
        bytes[bit / 8] |= static_cast<unsigned char>(0x80 >> (bit % 8));
    return inet_address(storage, family, bytes, 0);
}

int take_address(list_builder& list, nlmsghdr* message) {
    if (message->nlmsg_type != RTM_NEWADDR) return 0;
    auto* address = static_cast<ifaddrmsg*>(NLMSG_DATA(message));
    int family = address->ifa_family;
    if (family != AF_INET && family != AF_INET6) return 0;
    const void* local = nullptr;
    const void* peer = nullptr;
    const void* broadcast = nullptr;
    const char* label = nullptr;
    int length = static_cast<int>(IFA_PAYLOAD(message));
    for (auto* attribute = IFA_RTA(address); RTA_OK(attribute, length);
         attribute = RTA_NEXT(attribute, length)) {
        switch (attribute->rta_type) {
            case IFA_LOCAL: local = RTA_DATA(attribute); break;
            case IFA_ADDRESS: peer = RTA_DATA(attribute); break;
            case IFA_BROADCAST: broadcast = RTA_DATA(attribute); break;
            case IFA_LABEL: label = static_cast<const char*>(RTA_DATA(attribute)); break;
        }
    }
    interface_entry* node = list.append();
    if (node == nullptr) return ENOMEM;
    int index = static_cast<int>(address->ifa_index);
    const link_record* link = list.link(index);
    node->entry.ifa_flags = link ? link->flags : 0;
    // IPv4 names an alias by its label ("eth0:1"); IPv6 has none.
    strncpy(node->name, label ? label : link ? link->name : "", IF_NAMESIZE - 1);
    // IFA_LOCAL is the address itself; with it, IFA_ADDRESS is the other
    // end of a point-to-point link. Without it, IFA_ADDRESS is the address.
    const void* own = local ? local : peer;
    if (own) node->entry.ifa_addr = inet_address(node->address, family, own, index);
    node->entry.ifa_netmask = netmask_of(node->netmask, family, address->ifa_prefixlen);
    // The second address (ifa_broadaddr and ifa_dstaddr share it): the
    // broadcast address when there is one, else, as glibc fills it, the
    // IFA_ADDRESS that came beside an IFA_LOCAL (the peer of a
    // point-to-point link; the address again on a loopback).
    const void* second = broadcast ? broadcast : local && peer ? peer : nullptr;
    if (second) node->entry.ifa_broadaddr = inet_address(node->broadcast, family, second, index);
    return 0;
}

}  // namespace

extern "C" {

void freeifaddrs(ifaddrs* list) noexcept {
    while (list != nullptr) {
        ifaddrs* next = list->ifa_next;
        free(list);  // the entry is the first member of its allocation
        list = next;
    }
}

// 0 and the list in *result; -1 with errno (the socket's, the kernel's
// answer's, or ENOMEM) and nothing allocated.
int getifaddrs(ifaddrs** result) noexcept {
    int socket_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (socket_fd < 0) return -1;
    list_builder list;
    int error = dump(socket_fd, RTM_GETLINK, 1,
                     [&list](nlmsghdr* message) { return take_link(list, message); });
    if (error == 0)
        error = dump(socket_fd, RTM_GETADDR, 2,
                     [&list](nlmsghdr* message) { return take_address(list, message); });
    close(socket_fd);
    free(list.links);
    if (error != 0) {
        freeifaddrs(list.first);
        errno = error;
        return -1;
    }
    *result = list.first;
    return 0;
}

}  // extern "C"
