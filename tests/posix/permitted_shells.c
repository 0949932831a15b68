/* getusershell and friends list the shells of /etc/shells: each one a path
 * from the file, in order, the comments and blank lines skipped; the list
 * starts again after setusershell and after endusershell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../integration/check.h"

int main(void) {
    /* The shells the file names, found here by a plain reading of it:
     * lines whose first non-blank character is '/'. */
    char expected[64][256];
    int expected_count = 0;
    FILE* file = fopen("/etc/shells", "r");
    if (file == NULL) {
        /* No file: the two classic shells. */
        strcpy(expected[expected_count++], "/bin/sh");
        strcpy(expected[expected_count++], "/bin/csh");
    } else {
        char line[256];
        while (fgets(line, sizeof line, file) && expected_count < 64) {
            char* start = line + strspn(line, " \t");
            if (*start != '/' || start[1] == '\n' || start[1] == '\0') continue;
            start[strcspn(start, " \t\n#")] = '\0';
            strcpy(expected[expected_count++], start);
        }
        fclose(file);
    }
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < expected_count; ++i) {
            char* shell = getusershell();
            CHECK(shell != NULL);
            CHECK(strcmp(shell, expected[i]) == 0);
        }
        CHECK(getusershell() == NULL);
        CHECK(getusershell() == NULL);
        if (round == 0) setusershell();
    }
    endusershell();
    if (expected_count > 0) CHECK(strcmp(getusershell(), expected[0]) == 0);
    endusershell();
    return 0;
}
