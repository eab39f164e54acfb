// tune_allocator(): large blocks come from the heap (reused) instead of fresh
// mmap()s that are page-faulted in and zeroed by the kernel at every use.

#include <clipflow/allocator.h>

#include <QTest>

#include <cstdlib>
#include <dlfcn.h>
#include <malloc.h>

namespace {

// The sanitizers' runtimes replace malloc. Asked of the process, not the
// compiler: in the ASan build the test drivers compile uninstrumented.
bool sanitizerRuntime()
{
    return dlsym(RTLD_DEFAULT, "__asan_init") || dlsym(RTLD_DEFAULT, "__tsan_init");
}

// Blocks served by mmap right now, and whether a block of `bytes` was one of them.
std::size_t mapped_blocks()
{
    return static_cast<std::size_t>(mallinfo2().hblks);
}

bool allocation_is_mapped(std::size_t bytes)
{
    const std::size_t before = mapped_blocks();
    void* p = std::malloc(bytes);
    if (!p) return false;
    static_cast<volatile char*>(p)[bytes - 1] = 1;
    const bool mapped = mapped_blocks() > before;
    std::free(p);
    return mapped;
}

} // namespace

class TestAllocator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (sanitizerRuntime()) QSKIP("sanitizers replace malloc; nothing to observe");
    }

    // Runs first, before tuning: glibc's default maps blocks this large (the
    // dynamic threshold stops at 32 MB), so the test below can fail.
    void defaultMapsLargeBlocks() { QVERIFY(allocation_is_mapped(64u << 20)); }

    void tunedKeepsBlocksInTheHeap_data()
    {
        QTest::addColumn<qulonglong>("bytes");
        QTest::newRow("40 MB (a training activation)") << qulonglong(40u << 20);
        QTest::newRow("48 MB (a 12 MP float plane)") << qulonglong(48u << 20);
        QTest::newRow("400 MB (a 100 MP float plane)") << qulonglong(400u << 20);
    }
    void tunedKeepsBlocksInTheHeap()
    {
        QFETCH(qulonglong, bytes);
        QVERIFY(clipflow::tune_allocator());
        QVERIFY(!allocation_is_mapped(bytes));
        // Freed, the block stays with the process: the next one of that size is not mapped either.
        QVERIFY(!allocation_is_mapped(bytes));
    }
};

QTEST_APPLESS_MAIN(TestAllocator)
#include "tst_allocator.moc"
