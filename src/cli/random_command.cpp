// vexil random --seed N [--count K] [--shard P/Q] -o OUT: K random designs from seeds N, N+1, …, each
// written as TOML (recording its seed and vexil's version) with its SVG and PNG beside it; a shard
// makes every Q-th of them, from the P-th, so Q machines share a batch.
#include "cli/commands.h"

#include "cli/report.h"
#include "vexil/random.h"
#include "vexil/vexil.h"
#include <algorithm>

#include <iostream>
#include <memory>

namespace vexil::cli {

Run add_random(CLI::App& app) {
    auto seed = std::make_shared<std::uint64_t>(1);
    auto count = std::make_shared<int>(1);
    auto out = std::make_shared<std::string>();
    auto width = std::make_shared<int>(600);
    auto shard = std::make_shared<std::string>();
    CLI::App* command =
        app.add_subcommand("random", "compose random flags from a seed, as editable TOML and renders");
    // Digits only: CLI11 would read "-1" as 2^64 - 1 (strtoull wraps a sign), and the seed is a
    // name a person types again, so it must mean what it says. The largest is 2^64 - 1 less 10,000
    // (the most --count), so seed + k never wraps.
    const CLI::Validator whole_number(
        [](std::string& text) {
            const bool digits =
                !text.empty() && text.size() <= 20 &&
                std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (digits && (text.size() < 20 || text <= "18446744073709541615")) return std::string();
            return "'" + text + "' is not a seed: give a whole number from 0 to 18446744073709541615";
        },
        "SEED");
    command->add_option("--seed", *seed, "the first seed (default 1)")->check(whole_number);
    command->add_option("--count", *count, "how many designs, from seeds N, N+1, … (default 1)")
        ->check(CLI::Range(1, 10000));
    command->add_option("-o,--output", *out, "folder for the designs and their renders")->required();
    command->add_option("--width", *width, "PNG width, px (default 600)")
        ->check(CLI::Range(1, kMaxRasterSide));
    command
        ->add_option(
            "--shard", *shard,
            "make only part K of N of the seeds (K/N, from 1): the seeds whose place in N … N+count-1 is "
            "K-1 modulo N")
        ->type_name("K/N");
    return [seed, count, out, width, shard] {
        const auto [part, parts] = shard->empty() ? std::pair{1, 1} : parse_shard(*shard, "--shard");
        make_folders(*out);
        RenderOptions options;
        options.width = *width;
        for (int k = part - 1; k < *count; k += parts) {
            const std::uint64_t s = *seed + static_cast<std::uint64_t>(k);
            const std::filesystem::path stem = std::filesystem::path(*out) / ("random-" + std::to_string(s));
            const std::string toml = random_design(s);
            const Scene scene = lay_out(load_design_text(toml, stem.string() + ".toml"));
            write_files({{stem.string() + ".toml", toml},
                         {stem.string() + ".svg", render_bytes(scene, Format::Svg, options)},
                         {stem.string() + ".png", render_bytes(scene, Format::Png, options)}});
            std::cout << stem.string() << ".toml\n";
        }
        return 0;
    };
}

} // namespace vexil::cli
