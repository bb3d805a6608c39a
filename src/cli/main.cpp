// vexil's command line: parse flags, run one subcommand, and turn every error into a message and an
// exit status in this one place (0 ok, 1 I/O or other failure, 2 bad design or usage).
#include "cli/commands.h"
#include "cli/report.h"
#include "vexil/diagnostic.h"
#include "vexil/version.h"

#include <iostream>
#include <map>

int main(int argc, char** argv) {
    CLI::App app{"vexil — procedural flags and emblems: TOML designs to SVG, PNG and PDF", "vexil"};
    app.set_version_flag("--version", std::string("vexil ") + vexil::kVersion);
    app.require_subcommand(1);
    std::map<CLI::App*, vexil::cli::Run> commands;
    const auto add = [&](vexil::cli::Run (*make)(CLI::App&)) {
        auto run = make(app);
        commands.emplace(app.get_subcommands({}).back(), std::move(run));
    };
    add(vexil::cli::add_render);
    add(vexil::cli::add_check);
    add(vexil::cli::add_scene);
    add(vexil::cli::add_crossings);
    add(vexil::cli::add_gallery);
    add(vexil::cli::add_schema);
    add(vexil::cli::add_variants);
    add(vexil::cli::add_random);
    add(vexil::cli::add_watch);
    add(vexil::cli::add_sheet);
    try {
        app.parse(argc, argv);
        for (auto& [command, run] : commands)
            if (command->parsed()) return run();
        return 2;
    } catch (const CLI::ParseError& error) {
        const int status = app.exit(error); // prints help, version or the usage error
        return status == 0 ? 0 : static_cast<int>(vexil::ExitCode::BadInput);
    } catch (const vexil::InputError& error) {
        return vexil::cli::report(error);
    } catch (const vexil::IoError& error) {
        return vexil::cli::report_failure(error.what());
    } catch (const std::exception& error) {
        std::cerr << "vexil: internal error: " << error.what() << '\n';
        return static_cast<int>(vexil::ExitCode::Failure);
    }
}
