// if_nametoindex if_indextoname if_nameindex if_freenameindex: network
// interfaces' names and index numbers, asked of the kernel through ioctls on
// a throwaway datagram socket (any socket reaches the interface table; a
// Unix one needs no network family configured). The list comes from
// /sys/class/net, which has every interface, with or without an address.
#include <dirent.h>
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// An ioctl about one interface; the request's answer in `request`. 0, or
// the errno (the socket's own if it could not be made).
int ask_interface(unsigned long command, ifreq& request) {
    int probe = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (probe < 0) return errno;
    int error = ioctl(probe, command, &request) == 0 ? 0 : errno;
    close(probe);
    return error;
}

}  // namespace

extern "C" {

// 0 (with ENODEV) for a name no interface has, or one too long to be one.
unsigned int if_nametoindex(const char* name) noexcept {
    ifreq request{};
    if (strlen(name) >= IFNAMSIZ) {
        errno = ENODEV;
        return 0;
    }
    strcpy(request.ifr_name, name);
    int error = ask_interface(SIOCGIFINDEX, request);
    if (error != 0) {
        errno = error;
        return 0;
    }
    return static_cast<unsigned int>(request.ifr_ifindex);
}

// The name into `name` (IF_NAMESIZE bytes); null with ENXIO for an index no
// interface has, as glibc reports it (the kernel says ENODEV).
char* if_indextoname(unsigned int index, char* name) noexcept {
    ifreq request{};
    request.ifr_ifindex = static_cast<int>(index);
    int error = ask_interface(SIOCGIFNAME, request);
    if (error != 0) {
        errno = error == ENODEV ? ENXIO : error;
        return nullptr;
    }
    memcpy(name, request.ifr_name, IFNAMSIZ);
    name[IFNAMSIZ - 1] = '\0';
    return name;
}

void if_freenameindex(struct if_nameindex* list) noexcept {
    if (list == nullptr) return;
    for (struct if_nameindex* entry = list; entry->if_index != 0; ++entry) free(entry->if_name);
    free(list);
}

// Every interface, in index order, ended by an entry of index 0 and a null
// name; null with errno when the list cannot be read or memory runs out
// (nothing left allocated).
struct if_nameindex* if_nameindex(void) noexcept {
    DIR* directory = opendir("/sys/class/net");
    if (directory == nullptr) return nullptr;
    size_t capacity = 8, count = 0;
    auto* list = static_cast<struct if_nameindex*>(malloc(capacity * sizeof(struct if_nameindex)));
    int error = list == nullptr ? ENOMEM : 0;
    while (error == 0) {
        errno = 0;
        dirent* entry = readdir(directory);
        if (entry == nullptr) {
            error = errno;
            break;
        }
        if (entry->d_name[0] == '.') continue;
        unsigned int index = if_nametoindex(entry->d_name);
        if (index == 0) continue;  // gone since the listing, or not one
        if (count + 1 == capacity) {
            capacity *= 2;
            auto* grown =
                static_cast<struct if_nameindex*>(realloc(list, capacity * sizeof(struct if_nameindex)));
            if (grown == nullptr) {
                error = ENOMEM;
                break;
            }
            list = grown;
        }
        char* name = strdup(entry->d_name);
        if (name == nullptr) {
            error = ENOMEM;
            break;
        }
        // Insertion in index order: a handful of interfaces.
        size_t at = count;
        while (at > 0 && list[at - 1].if_index > index) {
            list[at] = list[at - 1];
            --at;
        }
        list[at].if_index = index;
        list[at].if_name = name;
        ++count;
    }
    closedir(directory);
    if (list != nullptr) list[count] = {0, nullptr};
    if (error != 0) {
        if_freenameindex(list);
        errno = error;
        return nullptr;
    }
    return list;
}

}  // extern "C"
