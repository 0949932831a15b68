/* lwp's stand-in for glibc's support/xdlfcn.h. lwp links programs
 * statically and has no dynamic loader: these are declared, as glibc's
 * header declares them, for the tests that include the header without
 * calling them (posix/tst-execveat), and defined nowhere, so that a test
 * that calls them fails to link. */
#ifndef LWP_GLIBC_STANDIN_XDLFCN_H
#define LWP_GLIBC_STANDIN_XDLFCN_H

#include <dlfcn.h>

#ifdef __cplusplus
extern "C" {
#endif

void* xdlopen(const char* filename, int flags);
void* xdlmopen(Lmid_t namespace_id, const char* filename, int flags);
void* xdlsym(void* handle, const char* symbol);
void* xdlvsym(void* handle, const char* symbol, const char* version);
void xdlclose(void* handle);

#ifdef __cplusplus
}
#endif

#endif
