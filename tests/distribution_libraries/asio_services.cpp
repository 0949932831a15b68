// Asio (Debian's libasio-dev, header-only, compiled here against libstdc++):
// an io_context run by a pool of four std::threads, with strands that keep
// handlers of one kind from running at once, steady timers, a TCP echo
// server and client over 127.0.0.1 with async reads and writes, a
// signal_set catching SIGUSR2, a thread_pool with post and a future, and an
// error (connection refused) reported as a std::system_error exception.
// Linked with lwp alone this program uses lwp's exceptions library (lwp-c++
// -fexceptions). The output must be the same built against glibc and linked
// with lwp alone.
#include <asio.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

using asio::ip::tcp;

// An echo session: reads a line, writes it back reversed, until EOF.
class EchoSession : public std::enable_shared_from_this<EchoSession> {
public:
    explicit EchoSession(tcp::socket socket) : socket_(std::move(socket)) {}
    void start() { read_line(); }

private:
    void read_line() {
        auto self = shared_from_this();
        asio::async_read_until(socket_, asio::dynamic_buffer(buffer_), '\n',
                               [self](std::error_code error, std::size_t length) {
                                   if (error) return;  // EOF: the client is done
                                   std::string line = self->buffer_.substr(0, length - 1);
                                   self->buffer_.erase(0, length);
                                   self->reply_ = std::string(line.rbegin(), line.rend()) + "\n";
                                   asio::async_write(self->socket_, asio::buffer(self->reply_),
                                                     [self](std::error_code write_error, std::size_t) {
                                                         if (!write_error) self->read_line();
                                                     });
                               });
    }

    tcp::socket socket_;
    std::string buffer_, reply_;
};

void tcp_echo(asio::io_context& context) {
    tcp::acceptor acceptor(context, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    acceptor.async_accept([](std::error_code error, tcp::socket socket) {
        if (!error) std::make_shared<EchoSession>(std::move(socket))->start();
    });
    // The client, synchronous, on this thread while the pool serves.
    tcp::socket client(context);
    client.connect(acceptor.local_endpoint());
    std::string answers;
    for (const char* line : {"threads\n", "on raw clone\n", "asio\n"}) {
        asio::write(client, asio::buffer(std::string(line)));
        std::string reply;
        asio::read_until(client, asio::dynamic_buffer(reply), '\n');
        answers += reply.substr(0, reply.size() - 1) + "|";
    }
    client.shutdown(tcp::socket::shutdown_both);
    client.close();
    std::printf("tcp: %s\n", answers.c_str());
}

// Strands: 2 x 2000 handlers posted from several threads; handlers of one
// strand never overlap, which the overlap counter would catch.
void strands(asio::io_context& context) {
    asio::strand<asio::io_context::executor_type> first(context.get_executor()), second(context.get_executor());
    std::atomic<int> inside_first{0}, overlaps{0}, done{0};
    long first_total = 0, second_total = 0;  // touched only inside their strand
    std::promise<void> all_done;
    for (int i = 1; i <= 2000; ++i) {
        asio::post(first, [&, i] {
            if (inside_first.fetch_add(1) != 0) ++overlaps;
            first_total += i;
            inside_first.fetch_sub(1);
            if (done.fetch_add(1) + 1 == 4000) all_done.set_value();
        });
        asio::post(second, [&, i] {
            second_total += 2 * i;
            if (done.fetch_add(1) + 1 == 4000) all_done.set_value();
        });
    }
    all_done.get_future().wait();
    std::printf("strands: %ld %ld, overlaps %d\n", first_total, second_total, overlaps.load());
}

// Timers: three of them, which fire in deadline order whatever order they
// were started in. Their handlers go through one strand, so that two
// expiring in the same pass of the reactor (a loaded machine) still run in
// the order it found them, the deadlines'.
void timers(asio::io_context& context) {
    asio::strand<asio::io_context::executor_type> in_order(context.get_executor());
    std::string order;
    std::mutex order_mutex;
    std::promise<void> fired;
    std::atomic<int> count{0};
    std::vector<std::unique_ptr<asio::steady_timer>> pending;
    for (int delay : {30, 10, 20}) {
        pending.push_back(std::make_unique<asio::steady_timer>(context, std::chrono::milliseconds(delay)));
        pending.back()->async_wait(asio::bind_executor(in_order, [&, delay](std::error_code error) {
            if (error) return;
            {
                std::lock_guard<std::mutex> lock(order_mutex);
                order += std::to_string(delay) + " ";
            }
            if (++count == 3) fired.set_value();
        }));
    }
    fired.get_future().wait();
    std::printf("timers: fired %s\n", order.c_str());
}

void signals(asio::io_context& context) {
    asio::signal_set set(context, SIGUSR2);
    std::promise<int> caught;
    set.async_wait([&](std::error_code error, int number) { caught.set_value(error ? -1 : number); });
    std::raise(SIGUSR2);
    std::printf("signal: caught %s\n", caught.get_future().get() == SIGUSR2 ? "SIGUSR2" : "something else");
}

void refused(asio::io_context& context) {
    // A port just released: nothing listens there any more.
    tcp::endpoint closed_endpoint;
    {
        tcp::acceptor probe(context, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
        closed_endpoint = probe.local_endpoint();
    }
    tcp::socket socket(context);
    try {
        socket.connect(closed_endpoint);
        std::printf("refused: connected?\n");
    } catch (const std::system_error& error) {
        std::printf("refused: %s\n", error.code() == asio::error::connection_refused ? "connection refused" : "other error");
    }
}

void thread_pool() {
    asio::thread_pool pool(3);
    std::atomic<long> sum{0};
    for (int i = 1; i <= 100; ++i) asio::post(pool, [&sum, i] { sum += i * i; });
    std::future<int> answer = asio::post(pool, asio::use_future([] { return 42; }));
    int value = answer.get();
    pool.join();
    std::printf("thread_pool: sum %ld, future %d\n", sum.load(), value);
}

}  // namespace

int main() {
    asio::io_context context;
    auto guard = asio::make_work_guard(context);
    std::vector<std::thread> runners;
    for (int i = 0; i < 4; ++i) runners.emplace_back([&context] { context.run(); });

    tcp_echo(context);
    strands(context);
    timers(context);
    signals(context);
    refused(context);

    guard.reset();
    context.stop();
    for (std::thread& runner : runners) runner.join();
    thread_pool();
    return 0;
}
