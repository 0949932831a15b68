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

/* The same in the directory given instead of test_dir. */
int create_temp_file_in_dir(const char* base, const char* directory, char** name);

/* A new directory in test_dir named base and six random characters,
 * removed at exit like add_temp_file's (once empty); its name, from
 * malloc. Exits on failure. */
char* support_create_temp_directory(const char* base);

/* A new directory from support_create_temp_directory(base) holding a chain
 * of subdirectories whose full path is longer than PATH_MAX, all removed at
 * exit; the current directory is then the innermost one. Returns the
 * outermost one's name, from malloc. */
char* support_create_and_chdir_toolong_temp_directory(const char* base);
/* Changes into the innermost directory of such a chain, made under base. */
void support_chdir_toolong_temp_directory(const char* base);

#ifdef __cplusplus
}
#endif

#endif
