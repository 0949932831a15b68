#!/usr/bin/env python3
# Writes runtime/libc/unicode_ctype_tables.hpp: the character classes, case
# mappings and widths of glibc 2.36's C.UTF-8 locale, from the locale
# sources glibc builds it from.
#
# Usage (the tarball is only needed to regenerate, never to build):
#   tar xf /usr/src/glibc/glibc-2.36.tar.xz -C /tmp glibc-2.36/localedata
#   python3 tools/make_unicode_ctype_tables.py /tmp/glibc-2.36/localedata \
#       > runtime/libc/unicode_ctype_tables.hpp
#
# What glibc's localedef makes of the sources, as lwp's tables must too:
#  - locales/C copies i18n_ctype's LC_CTYPE whole: its classes (upper ...
#    xdigit, plus "combining" and "combining_level3") and maps (toupper,
#    tolower, "totitle"). alnum is alpha and digit together.
#  - wcwidth is -1 for a character outside "print" (0 for L'\0'), else the
#    charmap's WIDTH entry for it, else 1.
# tests/unit/libc_unicode_ctype_test.cpp compares the result with glibc's
# own answers for every code point.
import re
import sys

root = sys.argv[1]

# Bit of each class in a table entry: the 12 standard classes use glibc's
# <ctype.h> _IS* bits (what wctype returns for them, as in the "C" locale);
# the two extra classes take two of the four bits _IS* leaves free.
def is_bit(n):
    return (1 << n) << 8 if n < 8 else (1 << n) >> 8
class_bits = {
    'upper': is_bit(0), 'lower': is_bit(1), 'alpha': is_bit(2), 'digit': is_bit(3),
    'xdigit': is_bit(4), 'space': is_bit(5), 'print': is_bit(6), 'graph': is_bit(7),
    'blank': is_bit(8), 'cntrl': is_bit(9), 'punct': is_bit(10), 'alnum': is_bit(11),
    'combining': 0x10, 'combining_level3': 0x20,
}

def logical_lines(path):
    """The file's lines with '/' continuations joined and comments dropped."""
    pending = ''
    for raw in open(path, encoding='utf-8'):
        line = raw.rstrip('\n')
        if line.startswith('%'):
            continue
        if line.endswith('/') and not line.endswith('//'):
            pending += line[:-1]
            continue
        yield pending + line
        pending = ''

code = re.compile(r'<U([0-9A-Fa-f]+)>')

def lc_ctype_statements(path):
    inside = False
    for line in logical_lines(path):
        word = line.split()[0] if line.split() else ''
        if word == 'LC_CTYPE':
            inside = True
        elif line.startswith('END LC_CTYPE'):
            inside = False
        elif inside and word:
            yield line

classes = {}
maps = {}
for statement in lc_ctype_statements(root + '/locales/i18n_ctype'):
    head, _, body = statement.partition(' ')
    if head == 'class' or head == 'map':
        name, _, body = body.partition(';')
        head, name = head, name.strip().strip('"')
    else:
        name = head
    if head == 'map' or name in ('toupper', 'tolower'):
        pairs = re.findall(r'\(<U([0-9A-Fa-f]+)>,<U([0-9A-Fa-f]+)>\)', body)
        maps[name] = {int(a, 16): int(b, 16) for a, b in pairs}
    elif name in class_bits:
        members = set()
        for item in body.split(';'):
            ends = [int(x, 16) for x in code.findall(item)]
            if not ends:
                continue
            assert '..(' not in item, item
            members.update(range(ends[0], ends[-1] + 1))
        classes[name] = members
classes['alnum'] = classes['alpha'] | classes['digit']
assert set(classes) == set(class_bits), set(class_bits) - set(classes)
assert set(maps) == {'toupper', 'tolower', 'totitle'}, maps.keys()

widths = {}
inside = False
for line in logical_lines(root + '/charmaps/UTF-8'):
    if line == 'WIDTH':
        inside = True
    elif line == 'END WIDTH':
        inside = False
    elif inside and line.strip():
        span, value = line.split()
        ends = [int(x, 16) for x in code.findall(span)]
        for c in range(ends[0], ends[-1] + 1):
            widths[c] = int(value)

LIMIT = 0x110000
bits = [0] * LIMIT
for name, members in classes.items():
    for c in members:
        bits[c] |= class_bits[name]

def width_of(c):
    if c == 0:
        return 0
    if not bits[c] & class_bits['print']:
        return -1
    return widths.get(c, 1)

# Each code point's (classes, width) pair is one of a few kinds; the page
# table stores a kind number per code point.
kinds = []
kind_number = {}
per_code = bytearray(LIMIT)
for c in range(LIMIT):
    key = (bits[c], width_of(c))
    if key not in kind_number:
        kind_number[key] = len(kinds)
        kinds.append(key)
    per_code[c] = kind_number[key]
assert len(kinds) < 256

# Three levels: a code point's top bits pick a row of the middle table, its
# middle bits an entry there naming a leaf, its low bits the kind in that
# leaf. Identical leaves and identical rows are stored once; the two sizes
# are the ones giving the smallest total for this data.
def dedup(items, size):
    seen = {}
    index = []
    for start in range(0, len(items), size):
        chunk = tuple(items[start:start + size])
        index.append(seen.setdefault(chunk, len(seen)))
    return list(seen), index

def width_type(count):
    return ('uint8_t', 1) if count <= 256 else ('uint16_t', 2)

def three_level(top_shift, leaf_shift):
    leaves, leaf_index = dedup(per_code, 1 << leaf_shift)
    rows, row_index = dedup(leaf_index, 1 << (top_shift - leaf_shift))
    size = (len(row_index) * width_type(len(rows))[1]
            + len(rows) * len(rows[0]) * width_type(len(leaves))[1]
            + len(leaves) * len(leaves[0]))
    return size, leaves, rows, row_index

TOP_SHIFT, LEAF_SHIFT = min(((t, l) for t in range(8, 15) for l in range(3, t)),
                            key=lambda shifts: three_level(*shifts)[0])
_, leaves, rows, row_index = three_level(TOP_SHIFT, LEAF_SHIFT)

# Case mappings as runs: a run maps first, first+stride, ... (count code
# points) each by the same delta. Strides 1 and 2 cover Unicode's patterns.
def runs_of(mapping):
    keys = sorted(c for c, to in mapping.items() if c != to)
    out = []
    i = 0
    while i < len(keys):
        first = keys[i]
        delta = mapping[first] - first
        best_run = (1, 1)
        for stride in (1, 2):
            n = 1
            while (i + n < len(keys) and keys[i + n] == first + n * stride
                   and mapping[keys[i + n]] - keys[i + n] == delta and n < 1023):
                n += 1
            if n > best_run[0]:
                best_run = (n, stride)
        n, stride = best_run
        out.append((first, n, stride, delta))
        i += n
    return out

o = sys.stdout
o.write('''// Generated by tools/make_unicode_ctype_tables.py from glibc 2.36's
// localedata (locales/i18n_ctype, which locales/C copies, and
// charmaps/UTF-8's WIDTH): the C.UTF-8 locale's wide character classes,
// widths and case mappings. Do not edit; regenerate.
#pragma once

#include <stdint.h>

namespace lwp::libc::unicode_ctype_data {

// Every code point's kind: its class bits (<ctype.h>'s _IS* bits, plus
// 0x10 "combining" and 0x20 "combining_level3") and its wcwidth.
struct kind {
    uint16_t classes;
    int8_t width;
};
''')
o.write('constexpr kind kinds[%d] = {\n' % len(kinds))
for k, (b, w) in enumerate(kinds):
    o.write('    {0x%04x, %d},\n' % (b, w))
o.write('};\n\n')
o.write('// Code point c is kind leaves[rows[row_of[c >> %d]][(c >> %d) & %d]][c & %d].\n'
        % (TOP_SHIFT, LEAF_SHIFT, (1 << (TOP_SHIFT - LEAF_SHIFT)) - 1, (1 << LEAF_SHIFT) - 1))
o.write('constexpr unsigned top_shift = %d;\n' % TOP_SHIFT)
o.write('constexpr unsigned leaf_shift = %d;\n' % LEAF_SHIFT)
def write_array(declaration, values, per_line):
    o.write(declaration + ' = {')
    for n, v in enumerate(values):
        o.write(('\n    ' if n % per_line == 0 else ' ') + '%d,' % v)
    o.write('\n};\n')
write_array('constexpr %s row_of[%d]' % (width_type(len(rows))[0], len(row_index)), row_index, 24)
o.write('constexpr %s rows[%d][%d] = {\n' % (width_type(len(leaves))[0], len(rows), len(rows[0])))
for row in rows:
    o.write('    {' + ', '.join('%d' % v for v in row) + '},\n')
o.write('};\n')
o.write('constexpr uint8_t leaves[%d][%d] = {\n' % (len(leaves), len(leaves[0])))
for leaf in leaves:
    o.write('    {' + ', '.join('%d' % v for v in leaf) + '},\n')
o.write('};\n\n')
o.write('''// A case mapping: sorted runs, each mapping count code points from first
// on, stride apart, to themselves plus delta; others map to themselves.
struct case_run {
    uint32_t first : 21;
    uint32_t count : 10;
    uint32_t stride : 1;  // 0: every code point, 1: every other one
    int32_t delta;
};
''')
for name, table in (('to_upper', 'toupper'), ('to_lower', 'tolower'), ('to_title', 'totitle')):
    runs = runs_of(maps[table])
    o.write('constexpr case_run %s[%d] = {\n' % (name, len(runs)))
    for first, n, stride, delta in runs:
        assert first < 1 << 21 and n < 1 << 10
        o.write('    {0x%x, %d, %d, %d},\n' % (first, n, stride - 1, delta))
    o.write('};\n')
o.write('\n}  // namespace lwp::libc::unicode_ctype_data\n')
