/* lwp's stand-in for glibc's support/temp_file.h: files a test creates and
 * wants gone when it ends. */
#ifndef LWP_GLIBC_STANDIN_TEMP_FILE_H
#define LWP_GLIBC_STANDIN_TEMP_FILE_H

#ifdef __cplusplus
extern "C" {
#endif

/* Removes the file called name when the process that called this exits
 * (through exit or a return from main); children it forks leave it alone. */
void add_temp_file(const char* name);

/* A new file in test_dir ("/tmp"), named base and six random characters,
 * open for reading and writing and removed at exit like add_temp_file's;
 * its descriptor, or -1 (with a message) if it could not be made. Its name,
 * from malloc, goes to *name unless name is null. */
int create_temp_file(const char* base, char** name);

#ifdef __cplusplus
}
#endif

#endif
