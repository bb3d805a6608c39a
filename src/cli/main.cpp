// vexil's command line: parse flags, run one subcommand, and turn every error into a message and an
// exit status in this one place (0 ok, 1 I/O or other failure, 2 bad design or usage).
#include "cli/commands.h"
#include "cli/report.h"
#include "vexil/diagnostic.h"
#include "vexil/version.h"

#include <csignal>
#include <iostream>
#include <map>
#include <string_view>

namespace {

constexpr const char* kExitStatus = "Exit status: 0 success; 1 a file could not be read or written, or "
                                    "another failure of the machine; 2 a bad design or bad usage.";

/// The value of `--NAME VALUE` or `--NAME=VALUE` in argv, read before parsing so that the parse's
/// own errors are printed in the style asked for; `fallback` when absent.
std::string early_value(int argc, char** argv, std::string_view name, std::string fallback) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") break;
        if (arg == name && i + 1 < argc) fallback = argv[i + 1];
        if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=')
            fallback = std::string(arg.substr(name.size() + 1));
    }
    return fallback;
}

/// The commands, by name. Each adds its subcommand and options to the app and returns its run.
struct Command {
    std::string_view name;
    vexil::cli::Run (*add)(CLI::App&);
};
constexpr Command kCommands[] = {
    {"render", vexil::cli::add_render},
    {"check", vexil::cli::add_check},
    {"scene", vexil::cli::add_scene},
    {"crossings", vexil::cli::add_crossings},
    {"gallery", vexil::cli::add_gallery},
    {"schema", vexil::cli::add_schema},
    {"variants", vexil::cli::add_variants},
    {"random", vexil::cli::add_random},
    {"watch", vexil::cli::add_watch},
    {"sheet", vexil::cli::add_sheet},
    {"completions", vexil::cli::add_completions},
    {"man", vexil::cli::add_man},
};

/// The command argv names, when it names one: only that one need be defined, as defining all twelve
/// with their options is a quarter of the instructions of starting (and a small render is mostly
/// its start). Empty when there is none, or it is `completions` or `man`, which describe every
/// command: then all are defined, and CLI11 reports a wrong name among the others.
std::string_view chosen_command(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--diagnostics" || arg == "--color") {
            ++i; // its value
            continue;
        }
        if (!arg.empty() && arg[0] == '-') continue;
        for (const Command& command : kCommands)
            if (command.name == arg && arg != "completions" && arg != "man") return arg;
        return {};
    }
    return {};
}

} // namespace

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) would kill vexil with SIGXFSZ halfway through a write; ignored,
    // the write fails with EFBIG instead and is reported like a full disk: exit 1, nothing replaced.
    std::signal(SIGXFSZ, SIG_IGN);
    CLI::App app{"vexil — procedural flags and emblems: TOML designs to SVG, PNG and PDF", "vexil"};
    app.set_version_flag("--version", std::string("vexil ") + vexil::kVersion);
    app.require_subcommand(1);
    app.fallthrough(); // the options below may follow the command too: `vexil check d.toml --diagnostics
                       // json`
    app.footer(kExitStatus);
    std::string diagnostics = early_value(argc, argv, "--diagnostics", "text");
    std::string colour = early_value(argc, argv, "--color", "auto");
    vexil::cli::set_report_style(vexil::cli::report_style(diagnostics, colour));
    app.add_option("--diagnostics", diagnostics,
                   "how problems are printed on standard error: text (FILE:LINE:COL: error: …) or json "
                   "(one object a line)")
        ->check(CLI::IsMember({"text", "json"}));
    app.add_option("--color", colour,
                   "colour the text diagnostics: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    std::map<CLI::App*, vexil::cli::Run> commands;
    const std::string_view chosen = chosen_command(argc, argv);
    for (const Command& command : kCommands) {
        if (!chosen.empty() && command.name != chosen) continue;
        auto run = command.add(app);
        commands.emplace(app.get_subcommands({}).back(), std::move(run));
    }
    try {
        app.parse(argc, argv);
        for (auto& [command, run] : commands)
            if (command->parsed()) return run();
        return 2;
    } catch (const CLI::ParseError& error) {
        if (vexil::cli::current_report_style().json && error.get_exit_code() != 0) {
            vexil::cli::report({vexil::cli::unplaced_error("usage", error.what())});
            return static_cast<int>(vexil::ExitCode::BadInput);
        }
        const int status = app.exit(error); // prints help, version or the usage error
        return status == 0 ? 0 : static_cast<int>(vexil::ExitCode::BadInput);
    } catch (const vexil::InputError& error) {
        return vexil::cli::report(error);
    } catch (const vexil::IoError& error) {
        return vexil::cli::report_failure(error.what());
    } catch (const std::exception& error) {
        return vexil::cli::report_failure(std::string("internal error: ") + error.what());
    }
}
