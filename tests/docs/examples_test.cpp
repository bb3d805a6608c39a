// docs/format.md is the designers' reference, so it is tested like code:
//  - every ```toml block in it is a complete design that loads, lays out and renders (a fragment
//    opts out with the first line `# not a complete design`);
//  - every kind and field of the kind catalogue (include/vexil/kinds.h) is documented with the
//    catalogue's type, default, unit, choices and bounds, and the docs document nothing else,
//    so the reference cannot fall behind the catalogue.
#include "support.h"

#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using namespace vexil;

namespace {

/// The first line of a ```toml block that is a fragment, not a design of its own.
constexpr std::string_view kOptOut = "# not a complete design";
/// Fragments make examples that nobody checks: keep them few.
constexpr std::ptrdiff_t kMaxFragments = 3;

std::vector<std::string> doc_lines() {
    const std::string text = test::read_text(test::source_dir() / "docs" / "format.md");
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

struct Block {
    std::size_t line = 0; ///< 1-based line in docs/format.md of the block's first line of TOML
    std::string text;
    bool complete = true; ///< false when the block opts out
};

/// Every ```toml block, in order. A block that never closes is reported as a failure.
std::vector<Block> toml_blocks() {
    const auto lines = doc_lines();
    std::vector<Block> blocks;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (trim(lines[i]) != "```toml") continue;
        Block block;
        block.line = i + 2;
        std::size_t j = i + 1;
        for (; j < lines.size() && !starts_with(trim(lines[j]), "```"); ++j)
            block.text += lines[j] + '\n';
        INFO("the ```toml block opened at docs/format.md:" << i + 1);
        REQUIRE(j < lines.size());
        block.complete = block.text.substr(0, block.text.find('\n')) != kOptOut;
        blocks.push_back(std::move(block));
        i = j;
    }
    return blocks;
}

/// The lines under the heading `heading` (exact), up to the next heading of level 2 or 3.
std::vector<std::string> section(const std::vector<std::string>& lines, std::string_view heading) {
    std::vector<std::string> body;
    auto it = std::find(lines.begin(), lines.end(), heading);
    if (it == lines.end()) return body;
    for (++it; it != lines.end() && !starts_with(*it, "## ") && !starts_with(*it, "### "); ++it)
        body.push_back(*it);
    return body;
}

/// The cells of a Markdown table row, trimmed ("| a | b |" → {"a", "b"}).
std::vector<std::string> cells(const std::string& row) {
    std::vector<std::string> out;
    std::size_t start = row.find('|');
    while (start != std::string::npos) {
        const std::size_t end = row.find('|', start + 1);
        if (end == std::string::npos) break;
        out.push_back(trim(std::string_view(row).substr(start + 1, end - start - 1)));
        start = end;
    }
    return out;
}

/// The parts, concatenated. (Appending, rather than `"x" + std::string(…)`, which trips a false
/// -Wrestrict in GCC 12.)
std::string concat(std::initializer_list<std::string_view> parts) {
    std::string text;
    for (std::string_view part : parts)
        text.append(part);
    return text;
}

std::string quoted_name(std::string_view name) {
    return concat({"`", name, "`"});
}

std::string number_text(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

/// Checks that `table` (a section's lines) documents exactly `fields`, each row as
/// | `name` | type | default | unit | meaning |, agreeing with the catalogue.
void check_field_table(const std::vector<std::string>& table, const std::vector<FieldSpec>& fields) {
    // The rows of the table headed | field | type | default | unit | meaning | (other tables, such as
    // the rings' patterns, may follow it).
    std::vector<std::vector<std::string>> rows;
    auto line = std::find_if(table.begin(), table.end(), [](const std::string& l) {
        return cells(l) == std::vector<std::string>{"field", "type", "default", "unit", "meaning"};
    });
    REQUIRE(line != table.end());
    for (++line; line != table.end() && starts_with(*line, "|"); ++line)
        if (starts_with(*line, "| `")) rows.push_back(cells(*line));
    for (const auto& row : rows) {
        INFO("documented row: " << row.front());
        CHECK(std::any_of(fields.begin(), fields.end(),
                          [&](const FieldSpec& spec) { return quoted_name(spec.name) == row.front(); }));
    }
    for (const FieldSpec& spec : fields) {
        INFO("field '" << spec.name << "'");
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& cells) {
            return cells.front() == quoted_name(spec.name);
        });
        REQUIRE(row != rows.end());
        REQUIRE(row->size() == 5);
        const std::string &type = (*row)[1], &fallback = (*row)[2], &unit = (*row)[3], &meaning = (*row)[4];
        CHECK(type == field_type_name(spec.type));
        if (!spec.fallback.empty()) CHECK(fallback.find(spec.fallback) != std::string::npos);
        if (spec.required)
            CHECK(fallback == "required");
        else
            CHECK(fallback.find("required") == std::string::npos);
        if (spec.unit.empty())
            CHECK((unit == "—" || unit.empty()));
        else
            CHECK(unit == spec.unit);
        for (std::string_view choice : spec.choices) {
            INFO("choice '" << choice << "'");
            CHECK(meaning.find(concat({"\"", choice, "\""})) != std::string::npos);
        }
        if (spec.min && spec.max)
            CHECK(meaning.find(concat({"from ", number_text(*spec.min), " to ", number_text(*spec.max)})) !=
                  std::string::npos);
        else if (spec.min)
            CHECK(meaning.find(concat({"≥ ", number_text(*spec.min)})) != std::string::npos);
        else if (spec.max)
            CHECK(meaning.find(concat({"≤ ", number_text(*spec.max)})) != std::string::npos);
    }
}

std::string diagnostics_of(const InputError& error) {
    std::string text;
    for (const auto& diagnostic : error.diagnostics())
        text += format_diagnostic(diagnostic) + '\n';
    return text;
}

} // namespace

TEST_CASE("docs: every TOML example in docs/format.md loads, lays out and renders", "[docs]") {
    const auto blocks = toml_blocks();
    REQUIRE(!blocks.empty());
    for (const Block& block : blocks) {
        if (!block.complete) continue;
        // An absolute label: `extends` and `file` paths in an example resolve against docs/, from
        // whichever folder the tests run in.
        const std::string label =
            (vexil::test::source_dir() / "docs/format.md").string() + ":" + std::to_string(block.line);
        DYNAMIC_SECTION(label) {
            INFO(block.text);
            try {
                const Design design = load_design_text(block.text, label);
                const Scene scene = build_scene(design);
                REQUIRE(!scene.groups.empty());
                CHECK(std::any_of(scene.groups.begin(), scene.groups.end(),
                                  [](const Group& group) { return !group.items.empty(); }));
                RenderOptions options;
                options.width = 120;
                const test::Image image = test::decode_png(render_bytes(scene, Format::Png, options));
                CHECK(image.width == 120);
                CHECK(image.height ==
                      std::max(1L, std::lround(120 * design.flag.height / design.flag.width)));
                CHECK(std::any_of(image.pixels.begin(), image.pixels.end(),
                                  [](const test::Rgba& pixel) { return pixel.a > 0; }));
            } catch (const InputError& error) {
                FAIL(diagnostics_of(error));
            }
        }
    }
}

TEST_CASE("docs: fragments that opt out stay few", "[docs]") {
    const auto blocks = toml_blocks();
    const auto fragments =
        std::count_if(blocks.begin(), blocks.end(), [](const Block& b) { return !b.complete; });
    CHECK(fragments <= kMaxFragments);
}

TEST_CASE("docs: every kind has a complete example", "[docs]") {
    const auto blocks = toml_blocks();
    for (const KindSpec& kind : kind_catalogue()) {
        INFO("kind '" << kind.name << "'");
        const std::string wanted = concat({"kind=\"", kind.name, "\""});
        const bool shown = std::any_of(blocks.begin(), blocks.end(), [&](const Block& block) {
            if (!block.complete) return false;
            // `kind  = "x"` with any alignment.
            std::istringstream in(block.text);
            for (std::string line; std::getline(in, line);) {
                line = line.substr(0, line.find('#'));
                std::string squeezed;
                for (char c : line)
                    if (c != ' ' && c != '\t') squeezed += c;
                if (squeezed == wanted) return true;
            }
            return false;
        });
        CHECK(shown);
    }
}

TEST_CASE("docs: every kind and field of the catalogue is documented as the catalogue says", "[docs]") {
    const auto lines = doc_lines();
    SECTION("common fields") {
        const auto body = section(lines, "### Common fields");
        REQUIRE(!body.empty());
        check_field_table(body, common_fields());
    }
    for (const KindSpec& kind : kind_catalogue()) {
        DYNAMIC_SECTION("kind " << kind.name) {
            const std::string heading = "### " + quoted_name(kind.name);
            const auto at = std::find(lines.begin(), lines.end(), heading);
            INFO("docs/format.md needs a heading '" << heading << "'");
            REQUIRE(at != lines.end());
            // Under the chapter of its group: "## Divisions" for "division", "## Shapes" for "shape",
            // "## Rings" for "rings".
            const auto chapter =
                std::find_if(std::make_reverse_iterator(at), lines.rend(),
                             [](const std::string& line) { return starts_with(line, "## "); });
            REQUIRE(chapter != lines.rend());
            REQUIRE(!kind.group.empty());
            std::string group(kind.group);
            group[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(group[0])));
            if (group.back() != 's') group += 's';
            CHECK(*chapter == "## " + group);
            check_field_table(section(lines, heading), kind.fields);
        }
    }
    SECTION("no kind is documented that the catalogue lacks") {
        for (const auto& line : lines) {
            if (!starts_with(line, "### `")) continue;
            const std::string name = line.substr(5, line.find('`', 5) - 5);
            INFO(line);
            CHECK(find_kind(name) != nullptr);
        }
    }
}

TEST_CASE("docs: the shipped JSON Schema is the one the catalogue makes", "[docs]") {
    INFO("regenerate it with: build/vexil schema > docs/vexil.schema.json");
    CHECK(vexil::test::read_text(vexil::test::source_dir() / "docs/vexil.schema.json") ==
          vexil::json_schema());
}
