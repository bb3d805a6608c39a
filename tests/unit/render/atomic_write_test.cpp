// write_files is all or nothing, even when a rename fails after earlier ones succeeded.
#include "render/atomic_write.h"
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fcntl.h>
#include <fstream>
#include <regex>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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

namespace {

/// A pid no process has: a child's, once it has exited and been reaped.
pid_t dead_pid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

} // namespace

TEST_CASE("write_files: temporaries and backups carry the writer's pid", "[render][io]") {
    TempDir dir;
    const auto a = dir.write("a.svg", "old a");
    const auto b = dir.write("b.png", "old b");
    std::vector<std::string> seen;
    vexil::render::write_files({{a, "new a"}, {b, "new b"}}, [&](std::size_t index) {
        if (index == 0) seen = leftovers(dir.path());
    });
    const std::string pid = std::to_string(::getpid());
    const auto count = [&](const std::string& pattern) {
        const std::regex name(pattern);
        return std::count_if(seen.begin(), seen.end(),
                             [&](const std::string& file) { return std::regex_match(file, name); });
    };
    // Two temporaries, and a's backup (the last target needs none).
    CHECK(seen.size() == 3);
    CHECK(count(R"(\.a\.svg\.vexil-)" + pid + R"(-[A-Za-z0-9]{6}\.tmp)") == 1);
    CHECK(count(R"(\.a\.svg\.vexil-)" + pid + R"(-[A-Za-z0-9]{6}\.link)") == 1);
    CHECK(count(R"(\.b\.png\.vexil-)" + pid + R"(-[A-Za-z0-9]{6}\.tmp)") == 1);
    CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("write_files: removes what a dead writer left, and nothing of a live one", "[render][io]") {
    TempDir dir;
    const std::string dead = std::to_string(dead_pid());
    const std::string live = std::to_string(::getppid()); // the shell or ctest that runs us
    // A dead writer's temporary and hard-link backup go; its backup renamed aside goes back where
    // the target is missing, and goes where the target has newer bytes.
    dir.write(".a.svg.vexil-" + dead + "-Ab12Cd.tmp", "half a new a");
    dir.write(".a.svg.vexil-" + dead + "-Ef34Gh.link", "old a");
    dir.write(".gone.png.vexil-" + dead + "-Ij56Kl.aside", "old gone");
    dir.write("kept.pdf", "newer kept");
    dir.write(".kept.pdf.vexil-" + dead + "-Mn78Op.aside", "old kept");
    // A live writer's, this process's, and a dead pid's that a live process still holds a lock on
    // (another machine's writer on a shared folder) stay; so do names that only look alike.
    const std::vector<std::string> stay{
        ".b.svg.vexil-" + live + "-Qr90St.tmp", ".c.svg.vexil-" + std::to_string(::getpid()) + "-Uv12Wx.tmp",
        ".d.svg.vexil-" + dead + "-Yz34Ab.tmp", ".e.svg.vexil-Cd56Ef",
        ".f.svg.vexil-" + dead + "-Gh78.tmp",   "g.svg.vexil-" + dead + "-Ij90Kl.tmp"};
    for (const auto& name : stay)
        dir.write(name, "keep");
    const int held = ::open((dir / stay[2]).c_str(), O_RDONLY);
    REQUIRE(held >= 0);
    REQUIRE(::flock(held, LOCK_SH) == 0);
    vexil::write_file(dir / "a.svg", "new a");
    ::close(held);
    CHECK(read_text(dir / "a.svg") == "new a");
    CHECK(read_text(dir / "gone.png") == "old gone");
    CHECK(read_text(dir / "kept.pdf") == "newer kept");
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(dir.path()))
        left.push_back(entry.path().filename().string());
    std::sort(left.begin(), left.end());
    std::vector<std::string> expected = stay;
    expected.insert(expected.end(), {"a.svg", "gone.png", "kept.pdf"});
    std::sort(expected.begin(), expected.end());
    CHECK(left == expected);
    // With the lock gone, remove_leftovers (what the gallery calls) takes the dead pid's too.
    vexil::remove_leftovers(dir.path());
    CHECK(!fs::exists(dir / stay[2]));
    CHECK(fs::exists(dir / stay[0]));
}
