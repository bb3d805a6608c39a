// The corpus of broken designs: every file under tests/bad/ must be refused with exactly the
// diagnostics its first lines name, one `# expect: LINE:COL CODE` line each, in order — so a design
// with several mistakes proves every one is reported — pointing into that file, and never crash or
// hang.
#include "support.h"
#include "vexil/layout.h"
#include "vexil/load.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace vexil;

namespace {

struct Expectation {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string code;
};

/// The `# expect: LINE:COL CODE` lines at the top of `file`, in order (empty when the first line is not
/// one). The first line that is not an expectation ends them.
std::vector<Expectation> expectations_of(const fs::path& file) {
    std::ifstream in(file);
    std::vector<Expectation> expected;
    static const std::regex pattern(R"(^# expect: (\d+):(\d+) ([a-z][a-z-]*)\s*$)");
    std::string line;
    std::smatch match;
    while (std::getline(in, line) && std::regex_match(line, match, pattern))
        expected.push_back({static_cast<std::uint32_t>(std::stoul(match[1])),
                            static_cast<std::uint32_t>(std::stoul(match[2])), match[3]});
    return expected;
}

std::string describe(const std::vector<Expectation>& expected) {
    std::string text;
    for (const auto& e : expected)
        text += std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.code + "\n";
    return text;
}

std::string describe(const std::vector<Diagnostic>& found) {
    std::string text;
    for (const auto& d : found)
        text += std::to_string(d.region.begin.line) + ":" + std::to_string(d.region.begin.column) + " " +
                d.code + "  (" + d.message + ")\n";
    return text;
}

std::vector<fs::path> corpus() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(test::source_dir() / "tests" / "bad"))
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("the bad-design corpus is there and every file says what it expects", "[bad]") {
    const auto files = corpus();
    CHECK(files.size() >= 30);
    std::vector<std::string> categories;
    for (const auto& file : files) {
        INFO(file.string());
        CHECK_FALSE(expectations_of(file).empty());
        categories.push_back(file.parent_path().filename().string());
    }
    for (const char* category : {"keys", "values", "expressions", "toml", "limits", "layout"})
        CHECK(std::count(categories.begin(), categories.end(), category) > 0);
}

TEST_CASE("every bad design is refused with its expected diagnostic", "[bad]") {
    for (const fs::path& file : corpus()) {
        const std::string relative = fs::relative(file, test::source_dir()).string();
        DYNAMIC_SECTION(relative) {
            const auto expected = expectations_of(file);
            REQUIRE_FALSE(expected.empty());
            std::optional<InputError> error;
            try {
                const Design design = load_design(file);
                const Scene scene = build_scene(design);
                FAIL("the design loaded and laid out: " << scene.groups.size() << " groups");
            } catch (const InputError& e) {
                error = e;
            }
            REQUIRE(error.has_value());
            const auto& found = error->diagnostics();
            INFO("expected:\n" << describe(expected) << "found:\n" << describe(found));
            // Exactly the diagnostics expected: as many, each at its place with its code, in order.
            REQUIRE(found.size() == expected.size());
            for (std::size_t i = 0; i < expected.size(); ++i) {
                const Diagnostic& d = found[i];
                INFO("diagnostic " << i + 1 << ": " << format_diagnostic(d));
                CHECK(d.code == expected[i].code);
                CHECK(d.region.begin.line == expected[i].line);
                CHECK(d.region.begin.column == expected[i].column);
                // Each names this file, in the form editors jump to.
                CHECK(d.region.file == file.string());
                CHECK(format_diagnostic(d).rfind(file.string() + ":" + std::to_string(expected[i].line) +
                                                     ":" + std::to_string(expected[i].column) + ": error: ",
                                                 0) == 0);
                // A message a person can act on: it says what, and is not a paragraph.
                CHECK(d.message.size() > 15);
                CHECK(d.message.size() < 400);
            }
        }
    }
}

TEST_CASE("the CLI refuses a bad design with status 2 and writes nothing", "[bad]") {
    const fs::path file = test::source_dir() / "tests" / "bad" / "keys" / "misspelt-layer-key.toml";
    const auto expected = expectations_of(file);
    REQUIRE(expected.size() == 1);
    const Expectation* expect = &expected.front();
    test::TempDir dir;
    const fs::path out = dir / "out.png";
    const auto result = test::run_vexil({"render", file.string(), "-o", out.string()});
    INFO("stderr: " << result.err);
    CHECK(result.status == 2);
    const std::string prefix = file.string() + ":" + std::to_string(expect->line) + ":" +
                               std::to_string(expect->column) + ": error: ";
    CHECK(result.err.rfind(prefix, 0) == 0);
    CHECK_THAT(result.err, Catch::Contains("did you mean 'radius'?"));
    CHECK(result.out.empty());
    CHECK_FALSE(fs::exists(out));
    // Nothing else was left behind either (no temporary file).
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("the CLI leaves an existing output file alone when the design is bad", "[bad]") {
    const fs::path file = test::source_dir() / "tests" / "bad" / "layout" / "impossible-star.toml";
    test::TempDir dir;
    const fs::path out = dir.write("out.svg", "previous contents");
    const auto result = test::run_vexil({"render", file.string(), "-o", out.string()});
    INFO("stderr: " << result.err);
    CHECK(result.status == 2);
    CHECK(result.err.rfind(file.string() + ":", 0) == 0);
    CHECK(test::read_text(out) == "previous contents");
}
