// Debian's C++ libraries, as static archives built for glibc and libstdc++:
// LevelDB (its background compaction runs on a std::thread of its own; file
// locks, fdatasync, mmap'd tables), with Snappy compressing its blocks; RE2;
// and yaml-cpp, whose parse errors are C++ exceptions. Linked with lwp alone
// this program uses lwp's exceptions library (lwp-c++ -fexceptions). The
// output must be the same built against glibc and linked with lwp alone.
#include <leveldb/db.h>
#include <leveldb/write_batch.h>
#include <re2/re2.h>
#include <snappy.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

bool database_round_trip() {
    std::string path = std::filesystem::temp_directory_path() / "lwp-leveldb-XXXXXX";
    if (!mkdtemp(path.data())) return false;
    leveldb::Options options;
    options.create_if_missing = true;
    options.write_buffer_size = 64 * 1024;  // small, so compactions run in the background
    options.compression = leveldb::kSnappyCompression;
    leveldb::DB* db = nullptr;
    if (!leveldb::DB::Open(options, path, &db).ok()) return false;

    // Two writer threads at once; LevelDB serializes them itself.
    std::vector<std::thread> writers;
    for (int writer = 0; writer < 2; ++writer) {
        writers.emplace_back([db, writer] {
            for (int i = 0; i < 5000; ++i) {
                leveldb::WriteBatch batch;
                char key[32];
                std::snprintf(key, sizeof key, "key-%d-%06d", writer, i);
                batch.Put(key, std::string(100, static_cast<char>('a' + i % 26)));
                if (i % 10 == 0 && i > 0) {
                    std::snprintf(key, sizeof key, "key-%d-%06d", writer, i - 5);
                    batch.Delete(key);
                }
                db->Write(leveldb::WriteOptions(), &batch);
            }
        });
    }
    for (auto& writer : writers) writer.join();
    db->CompactRange(nullptr, nullptr);

    long count = 0, bytes = 0;
    leveldb::Iterator* iterator = db->NewIterator(leveldb::ReadOptions());
    for (iterator->SeekToFirst(); iterator->Valid(); iterator->Next()) {
        ++count;
        bytes += static_cast<long>(iterator->value().size());
    }
    bool ok = iterator->status().ok();
    delete iterator;
    std::string value;
    bool found = db->Get(leveldb::ReadOptions(), "key-1-004999", &value).ok();
    bool deleted = db->Get(leveldb::ReadOptions(), "key-0-000005", &value).IsNotFound();
    std::printf("leveldb: %ld keys, %ld bytes, last found %s, deleted gone %s\n", count, bytes,
                found ? "yes" : "no", deleted ? "yes" : "no");
    delete db;
    std::error_code error;
    std::filesystem::remove_all(path, error);
    return ok && found && deleted && !error;
}

void regular_expressions() {
    RE2 pattern("(\\w+)@(\\w+)\\.(com|org)");
    std::string user, domain, top;
    bool matched = RE2::PartialMatch("write to lwp@example.org today", pattern, &user, &domain, &top);
    std::string text = "a1b22c333";
    int replaced = RE2::GlobalReplace(&text, "\\d+", "<\\0>");
    std::printf("re2: %s %s %s %s, %d replaced: %s\n", matched ? "matched" : "no match",
                user.c_str(), domain.c_str(), top.c_str(), replaced, text.c_str());
}

void compression() {
    std::string input;
    for (int i = 0; i < 1000; ++i) input += "snappy block " + std::to_string(i % 17) + "\n";
    std::string packed, back;
    snappy::Compress(input.data(), input.size(), &packed);
    bool ok = snappy::Uncompress(packed.data(), packed.size(), &back) && back == input;
    std::printf("snappy: %zu -> %zu, %s\n", input.size(), packed.size(), ok ? "ok" : "FAILED");
}

void yaml_documents() {
    YAML::Node document = YAML::Load("name: lwp\nthreads: [clone, futex, exit]\nlimits: {stack: 8388608}\n");
    std::printf("yaml: %s, %zu threads items, second %s, stack %d\n",
                document["name"].as<std::string>().c_str(), document["threads"].size(),
                document["threads"][1].as<std::string>().c_str(), document["limits"]["stack"].as<int>());
    try {
        YAML::Load("key: [unclosed");
        std::printf("yaml: no exception\n");
    } catch (const YAML::ParserException& exception) {
        std::printf("yaml: ParserException at line %d, column %d\n", exception.mark.line + 1,
                    exception.mark.column + 1);
    }
    try {
        document["name"].as<int>();
    } catch (const YAML::BadConversion&) {
        std::printf("yaml: BadConversion caught\n");
    }
}

}  // namespace

int main() {
    bool ok = database_round_trip();
    regular_expressions();
    compression();
    yaml_documents();
    return ok ? 0 : 1;
}
