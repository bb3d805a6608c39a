// vexil gallery DIR… -o OUT: every design rendered to SVG, PNG, thumbnail and PDF on every core,
// with index.html and catalogue.pdf; unchanged designs are skipped. A progress bar on a terminal,
// a line per design otherwise; broken designs are reported and the rest still rendered (exit 2; 1
// when the only failures were files that could not be read or written).
#include "cli/commands.h"
#include "cli/report.h"
#include "diag/diag.h"
#include "vexil/vexil.h"

#include <iostream>
#include <memory>
#include <unistd.h>

namespace vexil::cli {
namespace {

struct GalleryArgs {
    std::vector<std::string> folders;
    std::string out;
    int jobs = 0;
    int width = 1200;
    int thumb_width = 320;
    std::vector<std::string> allowed;
    std::string shard; ///< "K/N"
    bool merge = false;
};

void show_progress(const GalleryEntry& entry, int done, int total, bool terminal) {
    const bool failed = !entry.errors.empty() || !entry.io_error.empty();
    if (terminal) {
        constexpr int kBar = 30;
        const int filled = total ? done * kBar / total : kBar;
        std::cerr << "\r\033[K[" << std::string(filled, '#') << std::string(kBar - filled, ' ') << "] "
                  << done << '/' << total << ' ' << entry.name << std::flush;
        if (done == total) std::cerr << '\n';
    } else {
        std::cout << (failed           ? "failed     "
                      : entry.rendered ? "rendered   "
                                       : "up to date ")
                  << entry.name << '\n';
    }
    if (failed || !entry.warnings.empty()) {
        if (terminal) std::cerr << "\r\033[K";
        report(entry.warnings);
        report(entry.errors);
        if (!entry.io_error.empty()) report_failure(entry.io_error);
    }
}

} // namespace

Run add_gallery(CLI::App& app) {
    auto args = std::make_shared<GalleryArgs>();
    CLI::App* command = app.add_subcommand(
        "gallery",
        "render every design under folders to SVG, PNG and PDF, with index.html and catalogue.pdf");
    command
        ->add_option("folders", args->folders, "folders searched recursively for designs (or design files)")
        ->required();
    command->add_option("-o,--output", args->out, "the gallery folder")->required();
    command->add_option("-j,--jobs", args->jobs, "worker threads (default: every core)")
        ->check(CLI::Range(0, 256));
    command->add_option("--width", args->width, "full-size PNG width, px (default 1200)")
        ->check(CLI::Range(1, kMaxRasterSide));
    command->add_option("--thumb-width", args->thumb_width, "thumbnail width, px (default 320)")
        ->check(CLI::Range(1, kMaxRasterSide));
    one_value_each(
        command->add_option("--allow-folder", args->allowed, "another folder designs may read emblems from"));
    command
        ->add_option("--shard", args->shard,
                     "render only part K of N of the designs (K/N, from 1): run every part, on any machines, "
                     "then once with --merge")
        ->type_name("K/N");
    command->add_flag("--merge", args->merge, "take in the shards' records and write the page and catalogue");
    return [args] {
        GalleryOptions options;
        for (const auto& folder : args->folders)
            options.folders.emplace_back(folder);
        options.out = args->out;
        options.jobs = args->jobs;
        options.width = args->width;
        options.thumb_width = args->thumb_width;
        options.merge = args->merge;
        if (!args->shard.empty()) {
            const auto [part, parts] = parse_shard(args->shard, "--shard");
            if (args->merge)
                diag::raise(diag::bad_usage("--merge", "merge once, after every shard, without --shard"));
            options.shard = part;
            options.shards = parts;
        }
        for (const auto& folder : args->allowed)
            options.allowed_folders.emplace_back(folder);
        const bool terminal = ::isatty(STDERR_FILENO) != 0;
        options.progress = [terminal](const GalleryEntry& entry, int done, int total) {
            show_progress(entry, done, total, terminal);
        };
        const GalleryResult result = build_gallery(options);
        if (!terminal)
            for (const auto& name : result.removed)
                std::cout << "removed    " << name << '\n';
        std::cout << result.rendered << " rendered, " << result.up_to_date << " up to date, " << result.failed
                  << " failed";
        if (!result.removed.empty()) std::cout << ", " << result.removed.size() << " removed";
        if (options.shards > 0)
            std::cout << " (shard " << options.shard << " of " << options.shards
                      << "; when every shard has run, --merge writes the page)\n";
        else
            std::cout << ": " << (std::filesystem::path(args->out) / "index.html").string() << '\n';
        // The worst status met, as check gives: a bad design (2) over a file not written (1).
        return result.failed > result.io_failed ? static_cast<int>(ExitCode::BadInput)
               : result.io_failed               ? static_cast<int>(ExitCode::Failure)
                                                : 0;
    };
}

} // namespace vexil::cli
