/* Debian's PCRE2 (8-bit, with its JIT where the library has it) matching and
 * substituting over generated text, and Debian's Expat parsing an XML
 * document through its callbacks, by several threads at once, each with its
 * own compiled pattern, match data and parser. The output must be the same
 * built against glibc and linked with lwp alone. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <expat.h>
#include <pcre2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 3

struct regex_result {
    long matches;
    long digits;
    char substituted[128];
    int jit;
};

static struct regex_result regex_results[THREADS];

static void* match_text(void* argument) {
    long index = (long)argument;
    struct regex_result* result = &regex_results[index];
    char text[4096];
    size_t length = 0;
    for (int i = 0; length < sizeof text - 64; ++i)
        length += (size_t)snprintf(text + length, sizeof text - length, "id-%ld-%04d:%s; ",
                                   index, i * 37 % 1000, i % 3 ? "ok" : "late");
    int error;
    PCRE2_SIZE offset;
    pcre2_code* code = pcre2_compile((PCRE2_SPTR) "id-(\\d+)-(\\d{4}):(ok|late)", PCRE2_ZERO_TERMINATED,
                                     0, &error, &offset, NULL);
    if (!code) return (void*)1;
    result->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
    pcre2_match_data* data = pcre2_match_data_create_from_pattern(code, NULL);
    PCRE2_SIZE start = 0;
    while (pcre2_match(code, (PCRE2_SPTR)text, length, start, 0, data, NULL) > 0) {
        PCRE2_SIZE* vector = pcre2_get_ovector_pointer(data);
        ++result->matches;
        result->digits += strtol(text + vector[4], NULL, 10);
        start = vector[1];
    }
    PCRE2_UCHAR out[128];
    PCRE2_SIZE out_length = sizeof out;
    pcre2_substitute(code, (PCRE2_SPTR)text, 40, 0, PCRE2_SUBSTITUTE_GLOBAL, data, NULL,
                     (PCRE2_SPTR) "[$3 #$2]", PCRE2_ZERO_TERMINATED, out, &out_length);
    memcpy(result->substituted, out, out_length + 1);
    pcre2_match_data_free(data);
    pcre2_code_free(code);
    return NULL;
}

struct xml_counts {
    int depth, deepest, elements, attributes;
    long text_bytes;
};

static void XMLCALL element_start(void* user, const XML_Char* name, const XML_Char** attributes) {
    struct xml_counts* counts = user;
    (void)name;
    ++counts->elements;
    for (; *attributes; attributes += 2) ++counts->attributes;
    if (++counts->depth > counts->deepest) counts->deepest = counts->depth;
}

static void XMLCALL element_end(void* user, const XML_Char* name) {
    (void)name;
    --((struct xml_counts*)user)->depth;
}

static void XMLCALL characters(void* user, const XML_Char* text, int length) {
    (void)text;
    ((struct xml_counts*)user)->text_bytes += length;
}

static struct xml_counts xml_results[THREADS];
static int xml_errors[THREADS];

static void* parse_xml(void* argument) {
    long index = (long)argument;
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &xml_results[index]);
    XML_SetElementHandler(parser, element_start, element_end);
    XML_SetCharacterDataHandler(parser, characters);
    char chunk[256];
    int ok = XML_Parse(parser, "<?xml version='1.0'?><root kind='test'>", 39, 0) != XML_STATUS_ERROR;
    for (int i = 0; ok && i < 500; ++i) {
        int length = snprintf(chunk, sizeof chunk,
                              "<item n='%d' thread='%ld'><name>&#233;l&#233;ment %d</name>"
                              "<value>%.3f</value></item>",
                              i, index, i, i / 7.0);
        ok = XML_Parse(parser, chunk, length, 0) != XML_STATUS_ERROR;
    }
    ok = ok && XML_Parse(parser, "</root>", 7, 1) != XML_STATUS_ERROR;
    /* A broken document: the error and where it was found. */
    XML_Parser broken = XML_ParserCreate(NULL);
    if (XML_Parse(broken, "<a><b></a>", 10, 1) == XML_STATUS_ERROR)
        xml_errors[index] = (int)XML_GetErrorCode(broken) * 1000 + (int)XML_GetCurrentColumnNumber(broken);
    XML_ParserFree(broken);
    XML_ParserFree(parser);
    return ok ? NULL : (void*)1;
}

int main(void) {
    pthread_t threads[2 * THREADS];
    for (long i = 0; i < THREADS; ++i) {
        pthread_create(&threads[i], NULL, match_text, (void*)i);
        pthread_create(&threads[THREADS + i], NULL, parse_xml, (void*)i);
    }
    int failed = 0;
    for (int i = 0; i < 2 * THREADS; ++i) {
        void* result;
        pthread_join(threads[i], &result);
        failed |= result != NULL;
    }
    for (int i = 0; i < THREADS; ++i) {
        struct regex_result* r = &regex_results[i];
        printf("pcre2 thread %d: %ld matches, digit sum %ld, jit %s, substituted \"%s\"\n", i,
               r->matches, r->digits, r->jit ? "on" : "off", r->substituted);
    }
    for (int i = 0; i < THREADS; ++i) {
        struct xml_counts* c = &xml_results[i];
        printf("expat thread %d: %d elements, %d attributes, depth %d, %ld text bytes, error %d\n",
               i, c->elements, c->attributes, c->deepest, c->text_bytes, xml_errors[i]);
    }
    printf("expat %s\n", XML_ExpatVersion());
    return failed;
}
