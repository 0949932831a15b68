// The freestanding allocator (runtime/libc/malloc_heap.cpp), compiled into
// this hosted test: its functions live in namespace lwp::libc::heap and
// define no C symbol, so they do not clash with the host's malloc. Threads
// are lwp threads; their bodies use only the heap under test and atomics.
#include <gtest/gtest.h>
#include <lwp/lwp.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <vector>

#include "runtime/libc/malloc_heap.cpp"

namespace heap = lwp::libc::heap;

namespace {

TEST(LibcHeap, EverySizeGetsAnAlignedBlockThatHoldsItWithBoundedWaste) {
    for (std::size_t size = 0; size <= 300000; size += size < 4096 ? 1 : 997) {
        void* block = heap::allocate(size);
        ASSERT_NE(nullptr, block) << size;
        EXPECT_EQ(0u, reinterpret_cast<std::uintptr_t>(block) % 16) << size;
        std::size_t usable = heap::usable_size(block);
        EXPECT_GE(usable, size);
        // Size classes round up by at most a quarter (plus the 16-byte
        // minimum); direct mappings by less than a page.
        if (size > 64 && size < 128 * 1024) EXPECT_LE(usable, size + size / 4 + 16) << size;
        if (size >= 128 * 1024) EXPECT_LT(usable, size + 4096) << size;
        std::memset(block, 0xab, size);
        heap::release(block);
    }
}

TEST(LibcHeap, FreedBlocksAreReusedAndLiveBlocksNeverOverlap) {
    std::vector<char*> blocks;
    for (int i = 0; i < 2000; ++i) {
        auto* block = static_cast<char*>(heap::allocate(40));
        std::memset(block, i & 0xff, 40);
        blocks.push_back(block);
    }
    for (int i = 0; i < 2000; ++i)
        for (int j = 0; j < 40; ++j) ASSERT_EQ(static_cast<char>(i & 0xff), blocks[i][j]);
    void* freed = blocks.back();
    heap::release(freed);
    blocks.pop_back();
    EXPECT_EQ(freed, heap::allocate(40));  // the same class's free list, last in first out
    heap::release(freed);
    for (char* block : blocks) heap::release(block);
}

TEST(LibcHeap, AlignedBlocksHonourTheAlignmentAndFreeThroughTheAlias) {
    for (std::size_t alignment = 32; alignment <= (std::size_t{1} << 20); alignment *= 2)
        for (std::size_t size : {std::size_t{1}, std::size_t{100}, std::size_t{5000}, std::size_t{200000}}) {
            void* block = heap::allocate_aligned(alignment, size);
            ASSERT_NE(nullptr, block);
            EXPECT_EQ(0u, reinterpret_cast<std::uintptr_t>(block) % alignment);
            EXPECT_GE(heap::usable_size(block), size);
            std::memset(block, 0x5a, size);
            heap::release(block);
        }
}

TEST(LibcHeap, LargeBlocksAreFreshZeroedMappings) {
    auto* block = static_cast<unsigned char*>(heap::allocate(1 << 20));
    ASSERT_NE(nullptr, block);
    EXPECT_TRUE(heap::is_fresh_mapping(block));
    for (std::size_t i = 0; i < (1 << 20); i += 4096) ASSERT_EQ(0, block[i]);
    heap::release(block);
    void* small = heap::allocate(100);
    EXPECT_FALSE(heap::is_fresh_mapping(small));
    heap::release(small);
}

TEST(LibcHeap, ImpossibleSizesFailInsteadOfWrapping) {
    EXPECT_EQ(nullptr, heap::allocate(~std::size_t{0}));
    EXPECT_EQ(nullptr, heap::allocate(~std::size_t{0} - 4096));
    EXPECT_EQ(nullptr, heap::allocate_aligned(4096, ~std::size_t{0} - 100));
}

using LibcHeapDeathTest = ::testing::Test;

TEST_F(LibcHeapDeathTest, DoubleFreeAbortsWithAMessage) {
    EXPECT_DEATH(
        {
            void* block = heap::allocate(24);
            heap::release(block);
            heap::release(block);
        },
        "double free");
}

struct exchange {
    std::atomic<int> corrupted{0};
    std::atomic<int> failed{0};
    std::atomic<void*> slots[64];
};

// Each thread allocates blocks stamped with its index and frees blocks that
// other threads left in shared slots: every block is freed by a thread
// other than its allocator about half the time.
void* trade_blocks(void* argument) {
    static std::atomic<int> next_index{0};
    auto* shared = static_cast<exchange*>(argument);
    const int self = next_index.fetch_add(1);
    std::uint64_t random = 0x2545f4914f6cdd1dULL + self;
    for (int i = 0; i < 20000; ++i) {
        random ^= random << 13, random ^= random >> 7, random ^= random << 17;
        std::size_t size = 16 + random % 600;
        auto* block = static_cast<unsigned char*>(heap::allocate(size));
        if (!block) {
            shared->failed.fetch_add(1);
            continue;
        }
        std::memset(block, self, size);
        block[0] = static_cast<unsigned char>(size & 0xff);
        block[1] = static_cast<unsigned char>(size >> 8);
        void* previous = shared->slots[random % 64].exchange(block, std::memory_order_acq_rel);
        if (previous) {
            auto* old = static_cast<unsigned char*>(previous);
            std::size_t old_size = old[0] | (old[1] << 8);
            for (std::size_t j = 3; j < old_size; ++j)
                if (old[j] != old[2]) {
                    shared->corrupted.fetch_add(1);
                    break;
                }
            heap::release(previous);
        }
    }
    return nullptr;
}

TEST(LibcHeap, ThreadsFreeEachOthersBlocksWithoutCorruption) {
    exchange shared;
    for (auto& slot : shared.slots) slot.store(nullptr);
    constexpr int thread_count = 6;
    lwp_t threads[thread_count];
    for (auto& thread : threads) ASSERT_EQ(0, lwp_create(&thread, nullptr, trade_blocks, &shared));
    for (auto& thread : threads) ASSERT_EQ(0, lwp_join(thread, nullptr));
    EXPECT_EQ(0, shared.corrupted.load());
    EXPECT_EQ(0, shared.failed.load());
    for (auto& slot : shared.slots) heap::release(slot.load());
}

}  // namespace
