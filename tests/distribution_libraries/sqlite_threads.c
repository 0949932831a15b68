/* Debian's SQLite, in its default serialized threading mode, used by four
 * threads at once: each writes a database of its own, then all four insert
 * into one shared database in WAL mode, waiting on each other's locks (file
 * locks, the shared-memory index, SQLite's own mutexes). The output (row
 * counts and sums) must be the same built against glibc and linked with lwp
 * alone. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define THREADS 4
#define ROWS 200

static char directory[] = "/tmp/lwp-sqlite-XXXXXX";
static char shared_path[64];
static int failures;
static pthread_mutex_t failure_lock = PTHREAD_MUTEX_INITIALIZER;
static long long sums[THREADS], matches[THREADS];

static void fail(const char* what, sqlite3* db) {
    pthread_mutex_lock(&failure_lock);
    fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : "open failed");
    ++failures;
    pthread_mutex_unlock(&failure_lock);
}

static int run(sqlite3* db, const char* sql) {
    char* error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) == SQLITE_OK) return 1;
    fprintf(stderr, "%s: %s\n", sql, error ? error : "?");
    sqlite3_free(error);
    return 0;
}

static long long single_value(sqlite3* db, const char* sql) {
    sqlite3_stmt* statement;
    long long value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) return -1;
    if (sqlite3_step(statement) == SQLITE_ROW) value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return value;
}

static void* own_database(void* argument) {
    long index = (long)argument;
    char path[64];
    snprintf(path, sizeof path, "%s/own%ld.db", directory, index);
    sqlite3* db;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        fail("open", NULL);
        return NULL;
    }
    if (!run(db, "create table numbers(n integer, text text);"
                 "with recursive r(n) as (select 1 union all select n + 1 from r where n < 1000)"
                 " insert into numbers select n, printf('%08d-%.3f', n * 7, n / 3.0) from r;")) {
        fail("fill", db);
    }
    sums[index] = single_value(db, "select sum(n * length(text)) from numbers");
    matches[index] = single_value(db, "select count(*) from numbers where text like '%5-%'");
    sqlite3_close(db);
    return NULL;
}

static void* shared_writer(void* argument) {
    long index = (long)argument;
    sqlite3* db;
    if (sqlite3_open(shared_path, &db) != SQLITE_OK) {
        fail("open shared", NULL);
        return NULL;
    }
    sqlite3_busy_timeout(db, 60000);
    sqlite3_stmt* insert;
    if (sqlite3_prepare_v2(db, "insert into log values(?, ?)", -1, &insert, NULL) != SQLITE_OK) {
        fail("prepare", db);
        sqlite3_close(db);
        return NULL;
    }
    for (int row = 0; row < ROWS; ++row) {
        /* One transaction per row: the four writers take the lock in turns. */
        sqlite3_bind_int(insert, 1, (int)index);
        sqlite3_bind_int(insert, 2, row);
        if (sqlite3_step(insert) != SQLITE_DONE) fail("insert", db);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return NULL;
}

int main(void) {
    if (!mkdtemp(directory)) return 1;
    printf("sqlite %s, threadsafe %d\n", sqlite3_libversion(), sqlite3_threadsafe());
    pthread_t threads[THREADS];
    for (long i = 0; i < THREADS; ++i) pthread_create(&threads[i], NULL, own_database, (void*)i);
    for (int i = 0; i < THREADS; ++i) pthread_join(threads[i], NULL);
    for (int i = 0; i < THREADS; ++i)
        printf("own database %d: sum %lld, matches %lld\n", i, sums[i], matches[i]);

    snprintf(shared_path, sizeof shared_path, "%s/shared.db", directory);
    sqlite3* db;
    if (sqlite3_open(shared_path, &db) != SQLITE_OK) return 1;
    sqlite3_stmt* mode;
    int in_wal = sqlite3_prepare_v2(db, "pragma journal_mode=wal", -1, &mode, NULL) == SQLITE_OK &&
                 sqlite3_step(mode) == SQLITE_ROW &&
                 strcmp((const char*)sqlite3_column_text(mode, 0), "wal") == 0;
    sqlite3_finalize(mode);
    printf("journal mode wal: %s\n", in_wal ? "yes" : "no");
    if (!run(db, "create table log(writer integer, row integer);")) return 1;
    for (long i = 0; i < THREADS; ++i) pthread_create(&threads[i], NULL, shared_writer, (void*)i);
    for (int i = 0; i < THREADS; ++i) pthread_join(threads[i], NULL);
    printf("shared database: %lld rows, %lld writers, row sum %lld\n",
           single_value(db, "select count(*) from log"),
           single_value(db, "select count(distinct writer) from log"),
           single_value(db, "select sum(row) from log"));
    sqlite3_close(db);

    /* Remove what SQLite left: the databases and the WAL's files. */
    const char* names[] = {"own0.db", "own1.db", "own2.db", "own3.db", "shared.db",
                           "shared.db-wal", "shared.db-shm"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) {
        char path[96];
        snprintf(path, sizeof path, "%s/%s", directory, names[i]);
        unlink(path);
    }
    if (rmdir(directory) != 0) {
        perror("rmdir");
        return 1;
    }
    return failures == 0 ? 0 : 1;
}
