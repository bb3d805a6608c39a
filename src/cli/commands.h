#pragma once
// The subcommands. Each registers its options on the app and returns the function that runs it.
// Errors are thrown (InputError, IoError) and turned into messages and exit codes in main.cpp alone.

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace vexil::cli {

using Run = std::function<int()>;

/// `--set NAME=VALUE`, repeatable; each takes exactly one value, so a design named after it is
/// still the design.
inline void add_set_option(CLI::App& command, std::vector<std::string>& sets) {
    command.add_option("--set", sets, "override NAME=VALUE: a param, colors.NAME or LAYER_ID.FIELD (repeatable)")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

Run add_render(CLI::App& app);
Run add_check(CLI::App& app);
Run add_scene(CLI::App& app);
Run add_crossings(CLI::App& app);

} // namespace vexil::cli
