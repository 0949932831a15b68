#!/usr/bin/env bash
# Compares lwp's mtrace file with glibc's (libc_malloc_debug.so preloaded)
# for random sequences of malloc calloc realloc reallocarray free
# (tools/compare_mtrace_reallocarray.c): callers and block addresses dropped
# (each line's kind and size compared). Needs a configured build tree (build/).
# Usage: tools/compare_mtrace_reallocarray.sh [programs] [calls]
set -euo pipefail
cd "$(dirname "$0")/.."
programs=${1:-50} calls=${2:-2000}
work=$(mktemp -d /tmp/compare-mtrace.XXXXXX)
trap 'rm -rf "$work"' EXIT
debug=/lib/x86_64-linux-gnu/libc_malloc_debug.so.0
gcc -O2 -o "$work/glibc" tools/compare_mtrace_reallocarray.c
build/bin/lwp-cc -O2 -o "$work/lwp" tools/compare_mtrace_reallocarray.c
# Each line's kind and size: the block addresses (and whether a realloc
# moved its block) are each allocator's own.
normalise() {
  sed -E -e 's/^@ [^ ]* //' -e 's/^([-+<>!]) [^ ]+/\1 BLOCK/' "$1"
}
same=0 lines=0
for seed in $(seq 1 "$programs"); do
  MALLOC_TRACE="$work/g.trace" LD_PRELOAD=$debug "$work/glibc" "$seed" "$calls"
  MALLOC_TRACE="$work/l.trace" "$work/lwp" "$seed" "$calls"
  if cmp -s <(normalise "$work/g.trace") <(normalise "$work/l.trace"); then
    same=$((same + 1))
  else
    echo "seed $seed differs:"; diff <(normalise "$work/g.trace") <(normalise "$work/l.trace") | head -5
  fi
  lines=$((lines + $(wc -l <"$work/g.trace")))
done
echo "$same of $programs traces identical ($lines lines of glibc's trace)"
