/* Debian's libpng and libjpeg (both report errors by longjmp out of the
 * library), Jansson (JSON, through the C library's number formatting and
 * parsing), libyaml and libsodium: an image encoded and decoded in memory
 * by each image library, a corrupt image refused, documents parsed and
 * written, and fixed-key cryptography. The output must be the same built
 * against glibc and linked with lwp alone. */
#include <jansson.h>
#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define WIDTH 64
#define HEIGHT 48

static unsigned char pixels[HEIGHT][WIDTH * 3];

static void draw(void) {
    for (int y = 0; y < HEIGHT; ++y)
        for (int x = 0; x < WIDTH; ++x) {
            pixels[y][3 * x] = (unsigned char)(x * 4);
            pixels[y][3 * x + 1] = (unsigned char)(y * 5);
            pixels[y][3 * x + 2] = (unsigned char)((x ^ y) * 3);
        }
}

static unsigned long checksum(const unsigned char* bytes, size_t length) {
    unsigned long sum = 5381;
    for (size_t i = 0; i < length; ++i) sum = sum * 33 + bytes[i];
    return sum;
}

/* PNG into a growing memory buffer. */
struct memory {
    unsigned char* bytes;
    size_t length, read_at;
};

static void png_to_memory(png_structp png, png_bytep data, png_size_t length) {
    struct memory* out = png_get_io_ptr(png);
    out->bytes = realloc(out->bytes, out->length + length);
    memcpy(out->bytes + out->length, data, length);
    out->length += length;
}

static void png_from_memory(png_structp png, png_bytep data, png_size_t length) {
    struct memory* in = png_get_io_ptr(png);
    if (in->read_at + length > in->length) png_error(png, "read past the end");
    memcpy(data, in->bytes + in->read_at, length);
    in->read_at += length;
}

static void quiet_warning(png_structp png, png_const_charp message) { (void)png, (void)message; }

/* Decodes `in`; the checksum of the rows, or 0 when libpng refused it
 * (reached by libpng's longjmp). */
static unsigned long decode_png(struct memory* in, char* error_message) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, quiet_warning);
    png_infop info = png_create_info_struct(png);
    static unsigned char rows[HEIGHT][WIDTH * 3];
    if (setjmp(png_jmpbuf(png))) {
        snprintf(error_message, 64, "refused by longjmp");
        png_destroy_read_struct(&png, &info, NULL);
        return 0;
    }
    png_set_read_fn(png, in, png_from_memory);
    png_read_info(png, info);
    if (png_get_image_width(png, info) != WIDTH) png_error(png, "width");
    png_bytep row_pointers[HEIGHT];
    for (int y = 0; y < HEIGHT; ++y) row_pointers[y] = rows[y];
    png_read_image(png, row_pointers);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    return checksum(&rows[0][0], sizeof rows);
}

static void png_round_trip(void) {
    struct memory out = {0};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        printf("png: write failed\n");
        return;
    }
    png_set_write_fn(png, &out, png_to_memory, NULL);
    png_set_IHDR(png, info, WIDTH, HEIGHT, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < HEIGHT; ++y) png_write_row(png, pixels[y]);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);

    char message[64] = "";
    unsigned long decoded = decode_png(&out, message);
    printf("png %s: %zu bytes, %s\n", png_get_libpng_ver(NULL), out.length,
           decoded == checksum(&pixels[0][0], sizeof pixels) ? "decoded the same" : "DIFFERENT");
    out.bytes[out.length / 2] ^= 0xff; /* a damaged data chunk */
    out.read_at = 0;
    decoded = decode_png(&out, message);
    printf("png damaged: %s\n", decoded == 0 ? message : "ACCEPTED");
    free(out.bytes);
}

struct jpeg_failure {
    struct jpeg_error_mgr manager;
    jmp_buf back;
};

static void jpeg_fail(j_common_ptr info) { longjmp(((struct jpeg_failure*)info->err)->back, 1); }

static void jpeg_round_trip(void) {
    struct jpeg_compress_struct compress;
    struct jpeg_failure failure;
    compress.err = jpeg_std_error(&failure.manager);
    failure.manager.error_exit = jpeg_fail;
    unsigned char* encoded = NULL;
    unsigned long encoded_length = 0;
    jpeg_create_compress(&compress);
    jpeg_mem_dest(&compress, &encoded, &encoded_length);
    compress.image_width = WIDTH;
    compress.image_height = HEIGHT;
    compress.input_components = 3;
    compress.in_color_space = JCS_RGB;
    jpeg_set_defaults(&compress);
    jpeg_set_quality(&compress, 90, TRUE);
    jpeg_start_compress(&compress, TRUE);
    while (compress.next_scanline < HEIGHT) {
        JSAMPROW row = pixels[compress.next_scanline];
        jpeg_write_scanlines(&compress, &row, 1);
    }
    jpeg_finish_compress(&compress);
    jpeg_destroy_compress(&compress);

    struct jpeg_decompress_struct decompress;
    decompress.err = jpeg_std_error(&failure.manager);
    failure.manager.error_exit = jpeg_fail;
    static unsigned char decoded[HEIGHT][WIDTH * 3];
    volatile int ok = 0; /* set between setjmp and a possible longjmp */
    if (setjmp(failure.back) == 0) {
        jpeg_create_decompress(&decompress);
        jpeg_mem_src(&decompress, encoded, encoded_length);
        jpeg_read_header(&decompress, TRUE);
        jpeg_start_decompress(&decompress);
        while (decompress.output_scanline < decompress.output_height) {
            JSAMPROW row = decoded[decompress.output_scanline];
            jpeg_read_scanlines(&decompress, &row, 1);
        }
        jpeg_finish_decompress(&decompress);
        ok = 1;
    }
    jpeg_destroy_decompress(&decompress);
    printf("jpeg: %lu bytes, decoded %s, checksum %lu\n", encoded_length, ok ? "ok" : "FAILED",
           checksum(&decoded[0][0], sizeof decoded));

    /* Not a JPEG at all: libjpeg's error exit, our longjmp. */
    static const unsigned char garbage[] = "definitely not a jpeg image";
    volatile int refused = 0;
    if (setjmp(failure.back) == 0) {
        jpeg_create_decompress(&decompress);
        jpeg_mem_src(&decompress, garbage, sizeof garbage);
        jpeg_read_header(&decompress, TRUE);
    } else {
        refused = 1;
    }
    jpeg_destroy_decompress(&decompress);
    printf("jpeg garbage: %s\n", refused ? "refused by longjmp" : "ACCEPTED");
    free(encoded);
}

static void json_documents(void) {
    json_error_t error;
    json_t* root = json_loads("{\"pi\": 3.141592653589793, \"tiny\": 5e-324, \"big\": 1.7976931348623157e308,"
                              " \"list\": [1, -2, true, null, \"\\u00e9\"], \"nested\": {\"k\": 0.1}}",
                              0, &error);
    if (!root) {
        printf("json: %s\n", error.text);
        return;
    }
    char* text = json_dumps(root, JSON_SORT_KEYS | JSON_COMPACT | JSON_REAL_PRECISION(17));
    printf("json: %s\n", text);
    free(text);
    json_decref(root);
    root = json_loads("{\"unclosed\": [1, 2", 0, &error);
    printf("json error: line %d, column %d: %s\n", error.line, error.column, error.text);
}

static void yaml_events(void) {
    static const char document[] = "name: lwp\nitems:\n  - clone\n  - futex\nnested: {a: 1, b: [x, y]}\n";
    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char*)document, strlen(document));
    int events = 0, scalars = 0;
    yaml_event_t event;
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            printf("yaml: parse error\n");
            break;
        }
        ++events;
        if (event.type == YAML_SCALAR_EVENT) ++scalars;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    printf("yaml: %d events, %d scalars\n", events, scalars);
}

static void sodium_crypto(void) {
    if (sodium_init() < 0) {
        printf("sodium: init failed\n");
        return;
    }
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash(hash, sizeof hash, (const unsigned char*)"lwp", 3, NULL, 0);
    char hex[2 * sizeof hash + 1];
    printf("sodium generichash: %s\n", sodium_bin2hex(hex, sizeof hex, hash, sizeof hash));
    unsigned char key[crypto_secretbox_KEYBYTES], nonce[crypto_secretbox_NONCEBYTES];
    memset(key, 7, sizeof key);
    memset(nonce, 9, sizeof nonce);
    static const char message[] = "sealed the same way";
    unsigned char sealed[crypto_secretbox_MACBYTES + sizeof message], opened[sizeof message];
    crypto_secretbox_easy(sealed, (const unsigned char*)message, sizeof message, nonce, key);
    char sealed_hex[2 * sizeof sealed + 1];
    printf("sodium secretbox: %s\n", sodium_bin2hex(sealed_hex, sizeof sealed_hex, sealed, sizeof sealed));
    int opened_ok = crypto_secretbox_open_easy(opened, sealed, sizeof sealed, nonce, key) == 0 &&
                    strcmp((char*)opened, message) == 0;
    uint32_t random_number = randombytes_uniform(1000);
    printf("sodium: opened %s, random below 1000 %s\n", opened_ok ? "ok" : "FAILED",
           random_number < 1000 ? "yes" : "NO");
}

int main(void) {
    draw();
    png_round_trip();
    jpeg_round_trip();
    json_documents();
    yaml_events();
    sodium_crypto();
    return 0;
}
