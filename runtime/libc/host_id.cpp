// gethostid and sethostid (<unistd.h>): a 32-bit number naming the machine.
// Read and written where glibc keeps it, /etc/hostid (four bytes in the
// machine's byte order), so that programs built with lwp and with glibc see
// the same number. Without that file the number is derived from the host
// name's IPv4 address, found as gethostbyname finds it (/etc/hosts, then
// DNS), its two 16-bit halves swapped; 0 when there is no name or address.
#include <fcntl.h>
#include <netdb.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/param.h>
#include <unistd.h>

#include <cerrno>

namespace {

constexpr const char* host_id_file = "/etc/hostid";

}  // namespace

extern "C" {

long gethostid(void) noexcept {
    int fd = open(host_id_file, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        int32_t id;
        ssize_t got = read(fd, &id, sizeof id);
        close(fd);
        if (got == static_cast<ssize_t>(sizeof id)) return id;
    }
    char name[MAXHOSTNAMELEN + 1];
    if (gethostname(name, MAXHOSTNAMELEN) < 0 || name[0] == '\0') return 0;
    name[MAXHOSTNAMELEN] = '\0';
    struct hostent entry;
    struct hostent* found = nullptr;
    int lookup_error = 0;
    char scratch[2048];  // the entry's strings and lists; a longer one is a failure (0), like a missing one
    if (gethostbyname_r(name, &entry, scratch, sizeof scratch, &found, &lookup_error) != 0 || found == nullptr)
        return 0;
    uint32_t address = 0;
    size_t length = found->h_length < 4 ? static_cast<size_t>(found->h_length) : 4;
    memcpy(&address, found->h_addr_list[0], length);
    return static_cast<int32_t>(address << 16 | address >> 16);
}

// Needs permission to write /etc/hostid. A set-user-ID program may not (it
// runs for someone else: EPERM, as in glibc), nor store an id that does not
// fit the file's 32 bits (EOVERFLOW).
int sethostid(long id) noexcept {
    if (getauxval(AT_SECURE) != 0) {
        errno = EPERM;
        return -1;
    }
    int32_t stored = static_cast<int32_t>(id);
    if (stored != id) {
        errno = EOVERFLOW;
        return -1;
    }
    int fd = open(host_id_file, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    ssize_t written = write(fd, &stored, sizeof stored);
    close(fd);
    return written == static_cast<ssize_t>(sizeof stored) ? 0 : -1;
}

}  // extern "C"
