#!/usr/bin/env python3
"""Writes libm-excluded.md from the output of glibc's libm tests run against lwp.

Usage: classify_libm_failures.py OUTPUT_DIR > tests/glibc/libm-excluded.md

OUTPUT_DIR holds one file per test, named test-<type>-<function>.out (what the
test printed), and optionally missing.txt, lines "<type> <function> <symbol>..."
for tests that do not link because lwp lacks a function. A test that printed
"All tests passed" is left out (it belongs in libm-run-list.txt). Each failure
line of glibc's driver is sorted into a kind by its message and arguments.
"""
import collections
import pathlib
import re
import sys

KINDS = [  # (key, description), in the order the table lists them
    ("value", "wrong value (beyond glibc's x86_64 tolerance)"),
    ("value-snan", "wrong value for a signalling NaN argument"),
    ("invalid-qnan", "invalid raised for a quiet NaN argument"),
    ("invalid", "invalid missing or spurious"),
    ("underflow-missing", "underflow not raised"),
    ("underflow-spurious", "underflow raised where the result is not tiny"),
    ("overflow", "overflow missing or spurious"),
    ("inexact", "inexact missing or spurious"),
    ("divide", "divide-by-zero missing or spurious"),
    ("errno", "errno"),
]
LINE = re.compile(r"Failure: (Test: )?(?:(?:Real|Imaginary) part of: )?(\w+?)"
                  r"(_upward|_downward|_towardzero)? \((.*)\)(?:: (.*))?$")


def kind_of(match):
    value_failure, arguments, message = match.group(1), match.group(4), match.group(5) or ""
    if value_failure or not message:
        return "value-snan" if "sNaN" in arguments else "value"
    if "errno" in message:
        return "errno"
    if "Invalid" in message:
        return "invalid-qnan" if message.endswith('" set') and "qNaN" in arguments else "invalid"
    if "Underflow" in message:
        return "underflow-missing" if "not set" in message else "underflow-spurious"
    if "Overflow" in message:
        return "overflow"
    if "Inexact" in message:
        return "inexact"
    if "Divide" in message:
        return "divide"
    return "value"


def main():
    directory = pathlib.Path(sys.argv[1])
    rows = []
    for path in sorted(directory.glob("test-*.out")):
        text = path.read_text(errors="replace")
        if "All tests passed" in text:
            continue
        parts = path.stem.split("-")
        test_type, function = "-".join(parts[1:-1]), parts[-1]
        counts = collections.Counter()
        for line in text.splitlines():
            match = LINE.match(line.strip())
            if match:
                counts[kind_of(match)] += 1
        total = re.search(r"(\d+) test cases", text)
        summary = "; ".join(f"{description}: {counts[key]}" for key, description in KINDS
                            if counts[key])
        if not summary:
            summary = "did not finish (no summary printed)"
        rows.append(f"| `{test_type} {function}` | {sum(counts.values())} of "
                    f"{total.group(1) if total else '?'} cases | {summary} |")
    missing = directory / "missing.txt"
    if missing.exists():
        for line in missing.read_text().splitlines():
            fields = line.split()
            if len(fields) >= 3:
                rows.append(f"| `{fields[0]} {fields[1]}` | does not link | lwp lacks "
                            + ", ".join(f"`{name}`" for name in fields[2:]) + " |")
    print("# glibc libm tests lwp does not pass\n")
    print("Written by `classify_libm_failures.py` from a run of each test (see libm-tests.cmake:")
    print("configure with `-DLWP_GLIBC_LIBM_EXCLUDED=ON`, build, run each")
    print("`glibc_math_test-<type>-<function>` into `test-<type>-<function>.out`). A case counts")
    print("once per failed check: a value, a flag or errno, in one of the four rounding modes;")
    print("\"cases\" is the driver's count of test cases.\n")
    print("| test | failed checks | what fails |")
    print("|---|---|---|")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main()
