# cmake -P script: a program built with lwp-cc -pg (then -pg -mfentry) runs
# and writes a gmon.out that binutils' gprof reads, with every arc count of
# its call graph as the program makes them (the same counts the program has
# built with gcc -pg against glibc), and the time samples in the one function
# that uses nearly all the CPU time. GMON_OUT_PREFIX names the file as in
# glibc. Skipped (ctest reports it so) where gprof is not installed.
# Variables: LWP_CC, SOURCE (gprof/call_graph.c), SCRATCH, GPROF (empty when
# not found).
if(NOT GPROF)
  message("gprof (binutils) is not installed: nothing checked")
  return()
endif()
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH})

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE status OUTPUT_VARIABLE out
    ERROR_VARIABLE err WORKING_DIRECTORY ${SCRATCH})
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGV}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

# `gprof -b -q` writes each arc as "self children called/total name [index]"
# under the function it belongs to; only the counts and names are checked.
function(expect_line report pattern)
  if(NOT report MATCHES "${pattern}")
    message(FATAL_ERROR "no line matching '${pattern}' in gprof's report:\n${report}")
  endif()
endfunction()

set(arc "[ \t]+[0-9.]+[ \t]+[0-9.]+[ \t]+")
foreach(variant "pg;-pg" "fentry;-pg;-mfentry")
  list(POP_FRONT variant name)
  set(program ${SCRATCH}/call_graph_${name})
  run(${LWP_CC} -O1 ${variant} ${SOURCE} -o ${program})
  file(REMOVE ${SCRATCH}/gmon.out)
  run(${program})
  if(NOT EXISTS ${SCRATCH}/gmon.out)
    message(FATAL_ERROR "${name}: no gmon.out written")
  endif()
  file(READ ${SCRATCH}/gmon.out header LIMIT 20 HEX)
  if(NOT header STREQUAL "676d6f6e01000000000000000000000000000000")
    message(FATAL_ERROR "${name}: gmon.out header is ${header}")
  endif()

  run(${GPROF} -b -q ${program} ${SCRATCH}/gmon.out)
  set(report "${last_output}")
  # main's calls, each from main: busy_loop once, middle 300 times, scaled
  # 1000 times, depth once; leaf 2100 times from middle and 500 from worker
  # (a thread's calls); depth 37 times from itself.
  expect_line("${report}" "\n${arc}1/1[ \t]+busy_loop \\[[0-9]+\\]\n")
  expect_line("${report}" "\n${arc}300/300[ \t]+middle \\[[0-9]+\\]\n")
  expect_line("${report}" "\n${arc}1000/1000[ \t]+scaled \\[[0-9]+\\]\n")
  expect_line("${report}" "\n${arc}1/1[ \t]+depth \\[[0-9]+\\]\n")
  expect_line("${report}" "\n${arc}2100/2600[ \t]+middle \\[[0-9]+\\]\n")
  expect_line("${report}" "\n${arc}500/2600[ \t]+worker \\[[0-9]+\\]\n")
  expect_line("${report}" "\n${arc}2100/2600[ \t]+leaf \\[[0-9]+\\]\n")
  expect_line("${report}" "\n${arc}500/2600[ \t]+leaf \\[[0-9]+\\]\n")
  expect_line("${report}" "\n\\[[0-9]+\\][ \t]+[0-9.]+[ \t]+[0-9.]+[ \t]+[0-9.]+[ \t]+1\\+37[ \t]+depth \\[[0-9]+\\]\n")
  expect_line("${report}" "\n\\[[0-9]+\\][ \t]+[0-9.]+[ \t]+[0-9.]+[ \t]+[0-9.]+[ \t]+2600[ \t]+leaf \\[[0-9]+\\]\n")
  # main is called once, by lwp's start-up code (as glibc's static start-up
  # calls it; from glibc's shared library it is <spontaneous>).
  expect_line("${report}" "\n${arc}1/1[ \t]+lwp_start_main \\[[0-9]+\\]\n\\[[0-9]+\\][^\n]*main \\[")

  # The histogram: busy_loop runs for about 0.3 s of CPU time, nearly all of
  # the program's, so the flat profile puts it first, with time of its own.
  run(${GPROF} -b -p ${program} ${SCRATCH}/gmon.out)
  set(flat "${last_output}")
  if(NOT flat MATCHES "name *\n *[0-9.]+ +[0-9.]+ +([0-9.]+) +1 +[0-9.]+ +[0-9.]+ +busy_loop\n"
     OR CMAKE_MATCH_1 STREQUAL "0.00")
    message(FATAL_ERROR "${name}: busy_loop is not first, with samples, in the flat profile:\n${flat}")
  endif()

  # GMON_OUT_PREFIX: the file is <prefix>.<pid>, and no gmon.out is written.
  file(REMOVE ${SCRATCH}/gmon.out)
  run(${CMAKE_COMMAND} -E env GMON_OUT_PREFIX=${SCRATCH}/prefixed_${name} ${program})
  file(GLOB prefixed ${SCRATCH}/prefixed_${name}.*)
  list(LENGTH prefixed found)
  if(NOT found EQUAL 1 OR NOT prefixed MATCHES "prefixed_${name}\\.[0-9]+$" OR EXISTS ${SCRATCH}/gmon.out)
    message(FATAL_ERROR "${name}: GMON_OUT_PREFIX gave '${prefixed}'")
  endif()
endforeach()

# Linked without -pg (the objects compiled with it): no gmon.out, as with
# glibc's crt1.o.
run(${LWP_CC} -O1 -pg -c ${SOURCE} -o ${SCRATCH}/call_graph.o)
run(${LWP_CC} ${SCRATCH}/call_graph.o -o ${SCRATCH}/call_graph_unprofiled)
file(REMOVE ${SCRATCH}/gmon.out)
run(${SCRATCH}/call_graph_unprofiled)
if(EXISTS ${SCRATCH}/gmon.out)
  message(FATAL_ERROR "a program linked without -pg wrote gmon.out")
endif()
