// Batches past one machine: gallery and random split by --shard K/N, the gallery put together by
// --merge, the same files as one run makes.
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;
using vexil::test::run_vexil;
using vexil::test::TempDir;

namespace {

std::vector<std::string> files_in(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& item : fs::recursive_directory_iterator(folder))
        if (item.is_regular_file()) names.push_back(fs::relative(item.path(), folder).string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("shard: three gallery shards and a merge make what one run makes", "[cli][gallery][shard]") {
    TempDir dir;
    const std::string designs = (vexil::test::source_dir() / "designs").string();
    const auto sharded = dir / "sharded", whole = dir / "whole";
    std::size_t rendered = 0;
    for (const char* shard : {"1/3", "2/3", "3/3"}) {
        const auto result = run_vexil({"gallery", designs, "-o", sharded.string(), "--shard", shard,
                                       "--width", "120", "--thumb-width", "40"});
        INFO(result.err);
        REQUIRE(result.status == 0);
        const std::string summary = result.out.substr(result.out.rfind('\n', result.out.size() - 2) + 1);
        rendered += static_cast<std::size_t>(std::stoi(summary)); // "21 rendered, …"
        CHECK(summary.find("shard") != std::string::npos);
        CHECK(!fs::exists(sharded / "index.html")); // a shard writes no page
    }
    CHECK(rendered == vexil::test::design_files().size()); // every design once, in one shard
    const auto merged = run_vexil(
        {"gallery", designs, "-o", sharded.string(), "--merge", "--width", "120", "--thumb-width", "40"});
    REQUIRE(merged.status == 0);
    CHECK(merged.out.find("\n0 rendered") != std::string::npos); // the shards rendered everything already
    REQUIRE(run_vexil({"gallery", designs, "-o", whole.string(), "--width", "120", "--thumb-width", "40"})
                .status == 0);
    CHECK(files_in(sharded) == files_in(whole));
    CHECK(vexil::test::read_text(sharded / "index.html") == vexil::test::read_text(whole / "index.html"));
    const auto bad = run_vexil({"gallery", designs, "-o", sharded.string(), "--shard", "0/3"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("'0/3' is not a shard") != std::string::npos);
}

TEST_CASE("shard: random seeds split between shards, each seed once", "[cli][random][shard]") {
    TempDir dir;
    for (const auto& [shard, folder] : {std::pair{"1/2", "1-2"}, std::pair{"2/2", "2-2"}})
        REQUIRE(run_vexil({"random", "--seed", "10", "--count", "5", "--shard", shard, "--width", "60", "-o",
                           (dir / folder).string()})
                    .status == 0);
    std::vector<std::string> seeds;
    for (const auto& folder : {dir / "1-2", dir / "2-2"})
        for (const auto& name : files_in(folder))
            if (name.size() > 5 && name.substr(name.size() - 5) == ".toml") seeds.push_back(name);
    std::sort(seeds.begin(), seeds.end());
    CHECK(seeds == std::vector<std::string>{"random-10.toml", "random-11.toml", "random-12.toml",
                                            "random-13.toml", "random-14.toml"});
    CHECK(files_in(dir / "1-2").size() == 9); // seeds 10, 12, 14: TOML, SVG, PNG each
}
