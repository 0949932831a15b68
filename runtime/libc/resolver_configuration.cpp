// Reading the stub resolver's configuration (resolver_configuration.hpp):
// /etc/resolv.conf a line at a time with system_file_lines.hpp's reader
// (raw system calls: res_init and getaddrinfo are no cancellation points
// here, so a cancellation cannot leave the file open), then the
// environment. The variables are read with secure_getenv: glibc's start-up
// removes LOCALDOMAIN and RES_OPTIONS from a set-user-ID program's
// environment, and this has the same effect.
#include "resolver_configuration.hpp"

#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <resolv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "address_text.hpp"
#include "system_file_lines.hpp"

namespace lwp::libc {

const char* resolver_configuration_path = _PATH_RESCONF;

namespace {

constexpr int dns_port = 53;

void add_server(resolver_configuration& config, char* text) {
    if (config.server_count == most_name_servers) return;  // glibc keeps only MAXNS
    name_server& server = config.servers[config.server_count];
    server = {};
    unsigned char bytes[16];
    if (parse_ipv4_classic(text, bytes)) {  // inet_aton's forms, as glibc reads them here
        auto* inet = reinterpret_cast<sockaddr_in*>(&server.address);
        inet->sin_family = AF_INET;
        inet->sin_port = htons(dns_port);
        memcpy(&inet->sin_addr, bytes, 4);
        server.address_size = sizeof(sockaddr_in);
    } else {
        char* scope = strchr(text, '%');
        if (scope != nullptr) *scope++ = '\0';
        if (!parse_ipv6(text, bytes)) return;  // unreadable: skipped, as glibc skips it
        server.address.sin6_family = AF_INET6;
        server.address.sin6_port = htons(dns_port);
        memcpy(&server.address.sin6_addr, bytes, 16);
        if (scope != nullptr) {
            // An interface's name for a link-local address, else a number;
            // anything else leaves the scope 0, as glibc ignores it.
            const in6_addr& address = server.address.sin6_addr;
            unsigned index = 0;
            if (IN6_IS_ADDR_LINKLOCAL(&address) || IN6_IS_ADDR_MC_NODELOCAL(&address) ||
                IN6_IS_ADDR_MC_LINKLOCAL(&address))
                index = if_nametoindex(scope);
            if (index == 0 && *scope >= '0' && *scope <= '9') {
                char* end;
                unsigned long long number = strtoull(scope, &end, 10);
                if (*end == '\0' && number <= 0xffffffffull) index = static_cast<unsigned>(number);
            }
            server.address.sin6_scope_id = index;
        }
        server.address_size = sizeof(sockaddr_in6);
    }
    ++config.server_count;
}

// The search list from `count` domains; as many as fit, in order.
void set_search(resolver_configuration& config, char* const* domains, int count) {
    config.search_count = 0;
    std::size_t used = 0;
    for (int i = 0; i < count && config.search_count < most_search_domains; ++i) {
        std::size_t length = strlen(domains[i]);
        if (used + length + 1 > sizeof config.search_text) break;
        memcpy(config.search_text + used, domains[i], length + 1);
        config.search[config.search_count++] = config.search_text + used;
        used += length + 1;
    }
}

// "name:number", the number capped at `cap`; false if `word` is not
// `name`. A negative number is ignored (glibc would store it).
bool read_number_option(const char* word, const char* name, int cap, int& value) {
    std::size_t length = strlen(name);
    if (strncmp(word, name, length) != 0 || word[length] != ':') return false;
    long number = atol(word + length + 1);
    if (number >= 0) value = number > cap ? cap : static_cast<int>(number);
    return true;
}

// One word of an `options` line or of RES_OPTIONS. A flag's name matches as
// a prefix of the word, as in glibc (so the longer name comes first).
void read_option(resolver_configuration& config, const char* word) {
    if (read_number_option(word, "ndots", RES_MAXNDOTS, config.ndots) ||
        read_number_option(word, "timeout", RES_MAXRETRANS, config.timeout_seconds) ||
        read_number_option(word, "attempts", RES_MAXRETRY, config.attempts))
        return;
    static const struct {
        const char* name;
        unsigned long flag;
    } flags[] = {
        {"rotate", RES_ROTATE},
        {"edns0", RES_USE_EDNS0},
        {"single-request-reopen", RES_SNGLKUPREOP},
        {"single-request", RES_SNGLKUP},
        {"no_tld_query", RES_NOTLDQUERY},
        {"no-tld-query", RES_NOTLDQUERY},
        {"no-reload", RES_NORELOAD},
        {"use-vc", RES_USEVC},
        {"trust-ad", RES_TRUSTAD},
        {"no-aaaa", RES_NOAAAA},
    };
    for (const auto& flag : flags) {
        if (strncmp(word, flag.name, strlen(flag.name)) == 0) {
            config.options |= flag.flag;
            return;
        }
    }
}

// RES_OPTIONS: the words of an `options` line, separated by blanks.
void read_options_text(resolver_configuration& config, const char* text) {
    char word[64];
    while (*text != '\0') {
        while (*text == ' ' || *text == '\t') ++text;
        std::size_t length = strcspn(text, " \t");
        if (length == 0) break;
        // A word too long for the buffer names no option glibc knows, but
        // its beginning could match a flag, as in glibc: keep that much.
        std::size_t kept = length < sizeof word ? length : sizeof word - 1;
        memcpy(word, text, kept);
        word[kept] = '\0';
        read_option(config, word);
        text += length;
    }
}

// LOCALDOMAIN: blank-separated domains, up to a newline. As in glibc, the
// first starts where the text does (so a leading blank or an empty value
// makes the first domain empty, which the search takes as the root).
void read_local_domain(resolver_configuration& config, const char* text) {
    char copy[256];
    std::size_t length = strcspn(text, "\n");
    if (length >= sizeof copy) length = sizeof copy - 1;  // more would not fit in the list anyway
    memcpy(copy, text, length);
    copy[length] = '\0';
    char* domains[most_search_domains];
    int count = 0;
    domains[count++] = copy;
    for (char* c = copy; *c != '\0';) {
        if (*c != ' ' && *c != '\t') {
            ++c;
            continue;
        }
        while (*c == ' ' || *c == '\t') *c++ = '\0';
        if (*c != '\0' && count < most_search_domains) domains[count++] = c;
    }
    set_search(config, domains, count);
}

// Without a search list: the domain of the host's name, if it has one.
void search_host_domain(resolver_configuration& config) {
    char host[256];
    host[sizeof host - 1] = '\0';
    if (gethostname(host, sizeof host - 1) != 0) return;
    if (char* dot = strchr(host, '.')) {
        char* domain = dot + 1;
        set_search(config, &domain, 1);
    }
}

}  // namespace

int read_resolver_configuration(resolver_configuration& config) {
    const char* local_domain = secure_getenv("LOCALDOMAIN");
    if (local_domain != nullptr) read_local_domain(config, local_domain);
    line_reader reader;
    int error = reader.open(resolver_configuration_path);
    switch (error) {
        case 0:
            while (char* line = reader.next()) {
                char* words[64];
                int count = split_words(line, words, 64);
                if (count < 2) continue;  // every directive takes a value
                if (strcmp(words[0], "nameserver") == 0) {
                    add_server(config, words[1]);
                } else if (strcmp(words[0], "domain") == 0) {
                    if (local_domain == nullptr) set_search(config, words + 1, 1);
                } else if (strcmp(words[0], "search") == 0) {
                    if (local_domain == nullptr) set_search(config, words + 1, count - 1);
                } else if (strcmp(words[0], "options") == 0) {
                    for (int i = 1; i < count; ++i) read_option(config, words[i]);
                }
            }
            if (reader.error() != 0) return reader.error();
            break;
        // Errors of the file system's contents: there is no file.
        case EACCES:
        case EISDIR:
        case ELOOP:
        case ENOENT:
        case ENOTDIR:
        case EPERM:
            break;
        default:  // out of memory or descriptors: the program should know
            return error;
    }
    if (config.server_count == 0) {
        char loopback[] = "127.0.0.1";
        add_server(config, loopback);
    }
    if (config.search_count == 0) search_host_domain(config);
    if (const char* options = secure_getenv("RES_OPTIONS")) read_options_text(config, options);
    return 0;
}

}  // namespace lwp::libc
