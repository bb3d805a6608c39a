// write_files is all or nothing, even when a rename fails after earlier ones succeeded.
#include "render/atomic_write.h"
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sys/stat.h>

using vexil::test::read_text;
using vexil::test::TempDir;
namespace fs = std::filesystem;

namespace {

/// Names in `dir` (not recursive) that are temporaries or backups of write_files.
std::vector<std::string> leftovers(const fs::path& dir) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().find(".vexil-") != std::string::npos)
            found.push_back(entry.path().filename().string());
    return found;
}

} // namespace

TEST_CASE("write_files: a later rename failing puts the earlier outputs back", "[render][io]") {
    TempDir dir;
    const auto a = dir.write("a.svg", "old a");
    const auto b = dir / "b.png"; // not there yet: write_files will create it
    const auto c = dir / "c.pdf";
    // Just before c is renamed into place (a and b already are), a folder with a file in it appears
    // where c goes, so that rename fails.
    const auto hook = [&](std::size_t index) {
        if (index == 2) {
            fs::create_directories(c);
            std::ofstream(c / "inside") << "user file";
        }
    };
    try {
        vexil::render::write_files({{a, "new a"}, {b, "new b"}, {c, "new c"}}, hook);
        FAIL("write_files did not fail");
    } catch (const vexil::IoError& error) {
        CHECK_THAT(error.what(), Catch::Contains(c.string() + ": cannot replace the file"));
        CHECK_THAT(error.what(), Catch::Contains("put back"));
    }
    CHECK(read_text(a) == "old a"); // restored, not left replaced
    CHECK(!fs::exists(b));          // there was none: removed
    CHECK(read_text(c / "inside") == "user file");
    CHECK(leftovers(dir.path()).empty());
    // The restored file is the very file that was there (its inode), with no extra links.
    struct stat status {};
    REQUIRE(::stat(a.c_str(), &status) == 0);
    CHECK(status.st_nlink == 1);
}

TEST_CASE("write_files: the first rename failing changes nothing", "[render][io]") {
    TempDir dir;
    const auto a = dir / "a.svg";
    const auto b = dir.write("b.png", "old b");
    const auto hook = [&](std::size_t index) {
        if (index == 0) fs::create_directories(a / "sub");
    };
    CHECK_THROWS_AS(vexil::render::write_files({{a, "new a"}, {b, "new b"}}, hook), vexil::IoError);
    CHECK(read_text(b) == "old b");
    CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("write_files: success replaces every output and leaves no backup", "[render][io]") {
    TempDir dir;
    const auto a = dir.write("a.svg", "old a");
    const auto b = dir / "b.png";
    std::vector<std::size_t> seen;
    vexil::render::write_files({{a, "new a"}, {b, "new b"}, {a, "newer a"}},
                               [&](std::size_t index) { seen.push_back(index); });
    CHECK(seen == std::vector<std::size_t>{0, 1, 2});
    CHECK(read_text(a) == "newer a"); // the same path twice: the last wins
    CHECK(read_text(b) == "new b");
    CHECK(leftovers(dir.path()).empty());
    struct stat status {};
    REQUIRE(::stat(a.c_str(), &status) == 0);
    CHECK(status.st_nlink == 1);
    // The public write_files is the same without the hook.
    vexil::write_files({{a, "again a"}, {b, "again b"}});
    CHECK(read_text(a) == "again a");
    CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("write_files: a failure while writing temporaries keeps every old file", "[render][io]") {
    TempDir dir;
    const auto a = dir.write("a.svg", "old a");
    CHECK_THROWS_AS(vexil::write_files({{a, "new a"}, {dir / "no/such/folder/b.png", "new b"}}),
                    vexil::IoError);
    CHECK(read_text(a) == "old a");
    CHECK(leftovers(dir.path()).empty());
}
