// Construction sheets: the numbers on the sheet are the spec's (read from the plan and from the PDF
// with pdftotext), labels never collide or cross the flag, and every kind measures itself.
#include "support.h"
#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>

using namespace vexil;
using Catch::Matchers::Contains;

namespace {

Scene scene_of(const std::string& name) {
    return build_scene(load_design(test::source_dir() / "designs" / (name + ".toml")));
}

/// The numbers of the chain along the top, left to right: the plain labels above the flag.
std::vector<std::string> top_chain(const SheetPlan& plan) {
    std::vector<SheetLabel> above;
    for (const SheetLabel& label : plan.labels)
        if (!label.bold && label.size == 8 && label.box.y + label.box.h < plan.flag.y &&
            label.box.x + label.box.w > plan.flag.x && label.box.x < plan.flag.x + plan.flag.w)
            above.push_back(label);
    std::sort(above.begin(), above.end(),
              [](const SheetLabel& a, const SheetLabel& b) { return a.box.x < b.box.x; });
    std::vector<std::string> texts;
    for (const SheetLabel& label : above)
        texts.push_back(label.text);
    return texts;
}

/// The numbers of the chain down the hoist, top to bottom: the plain labels left of the flag.
std::vector<std::string> hoist_chain(const SheetPlan& plan) {
    std::vector<SheetLabel> left;
    for (const SheetLabel& label : plan.labels)
        if (!label.bold && label.size == 8 && label.box.x + label.box.w < plan.flag.x &&
            label.box.y + label.box.h > plan.flag.y && label.box.y < plan.flag.y + plan.flag.h)
            left.push_back(label);
    std::sort(left.begin(), left.end(),
              [](const SheetLabel& a, const SheetLabel& b) { return a.box.y < b.box.y; });
    std::vector<std::string> texts;
    for (const SheetLabel& label : left)
        texts.push_back(label.text);
    return texts;
}

bool has_label(const SheetPlan& plan, const std::string& text) {
    return std::any_of(plan.labels.begin(), plan.labels.end(),
                       [&](const SheetLabel& l) { return l.text == text; });
}

using Texts = std::vector<std::string>;

/// The sheet as a PDF through `vexil sheet`, then its words through pdftotext.
std::string sheet_text(const std::string& name, const test::TempDir& dir,
                       const std::vector<std::string>& extra = {}) {
    const std::string pdf = (dir / (name + "-sheet.pdf")).string();
    std::vector<std::string> args{"sheet", (test::source_dir() / "designs" / (name + ".toml")).string(), "-o",
                                  pdf};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = test::run_vexil(args);
    INFO(result.err);
    REQUIRE(result.status == 0);
    return test::run_tool({"pdftotext", "-layout", pdf, "-"}).out;
}

} // namespace

TEST_CASE("sheet: Sweden is 5, 2, 9 along the fly and 4, 2, 4 up the hoist", "[sheet]") {
    const SheetPlan plan = plan_sheet(scene_of("sweden"));
    CHECK(top_chain(plan) == Texts{"5", "2", "9"});
    CHECK(hoist_chain(plan) == Texts{"4", "2", "4"});
    CHECK(has_label(plan, "16"));
    CHECK(has_label(plan, "10"));
    test::TempDir dir;
    const std::string text = sheet_text("sweden", dir);
    CHECK_THAT(text, Contains("ratio 5:8") && Contains("16") && Contains("#006aa7"));
    // The chain reads 5 2 9 across one line of the page.
    CHECK(std::regex_search(text, std::regex(R"(\b5\s+2\s+9\b)")));
}

TEST_CASE("sheet: Japan's disc is centred, 1.2 across on a 3 x 2 flag", "[sheet]") {
    const SheetPlan plan = plan_sheet(scene_of("japan"));
    CHECK(top_chain(plan) == Texts{"1.5", "1.5"});
    CHECK(hoist_chain(plan) == Texts{"1", "1"});
    CHECK(has_label(plan, "disc: diameter 1.2"));
    test::TempDir dir;
    CHECK_THAT(sheet_text("japan", dir), Contains("disc: diameter 1.2") && Contains("ratio 2:3"));
}

TEST_CASE("sheet: China on its 30 x 20 grid, the big star at (5, 5) with radius 3", "[sheet]") {
    SheetOptions options;
    options.grid = true;
    const SheetPlan plan = plan_sheet(scene_of("china"), options);
    // Star centres at x = 5, 10, 12 and y = 2, 4, 5, 7, 9 (GB 12982-2004).
    CHECK(top_chain(plan) == Texts{"5", "5", "2", "18"});
    CHECK(hoist_chain(plan) == Texts{"2", "2", "1", "2", "2", "11"});
    CHECK(has_label(plan, "star (outer radius): radius 3"));
    const auto grid_lines = std::count_if(plan.lines.begin(), plan.lines.end(),
                                          [](const SheetPlan::Line& line) { return line.colour.a < 0.5; });
    CHECK(grid_lines == 31 + 21);
    test::TempDir dir;
    CHECK_THAT(sheet_text("china", dir, {"--grid"}),
               Contains("star (outer radius): radius 3") && Contains("30"));
}

TEST_CASE("sheet: the Union Flag and the Earth flag show their constructions", "[sheet]") {
    const SheetPlan uk = plan_sheet(scene_of("united-kingdom"));
    CHECK(has_label(uk, "60"));
    CHECK(has_label(uk, "30"));
    // St George's cross on the 60 x 30 sheet: 6 red with 2 white either side.
    CHECK(top_chain(uk) == Texts{"25", "2", "6", "2", "25"});
    CHECK(hoist_chain(uk) == Texts{"10", "2", "6", "2", "10"});
    const SheetPlan earth = plan_sheet(scene_of("earth"));
    // Pernefeldt's construction on an 800-unit hoist: ring radius 145.663, band 17.347, gap 39.03.
    const auto callout = [&](const std::string& prefix) {
        for (const SheetLabel& label : earth.labels)
            if (label.text.rfind(prefix, 0) == 0) return label.text.substr(prefix.size());
        return std::string("none");
    };
    CHECK(std::stod(callout("each ring (to the band's middle): radius ")) ==
          Approx(145.663 / 400).epsilon(1e-3));
    CHECK(std::stod(callout("each ring's band: ")) == Approx(17.347 / 400).epsilon(1e-3));
    CHECK(callout("gap beside an over-strand: ") != "none");
}

TEST_CASE("sheet: no two labels meet, and none crosses the flag, on any design's sheet", "[sheet]") {
    for (const auto& file : test::design_files()) {
        DYNAMIC_SECTION(file.stem().string()) {
            const SheetPlan plan = plan_sheet(build_scene(load_design(file)));
            const auto meet = [](const Box& a, const Box& b) {
                return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
            };
            for (std::size_t i = 0; i < plan.labels.size(); ++i) {
                INFO("label '" << plan.labels[i].text << "'");
                CHECK_FALSE(meet(plan.labels[i].box, plan.flag));
                for (std::size_t j = i + 1; j < plan.labels.size(); ++j) {
                    INFO("and '" << plan.labels[j].text << "'");
                    CHECK_FALSE(meet(plan.labels[i].box, plan.labels[j].box));
                }
                CHECK(plan.labels[i].box.x >= 0);
                CHECK(plan.labels[i].box.x + plan.labels[i].box.w <= plan.width);
            }
        }
    }
}

TEST_CASE("sheet: every kind in the catalogue reports its measures", "[sheet]") {
    // One small layer per kind. A kind added to the catalogue needs a line here, and its layout
    // unit needs measures, or this test names it.
    const std::map<std::string, std::string> samples = {
        {"field", "color = \"red\""},
        {"bands", "colors = [\"red\", \"white\"]"},
        {"cross", "width = 0.2\ncolor = \"red\""},
        {"saltire", "width = 0.2\ncolor = \"red\""},
        {"triangle", "from = \"hoist\"\ncolor = \"red\""},
        {"bend", "width = 0.3\ncolor = \"red\""},
        {"canton", "size = [1, 1]\ncolor = \"red\""},
        {"border", "width = 0.1\ncolor = \"red\""},
        {"rect", "size = [1, 0.5]\ncolor = \"red\""},
        {"circle", "radius = 0.5\ncolor = \"red\""},
        {"ellipse", "radii = [0.5, 0.3]\ncolor = \"red\""},
        {"ring", "radius = 0.5\nwidth = 0.1\ncolor = \"red\""},
        {"polygon", "sides = 6\nradius = 0.5\ncolor = \"red\""},
        {"star", "radius = 0.5\ncolor = \"red\""},
        {"path", "d = \"M 0 0 L 0.5 0 L 0 0.5 Z\"\ncolor = \"red\""},
        {"rings",
         "pattern = \"circle\"\ncount = 3\nspacing = 0.2\nradius = 0.3\nwidth = 0.05\ncolors = [\"red\"]"},
        {"crescent", "radius = 0.5\ninner_at = [1.6, 1]\ninner_radius = 0.4\ncolor = \"red\""},
        {"hammer_and_sickle", "size = 0.5\ncolor = \"red\""},
        {"hammer", "size = 0.5\ncolor = \"red\""},
        {"sickle", "size = 0.5\ncolor = \"red\""},
        {"emblem", ""},
        {"text", "text = \"A\"\nsize = 0.2\ncolor = \"red\""},
    };
    test::TempDir dir;
    dir.write("mark.svg",
              "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" "
              "height=\"10\"/></svg>");
    for (const KindSpec& kind : kind_catalogue()) {
        INFO("kind '" << kind.name << "': give it a sample here, and measures in its layout unit");
        const auto sample = samples.find(std::string(kind.name));
        REQUIRE(sample != samples.end());
        const std::string fields =
            kind.name == "emblem" ? "file = \"mark.svg\"\nheight = 0.5" : sample->second;
        const auto design = dir.write("sample.toml", "[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"" +
                                                         std::string(kind.name) + "\"\n" + fields + "\n");
        const Scene scene = build_scene(load_design(design));
        REQUIRE(scene.groups.size() == 1);
        CHECK(scene.groups[0].kind == kind.name);
        CHECK_FALSE(scene.groups[0].measures.empty());
    }
}

TEST_CASE("sheet: a repeat reports its pattern once, not a measure per copy", "[sheet]") {
    const Scene us = scene_of("united-states");
    for (const Group& group : us.groups) {
        if (group.kind != "star") continue;
        const auto patterns =
            std::count_if(group.measures.begin(), group.measures.end(),
                          [](const Measure& m) { return m.type == Measure::Type::Pattern; });
        CHECK(patterns == 1);
        CHECK(group.measures.size() <= 3); // the first star's centre and radius, and the pattern
        CHECK_THAT(group.measures.back().what, Contains("50 copies"));
    }
}

TEST_CASE("sheet: vexil sheet writes SVG and PNG too, and lists the measures", "[sheet][cli]") {
    test::TempDir dir;
    const auto result =
        test::run_vexil({"sheet", (test::source_dir() / "designs" / "japan.toml").string(), "-o",
                         (dir / "s.svg").string(), "-o", (dir / "s.png").string(), "--measures"});
    REQUIRE(result.status == 0);
    CHECK_THAT(result.out, Contains("disc\tdiameter\tdisc\t1.2"));
    CHECK_THAT(test::read_text(dir / "s.svg"), Contains("<svg"));
    CHECK(test::read_png(dir / "s.png").width > 1000);
    const auto bad = test::run_vexil({"sheet", (test::source_dir() / "designs" / "japan.toml").string()});
    CHECK(bad.status == 2);
}
