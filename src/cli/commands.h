#pragma once
// The subcommands. Each registers its options on the app and returns the function that runs it.
// Errors are thrown (InputError, IoError) and turned into messages and exit codes in main.cpp alone.

#include <CLI/CLI.hpp>

#include <functional>

namespace vexil::cli {

using Run = std::function<int()>;

Run add_render(CLI::App& app);
Run add_check(CLI::App& app);
Run add_scene(CLI::App& app);
Run add_crossings(CLI::App& app);

} // namespace vexil::cli
