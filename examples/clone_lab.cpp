// clone_lab: runs raw clone(2) with a ladder of flag sets, from fork-like to
// the set lwp uses for a thread, and measures what each child shares with its
// parent. Also shows what the CLONE_*_SETTID / CHILD_CLEARTID words receive
// and when, and the flag sets the kernel refuses.
//
//   clone_lab            aligned tables
//   clone_lab --machine  key=value lines (checked by tests/clone_lab)
//
// docs/walkthrough.md explains every column. The pieces live in clone_lab/:
// child.hpp (what a child does), ladder.hpp, tid_words.hpp, refusals.hpp (the
// experiments), parent_tools.hpp and environment.hpp (the parent's side).
#include <cstdio>
#include <cstring>

#include "clone_lab/environment.hpp"
#include "clone_lab/ladder.hpp"
#include "clone_lab/output.hpp"
#include "clone_lab/refusals.hpp"
#include "clone_lab/tid_words.hpp"

int main(int argc, char** argv) {
    using namespace clone_lab;
    bool machine = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--machine") == 0) {
            machine = true;
        } else {
            std::fprintf(stderr, "usage: %s [--machine]\n", argv[0]);
            return 2;
        }
    }
    // Children share our stdout buffer's memory (CLONE_VM) but never print;
    // still, an empty buffer at clone time keeps a fork-like child from
    // owning a copy of pending output.
    std::fflush(stdout);

    findings found;
    {
        lab_environment environment;
        for (const rung& step : ladder) found.ladder.push_back(measure_rung(step, environment));
        for (const tid_experiment& experiment : tid_experiments)
            found.tid_words.push_back(run_tid_experiment(experiment));
        for (const refusal& attempt : refusals) found.refusals.push_back(try_refusal(attempt));
        found.state_restored = environment.state_restored();
    }
    if (machine)
        print_machine(found);
    else
        print_table(found);
    return 0;
}
