/* zlib, bzip2, xz (liblzma), zstd and lz4, as Debian builds them, round-trip
 * the same generated data, xz also with its own worker threads (pthreads
 * inside the library; Debian's static zstd has none). Each prints the
 * compressed size and whether the data came back whole. The output must be
 * the same built against glibc and linked with lwp alone. */
#include <bzlib.h>
#include <lz4.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#define SIZE (1 << 20)

/* Text-like data: words from a small vocabulary, chosen by a fixed generator. */
static void generate(unsigned char* data) {
    static const char* const words[] = {"thread ", "clone ", "futex ", "stack ", "guard ",
                                        "join\n", "mapping ", "tid ", "exit ", "kernel "};
    unsigned state = 12345;
    size_t at = 0;
    while (at < SIZE) {
        state = state * 1103515245u + 12345u;
        const char* word = words[(state >> 16) % 10];
        for (; *word && at < SIZE; ++word) data[at++] = (unsigned char)*word;
    }
}

static int same(const unsigned char* a, const unsigned char* b, size_t length) {
    return memcmp(a, b, length) == 0;
}

int main(void) {
    unsigned char* data = malloc(SIZE);
    unsigned char* packed = malloc(2 * SIZE);
    unsigned char* back = malloc(SIZE);
    if (!data || !packed || !back) return 1;
    generate(data);
    printf("input %d bytes, adler32 %08lx, crc32 %08lx\n", SIZE,
           adler32(1, data, SIZE), crc32(0, data, SIZE));

    uLongf zlib_size = 2 * SIZE, zlib_back = SIZE;
    int ok = compress2(packed, &zlib_size, data, SIZE, 9) == Z_OK &&
             uncompress(back, &zlib_back, packed, zlib_size) == Z_OK && zlib_back == SIZE &&
             same(data, back, SIZE);
    printf("zlib %s %lu: %s\n", zlibVersion(), (unsigned long)zlib_size, ok ? "ok" : "FAILED");

    unsigned bzip_size = 2 * SIZE, bzip_back = SIZE;
    ok = BZ2_bzBuffToBuffCompress((char*)packed, &bzip_size, (char*)data, SIZE, 9, 0, 0) == BZ_OK &&
         BZ2_bzBuffToBuffDecompress((char*)back, &bzip_back, (char*)packed, bzip_size, 0, 0) ==
             BZ_OK &&
         bzip_back == SIZE && same(data, back, SIZE);
    printf("bzip2 %u: %s\n", bzip_size, ok ? "ok" : "FAILED");

    size_t xz_size = 0, in_at = 0, out_at = 0;
    uint64_t memory_limit = UINT64_MAX;
    ok = lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, NULL, data, SIZE, packed, &xz_size,
                                 2 * SIZE) == LZMA_OK &&
         lzma_stream_buffer_decode(&memory_limit, 0, NULL, packed, &in_at, xz_size, back, &out_at,
                                   SIZE) == LZMA_OK &&
         out_at == SIZE && same(data, back, SIZE);
    printf("xz %s %zu: %s\n", lzma_version_string(), xz_size, ok ? "ok" : "FAILED");

    /* Multithreaded xz: 4 blocks of 256 KiB, compressed by 2 worker threads. */
    lzma_mt options = {.threads = 2, .block_size = SIZE / 4, .preset = 6, .check = LZMA_CHECK_CRC64};
    lzma_stream stream = LZMA_STREAM_INIT;
    ok = lzma_stream_encoder_mt(&stream, &options) == LZMA_OK;
    stream.next_in = data;
    stream.avail_in = SIZE;
    stream.next_out = packed;
    stream.avail_out = 2 * SIZE;
    lzma_ret step = LZMA_OK;
    while (ok && step == LZMA_OK) step = lzma_code(&stream, LZMA_FINISH);
    size_t xz_threaded_size = stream.total_out;
    lzma_end(&stream);
    in_at = out_at = 0;
    ok = ok && step == LZMA_STREAM_END &&
         lzma_stream_buffer_decode(&memory_limit, 0, NULL, packed, &in_at, xz_threaded_size, back,
                                   &out_at, SIZE) == LZMA_OK &&
         out_at == SIZE && same(data, back, SIZE);
    printf("xz, 2 threads %zu: %s\n", xz_threaded_size, ok ? "ok" : "FAILED");

    size_t zstd_size = ZSTD_compress(packed, 2 * SIZE, data, SIZE, 19);
    ok = !ZSTD_isError(zstd_size) &&
         ZSTD_decompress(back, SIZE, packed, zstd_size) == SIZE && same(data, back, SIZE);
    printf("zstd %s %zu: %s\n", ZSTD_versionString(), zstd_size, ok ? "ok" : "FAILED");

    int lz4_size = LZ4_compress_default((const char*)data, (char*)packed, SIZE, 2 * SIZE);
    ok = lz4_size > 0 &&
         LZ4_decompress_safe((const char*)packed, (char*)back, lz4_size, SIZE) == SIZE &&
         same(data, back, SIZE);
    printf("lz4 %s %d: %s\n", LZ4_versionString(), lz4_size, ok ? "ok" : "FAILED");

    free(data);
    free(packed);
    free(back);
    return 0;
}
