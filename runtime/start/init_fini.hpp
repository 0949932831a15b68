// The program's constructors and destructors, as the static linker collected
// them into .preinit_array, .init_array and .fini_array.
#pragma once

namespace lwp::start {

// .preinit_array then .init_array, each in order, each entry called with
// (argc, argv, envp) as other C libraries do.
void run_init_arrays(int argc, char** argv, char** envp);

// .fini_array in reverse order. Runs at most once, however many threads or
// nested exit calls reach it.
void run_fini_array();

}  // namespace lwp::start
