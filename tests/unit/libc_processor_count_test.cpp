// How sysconf counts processors (runtime/libc/processor_count.cpp): the
// kernel's CPU lists as glibc 2.36 reads them (ranges and single CPUs,
// separated by commas, up to the newline; a list that does not parse counts
// 0, which sends the count to the next source), /proc/stat's "cpuN" lines
// up to the first line that is not a "cpu" one, and this machine's answers.
#include <gtest/gtest.h>

#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <string>

#include "runtime/libc/processor_count.cpp"

namespace {

class ProcessorCount : public ::testing::Test {
protected:
    std::string path_ = "/tmp/lwp-processor-count-XXXXXX";

    // Writes `text` to a fresh file and returns its path.
    const char* file_with(const std::string& text) {
        path_ = "/tmp/lwp-processor-count-XXXXXX";
        int fd = mkstemp(path_.data());
        EXPECT_GE(fd, 0);
        EXPECT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
        close(fd);
        return path_.c_str();
    }
    void TearDown() override { unlink(path_.c_str()); }
};

TEST_F(ProcessorCount, CpuLists) {
    EXPECT_EQ(count_cpu_list(file_with("0-1\n")), 2);
    EXPECT_EQ(count_cpu_list(file_with("0\n")), 1);
    EXPECT_EQ(count_cpu_list(file_with("0-3,8,10-11\n")), 7);
    EXPECT_EQ(count_cpu_list(file_with("0-3,8,10-11")), 7);  // no newline
    EXPECT_EQ(count_cpu_list(file_with("0-127\n")), 128);
    // What follows the newline is not read.
    EXPECT_EQ(count_cpu_list(file_with("0-1\n4-7\n")), 2);
    // A backwards range counts nothing; the rest still counts.
    EXPECT_EQ(count_cpu_list(file_with("5-2,7\n")), 1);
    // Not a list: 0, and the next source is asked.
    EXPECT_EQ(count_cpu_list(file_with("\n")), 0);
    EXPECT_EQ(count_cpu_list(file_with("x\n")), 0);
    EXPECT_EQ(count_cpu_list(file_with("0-\n")), 0);
    EXPECT_EQ(count_cpu_list(file_with("0-3,x\n")), 0);
    EXPECT_EQ(count_cpu_list(file_with("")), 0);
    EXPECT_EQ(count_cpu_list("/nonexistent/cpu/online"), 0);
}

TEST_F(ProcessorCount, ProcStatLines) {
    EXPECT_EQ(count_proc_stat_cpus(file_with("cpu  1 2 3\ncpu0 1 2\ncpu1 3 4\nintr 5\n")), 2);
    // Counting stops at the first line that is not a "cpu" one.
    EXPECT_EQ(count_proc_stat_cpus(file_with("cpu0 1\nctxt 5\ncpu1 3\n")), 1);
    EXPECT_EQ(count_proc_stat_cpus(file_with("cpu0 1\n\ncpu1 3\n")), 1);
    // "cpu" alone, or with a letter, is no CPU but does not stop the count.
    EXPECT_EQ(count_proc_stat_cpus(file_with("cpu\ncpux 1\ncpu7 1\n")), 1);
    // Lines longer than one read.
    std::string text = "cpu  " + std::string(3000, '1') + "\n";
    for (int i = 0; i < 300; ++i) text += "cpu" + std::to_string(i) + " " + std::string(20, '2') + "\n";
    text += "intr " + std::string(5000, '3') + "\ncpu9 1\n";
    EXPECT_EQ(count_proc_stat_cpus(file_with(text)), 300);
    EXPECT_EQ(count_proc_stat_cpus(file_with("")), 0);
    EXPECT_EQ(count_proc_stat_cpus("/nonexistent/stat"), 0);
}

TEST_F(ProcessorCount, ThisMachine) {
    // The affinity mask, the last resort, counts this process's CPUs.
    cpu_set_t mask;
    ASSERT_EQ(sched_getaffinity(0, sizeof mask, &mask), 0);
    EXPECT_EQ(count_affinity_cpus(), CPU_COUNT(&mask));
    // /proc/stat lists the online CPUs, as /sys does.
    long online = lwp::libc::online_processor_count();
    EXPECT_EQ(count_proc_stat_cpus("/proc/stat"), online);
    EXPECT_GE(lwp::libc::configured_processor_count(), online);
    EXPECT_EQ(online, sysconf(_SC_NPROCESSORS_ONLN));  // glibc's, in this hosted test
    EXPECT_EQ(lwp::libc::configured_processor_count(), sysconf(_SC_NPROCESSORS_CONF));
}

}  // namespace
