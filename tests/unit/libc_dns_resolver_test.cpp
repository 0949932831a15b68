// getaddrinfo's DNS (runtime/libc/dns_resolver.cpp, through lwp's
// getaddrinfo engine, which libc_address_lookup_test.cpp compiles into this
// program) against a name server the test runs itself: a thread answering
// UDP on port 53 of a loopback address of its own (127.53.x.y, from the
// process id, so that tests CTest runs side by side each have theirs), named
// in a resolv.conf of the test's own, beside a second server that does not
// exist (nothing listens on 127.54.x.y: it refuses every question). What the
// server answers for each name is below. Binding port 53 needs root (or
// CAP_NET_BIND_SERVICE): the tests skip without it, and fail on any other
// reason the port cannot be had.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "runtime/libc/address_lookup.hpp"
#include "runtime/libc/dns_resolver.hpp"

namespace {

constexpr std::uint16_t type_a = 1, type_aaaa = 28, type_cname = 5;

std::vector<unsigned char> encoded_name(const std::string& name) {
    std::vector<unsigned char> bytes;
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t dot = name.find('.', start);
        if (dot == std::string::npos) dot = name.size();
        bytes.push_back(static_cast<unsigned char>(dot - start));
        bytes.insert(bytes.end(), name.begin() + start, name.begin() + dot);
        start = dot + 1;
    }
    bytes.push_back(0);
    return bytes;
}

void put16(std::vector<unsigned char>& out, unsigned value) {
    out.push_back(static_cast<unsigned char>(value >> 8));
    out.push_back(static_cast<unsigned char>(value));
}

// A record for an answer section: owner given as bytes (a pointer or a name).
void put_record(std::vector<unsigned char>& out, const std::vector<unsigned char>& owner,
                unsigned type, const std::vector<unsigned char>& data) {
    out.insert(out.end(), owner.begin(), owner.end());
    put16(out, type);
    put16(out, 1);  // IN
    put16(out, 0);
    put16(out, 60);  // TTL
    put16(out, static_cast<unsigned>(data.size()));
    out.insert(out.end(), data.begin(), data.end());
}

const std::vector<unsigned char> to_question_name = {0xc0, 12};  // compression pointer

std::vector<unsigned char> ipv4(const char* text) {
    std::vector<unsigned char> bytes(4);
    inet_pton(AF_INET, text, bytes.data());
    return bytes;
}
std::vector<unsigned char> ipv6(const char* text) {
    std::vector<unsigned char> bytes(16);
    inet_pton(AF_INET6, text, bytes.data());
    return bytes;
}

// The test's name server.
class name_server {
public:
    // 0, or bind's errno (EACCES: not root).
    int start(const std::string& address_text) {
        fd_ = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd_ < 0) return errno;
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(53);
        inet_pton(AF_INET, address_text.c_str(), &address.sin_addr);
        if (bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return errno;
        thread_ = std::thread([this] { serve(); });
        return 0;
    }
    ~name_server() {
        stop_.store(true);
        if (thread_.joinable()) thread_.join();
        if (fd_ >= 0) close(fd_);
    }
    // How many questions (of any type) came about `name`.
    int questions_about(const std::string& name) {
        std::lock_guard<std::mutex> hold(counts_lock_);
        return counts_[name];
    }

private:
    void serve() {
        while (!stop_.load()) {
            pollfd watched{fd_, POLLIN, 0};
            if (poll(&watched, 1, 50) <= 0) continue;
            unsigned char query[512];
            sockaddr_in peer{};
            socklen_t peer_size = sizeof peer;
            ssize_t size = recvfrom(fd_, query, sizeof query, 0, reinterpret_cast<sockaddr*>(&peer),
                                    &peer_size);
            if (size < 17) continue;
            // The question: name from byte 12, then type and class.
            std::string name;
            std::size_t at = 12;
            while (at < static_cast<std::size_t>(size) && query[at] != 0) {
                if (!name.empty()) name += '.';
                name.append(reinterpret_cast<char*>(query + at + 1), query[at]);
                at += 1 + query[at];
            }
            for (char& c : name) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));  // DNS ignores case
            const std::size_t question_end = at + 5;
            const unsigned type = query[at + 1] << 8 | query[at + 2];
            {
                std::lock_guard<std::mutex> hold(counts_lock_);
                ++counts_[name];
            }
            for (const std::vector<unsigned char>& reply : replies(query, question_end, name, type))
                sendto(fd_, reply.data(), reply.size(), 0, reinterpret_cast<sockaddr*>(&peer),
                       peer_size);
        }
    }

    // What the server sends back for a question (possibly nothing, possibly
    // several datagrams).
    std::vector<std::vector<unsigned char>> replies(const unsigned char* query,
                                                    std::size_t question_end,
                                                    const std::string& name, unsigned type) {
        auto reply = [&](unsigned code, unsigned answers) {
            std::vector<unsigned char> out(query, query + question_end);
            out[2] = 0x81;  // a response, recursion desired
            out[3] = static_cast<unsigned char>(0x80 | code);  // recursion available
            out[6] = 0;
            out[7] = static_cast<unsigned char>(answers);
            return out;
        };
        if (name == "www.example.test") {
            std::vector<unsigned char> out = reply(0, 1);
            if (type == type_a) put_record(out, to_question_name, type_a, ipv4("192.0.2.1"));
            else put_record(out, to_question_name, type_aaaa, ipv6("2001:db8::1"));
            return {out};
        }
        if (name == "alias.example.test") {
            // A CNAME to www, then www's address under its own name.
            std::vector<unsigned char> out = reply(0, 2);
            put_record(out, to_question_name, type_cname, encoded_name("www.example.test"));
            if (type == type_a) put_record(out, encoded_name("www.example.test"), type_a, ipv4("192.0.2.1"));
            else put_record(out, encoded_name("www.example.test"), type_aaaa, ipv6("2001:db8::1"));
            return {out};
        }
        if (name == "v4only.example.test") {
            std::vector<unsigned char> out = reply(0, type == type_a ? 1 : 0);
            if (type == type_a) put_record(out, to_question_name, type_a, ipv4("192.0.2.7"));
            return {out};
        }
        if (name == "late.example.test") {
            // Long after the server that does not exist has refused twice.
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            std::vector<unsigned char> out = reply(0, 1);
            if (type == type_a) put_record(out, to_question_name, type_a, ipv4("192.0.2.3"));
            else put_record(out, to_question_name, type_aaaa, ipv6("2001:db8::3"));
            return {out};
        }
        if (name.size() == 253 && type == type_a) {
            // The longest name there is; then an owner one byte longer than
            // any name may be (a label before a pointer to it), dropped.
            std::vector<unsigned char> longest = reply(0, 1);
            put_record(longest, to_question_name, type_a, ipv4("192.0.2.253"));
            std::vector<unsigned char> too_long = reply(0, 1);
            put_record(too_long, {1, 'x', 0xc0, 12}, type_a, ipv4("6.6.6.9"));
            return {too_long, longest};
        }
        if (name == "broken.example.test") return {reply(2, 0)};  // SERVFAIL
        if (name == "silent.example.test") return {};
        if (name == "noisy.example.test") {
            // Three unusable datagrams before the real answer: a wrong id, a
            // compression loop, an answer to another name.
            std::vector<unsigned char> wrong_id = reply(0, 1);
            wrong_id[0] ^= 0xff;
            put_record(wrong_id, to_question_name, type, type == type_a ? ipv4("6.6.6.6") : ipv6("::6"));
            std::vector<unsigned char> looping = reply(0, 1);
            const unsigned loop_at = static_cast<unsigned>(looping.size());
            put_record(looping, {static_cast<unsigned char>(0xc0 | loop_at >> 8),
                                 static_cast<unsigned char>(loop_at)},
                       type, type == type_a ? ipv4("6.6.6.7") : ipv6("::7"));
            std::vector<unsigned char> other(query, query + 12);
            other[2] = 0x81;
            other[3] = 0x80;
            std::vector<unsigned char> other_name = encoded_name("other.example.test");
            other.insert(other.end(), other_name.begin(), other_name.end());
            put16(other, type);
            put16(other, 1);
            other[7] = 1;
            put_record(other, to_question_name, type, type == type_a ? ipv4("6.6.6.8") : ipv6("::8"));
            std::vector<unsigned char> good = reply(0, 1);
            put_record(good, to_question_name, type, type == type_a ? ipv4("192.0.2.9") : ipv6("2001:db8::9"));
            return {wrong_id, looping, other, good};
        }
        return {reply(3, 0)};  // NXDOMAIN
    }

    int fd_ = -1;
    std::atomic<bool> stop_{false};
    std::mutex counts_lock_;
    std::map<std::string, int> counts_;
    std::thread thread_;
};

class LibcDnsResolver : public ::testing::Test {
protected:
    void SetUp() override {
        const unsigned pid = static_cast<unsigned>(getpid());
        const std::string host = std::to_string(pid >> 8 & 0xff) + "." + std::to_string(pid & 0xff);
        const std::string live = "127.53." + host, dead = "127.54." + host;
        int error = server_.start(live);
        if (error == EACCES || error == EPERM) GTEST_SKIP() << "cannot bind port 53 (needs root)";
        ASSERT_EQ(0, error) << "binding " << live << ":53: " << strerror(error);
        char path[] = "/tmp/lwp-resolv-XXXXXX";
        int fd = mkstemp(path);
        ASSERT_GE(fd, 0);
        const std::string text = "# the test's own\nnameserver " + dead + "\nnameserver " + live +
                                 "\nsearch example.test\noptions timeout:1 attempts:2 ndots:1\n";
        ASSERT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
        close(fd);
        path_ = path;
        lwp::libc::resolver_configuration_path = path_.c_str();
    }
    void TearDown() override {
        lwp::libc::resolver_configuration_path = "/etc/resolv.conf";
        if (!path_.empty()) unlink(path_.c_str());
    }

    // The addresses found, as text, in order ("" and the code on failure).
    std::string look_up(const char* name, int family, int flags = 0, int* code = nullptr,
                        std::string* canonical = nullptr) {
        addrinfo hints{};
        hints.ai_family = family;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = flags;
        addrinfo* list = nullptr;
        int result = lwp::libc::lookup_addresses(name, "80", &hints, &list);
        if (code) *code = result;
        std::string text;
        for (addrinfo* entry = result == 0 ? list : nullptr; entry; entry = entry->ai_next) {
            char address[INET6_ADDRSTRLEN] = "?";
            const void* bytes =
                entry->ai_family == AF_INET
                    ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(entry->ai_addr)->sin_addr)
                    : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(entry->ai_addr)->sin6_addr);
            inet_ntop(entry->ai_family, bytes, address, sizeof address);
            text += text.empty() ? "" : " ";
            text += address;
            if (canonical && entry->ai_canonname) *canonical = entry->ai_canonname;
        }
        if (result == 0) lwp::libc::free_addresses(list);
        return text;
    }

    name_server server_;
    std::string path_;
};

}  // namespace

TEST_F(LibcDnsResolver, FindsBothFamiliesIpv4First) {
    EXPECT_EQ("192.0.2.1 2001:db8::1", look_up("www.example.test", AF_UNSPEC));
    EXPECT_EQ("192.0.2.1", look_up("www.example.test", AF_INET));
    EXPECT_EQ("2001:db8::1", look_up("www.example.test", AF_INET6));
    EXPECT_EQ("192.0.2.1 2001:db8::1", look_up("WWW.Example.Test.", AF_UNSPEC));  // absolute
}

TEST_F(LibcDnsResolver, AnAliasIsCanonicallyItsTarget) {
    std::string canonical;
    EXPECT_EQ("192.0.2.1 2001:db8::1",
              look_up("alias.example.test", AF_UNSPEC, AI_CANONNAME, nullptr, &canonical));
    EXPECT_EQ("www.example.test", canonical);
}

TEST_F(LibcDnsResolver, ShortNamesGoThroughTheSearchDomains) {
    EXPECT_EQ("192.0.2.1 2001:db8::1", look_up("www", AF_UNSPEC));
    int code = 0;
    EXPECT_EQ("", look_up("www.", AF_UNSPEC, 0, &code));  // absolute: no search
    EXPECT_EQ(EAI_NONAME, code);
}

TEST_F(LibcDnsResolver, Ipv4OnlyNamesMapForV4Mapped) {
    int code = 0;
    EXPECT_EQ("", look_up("v4only.example.test", AF_INET6, 0, &code));
    EXPECT_EQ(EAI_NONAME, code);
    EXPECT_EQ("::ffff:192.0.2.7", look_up("v4only.example.test", AF_INET6, AI_V4MAPPED));
    EXPECT_EQ("192.0.2.7", look_up("v4only.example.test", AF_UNSPEC));
}

TEST_F(LibcDnsResolver, UnknownAndInvalidNamesAreNoName) {
    int code = 0;
    EXPECT_EQ("", look_up("missing.example.test", AF_UNSPEC, 0, &code));
    EXPECT_EQ(EAI_NONAME, code);
    EXPECT_EQ("", look_up("bad..name", AF_UNSPEC, 0, &code));
    EXPECT_EQ(EAI_NONAME, code);
    EXPECT_EQ("", look_up(std::string(64, 'x').append(".test").c_str(), AF_UNSPEC, 0, &code));
    EXPECT_EQ(EAI_NONAME, code);
    EXPECT_EQ("", look_up("www.example.test", AF_UNSPEC, AI_NUMERICHOST, &code));
    EXPECT_EQ(EAI_NONAME, code);
}

// Every server refusing (one with SERVFAIL, one with nothing listening) is
// an answer too: EAI_AGAIN without asking again (as it would after a
// timeout), for the name as it is and then under the search domain.
TEST_F(LibcDnsResolver, ServersThatAllRefuseGiveAgainWithoutRetrying) {
    int code = 0;
    EXPECT_EQ("", look_up("broken.example.test", AF_INET, 0, &code));
    EXPECT_EQ(EAI_AGAIN, code);
    EXPECT_EQ(1, server_.questions_about("broken.example.test"));
    EXPECT_EQ(1, server_.questions_about("broken.example.test.example.test"));
}

// One server refusing (each question it is sent) settles nothing while
// another may still answer.
TEST_F(LibcDnsResolver, OneRefusingServerDoesNotSettleTheQuestion) {
    EXPECT_EQ("192.0.2.3 2001:db8::3", look_up("late.example.test", AF_UNSPEC));
}

// No answer at all: asked again once per attempt, then EAI_AGAIN.
TEST_F(LibcDnsResolver, SilenceIsRetriedThenAgain) {
    int code = 0;
    EXPECT_EQ("", look_up("silent.example.test.", AF_INET, 0, &code));
    EXPECT_EQ(EAI_AGAIN, code);
    EXPECT_EQ(2, server_.questions_about("silent.example.test"));  // attempts:2
}

// 253 characters: 3 labels of 63 and one of 61, with their dots.
TEST_F(LibcDnsResolver, TheLongestNameIsReadAndALongerOwnerDropped) {
    std::string name = std::string(63, 'a') + "." + std::string(63, 'b') + "." +
                       std::string(63, 'c') + "." + std::string(61, 'd');
    ASSERT_EQ(253u, name.size());
    std::string canonical;
    EXPECT_EQ("192.0.2.253", look_up((name + ".").c_str(), AF_INET, AI_CANONNAME, nullptr, &canonical));
    EXPECT_EQ(name, canonical);
}

TEST_F(LibcDnsResolver, UnusableDatagramsAreIgnored) {
    EXPECT_EQ("192.0.2.9 2001:db8::9", look_up("noisy.example.test", AF_UNSPEC));
}
