// The corpus of broken designs: every file under tests/bad/ must be refused with the diagnostic its
// first line names (`# expect: LINE:COL CODE`), pointing into that file, and never crash or hang.
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

std::optional<Expectation> expectation_of(const fs::path& file) {
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    static const std::regex pattern(R"(^# expect: (\d+):(\d+) ([a-z][a-z-]*)\s*$)");
    std::smatch match;
    if (!std::regex_match(first, match, pattern)) return std::nullopt;
    return Expectation{static_cast<std::uint32_t>(std::stoul(match[1])),
                       static_cast<std::uint32_t>(std::stoul(match[2])), match[3]};
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
        CHECK(expectation_of(file).has_value());
        categories.push_back(file.parent_path().filename().string());
    }
    for (const char* category : {"keys", "values", "expressions", "toml", "limits", "layout"})
        CHECK(std::count(categories.begin(), categories.end(), category) > 0);
}

TEST_CASE("every bad design is refused with its expected diagnostic", "[bad]") {
    for (const fs::path& file : corpus()) {
        const std::string relative = fs::relative(file, test::source_dir()).string();
        DYNAMIC_SECTION(relative) {
            const auto expect = expectation_of(file);
            REQUIRE(expect.has_value());
            std::optional<InputError> error;
            try {
                const Design design = load_design(file);
                const Scene scene = build_scene(design);
                FAIL("the design loaded and laid out: " << scene.groups.size() << " groups");
            } catch (const InputError& e) {
                error = e;
            }
            REQUIRE(error.has_value());
            REQUIRE_FALSE(error->diagnostics().empty());
            const Diagnostic& first = error->diagnostics().front();
            const std::string formatted = format_diagnostic(first);
            INFO("all diagnostics:\n" << error->what());
            CHECK(first.code == expect->code);
            CHECK(first.region.begin.line == expect->line);
            CHECK(first.region.begin.column == expect->column);
            CHECK(first.region.file == file.string());
            CHECK(formatted.rfind(file.string() + ":" + std::to_string(expect->line) + ":" +
                                      std::to_string(expect->column) + ": error: ",
                                  0) == 0);
            // A message a person can act on: it says what, and is not a paragraph.
            CHECK(first.message.size() > 15);
            CHECK(first.message.size() < 400);
            // Every diagnostic, not only the first, names this file.
            for (const Diagnostic& d : error->diagnostics())
                CHECK(d.region.file == file.string());
        }
    }
}

TEST_CASE("the CLI refuses a bad design with status 2 and writes nothing", "[bad]") {
    const fs::path file = test::source_dir() / "tests" / "bad" / "keys" / "misspelt-layer-key.toml";
    const auto expect = expectation_of(file);
    REQUIRE(expect.has_value());
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
