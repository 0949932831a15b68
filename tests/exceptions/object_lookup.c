/* _dl_find_object and dl_iterate_phdr, what unwinders use to find the frame
 * information of a code address, answered from the program's own headers
 * (a static lwp program is its only object). */
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <sys/auxv.h>

#include "../integration/check.h"

static int counted_objects;
static const ElfW(Phdr) * reported_headers;
static int reported_count;

static int visit(struct dl_phdr_info* info, size_t size, void* data) {
    CHECK(size >= sizeof *info);
    CHECK(data == &counted_objects);
    ++counted_objects;
    reported_headers = info->dlpi_phdr;
    reported_count = info->dlpi_phnum;
    CHECK(info->dlpi_addr == 0); /* static, non-PIE */
    return 7;                    /* returned by dl_iterate_phdr */
}

int main(void) {
    CHECK(dl_iterate_phdr(visit, &counted_objects) == 7);
    CHECK_EQ(counted_objects, 1);
    /* The same headers as the kernel reports. */
    CHECK(reported_headers == (const ElfW(Phdr)*)getauxval(AT_PHDR));
    CHECK_EQ(reported_count, (int)getauxval(AT_PHNUM));

    const void* eh_frame_header = NULL;
    for (int i = 0; i < reported_count; ++i)
        if (reported_headers[i].p_type == PT_GNU_EH_FRAME)
            eh_frame_header = (const void*)reported_headers[i].p_vaddr;
    CHECK(eh_frame_header != NULL); /* linked with --eh-frame-hdr */

    struct dl_find_object found;
    CHECK(_dl_find_object((void*)main, &found) == 0);
    CHECK(found.dlfo_eh_frame == eh_frame_header);
    CHECK((uintptr_t)found.dlfo_map_start <= (uintptr_t)main);
    CHECK((uintptr_t)main < (uintptr_t)found.dlfo_map_end);
    static int data_word;
    CHECK(_dl_find_object(&data_word, &found) == 0); /* data is in the object too */
    int on_the_stack;
    CHECK(_dl_find_object(&on_the_stack, &found) == -1);
    CHECK(_dl_find_object(NULL, &found) == -1);
    return 0;
}
