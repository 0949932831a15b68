/* Network names without DNS: interfaces (if_nametoindex, if_indextoname,
 * if_nameindex, getifaddrs), services and protocols (getservbyname, getservbyport,
 * getprotobyname, getprotobynumber, the getservent and getprotoent walks
 * and the _r forms, from /etc/services
 * and /etc/protocols), hosts the old way (gethostbyname, gethostbyname2,
 * gethostbyaddr and the _r forms, h_errno, hstrerror) and getnameinfo.
 * Only names /etc/hosts has and numeric addresses are looked up, so no
 * answer depends on a name server. Also passes against glibc. */
#include <arpa/inet.h>
#include <errno.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/utsname.h>

#include "../integration/check.h"

static void interfaces(void) {
    unsigned int loopback = if_nametoindex("lo");
    CHECK(loopback > 0);
    char name[IF_NAMESIZE];
    CHECK(if_indextoname(loopback, name) == name);
    CHECK_STREQ(name, "lo");
    errno = 0;
    CHECK_EQ(if_nametoindex("no-such-if0"), 0);
    CHECK_EQ(errno, ENODEV);
    CHECK_EQ(if_nametoindex("a-name-longer-than-ifnamsiz"), 0);
    CHECK_EQ(errno, ENODEV);
    errno = 0;
    CHECK(if_indextoname(999999, name) == NULL);
    CHECK_EQ(errno, ENXIO);

    struct if_nameindex* list = if_nameindex();
    CHECK(list != NULL);
    int found = 0;
    unsigned int previous = 0;
    for (struct if_nameindex* entry = list; entry->if_index != 0; ++entry) {
        CHECK(entry->if_index > previous); /* in index order */
        previous = entry->if_index;
        CHECK(entry->if_name != NULL);
        found += entry->if_index == loopback && strcmp(entry->if_name, "lo") == 0;
    }
    CHECK_EQ(found, 1);
    if_freenameindex(list);
}

/* getifaddrs: one AF_PACKET entry per interface (counters in ifa_data)
 * before every address entry; the loopback's IPv4 address with its
 * netmask; every name a real interface's. */
static void interface_addresses(void) {
    struct ifaddrs* list;
    CHECK_EQ(getifaddrs(&list), 0);
    int packet_entries = 0, loopback_ipv4 = 0, addresses_seen = 0;
    for (struct ifaddrs* entry = list; entry != NULL; entry = entry->ifa_next) {
        CHECK(if_nametoindex(entry->ifa_name) > 0 || strchr(entry->ifa_name, ':') != NULL);
        int family = entry->ifa_addr ? entry->ifa_addr->sa_family : AF_UNSPEC;
        if (family == AF_PACKET) {
            CHECK(!addresses_seen); /* links first, as glibc lists them */
            CHECK(entry->ifa_data != NULL);
            packet_entries++;
            continue;
        }
        addresses_seen = 1;
        if (family != AF_INET) continue;
        const struct sockaddr_in* address = (const struct sockaddr_in*)entry->ifa_addr;
        const struct sockaddr_in* mask = (const struct sockaddr_in*)entry->ifa_netmask;
        CHECK(mask != NULL);
        uint32_t bits = ntohl(mask->sin_addr.s_addr);
        CHECK((bits & (~bits >> 1)) == 0 || bits == 0xffffffffu); /* contiguous */
        if (address->sin_addr.s_addr == htonl(INADDR_LOOPBACK)) {
            loopback_ipv4++;
            CHECK(entry->ifa_flags & IFF_LOOPBACK);
            CHECK(entry->ifa_flags & IFF_UP);
            CHECK_EQ(bits, 0xff000000u);
            CHECK_STREQ(entry->ifa_name, "lo");
        }
    }
    CHECK(packet_entries >= 1);
    CHECK_EQ(loopback_ipv4, 1);
    freeifaddrs(list);
}

static void services_and_protocols(void) {
    struct servent* service = getservbyname("http", "tcp");
    CHECK(service != NULL);
    CHECK_STREQ(service->s_name, "http");
    CHECK_STREQ(service->s_proto, "tcp");
    CHECK_EQ(service->s_port, htons(80));
    CHECK(service->s_aliases != NULL);
    service = getservbyname("www", "tcp"); /* an alias */
    CHECK(service != NULL && strcmp(service->s_name, "http") == 0);
    service = getservbyname("domain", NULL); /* any protocol: the first line */
    CHECK(service != NULL && service->s_port == htons(53));
    CHECK(getservbyname("domain", "sctp-nonexistent") == NULL);
    CHECK(getservbyname("no-such-service", "tcp") == NULL);
    service = getservbyport(htons(22), "tcp");
    CHECK(service != NULL && strcmp(service->s_name, "ssh") == 0);
    service = getservbyport(htons(53), "udp");
    CHECK(service != NULL && strcmp(service->s_proto, "udp") == 0);
    CHECK(getservbyport(htons(1), "no-such-protocol") == NULL);

    struct servent entry, *result;
    char small[8], big[1024];
    CHECK_EQ(getservbyname_r("http", "tcp", &entry, small, sizeof small, &result), ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(getservbyname_r("no-such-service", "tcp", &entry, big, sizeof big, &result), 0);
    CHECK(result == NULL);
    CHECK_EQ(getservbyport_r(htons(80), "tcp", &entry, big, sizeof big, &result), 0);
    CHECK(result == &entry && strcmp(entry.s_name, "http") == 0);

    struct protoent* protocol = getprotobyname("tcp");
    CHECK(protocol != NULL && protocol->p_proto == IPPROTO_TCP);
    CHECK(protocol->p_aliases[0] != NULL && strcmp(protocol->p_aliases[0], "TCP") == 0);
    protocol = getprotobyname("UDP"); /* an alias */
    CHECK(protocol != NULL && protocol->p_proto == IPPROTO_UDP);
    protocol = getprotobynumber(IPPROTO_UDP);
    CHECK(protocol != NULL && strcmp(protocol->p_name, "udp") == 0);
    CHECK(getprotobyname("no-such-protocol") == NULL);
    CHECK(getprotobynumber(254) == NULL);
    struct protoent protocol_entry, *protocol_result;
    CHECK_EQ(getprotobynumber_r(6, &protocol_entry, small, sizeof small, &protocol_result), ERANGE);
}

/* The walks through /etc/services and /etc/protocols: every entry in file
 * order, setservent starting again from the top. */
static void database_walks(void) {
    setservent(0);
    struct servent* first = getservent();
    CHECK(first != NULL);
    char first_name[64];
    snprintf(first_name, sizeof first_name, "%s/%s", first->s_name, first->s_proto);
    int entries = 1, http = 0, domain = 0;
    struct servent* service;
    while ((service = getservent()) != NULL) {
        entries++;
        http += strcmp(service->s_name, "http") == 0 && service->s_port == htons(80);
        domain += strcmp(service->s_name, "domain") == 0;
    }
    CHECK(entries > 10);
    CHECK_EQ(http, 1);
    CHECK_EQ(domain, 2); /* tcp and udp */
    CHECK(getservent() == NULL); /* stays at the end */
    setservent(1);
    service = getservent();
    CHECK(service != NULL);
    char again[64];
    snprintf(again, sizeof again, "%s/%s", service->s_name, service->s_proto);
    CHECK_STREQ(again, first_name);
    endservent();

    struct servent entry, *result;
    char small[8], big[1024];
    CHECK_EQ(getservent_r(&entry, small, sizeof small, &result), ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(getservent_r(&entry, big, sizeof big, &result), 0); /* the walk goes on */
    CHECK(result == &entry);
    endservent();

    int tcp = 0;
    struct protoent* protocol;
    while ((protocol = getprotoent()) != NULL)
        tcp += strcmp(protocol->p_name, "tcp") == 0 && protocol->p_proto == IPPROTO_TCP;
    CHECK_EQ(tcp, 1);
    endprotoent();
}

static void hosts(void) {
    struct hostent* host = gethostbyname("localhost");
    CHECK(host != NULL);
    CHECK_STREQ(host->h_name, "localhost");
    CHECK_EQ(host->h_addrtype, AF_INET);
    CHECK_EQ(host->h_length, 4);
    CHECK(host->h_addr_list[0] != NULL);
    struct in_addr loopback;
    inet_pton(AF_INET, "127.0.0.1", &loopback);
    CHECK_EQ(memcmp(host->h_addr_list[0], &loopback, 4), 0);

    host = gethostbyname("10.1.2.3"); /* numeric: no lookup */
    CHECK(host != NULL);
    CHECK_STREQ(host->h_name, "10.1.2.3");
    CHECK(host->h_addr_list[1] == NULL);

    host = gethostbyname2("::1", AF_INET6);
    CHECK(host != NULL && host->h_addrtype == AF_INET6 && host->h_length == 16);
    CHECK(gethostbyname2("localhost", AF_UNIX) == NULL);

    host = gethostbyaddr(&loopback, sizeof loopback, AF_INET);
    CHECK(host != NULL);
    CHECK_STREQ(host->h_name, "localhost"); /* /etc/hosts's first name for it */
    errno = 0;
    CHECK(gethostbyaddr(&loopback, 3, AF_INET) == NULL);
    CHECK_EQ(h_errno, NETDB_INTERNAL);
    CHECK_EQ(errno, EAFNOSUPPORT);

    struct hostent entry, *result;
    char small[8];
    int error;
    CHECK_EQ(gethostbyname_r("localhost", &entry, small, sizeof small, &result, &error), ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(error, NETDB_INTERNAL);
    char big[1024];
    CHECK_EQ(gethostbyname_r("10.9.8.7", &entry, big, sizeof big, &result, &error), 0);
    CHECK(result == &entry && strcmp(entry.h_name, "10.9.8.7") == 0);

    CHECK_STREQ(hstrerror(HOST_NOT_FOUND), "Unknown host");
    CHECK_STREQ(hstrerror(TRY_AGAIN), "Host name lookup failure");
    CHECK_STREQ(hstrerror(0), "Resolver Error 0 (no error)");
    CHECK_STREQ(hstrerror(12345), "Unknown resolver error");
}

static void name_info(void) {
    struct sockaddr_in inet = {.sin_family = AF_INET, .sin_port = htons(22)};
    inet_pton(AF_INET, "127.0.0.1", &inet.sin_addr);
    char host[64], service[32];
    const struct sockaddr* address = (const struct sockaddr*)&inet;
    CHECK_EQ(getnameinfo(address, sizeof inet, host, sizeof host, service, sizeof service, 0), 0);
    CHECK_STREQ(host, "localhost");
    CHECK_STREQ(service, "ssh");
    CHECK_EQ(getnameinfo(address, sizeof inet, host, sizeof host, service, sizeof service,
                         NI_NUMERICHOST | NI_NUMERICSERV), 0);
    CHECK_STREQ(host, "127.0.0.1");
    CHECK_STREQ(service, "22");
    inet.sin_port = htons(53);
    CHECK_EQ(getnameinfo(address, sizeof inet, NULL, 0, service, sizeof service, NI_DGRAM), 0);
    CHECK_STREQ(service, "domain");
    inet.sin_port = htons(65000); /* no such service: the number */
    CHECK_EQ(getnameinfo(address, sizeof inet, NULL, 0, service, sizeof service, 0), 0);
    CHECK_STREQ(service, "65000");

    CHECK_EQ(getnameinfo(address, sizeof inet, host, 3, NULL, 0, 0), EAI_OVERFLOW);
    CHECK_EQ(getnameinfo(address, sizeof inet, NULL, 0, service, 2, 0), EAI_OVERFLOW);
    CHECK_EQ(getnameinfo(address, sizeof inet - 1, host, sizeof host, NULL, 0, 0), EAI_FAMILY);
    CHECK_EQ(getnameinfo(address, sizeof inet, host, sizeof host, NULL, 0, 0x10000), EAI_BADFLAGS);
    CHECK_EQ(getnameinfo(address, sizeof inet, NULL, 0, NULL, 0, 0), 0); /* nothing asked */
    /* NI_NAMEREQD: a number is no name (glibc's inet/tst-getni1); with
     * neither buffer given, EAI_NONAME before the family is looked at. */
    CHECK_EQ(getnameinfo(address, sizeof inet, host, sizeof host, NULL, 0,
                         NI_NUMERICHOST | NI_NAMEREQD), EAI_NONAME);
    CHECK_EQ(getnameinfo(address, sizeof inet, NULL, 0, NULL, 0, NI_NUMERICHOST | NI_NAMEREQD),
             EAI_NONAME);
    CHECK_EQ(getnameinfo(address, sizeof inet, NULL, 0, NULL, 0, NI_NAMEREQD), EAI_NONAME);
    CHECK_EQ(getnameinfo(address, sizeof inet, host, 0, NULL, 0, NI_NAMEREQD), 0); /* a buffer */
    CHECK_EQ(getnameinfo(address, sizeof inet, NULL, 0, service, sizeof service, NI_NAMEREQD), 0);
    struct sockaddr no_family = {.sa_family = AF_APPLETALK};
    CHECK_EQ(getnameinfo(&no_family, sizeof no_family, NULL, 0, NULL, 0, NI_NAMEREQD), EAI_NONAME);
    CHECK_EQ(getnameinfo(&no_family, sizeof no_family, NULL, 0, NULL, 0, 0), EAI_FAMILY);
    CHECK_EQ(getnameinfo(&no_family, 1, NULL, 0, NULL, 0, NI_NAMEREQD), EAI_FAMILY);
    CHECK_EQ(getnameinfo(address, sizeof inet, NULL, 0, NULL, 0, NI_NAMEREQD | 0x10000),
             EAI_BADFLAGS);
    struct sockaddr_in unnamed = {.sin_family = AF_INET, .sin_port = htons(80)};
    inet_pton(AF_INET, "1.0.0.127", &unnamed.sin_addr); /* tst-getni1's: in no /etc/hosts */
    const struct sockaddr* unnamed_address = (const struct sockaddr*)&unnamed;
    CHECK_EQ(getnameinfo(unnamed_address, sizeof unnamed, host, sizeof host, NULL, 0,
                         NI_NUMERICHOST), 0);
    CHECK_STREQ(host, "1.0.0.127");

    struct sockaddr_in6 inet6 = {.sin6_family = AF_INET6, .sin6_port = htons(80)};
    inet_pton(AF_INET6, "fe80::1", &inet6.sin6_addr);
    inet6.sin6_scope_id = if_nametoindex("lo");
    const struct sockaddr* address6 = (const struct sockaddr*)&inet6;
    CHECK_EQ(getnameinfo(address6, sizeof inet6, host, sizeof host, service, sizeof service,
                         NI_NUMERICHOST), 0);
    CHECK_STREQ(host, "fe80::1%lo"); /* link-local: the interface's name */
    CHECK_STREQ(service, "http");
    inet_pton(AF_INET6, "2001:db8::1", &inet6.sin6_addr);
    inet6.sin6_scope_id = 7;
    CHECK_EQ(getnameinfo(address6, sizeof inet6, host, sizeof host, NULL, 0, NI_NUMERICHOST), 0);
    CHECK_STREQ(host, "2001:db8::1%7"); /* global: the number */

    struct sockaddr_un local = {.sun_family = AF_UNIX};
    strcpy(local.sun_path, "/tmp/a-socket");
    struct utsname system;
    CHECK_EQ(uname(&system), 0);
    CHECK_EQ(getnameinfo((const struct sockaddr*)&local, sizeof local, host, sizeof host, service,
                         sizeof service, 0), 0);
    CHECK_STREQ(host, system.nodename);
    CHECK_STREQ(service, "/tmp/a-socket");
    CHECK_EQ(getnameinfo((const struct sockaddr*)&local, sizeof local, host, sizeof host, NULL, 0,
                         NI_NUMERICHOST), 0);
    CHECK_STREQ(host, "localhost");
    CHECK_EQ(getnameinfo((const struct sockaddr*)&local, sizeof local, host, sizeof host, NULL, 0,
                         NI_NUMERICHOST | NI_NAMEREQD), EAI_NONAME); /* "localhost" is no name */
    CHECK_EQ(getnameinfo((const struct sockaddr*)&local, sizeof local, host, sizeof host, NULL, 0,
                         NI_NAMEREQD), 0);
    CHECK_STREQ(host, system.nodename);
}

int main(void) {
    interfaces();
    interface_addresses();
    services_and_protocols();
    database_walks();
    hosts();
    name_info();
    return 0;
}
