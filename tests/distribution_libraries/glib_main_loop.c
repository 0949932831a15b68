/* Debian's GLib (the static libglib-2.0.a, with PCRE2 under GRegex): the
 * utility library much of the desktop is built on, and a heavy user of the C
 * library. A GThreadPool of four threads with a GAsyncQueue back to the main
 * thread; GThread and GMutex, GCond, GRWLock, GOnce, GPrivate; a GMainLoop
 * with an idle source, timeouts, a Unix-signal source and a child watch
 * over g_spawn_async_with_pipes; GIOChannel over a pipe; g_convert through
 * iconv; GKeyFile, GRegex, GDateTime in UTC, g_strdup_printf, GString
 * and GHashTable; g_file_open_tmp and g_file_set_contents. The output must be the
 * same built against glibc and linked with lwp alone. */
#include <glib-unix.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHECK(condition)                                                            \
    do {                                                                            \
        if (!(condition)) {                                                         \
            fprintf(stderr, "%s:%d: %s failed\n", __FILE__, __LINE__, #condition); \
            exit(1);                                                                \
        }                                                                           \
    } while (0)

/* --- a thread pool whose results come back through an async queue ------- */
static GAsyncQueue* results;

static void square_task(gpointer data, gpointer user_data) {
    (void)user_data;
    long n = GPOINTER_TO_INT(data);
    g_async_queue_push(results, GINT_TO_POINTER((int)(n * n + 1)));
}

static void thread_pool(void) {
    GError* error = NULL;
    results = g_async_queue_new();
    GThreadPool* pool = g_thread_pool_new(square_task, NULL, 4, TRUE, &error);
    CHECK(pool != NULL && error == NULL);
    for (int n = 1; n <= 200; ++n) CHECK(g_thread_pool_push(pool, GINT_TO_POINTER(n), &error));
    long sum = 0;
    for (int n = 1; n <= 200; ++n) sum += GPOINTER_TO_INT(g_async_queue_pop(results)) - 1;
    g_thread_pool_free(pool, FALSE, TRUE);
    g_async_queue_unref(results);
    printf("pool: sum of squares 1..200 = %ld\n", sum);
}

/* --- GThread with GMutex, GCond, GRWLock, GOnce, GPrivate ---------------- */
static GMutex counter_mutex;
static GCond counter_changed;
static GRWLock table_lock;
static int counter, table[8];
static GPrivate thread_number = G_PRIVATE_INIT(NULL);
static GOnce first_touch = G_ONCE_INIT;
static int once_calls;

static gpointer initialise_once(gpointer data) {
    ++once_calls;
    return data;
}

static gpointer counting_thread(gpointer data) {
    int index = GPOINTER_TO_INT(data);
    g_private_set(&thread_number, GINT_TO_POINTER(index + 1));
    CHECK(g_once(&first_touch, initialise_once, GINT_TO_POINTER(42)) == GINT_TO_POINTER(42));
    for (int i = 0; i < 1000; ++i) {
        g_mutex_lock(&counter_mutex);
        ++counter;
        g_cond_broadcast(&counter_changed);
        g_mutex_unlock(&counter_mutex);
    }
    g_rw_lock_writer_lock(&table_lock);
    table[index] = GPOINTER_TO_INT(g_private_get(&thread_number)) * 10;
    g_rw_lock_writer_unlock(&table_lock);
    return GINT_TO_POINTER(index * 2);
}

static void threads(void) {
    GThread* workers[8];
    for (int i = 0; i < 8; ++i) workers[i] = g_thread_new("counter", counting_thread, GINT_TO_POINTER(i));
    g_mutex_lock(&counter_mutex);
    while (counter < 8000) g_cond_wait(&counter_changed, &counter_mutex);
    g_mutex_unlock(&counter_mutex);
    int returned = 0;
    for (int i = 0; i < 8; ++i) returned += GPOINTER_TO_INT(g_thread_join(workers[i]));
    int table_sum = 0;
    g_rw_lock_reader_lock(&table_lock);
    for (int i = 0; i < 8; ++i) table_sum += table[i];
    g_rw_lock_reader_unlock(&table_lock);
    printf("threads: counter %d, joined %d, table %d, once ran %d time(s)\n", counter, returned,
           table_sum, once_calls);
}

/* --- a main loop: idle, timeouts, a signal source, a child watch, a pipe -- */
static GMainLoop* main_loop;
static int idle_runs, ticks, sources_done;
static char child_output[128];
static gsize child_output_size;
static int child_status = -1;
static gboolean got_signal;

static void one_source_done(void) {
    if (++sources_done == 4) g_main_loop_quit(main_loop);
}

static gboolean idle_once(gpointer data) {
    (void)data;
    ++idle_runs;
    return G_SOURCE_REMOVE;
}

static gboolean tick(gpointer data) {
    (void)data;
    if (++ticks == 3) {
        raise(SIGUSR1);
        one_source_done();
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

static gboolean signalled(gpointer data) {
    (void)data;
    got_signal = TRUE;
    one_source_done();
    return G_SOURCE_REMOVE;
}

static void child_exited(GPid pid, gint status, gpointer data) {
    (void)data;
    child_status = status;
    g_spawn_close_pid(pid);
    one_source_done();
}

static gboolean child_readable(GIOChannel* channel, GIOCondition condition, gpointer data) {
    (void)data;
    if (condition & G_IO_IN) {
        gsize count = 0;
        GIOStatus status = g_io_channel_read_chars(channel, child_output + child_output_size,
                                                   sizeof child_output - 1 - child_output_size, &count, NULL);
        child_output_size += count;
        if (status != G_IO_STATUS_EOF) return G_SOURCE_CONTINUE;
    }
    g_io_channel_shutdown(channel, FALSE, NULL);
    one_source_done();
    return G_SOURCE_REMOVE;
}

static void main_loop_run(void) {
    main_loop = g_main_loop_new(NULL, FALSE);
    g_idle_add(idle_once, NULL);
    g_timeout_add(2, tick, NULL);
    g_unix_signal_add(SIGUSR1, signalled, NULL);

    char* arguments[] = {"/bin/sh", "-c", "printf 'from the child: %s\\n' \"$0\"; exit 3", "glib", NULL};
    GPid pid;
    int child_stdout;
    GError* error = NULL;
    CHECK(g_spawn_async_with_pipes(NULL, arguments, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                   NULL, &child_stdout, NULL, &error));
    g_child_watch_add(pid, child_exited, NULL);
    GIOChannel* channel = g_io_channel_unix_new(child_stdout);
    g_io_channel_set_close_on_unref(channel, TRUE);
    CHECK(g_io_channel_set_encoding(channel, NULL, NULL) == G_IO_STATUS_NORMAL);
    g_io_add_watch(channel, G_IO_IN | G_IO_HUP | G_IO_ERR, child_readable, NULL);
    g_io_channel_unref(channel);

    g_main_loop_run(main_loop);
    g_main_loop_unref(main_loop);
    GError* exit_error = NULL;
    gboolean exited_zero = g_spawn_check_wait_status(child_status, &exit_error);
    printf("loop: idle %d, ticks %d, signal %s, child exit %d (%s), said \"%.*s\"\n", idle_runs, ticks,
           got_signal ? "seen" : "missed", WEXITSTATUS(child_status), exited_zero ? "zero" : "non-zero",
           (int)strcspn(child_output, "\n"), child_output);
    g_clear_error(&exit_error);
}

/* --- text: iconv, key files, regular expressions, dates, formatting ------ */
static void text(void) {
    GError* error = NULL;
    gsize written = 0;
    char* latin1 = g_convert("caf\xc3\xa9 na\xc3\xafve", -1, "ISO-8859-1", "UTF-8", NULL, &written, &error);
    CHECK(latin1 != NULL);
    printf("convert: %zu bytes, last two 0x%02x 0x%02x\n", (size_t)written, (unsigned char)latin1[written - 2],
           (unsigned char)latin1[written - 1]);
    char* back = g_convert(latin1, (gssize)written, "UTF-8", "ISO-8859-1", NULL, NULL, &error);
    CHECK(back != NULL && strcmp(back, "caf\xc3\xa9 na\xc3\xafve") == 0);
    g_free(latin1), g_free(back);
    CHECK(g_utf8_validate("caf\xc3\xa9", -1, NULL) && !g_utf8_validate("caf\xc3", -1, NULL));
    char* upper = g_utf8_strup("stra\xc3\x9f" "e", -1);
    printf("utf8: upper \"%s\", %ld characters\n", upper, g_utf8_strlen(upper, -1));
    g_free(upper);

    GKeyFile* keys = g_key_file_new();
    const char settings[] = "[server]\nport=8080\nratio=0.75\nnames=alpha;beta;gamma;\n# note\nenabled=true\n";
    CHECK(g_key_file_load_from_data(keys, settings, sizeof settings - 1, G_KEY_FILE_NONE, &error));
    gsize name_count = 0;
    char** names = g_key_file_get_string_list(keys, "server", "names", &name_count, &error);
    printf("keyfile: port %d ratio %.2f enabled %d names %zu (%s..%s)\n",
           g_key_file_get_integer(keys, "server", "port", &error),
           g_key_file_get_double(keys, "server", "ratio", &error),
           g_key_file_get_boolean(keys, "server", "enabled", &error), (size_t)name_count, names[0],
           names[name_count - 1]);
    CHECK(g_key_file_get_integer(keys, "server", "missing", &error) == 0 && error != NULL);
    g_clear_error(&error);
    g_strfreev(names);
    g_key_file_set_double(keys, "server", "ratio", 1.5);
    char* saved = g_key_file_to_data(keys, NULL, NULL);
    const char* ratio_line = strstr(saved, "ratio=");
    CHECK(ratio_line != NULL);
    printf("keyfile: saved %zu bytes, \"%.*s\"\n", strlen(saved), (int)strcspn(ratio_line, "\n"), ratio_line);
    g_free(saved);
    g_key_file_free(keys);

    GRegex* pattern = g_regex_new("(\\w+)@(\\w+)\\.org", G_REGEX_OPTIMIZE, 0, &error);
    CHECK(pattern != NULL);
    char* replaced = g_regex_replace(pattern, "mail ann@gnome.org or bob@debian.org", -1, 0, "\\2:\\1", 0, &error);
    printf("regex: %s\n", replaced);
    g_free(replaced);
    g_regex_unref(pattern);

    GDateTime* moment = g_date_time_new_utc(2024, 2, 29, 13, 45, 30.25);
    char* formatted = g_date_time_format(moment, "%Y-%m-%d %H:%M:%S %j %A");
    printf("date: %s, unix %lld, week %d\n", formatted, (long long)g_date_time_to_unix(moment),
           g_date_time_get_week_of_year(moment));
    g_free(formatted);
    GDateTime* later = g_date_time_add_days(moment, 400);
    char* iso = g_date_time_format_iso8601(later);
    printf("date: +400 days %s\n", iso);
    g_free(iso);
    g_date_time_unref(later), g_date_time_unref(moment);

    GString* text = g_string_new(NULL);
    for (int i = 0; i < 5; ++i) g_string_append_printf(text, "[%03d|%-4s|%+.3e]", i * 7, i % 2 ? "odd" : "even", i * 1.25);
    printf("string: %s\n", text->str);
    g_string_free(text, TRUE);
    char* joined = g_strdup_printf("%s-%d-%x-%.1f", "fmt", -12, 255u, 2.25);
    char** parts = g_strsplit(joined, "-", -1);
    printf("split: %u parts of \"%s\", ascii double %g\n", g_strv_length(parts), joined,
           g_ascii_strtod("3.5e2", NULL));
    g_strfreev(parts);
    g_free(joined);

    GHashTable* table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (int i = 0; i < 1000; ++i) g_hash_table_insert(table, g_strdup_printf("key%d", i), GINT_TO_POINTER(i));
    long total = 0;
    for (int i = 0; i < 1000; i += 3) {
        char key[16];
        snprintf(key, sizeof key, "key%d", i);
        total += GPOINTER_TO_INT(g_hash_table_lookup(table, key));
    }
    printf("hash: %u entries, sum of every third %ld\n", g_hash_table_size(table), total);
    g_hash_table_destroy(table);

    char* path = g_build_filename(g_get_tmp_dir(), "lwp-glib-test", "file.txt", NULL);
    char* base = g_path_get_basename(path);
    printf("paths: basename %s, absolute %d\n", base, g_path_is_absolute(path));
    g_free(base), g_free(path);
}

/* --- files: a temporary file written and read back with GLib's calls ----- */
static void files(void) {
    GError* error = NULL;
    char* name = NULL;
    int fd = g_file_open_tmp("lwp-glib-XXXXXX", &name, &error);
    CHECK(fd >= 0);
    close(fd);
    CHECK(g_file_set_contents(name, "line one\nline two\n", -1, &error));
    char* contents = NULL;
    gsize length = 0;
    CHECK(g_file_get_contents(name, &contents, &length, &error));
    printf("files: %zu bytes, %s\n", (size_t)length, g_file_test(name, G_FILE_TEST_IS_REGULAR) ? "regular" : "?");
    g_free(contents);
    CHECK(g_unlink(name) == 0 && !g_file_test(name, G_FILE_TEST_EXISTS));
    g_free(name);
}

int main(void) {
    thread_pool();
    threads();
    main_loop_run();
    text();
    files();
    return 0;
}
