// __libc_stack_end: the address of the kernel's initial stack frame (argc,
// then argv, envp and the auxiliary vector above it), which glibc exports and
// garbage collectors (Boehm's libgc, LeakSanitizer) read as the cold end of
// the main thread's stack, the highest address they must scan.
//
// It is set from .preinit_array, which runs before every constructor, so a
// collector started from a constructor finds it already set. Living apart
// from the start code, it is linked, with its pre-initializer, only into
// programs that refer to it.
namespace {

// .preinit_array functions get main's arguments (init_fini.cpp): argv sits
// one word above argc, the bottom of the initial frame.
void record_stack_end(int, char** argv, char**);

}  // namespace

extern "C" {
void* __libc_stack_end = nullptr;
}

namespace {

void record_stack_end(int, char** argv, char**) { __libc_stack_end = argv - 1; }

[[gnu::used, gnu::section(".preinit_array")]] void (*stack_end_initializer)(int, char**,
                                                                                   char**) =
    record_stack_end;

}  // namespace
