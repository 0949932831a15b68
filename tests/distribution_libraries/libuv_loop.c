/* Debian's libuv (the static libuv_a.a): its thread pool and everything it
 * runs on, which is most of what a pthread replacement must get right at
 * once. Work items and file requests run on libuv's pool threads (its own
 * pthread_create with a chosen stack size, mutexes, condition variables,
 * a once control), finish through its eventfd wake-up into an epoll loop;
 * threads made with uv_thread_create hand results back with uv_async_send;
 * a child runs through uv_spawn (libuv's fork and exec, its SIGCHLD
 * handling); a TCP echo on 127.0.0.1, timers, uv_getaddrinfo on the pool,
 * and libuv's wrappers of semaphores, read-write locks, barriers and
 * thread keys. The output must be the same built against glibc and linked
 * with lwp alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#define CHECK(condition)                                                   \
    do {                                                                   \
        if (!(condition)) {                                                \
            fprintf(stderr, "%s:%d: %s failed\n", __FILE__, __LINE__, #condition); \
            exit(1);                                                       \
        }                                                                  \
    } while (0)
#define CHECK_OK(call)                                                     \
    do {                                                                   \
        int status_ = (call);                                              \
        if (status_ != 0) {                                                \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call, uv_strerror(status_)); \
            exit(1);                                                       \
        }                                                                  \
    } while (0)

static uv_loop_t* loop;

/* --- the thread pool: 64 work items summing disjoint ranges ------------- */
enum { work_items = 64 };
static uv_work_t work[work_items];
static unsigned long long partial_sums[work_items];
static unsigned long long pool_total;
static int after_work_calls;
static uv_mutex_t pool_mutex;

static void sum_range(uv_work_t* request) {
    int index = (int)(request - work);
    unsigned long long sum = 0;
    for (unsigned long long n = (unsigned long long)index * 100000; n < (unsigned long long)(index + 1) * 100000; ++n)
        sum += n;
    partial_sums[index] = sum;
    uv_mutex_lock(&pool_mutex);
    pool_total += sum;
    uv_mutex_unlock(&pool_mutex);
}

static void summed(uv_work_t* request, int status) {
    CHECK(status == 0);
    CHECK(partial_sums[request - work] != 0 || request == work);
    ++after_work_calls;
}

/* --- file requests on the pool: write, fsync, stat, read back, unlink --- */
static char file_path[64];
static const char file_text[] = "written by a libuv pool thread\n";
static char read_back[64];

static void file_round_trip(void) {
    uv_fs_t request;
    int fd = uv_fs_open(loop, &request, file_path, UV_FS_O_CREAT | UV_FS_O_TRUNC | UV_FS_O_RDWR, 0600, NULL);
    CHECK(fd >= 0);
    uv_fs_req_cleanup(&request);
    uv_buf_t buffer = uv_buf_init((char*)file_text, sizeof file_text - 1);
    CHECK(uv_fs_write(loop, &request, fd, &buffer, 1, 0, NULL) == (int)(sizeof file_text - 1));
    uv_fs_req_cleanup(&request);
    CHECK_OK(uv_fs_fsync(loop, &request, fd, NULL));
    uv_fs_req_cleanup(&request);
    CHECK_OK(uv_fs_stat(loop, &request, file_path, NULL));
    printf("file: %llu bytes\n", (unsigned long long)request.statbuf.st_size);
    uv_fs_req_cleanup(&request);
    buffer = uv_buf_init(read_back, sizeof read_back - 1);
    CHECK(uv_fs_read(loop, &request, fd, &buffer, 1, 0, NULL) == (int)(sizeof file_text - 1));
    uv_fs_req_cleanup(&request);
    printf("file: read back \"%.*s\"\n", (int)strcspn(read_back, "\n"), read_back);
    CHECK_OK(uv_fs_close(loop, &request, fd, NULL));
    uv_fs_req_cleanup(&request);
}

/* The same asynchronously: the request completes on a pool thread and its
 * callback runs on the loop. */
static uv_fs_t async_stat_request, async_unlink_request;
static int async_file_callbacks;

static void unlinked(uv_fs_t* request) {
    CHECK(request->result == 0);
    ++async_file_callbacks;
    uv_fs_req_cleanup(request);
}

static void stat_done(uv_fs_t* request) {
    CHECK(request->result == 0);
    printf("file: async stat says %llu bytes\n", (unsigned long long)request->statbuf.st_size);
    ++async_file_callbacks;
    uv_fs_req_cleanup(request);
    CHECK_OK(uv_fs_unlink(loop, &async_unlink_request, file_path, unlinked));
}

/* --- threads of the program's own, reporting through uv_async_send ------ */
enum { reporters = 4 };
static uv_async_t report_async;
static uv_mutex_t report_mutex;
static int reports_received, reporter_values[reporters];
static uv_key_t reporter_key;
static uv_barrier_t reporter_barrier;
static uv_sem_t reporter_semaphore;
static uv_rwlock_t table_lock;
static int shared_table[reporters];

/* argument is the thread's number, from 1; its thread key holds the same. */
static void reporter(void* argument) {
    int index = (int)(long)argument - 1;
    uv_key_set(&reporter_key, argument);
    uv_rwlock_wrlock(&table_lock);
    shared_table[index] = (index + 1) * (index + 1);
    uv_rwlock_wrunlock(&table_lock);
    uv_barrier_wait(&reporter_barrier);
    int seen = 0;
    uv_rwlock_rdlock(&table_lock);
    for (int i = 0; i < reporters; ++i) seen += shared_table[i];
    uv_rwlock_rdunlock(&table_lock);
    uv_sem_wait(&reporter_semaphore);
    uv_mutex_lock(&report_mutex);
    reporter_values[index] = seen * 100 + (int)(long)uv_key_get(&reporter_key);
    uv_mutex_unlock(&report_mutex);
    uv_async_send(&report_async);
}

static void report_arrived(uv_async_t* handle) {
    uv_mutex_lock(&report_mutex);
    reports_received = 0;
    for (int i = 0; i < reporters; ++i) reports_received += reporter_values[i] != 0;
    uv_mutex_unlock(&report_mutex);
    if (reports_received == reporters) uv_close((uv_handle_t*)handle, NULL);
}

/* --- a child process through uv_spawn ----------------------------------- */
static uv_process_t child;
static uv_pipe_t child_output;
static char child_text[128];
static size_t child_text_size;
static long long child_exit_status = -1;
static int child_term_signal = -1;

static void allocate(uv_handle_t* handle, size_t suggested, uv_buf_t* buffer) {
    (void)handle, (void)suggested;
    static char slab[4096];
    *buffer = uv_buf_init(slab, sizeof slab);
}

static void child_read(uv_stream_t* stream, ssize_t count, const uv_buf_t* buffer) {
    if (count > 0) {
        CHECK(child_text_size + (size_t)count < sizeof child_text);
        memcpy(child_text + child_text_size, buffer->base, (size_t)count);
        child_text_size += (size_t)count;
    } else if (count < 0) {
        CHECK(count == UV_EOF);
        uv_close((uv_handle_t*)stream, NULL);
    }
}

static void child_exited(uv_process_t* process, int64_t exit_status, int term_signal) {
    child_exit_status = exit_status;
    child_term_signal = term_signal;
    uv_close((uv_handle_t*)process, NULL);
}

/* --- a TCP echo on 127.0.0.1 -------------------------------------------- */
static uv_tcp_t server, server_side, client;
static uv_connect_t connect_request;
static uv_write_t client_write, echo_write;
static char echoed[64];
static size_t echoed_size;
static const char greeting[] = "hello through libuv";

static void close_handle(uv_handle_t* handle) { uv_close(handle, NULL); }

static void echo_written(uv_write_t* request, int status) {
    (void)request;
    CHECK(status == 0);
}

static void server_read(uv_stream_t* stream, ssize_t count, const uv_buf_t* buffer) {
    if (count > 0) {
        static uv_buf_t reply;
        static char copy[4096];
        memcpy(copy, buffer->base, (size_t)count);
        reply = uv_buf_init(copy, (unsigned)count);
        CHECK_OK(uv_write(&echo_write, stream, &reply, 1, echo_written));
    } else if (count < 0) {
        close_handle((uv_handle_t*)stream);
    }
}

static void accepted(uv_stream_t* listener, int status) {
    CHECK(status == 0);
    CHECK_OK(uv_tcp_init(loop, &server_side));
    CHECK_OK(uv_accept(listener, (uv_stream_t*)&server_side));
    CHECK_OK(uv_read_start((uv_stream_t*)&server_side, allocate, server_read));
    close_handle((uv_handle_t*)listener);
}

static void client_read(uv_stream_t* stream, ssize_t count, const uv_buf_t* buffer) {
    if (count > 0) {
        memcpy(echoed + echoed_size, buffer->base, (size_t)count);
        echoed_size += (size_t)count;
        if (echoed_size == sizeof greeting - 1) close_handle((uv_handle_t*)stream);
    }
}

static void greeting_written(uv_write_t* request, int status) {
    (void)request;
    CHECK(status == 0);
}

static void connected(uv_connect_t* request, int status) {
    CHECK(status == 0);
    static uv_buf_t text;
    text = uv_buf_init((char*)greeting, sizeof greeting - 1);
    CHECK_OK(uv_write(&client_write, request->handle, &text, 1, greeting_written));
    CHECK_OK(uv_read_start(request->handle, allocate, client_read));
}

/* --- name resolution on the pool ---------------------------------------- */
static uv_getaddrinfo_t resolve_request;
static char resolved[64];

static void resolved_name(uv_getaddrinfo_t* request, int status, struct addrinfo* answers) {
    (void)request;
    CHECK(status == 0);
    CHECK_OK(uv_ip4_name((struct sockaddr_in*)answers->ai_addr, resolved, sizeof resolved));
    uv_freeaddrinfo(answers);
}

/* --- timers: a repeating one counts to five, then stops ----------------- */
static uv_timer_t ticker;
static int ticks;

static void tick(uv_timer_t* timer) {
    if (++ticks == 5) uv_close((uv_handle_t*)timer, NULL);
}

int main(void) {
    loop = uv_default_loop();
    CHECK_OK(uv_mutex_init(&pool_mutex));
    CHECK_OK(uv_mutex_init(&report_mutex));
    snprintf(file_path, sizeof file_path, "/tmp/lwp-libuv-%d", (int)uv_os_getpid());

    for (int i = 0; i < work_items; ++i) CHECK_OK(uv_queue_work(loop, &work[i], sum_range, summed));

    file_round_trip();
    CHECK_OK(uv_fs_stat(loop, &async_stat_request, file_path, stat_done));

    CHECK_OK(uv_async_init(loop, &report_async, report_arrived));
    CHECK_OK(uv_key_create(&reporter_key));
    CHECK_OK(uv_barrier_init(&reporter_barrier, reporters));
    CHECK_OK(uv_sem_init(&reporter_semaphore, 0));
    CHECK_OK(uv_rwlock_init(&table_lock));
    uv_thread_t reporter_threads[reporters];
    uv_thread_options_t options = {UV_THREAD_HAS_STACK_SIZE, 256 * 1024};
    for (int i = 0; i < reporters; ++i)
        CHECK_OK(uv_thread_create_ex(&reporter_threads[i], &options, reporter, (void*)(long)(i + 1)));

    char* arguments[] = {"/bin/sh", "-c", "echo child says $0; exit 7", "hi", NULL};
    CHECK_OK(uv_pipe_init(loop, &child_output, 0));
    uv_stdio_container_t stdio[3] = {
        {.flags = UV_IGNORE},
        {.flags = UV_CREATE_PIPE | UV_WRITABLE_PIPE, .data.stream = (uv_stream_t*)&child_output},
        {.flags = UV_INHERIT_FD, .data.fd = 2},
    };
    uv_process_options_t process = {.exit_cb = child_exited, .file = arguments[0], .args = arguments,
                                    .stdio_count = 3, .stdio = stdio};
    CHECK_OK(uv_spawn(loop, &child, &process));
    CHECK_OK(uv_read_start((uv_stream_t*)&child_output, allocate, child_read));

    struct sockaddr_in any_port;
    CHECK_OK(uv_ip4_addr("127.0.0.1", 0, &any_port));
    CHECK_OK(uv_tcp_init(loop, &server));
    CHECK_OK(uv_tcp_bind(&server, (const struct sockaddr*)&any_port, 0));
    CHECK_OK(uv_listen((uv_stream_t*)&server, 4, accepted));
    struct sockaddr_storage bound;
    int bound_size = sizeof bound;
    CHECK_OK(uv_tcp_getsockname(&server, (struct sockaddr*)&bound, &bound_size));
    CHECK_OK(uv_tcp_init(loop, &client));
    CHECK_OK(uv_tcp_connect(&connect_request, &client, (const struct sockaddr*)&bound, connected));

    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICHOST};
    CHECK_OK(uv_getaddrinfo(loop, &resolve_request, resolved_name, "127.0.0.1", "80", &hints));

    CHECK_OK(uv_timer_init(loop, &ticker));
    CHECK_OK(uv_timer_start(&ticker, tick, 1, 2));

    for (int i = 0; i < reporters; ++i) uv_sem_post(&reporter_semaphore);
    CHECK(uv_run(loop, UV_RUN_DEFAULT) == 0);
    for (int i = 0; i < reporters; ++i) CHECK_OK(uv_thread_join(&reporter_threads[i]));

    printf("pool: %d callbacks, total %llu\n", after_work_calls, pool_total);
    printf("file: %d async callbacks\n", async_file_callbacks);
    printf("threads: %d reports:", reports_received);
    for (int i = 0; i < reporters; ++i) printf(" %d", reporter_values[i]);
    printf("\n");
    printf("child: \"%.*s\" exit %lld signal %d\n", (int)strcspn(child_text, "\n"), child_text,
           child_exit_status, child_term_signal);
    printf("tcp: echoed \"%.*s\"\n", (int)echoed_size, echoed);
    printf("resolve: %s\n", resolved);
    printf("timer: %d ticks\n", ticks);

    uv_barrier_destroy(&reporter_barrier);
    uv_sem_destroy(&reporter_semaphore);
    uv_rwlock_destroy(&table_lock);
    uv_key_delete(&reporter_key);
    uv_mutex_destroy(&pool_mutex);
    uv_mutex_destroy(&report_mutex);
    CHECK_OK(uv_loop_close(loop));
    return 0;
}
