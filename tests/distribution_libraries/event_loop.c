/* Debian's libevent, with its pthreads locking: an event loop over a TCP
 * connection on 127.0.0.1 and a socket pair, driven by epoll, with buffered
 * events, a timer, a signal event, and a second thread that hands work to
 * the loop through event_active on a locked base. The output must be the
 * same built against glibc and linked with lwp alone. */
#include <arpa/inet.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <event2/thread.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static struct event_base* base;
static int echoed_lines, pair_bytes, timer_fired, signal_caught, handed_over;

/* The server side: echo each line back in upper case. */
static void server_read(struct bufferevent* connection, void* context) {
    (void)context;
    struct evbuffer* input = bufferevent_get_input(connection);
    char* line;
    size_t length;
    while ((line = evbuffer_readln(input, &length, EVBUFFER_EOL_LF))) {
        for (size_t i = 0; i < length; ++i)
            if (line[i] >= 'a' && line[i] <= 'z') line[i] -= 32;
        evbuffer_add_printf(bufferevent_get_output(connection), "%s\n", line);
        free(line);
    }
}

static void server_event(struct bufferevent* connection, short what, void* context) {
    (void)context;
    if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) bufferevent_free(connection);
}

static void accepted(struct evconnlistener* listener, evutil_socket_t fd, struct sockaddr* address,
                     int length, void* context) {
    (void)listener, (void)address, (void)length, (void)context;
    struct bufferevent* connection = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_setcb(connection, server_read, NULL, server_event, NULL);
    bufferevent_enable(connection, EV_READ | EV_WRITE);
}

/* The client side: send three lines, print what comes back, close after the last. */
static void client_read(struct bufferevent* connection, void* context) {
    (void)context;
    char* line;
    size_t length;
    while ((line = evbuffer_readln(bufferevent_get_input(connection), &length, EVBUFFER_EOL_LF))) {
        printf("echoed: %s\n", line);
        free(line);
        if (++echoed_lines == 3) bufferevent_free(connection);
    }
}

static void pair_read(evutil_socket_t fd, short what, void* context) {
    (void)what, (void)context;
    char buffer[256];
    ssize_t got = read(fd, buffer, sizeof buffer);
    if (got > 0) pair_bytes += (int)got;
}

static void timer_done(evutil_socket_t fd, short what, void* context) {
    (void)fd, (void)what, (void)context;
    timer_fired = 1;
}

static void signal_seen(evutil_socket_t signal_number, short what, void* context) {
    (void)what, (void)context;
    signal_caught = (int)signal_number;
}

static void handed(evutil_socket_t fd, short what, void* context) {
    (void)fd, (void)what;
    handed_over = *(int*)context;
}

static struct event* hand_over_event;
static int hand_over_value;

static void* other_thread(void* argument) {
    (void)argument;
    hand_over_value = 4242;
    event_active(hand_over_event, EV_READ, 0); /* locked: the base was made thread-aware */
    return NULL;
}

static void check_finished(evutil_socket_t fd, short what, void* context) {
    (void)fd, (void)what, (void)context;
    if (echoed_lines == 3 && pair_bytes == 3000 && timer_fired && signal_caught && handed_over)
        event_base_loopbreak(base);
}

int main(void) {
    if (evthread_use_pthreads() != 0) return 1;
    base = event_base_new();
    if (!base) return 1;
    printf("libevent %s, method %s\n", event_get_version(), event_base_get_method(base));

    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    struct evconnlistener* listener =
        evconnlistener_new_bind(base, accepted, NULL, LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, -1,
                                (struct sockaddr*)&address, sizeof address);
    if (!listener) return 1;
    socklen_t address_length = sizeof address;
    getsockname(evconnlistener_get_fd(listener), (struct sockaddr*)&address, &address_length);
    struct bufferevent* client = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
    bufferevent_setcb(client, client_read, NULL, NULL, NULL);
    bufferevent_enable(client, EV_READ | EV_WRITE);
    if (bufferevent_socket_connect(client, (struct sockaddr*)&address, sizeof address) != 0) return 1;
    bufferevent_write(client, "first line\nsecond\nthe third, last\n", 34);

    evutil_socket_t pair[2];
    if (evutil_socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0) return 1;
    struct event* pair_event = event_new(base, pair[0], EV_READ | EV_PERSIST, pair_read, NULL);
    event_add(pair_event, NULL);
    char block[1000];
    memset(block, 'p', sizeof block);
    for (int i = 0; i < 3; ++i)
        if (write(pair[1], block, sizeof block) != sizeof block) return 1;

    struct timeval short_time = {0, 20000};
    struct event* timer = evtimer_new(base, timer_done, NULL);
    evtimer_add(timer, &short_time);
    struct event* signal_event = evsignal_new(base, SIGUSR1, signal_seen, NULL);
    evsignal_add(signal_event, NULL);
    raise(SIGUSR1);

    hand_over_event = event_new(base, -1, 0, handed, &hand_over_value);
    pthread_t thread;
    pthread_create(&thread, NULL, other_thread, NULL);

    struct timeval often = {0, 5000};
    struct event* checker = event_new(base, -1, EV_PERSIST, check_finished, NULL);
    event_add(checker, &often);
    struct timeval limit = {30, 0};
    event_base_loopexit(base, &limit); /* a hang fails the comparison, not the machine */
    event_base_dispatch(base);
    pthread_join(thread, NULL);

    printf("socket pair bytes %d, timer %s, signal %s, handed over %d\n", pair_bytes,
           timer_fired ? "fired" : "NOT fired", signal_caught == SIGUSR1 ? "SIGUSR1" : "none",
           handed_over);
    event_free(checker);
    event_free(hand_over_event);
    event_free(signal_event);
    event_free(timer);
    event_free(pair_event);
    evutil_closesocket(pair[0]);
    evutil_closesocket(pair[1]);
    evconnlistener_free(listener);
    event_base_free(base);
    return echoed_lines == 3 ? 0 : 1;
}
