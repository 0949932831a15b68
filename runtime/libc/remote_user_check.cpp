// ruserok ruserok_af iruserok iruserok_af __ivaliduser (<netdb.h>; the last
// undeclared, as in glibc): whether a remote user on a remote host may act
// as a local user without a password, by the BSD remote-shell trust files.
//
// As glibc decides it: /etc/hosts.equiv first (not for the superuser), then
// the local user's ~/.rhosts (when __check_rhosts_file is set, or always for
// the superuser), read with the effective uid switched to that user's so
// that a home directory only its owner may read is readable. A file is used
// only if it is a regular file with one link, owned by root or the user,
// and writable by its owner alone; otherwise __rcmd_errstr says why.
//
// Each line is "host [user]": the host's name in lower case, a numeric
// address, "+" (any host), "-host" (this host is refused) or "+@group" /
// "-@group" (a netgroup, by innetgr); the user a name, "+", "-name", a
// netgroup, or nothing (the local user's own name). The first line whose
// host and user both match grants; a refusing match of either stops the
// search. Quirks kept from glibc: a line that starts with white space ends
// the file, and the user is checked first so that a host lookup is made
// only when it could matter.
//
// Difference: glibc's iruserok_af grants (0) for a family other than
// AF_INET and AF_INET6; lwp refuses (-1).
#include <ctype.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

extern "C" {
int __check_rhosts_file = 1;
char* __rcmd_errstr = nullptr;
int __ivaliduser(FILE* file, uint32_t address, const char* local_user, const char* remote_user);
}

namespace {

// Opens a trust file for reading if it is safe to trust: a regular file
// with a single link, owned by root or `owner`, writable by no one else.
FILE* open_trust_file(const char* path, uid_t owner) {
    struct stat status;
    const char* problem = nullptr;
    FILE* file = nullptr;
    if (lstat(path, &status) != 0) {
        problem = "lstat failed";
    } else if (!S_ISREG(status.st_mode)) {
        problem = "not regular file";
    } else if ((file = fopen(path, "re")) == nullptr) {
        problem = "cannot open";
    } else if (fstat(fileno(file), &status) != 0) {  // the file opened, not the name's
        problem = "fstat failed";
    } else if (status.st_uid != 0 && status.st_uid != owner) {
        problem = "bad owner";
    } else if ((status.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        problem = "writeable by other than owner";
    } else if (status.st_nlink > 1) {
        problem = "hard linked somewhere";
    }
    if (problem == nullptr) return file;
    __rcmd_errstr = const_cast<char*>(problem);
    if (file != nullptr) fclose(file);
    return nullptr;
}

// 1 for a granting match, -1 for a refusing one, 0 for none.
int check_user(const char* entry, const char* remote_user) {
    if (strncmp(entry, "+@", 2) == 0) return innetgr(entry + 2, nullptr, remote_user, nullptr);
    if (strncmp(entry, "-@", 2) == 0) return -innetgr(entry + 2, nullptr, remote_user, nullptr);
    if (entry[0] == '-') return strcmp(entry + 1, remote_user) == 0 ? -1 : 0;
    if (strcmp(entry, "+") == 0) return 1;
    return strcmp(entry, remote_user) == 0;
}

int check_host(const sockaddr* address, socklen_t length, const char* entry,
               const char* remote_host) {
    if (strncmp(entry, "+@", 2) == 0) return innetgr(entry + 2, remote_host, nullptr, nullptr);
    if (strncmp(entry, "-@", 2) == 0) return -innetgr(entry + 2, remote_host, nullptr, nullptr);
    int sign = 1;
    if (entry[0] == '-') {
        sign = -1;
        ++entry;
    } else if (strcmp(entry, "+") == 0) {
        return 1;
    }
    // The address as text first: a file of numeric addresses needs no
    // name service at all.
    char text[INET6_ADDRSTRLEN];
    if (getnameinfo(address, length, text, sizeof text, nullptr, 0, NI_NUMERICHOST) == 0 &&
        strcmp(text, entry) == 0)
        return sign;
    addrinfo hints{};
    hints.ai_family = address->sa_family;
    addrinfo* found = nullptr;
    if (getaddrinfo(entry, nullptr, &hints, &found) != 0) return 0;
    int match = 0;
    for (addrinfo* each = found; each != nullptr && !match; each = each->ai_next)
        match = each->ai_family == address->sa_family &&
                memcmp(each->ai_addr, address, each->ai_addrlen) == 0;
    freeaddrinfo(found);
    return sign * match;
}

// 0 when a line of `file` grants, else -1.
int file_grants(FILE* file, const sockaddr* address, socklen_t length, const char* local_user,
                const char* remote_user, const char* remote_host) {
    char* line = nullptr;
    size_t capacity = 0;
    int verdict = -1;
    while (getline(&line, &capacity, file) > 0) {
        char* p = line;
        while (*p != '\0' && isspace(static_cast<unsigned char>(*p))) ++p;
        if (*p == '\0' || *p == '#') continue;  // blank or a comment
        p = line;
        for (; *p != '\0' && !isspace(static_cast<unsigned char>(*p)); ++p)
            *p = static_cast<char>(tolower(static_cast<unsigned char>(*p)));
        const char* user = p;
        if (*p == ' ' || *p == '\t') {
            *p++ = '\0';
            while (*p != '\0' && isspace(static_cast<unsigned char>(*p))) ++p;
            user = p;
            while (*p != '\0' && !isspace(static_cast<unsigned char>(*p))) ++p;
        }
        *p = '\0';
        if (line[0] == '\0') break;  // the line started with white space
        if (*user == '\0') user = local_user;
        int user_check = check_user(user, remote_user);
        // A "-host" line refuses whatever its user part says, so it is
        // looked at even when the user did not match.
        if (user_check == 0 && line[0] != '-') continue;
        int host_check = check_host(address, length, line, remote_host);
        if (host_check < 0) break;
        if (host_check > 0 && user_check > 0) {
            verdict = 0;
            break;
        }
        if (host_check > 0 && user_check < 0) break;
    }
    free(line);
    return verdict;
}

int remote_user_allowed(const sockaddr* address, socklen_t length, int superuser,
                        const char* remote_user, const char* local_user,
                        const char* remote_host) {
    int verdict = -1;
    if (!superuser) {
        if (FILE* equivalents = open_trust_file("/etc/hosts.equiv", 0)) {
            verdict = file_grants(equivalents, address, length, local_user, remote_user,
                                  remote_host);
            fclose(equivalents);
            if (verdict == 0) return 0;
        }
    }
    if (!__check_rhosts_file && !superuser) return -1;
    passwd entry;
    passwd* user = nullptr;
    char buffer[1024];
    if (getpwnam_r(local_user, &entry, buffer, sizeof buffer, &user) != 0 || user == nullptr)
        return -1;
    size_t directory_length = strlen(user->pw_dir);
    char* path = static_cast<char*>(malloc(directory_length + sizeof "/.rhosts"));
    if (path == nullptr) return -1;
    memcpy(path, user->pw_dir, directory_length);
    memcpy(path + directory_length, "/.rhosts", sizeof "/.rhosts");
    // As the user: root reading a home directory on NFS could not read a
    // file only its owner may read.
    // A failed switch is not checked, as in glibc: the file is then read as
    // whoever the process still is.
    uid_t saved_uid = geteuid();
    int ignored = seteuid(user->pw_uid);
    if (FILE* rhosts = open_trust_file(path, user->pw_uid)) {
        verdict = file_grants(rhosts, address, length, local_user, remote_user, remote_host);
        fclose(rhosts);
    }
    ignored = seteuid(saved_uid);
    (void)ignored;
    free(path);
    return verdict;
}

}  // namespace

extern "C" {

int ruserok_af(const char* remote_host, int superuser, const char* remote_user,
               const char* local_user, sa_family_t family) noexcept {
    addrinfo hints{};
    hints.ai_family = family;
    addrinfo* found = nullptr;
    if (getaddrinfo(remote_host, nullptr, &hints, &found) != 0) return -1;
    int verdict = -1;
    for (addrinfo* each = found; each != nullptr && verdict != 0; each = each->ai_next)
        verdict = remote_user_allowed(each->ai_addr, each->ai_addrlen, superuser, remote_user,
                                      local_user, remote_host);
    freeaddrinfo(found);
    return verdict;
}

int ruserok(const char* remote_host, int superuser, const char* remote_user,
            const char* local_user) noexcept {
    return ruserok_af(remote_host, superuser, remote_user, local_user, AF_INET);
}

// By address: the host's name is not known, so a netgroup host entry is
// asked about the host "-", as in glibc.
int iruserok_af(const void* address, int superuser, const char* remote_user,
                const char* local_user, sa_family_t family) noexcept {
    sockaddr_in6 storage{};  // large enough for either, and zeroed as getaddrinfo's are
    socklen_t length;
    if (family == AF_INET) {
        auto* ipv4 = reinterpret_cast<sockaddr_in*>(&storage);
        ipv4->sin_family = AF_INET;
        memcpy(&ipv4->sin_addr, address, sizeof ipv4->sin_addr);
        length = sizeof(sockaddr_in);
    } else if (family == AF_INET6) {
        storage.sin6_family = AF_INET6;
        memcpy(&storage.sin6_addr, address, sizeof storage.sin6_addr);
        length = sizeof storage;
    } else {
        return -1;
    }
    return remote_user_allowed(reinterpret_cast<sockaddr*>(&storage), length, superuser,
                               remote_user, local_user, "-");
}

int iruserok(uint32_t address, int superuser, const char* remote_user,
             const char* local_user) noexcept {
    return iruserok_af(&address, superuser, remote_user, local_user, AF_INET);
}

// One trust file already open, for an IPv4 address (lpd's old entry point).
int __ivaliduser(FILE* file, uint32_t address, const char* local_user, const char* remote_user) {
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_addr.s_addr = address;
    return file_grants(file, reinterpret_cast<sockaddr*>(&remote), sizeof remote, local_user,
                       remote_user, "-");
}

}  // extern "C"
