// The static executable's IRELATIVE relocations: where the program's
// indirect functions (GCC's __attribute__((ifunc)), target_clones) get the
// address their resolver chooses.
#pragma once

namespace lwp::start {

// Calls each resolver and stores its answer in the GOT slot the program's
// calls go through. Before this, a call to an indirect function would jump to
// the address the static linker left in the slot (the resolver itself).
void apply_indirect_relocations();

}  // namespace lwp::start
