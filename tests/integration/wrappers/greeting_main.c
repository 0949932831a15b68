/* Built by scripts/wrappers.cmake in two compile-only steps and one link step
 * with lwp-cc, then run. */
#include <stdio.h>
#include <string.h>

const char* greeting_text(void);

int main(void) {
    const char* text = greeting_text();
    if (strcmp(text, "hello from two objects") != 0) return 1;
    printf("%s\n", text);
    return 0;
}
