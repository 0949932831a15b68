// argp's variables, which a program usually defines itself (a version
// string, a bug address, a hook, another exit status). lwp's definitions
// are weak, so that the program's own replace them with no clash at link
// time, as glibc's are replaced by the executable's. All null except
// argp_err_exit_status, EX_USAGE (64), as in glibc.
#include <argp.h>
#include <sysexits.h>

extern "C" {

__attribute__((weak)) const char* argp_program_version = nullptr;
__attribute__((weak)) void (*argp_program_version_hook)(FILE* __restrict,
                                                        struct argp_state* __restrict) = nullptr;
__attribute__((weak)) const char* argp_program_bug_address = nullptr;
__attribute__((weak)) error_t argp_err_exit_status = EX_USAGE;

}  // extern "C"
