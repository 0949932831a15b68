// lwp's getaddrinfo engine (runtime/libc/address_lookup.cpp) against glibc's
// getaddrinfo, which this test program links, on every combination of
// numeric and /etc/hosts nodes, services, families, socket types,
// protocols and flags that both answer alike: the same code, the same
// entries in the same order. (Names that would need DNS are left out: glibc
// would ask this machine's servers, lwp's DNS is libc_dns_resolver_test.cpp's;
// and so is AI_ADDRCONFIG's look at the interfaces, glibc's alone.) Also
// inet_aton's reading against glibc's.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netdb.h>

#include <cstring>
#include <random>
#include <string>

#include "runtime/libc/address_lookup.cpp"
#include "runtime/libc/dns_resolver.cpp"
#include "runtime/libc/resolver_configuration.cpp"

namespace {

std::string describe(int code, const addrinfo* list) {
    std::string text = "code " + std::to_string(code);
    for (const addrinfo* entry = code == 0 ? list : nullptr; entry; entry = entry->ai_next) {
        char address[INET6_ADDRSTRLEN] = "?";
        int port = -1;
        if (entry->ai_family == AF_INET) {
            const sockaddr_in* inet = reinterpret_cast<const sockaddr_in*>(entry->ai_addr);
            inet_ntop(AF_INET, &inet->sin_addr, address, sizeof address);
            port = ntohs(inet->sin_port);
        } else if (entry->ai_family == AF_INET6) {
            const sockaddr_in6* inet6 = reinterpret_cast<const sockaddr_in6*>(entry->ai_addr);
            inet_ntop(AF_INET6, &inet6->sin6_addr, address, sizeof address);
            port = ntohs(inet6->sin6_port);
        }
        text += " | family " + std::to_string(entry->ai_family) + " type " +
                std::to_string(entry->ai_socktype) + " protocol " +
                std::to_string(entry->ai_protocol) + " flags " + std::to_string(entry->ai_flags) +
                " length " + std::to_string(entry->ai_addrlen) + " " + address + " port " +
                std::to_string(port) + " canonical " +
                (entry->ai_canonname ? entry->ai_canonname : "(none)");
    }
    return text;
}

bool is_name(const char* node) {
    return node != nullptr && (std::strcmp(node, "localhost") == 0 || std::strcmp(node, "LocalHost") == 0);
}

}  // namespace

TEST(LibcAddressLookup, AgreesWithGlibcOnEveryCombination) {
    // Names only where /etc/hosts answers for glibc too, and only for IPv4:
    // glibc asks DNS about the rest (and here would wait for its time-outs),
    // and sorts a name's addresses of both families by rules of its own.
    const char* nodes[] = {nullptr, "127.0.0.1", "127.1", "0x7f.1", "10.1.2.3", "::1", "::",
                           "2001:db8::1", "::ffff:10.0.0.1", "::10.0.0.1", "localhost",
                           "LocalHost"};
    const char* services[] = {nullptr, "80", "0", "65535", "99999", "", "domain", "http",
                              "ntp", "no-such-service", "80x", "+443"};
    const int families[] = {AF_UNSPEC, AF_INET, AF_INET6, 99};
    const int types[] = {0, SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET, SOCK_DCCP, 99};
    const int protocols[] = {0, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_SCTP, IPPROTO_UDPLITE, 200};
    const int flag_sets[] = {0, AI_PASSIVE, AI_CANONNAME, AI_NUMERICHOST, AI_NUMERICSERV,
                             AI_V4MAPPED, AI_V4MAPPED | AI_ALL, AI_CANONNAME | AI_PASSIVE,
                             0x8000};
    int compared = 0, succeeded = 0;
    for (const char* node : nodes)
        for (const char* service : services)
            for (int family : families)
                for (int type : types)
                    for (int protocol : protocols)
                        for (int flags : flag_sets) {
                            if (is_name(node) && family != AF_INET) continue;
                            addrinfo hints{};
                            hints.ai_family = family;
                            hints.ai_socktype = type;
                            hints.ai_protocol = protocol;
                            hints.ai_flags = flags;
                            addrinfo* theirs = nullptr;
                            int their_code = getaddrinfo(node, service, &hints, &theirs);
                            addrinfo* ours = nullptr;
                            int our_code = lwp::libc::lookup_addresses(node, service, &hints, &ours);
                            ASSERT_EQ(describe(our_code, ours), describe(their_code, theirs))
                                << "node " << (node ? node : "(null)") << ", service "
                                << (service ? service : "(null)") << ", family " << family
                                << ", type " << type << ", protocol " << protocol << ", flags "
                                << flags;
                            if (their_code == 0) {
                                freeaddrinfo(theirs);
                                ++succeeded;
                            }
                            if (our_code == 0) lwp::libc::free_addresses(ours);
                            ++compared;
                        }
    // Enough of them found something for the comparison to mean much.
    EXPECT_GT(succeeded, compared / 10);
}

TEST(LibcAddressLookup, ErrorTextsAreGlibcs) {
    for (int code = -120; code <= 0; ++code)
        EXPECT_STREQ(lwp::libc::lookup_error_text(code), gai_strerror(code)) << code;
}

TEST(LibcAddressText, ClassicIpv4ReadsAsInetAton) {
    std::mt19937 random(2026);
    const char alphabet[] = "0123456789xX.abcfg 89.";
    for (int round = 0; round < 200000; ++round) {
        std::string text;
        int length = static_cast<int>(random() % 20);
        for (int i = 0; i < length; ++i) text += alphabet[random() % (sizeof alphabet - 1)];
        in_addr theirs{};
        unsigned char ours[4] = {};
        bool our_verdict = lwp::libc::parse_ipv4_classic(text.c_str(), ours);
        ASSERT_EQ(our_verdict, inet_aton(text.c_str(), &theirs) != 0) << '"' << text << '"';
        if (our_verdict) ASSERT_EQ(std::memcmp(ours, &theirs, 4), 0) << text;
    }
    const char* chosen[] = {"0x7f.1", "127.1", "1", "4294967295", "4294967296", "0xffffffff",
                            "1.16777215", "1.16777216", "1.2.65535", "1.2.65536", "0377.0.0.1",
                            "0378.0.0.1", "0x.1", "1.2.3.4 trailing", "1.2.3.4\tx", "1.2.3.",
                            ".1.2.3", "1..2", "00000000000000000001", "0x00000000000000001"};
    for (const char* text : chosen) {
        in_addr theirs{};
        unsigned char ours[4] = {};
        bool our_verdict = lwp::libc::parse_ipv4_classic(text, ours);
        ASSERT_EQ(our_verdict, inet_aton(text, &theirs) != 0) << text;
        if (our_verdict) ASSERT_EQ(std::memcmp(ours, &theirs, 4), 0) << text;
    }
}
