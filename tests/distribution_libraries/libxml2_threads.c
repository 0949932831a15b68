// libxml2 (Debian's libxml2-dev: libxml2.a over ICU's libicuuc.a and
// libicudata.a, xz and zlib, compiled against glibc): documents built,
// serialized, parsed and queried with XPath in four threads at once (each
// thread has its own parser error state and its own generic error
// handler in libxml2's per-thread globals, held in a pthread key), a
// malformed document reported through the thread's structured error
// handler, an ISO-8859-1 document converted to UTF-8 (libxml2's encoding
// handlers: iconv), the streaming xmlTextReader, and a gzip-compressed
// document written and read back through zlib. The output must be the same
// built against glibc and linked with lwp alone.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xpath.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { thread_count = 4, items_per_document = 300, rounds = 20 };

struct thread_result {
    int index;
    long matched;          // XPath matches over all rounds
    long serialized_bytes; // length of every serialization
    int errors_seen;       // structured errors this thread's handler got
    int last_error_line;
};

static void count_error(void* context, xmlErrorPtr error) {
    struct thread_result* result = context;
    ++result->errors_seen;
    result->last_error_line = error->line;
}

// A document of `items_per_document` items, built with the tree API.
static xmlDocPtr build_document(int seed) {
    xmlDocPtr document = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "catalog");
    xmlDocSetRootElement(document, root);
    for (int i = 0; i < items_per_document; ++i) {
        char number[16], text[48];
        snprintf(number, sizeof number, "%d", (i * 7 + seed) % 101);
        snprintf(text, sizeof text, "item %d of seed %d & <more>", i, seed);
        xmlNodePtr item = xmlNewChild(root, NULL, BAD_CAST "item", NULL);
        xmlNewProp(item, BAD_CAST "n", BAD_CAST number);
        xmlNodeAddContent(item, BAD_CAST text);
    }
    return document;
}

static void* worker(void* argument) {
    struct thread_result* result = argument;
    xmlSetStructuredErrorFunc(result, count_error);
    for (int round = 0; round < rounds; ++round) {
        xmlDocPtr built = build_document(result->index * 1000 + round);
        xmlChar* text = NULL;
        int length = 0;
        xmlDocDumpMemory(built, &text, &length);
        xmlFreeDoc(built);
        result->serialized_bytes += length;

        xmlDocPtr parsed = xmlReadMemory((const char*)text, length, "generated.xml", NULL, XML_PARSE_NONET);
        xmlFree(text);
        if (!parsed) {
            printf("thread %d: a generated document did not parse\n", result->index);
            exit(1);
        }
        xmlXPathContextPtr context = xmlXPathNewContext(parsed);
        xmlXPathObjectPtr found = xmlXPathEvalExpression(BAD_CAST "//item[@n mod 3 = 0]", context);
        if (found && found->nodesetval) result->matched += found->nodesetval->nodeNr;
        xmlXPathFreeObject(found);
        xmlXPathFreeContext(context);
        xmlFreeDoc(parsed);

        // Every fifth round a malformed document: the error goes to this
        // thread's handler, with its line.
        if (round % 5 == 0) {
            static const char broken[] = "<a>\n<b>\n</a>\n";
            xmlDocPtr bad = xmlReadMemory(broken, sizeof broken - 1, "broken.xml", NULL, XML_PARSE_NONET);
            if (bad) {
                printf("thread %d: a malformed document parsed\n", result->index);
                exit(1);
            }
        }
    }
    xmlSetStructuredErrorFunc(NULL, NULL);
    return NULL;
}

static void threads(void) {
    pthread_t ids[thread_count];
    struct thread_result results[thread_count];
    for (int t = 0; t < thread_count; ++t) {
        results[t] = (struct thread_result){.index = t};
        if (pthread_create(&ids[t], NULL, worker, &results[t]) != 0) {
            printf("pthread_create failed\n");
            exit(1);
        }
    }
    for (int t = 0; t < thread_count; ++t) pthread_join(ids[t], NULL);
    for (int t = 0; t < thread_count; ++t)
        printf("thread %d: %ld XPath matches, %ld bytes serialized, %d errors (last on line %d)\n", t,
               results[t].matched, results[t].serialized_bytes, results[t].errors_seen,
               results[t].last_error_line);
}

static void encodings(void) {
    // "café crème" in ISO-8859-1.
    static const char latin1[] =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><menu><dish>caf\xe9 cr\xe8me</dish></menu>";
    xmlDocPtr document = xmlReadMemory(latin1, sizeof latin1 - 1, "latin1.xml", NULL, 0);
    if (!document) {
        printf("the ISO-8859-1 document did not parse\n");
        exit(1);
    }
    xmlChar* content = xmlNodeGetContent(xmlDocGetRootElement(document));
    printf("ISO-8859-1 to UTF-8:");
    for (const xmlChar* c = content; *c; ++c) printf(" %02x", *c);
    printf("\n");
    xmlFree(content);

    xmlChar* text = NULL;
    int length = 0;
    xmlDocDumpMemoryEnc(document, &text, &length, "UTF-16LE");
    printf("as UTF-16LE: %d bytes, starting %02x %02x\n", length, text[0], text[1]);
    xmlFree(text);
    xmlFreeDoc(document);
}

static void reader_and_writer(void) {
    xmlBufferPtr buffer = xmlBufferCreate();
    xmlTextWriterPtr writer = xmlNewTextWriterMemory(buffer, 0);
    xmlTextWriterStartDocument(writer, NULL, "UTF-8", NULL);
    xmlTextWriterStartElement(writer, BAD_CAST "log");
    for (int i = 0; i < 50; ++i) {
        xmlTextWriterStartElement(writer, BAD_CAST "entry");
        xmlTextWriterWriteFormatAttribute(writer, BAD_CAST "id", "%d", i);
        xmlTextWriterWriteFormatString(writer, "value %d", i * i);
        xmlTextWriterEndElement(writer);
    }
    xmlTextWriterEndDocument(writer);
    xmlFreeTextWriter(writer);

    xmlTextReaderPtr reader =
        xmlReaderForMemory((const char*)xmlBufferContent(buffer), xmlBufferLength(buffer), "log.xml", NULL, 0);
    int elements = 0, text_nodes = 0;
    long id_sum = 0;
    while (xmlTextReaderRead(reader) == 1) {
        if (xmlTextReaderNodeType(reader) == XML_READER_TYPE_ELEMENT) {
            ++elements;
            xmlChar* id = xmlTextReaderGetAttribute(reader, BAD_CAST "id");
            if (id) id_sum += atoi((const char*)id);
            xmlFree(id);
        } else if (xmlTextReaderNodeType(reader) == XML_READER_TYPE_TEXT) {
            ++text_nodes;
        }
    }
    xmlFreeTextReader(reader);
    printf("writer: %d bytes; reader: %d elements, %d text nodes, ids summing to %ld\n",
           xmlBufferLength(buffer), elements, text_nodes, id_sum);
    xmlBufferFree(buffer);
}

static void compressed_file(void) {
    char path[] = "/tmp/lwp-libxml2-XXXXXX";
    int descriptor = mkstemp(path);
    if (descriptor < 0) {
        printf("mkstemp failed\n");
        exit(1);
    }
    close(descriptor);
    xmlDocPtr document = build_document(7);
    xmlSetDocCompressMode(document, 9);
    int written = xmlSaveFile(path, document);
    xmlFreeDoc(document);
    FILE* file = fopen(path, "rb");
    unsigned char magic[2] = {0, 0};
    if (!file || fread(magic, 1, 2, file) != 2) {
        printf("the compressed file cannot be read\n");
        exit(1);
    }
    fclose(file);
    xmlDocPtr back = xmlReadFile(path, NULL, 0);
    unlink(path);
    if (!back) {
        printf("the compressed document did not parse\n");
        exit(1);
    }
    long items = xmlChildElementCount(xmlDocGetRootElement(back));
    xmlFreeDoc(back);
    printf("gzip file: magic %02x %02x, %s, %ld items read back\n", magic[0], magic[1],
           written > 0 ? "written" : "not written", items);
}

int main(void) {
    xmlInitParser();
    LIBXML_TEST_VERSION
    threads();
    encodings();
    reader_and_writer();
    compressed_file();
    xmlCleanupParser();
    return 0;
}
