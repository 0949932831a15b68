#!/bin/sh
# Verifies a spin model: generates the verifier, compiles it and runs an
# exhaustive safety search (assertions and invalid end states, i.e. threads
# left blocked for ever).
#   check_model.sh MODEL.pml pass         the search must find no error
#   check_model.sh MODEL.pml fail -DMUTANT the seeded bug must be found
# Exits non-zero when the outcome differs from the expectation, or when the
# search was cut short (then it proved nothing).
set -eu
model=$1
expect=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$model" "$work/"
cd "$work"
spin -a "$@" "$(basename "$model")" >/dev/null
# SAFETY: no liveness cycles needed; COLLAPSE: compress the state store.
cc -O2 -DSAFETY -DCOLLAPSE -o pan pan.c
./pan -m1000000 >pan.out 2>&1 || true
cat pan.out
if grep -q "max search depth too small" pan.out; then
    echo "check_model: search truncated"; exit 2
fi
errors=$(sed -n 's/.*errors: \([0-9][0-9]*\).*/\1/p' pan.out | head -n 1)
if [ -z "$errors" ]; then
    echo "check_model: no verdict from pan"; exit 2
fi
case $expect in
    pass) [ "$errors" -eq 0 ] || { echo "check_model: violation found"; exit 1; } ;;
    fail) [ "$errors" -gt 0 ] || { echo "check_model: seeded bug not found"; exit 1; } ;;
    *) echo "check_model: expect pass or fail"; exit 2 ;;
esac
echo "check_model: $expect as expected"
