/* lwp's stand-in for glibc's build-time config.h, which some tests include
 * first. The tests run here read none of its settings. */
