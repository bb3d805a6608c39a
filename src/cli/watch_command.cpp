// vexil watch DESIGN -o OUT…: render, then re-render whenever the design or anything it depends on
// (what it extends, its emblems) changes. A broken edit prints its errors and keeps the last good
// output (renders are atomic); fixing it renders again. It wakes on the kernel's file events
// (inotify) for the folders that hold those files, so a save is seen at once, whether the editor
// writes the file in place or writes a new one and renames it over; where inotify cannot be had,
// it looks at the files' times every --interval ms.
#include "cli/commands.h"
#include "cli/report.h"
#include "diag/diag.h"
#include "vexil/vexil.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace vexil::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// The kernel's events for the folders that hold the watched files.
class FolderEvents {
  public:
    FolderEvents() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
    ~FolderEvents() {
        if (fd_ >= 0) ::close(fd_);
    }
    FolderEvents(const FolderEvents&) = delete;
    FolderEvents& operator=(const FolderEvents&) = delete;
    bool usable() const { return fd_ >= 0; }

    /// Watches the folders of `files` (and only those), for the files' names in them.
    void watch(const std::vector<std::string>& files) {
        for (const auto& [descriptor, folder] : folders_)
            inotify_rm_watch(fd_, descriptor);
        folders_.clear();
        names_.clear();
        for (const std::string& file : files) {
            const fs::path path = fs::absolute(file);
            names_.insert(path.filename().string());
            // Written in place (close after writing), renamed over, deleted or renamed away.
            const int descriptor = inotify_add_watch(
                fd_, path.parent_path().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM);
            if (descriptor >= 0) folders_[descriptor] = path.parent_path();
        }
    }

    /// Waits up to `timeout` for an event about a watched file's name; true when one came. Then
    /// waits as long as events keep coming a few milliseconds apart: an editor's save is one burst.
    bool wait(std::chrono::milliseconds timeout) {
        bool seen = false;
        int wait_ms = static_cast<int>(timeout.count());
        for (;;) {
            pollfd ready{fd_, POLLIN, 0};
            if (::poll(&ready, 1, wait_ms) <= 0) return seen;
            alignas(inotify_event) char buffer[16 * 1024];
            for (ssize_t got; (got = ::read(fd_, buffer, sizeof buffer)) > 0;)
                for (char* at = buffer; at < buffer + got;) {
                    const auto* event = reinterpret_cast<const inotify_event*>(at);
                    if (event->len > 0 && names_.count(event->name)) seen = true;
                    at += sizeof(inotify_event) + event->len;
                }
            if (seen) wait_ms = kSettleMs;
        }
    }

  private:
    /// How long a burst of events may pause before the save is taken as done.
    static constexpr int kSettleMs = 3;
    int fd_ = -1;
    std::map<int, fs::path> folders_;
    std::set<std::string> names_;
};

struct WatchArgs {
    std::string design;
    std::vector<std::string> outputs;
    std::vector<std::string> sheets; ///< construction sheets kept current too
    DesignOptions design_options;
    SizeOptions size;
    int interval_ms = 250;
    int renders = 0;    ///< stop after this many renders (0: never)
    double timeout = 0; ///< stop after this many seconds (0: never)
};

using Stamps = std::map<std::string, fs::file_time_type>;

Stamps stamps_of(const std::vector<std::string>& files) {
    Stamps stamps;
    for (const auto& file : files) {
        std::error_code code;
        stamps[file] =
            fs::last_write_time(file, code); // a missing file has the epoch: a change when it appears
    }
    return stamps;
}

/// One render; returns the files to watch next (the design's inputs, or just the design on failure).
/// `good` says whether it rendered, and stays true once an output has been written.
std::vector<std::string> render_once(const WatchArgs& args, const std::vector<std::string>& previous,
                                     bool terminal, bool& good, bool& ever, ResourceCache& cache) {
    const auto start = Clock::now();
    if (terminal) std::cerr << "\033[2J\033[H"; // "in place": each report replaces the last
    try {
        good = false;
        const Design design = load_design(args.design, args.design_options.load());
        const RenderOptions options = args.size.render();
        const LayoutOptions layout =
            args.size.layout(design, options, *format_for_path(args.outputs.front()));
        const Scene scene = lay_out(design, &cache, layout);
        std::vector<std::pair<std::filesystem::path, std::string>> sheets;
        for (const std::string& sheet : args.sheets)
            sheets.emplace_back(sheet, render_sheet(scene, output_formats({sheet}, "vexil watch").front()));
        render_outputs(scene, args.outputs, options, "vexil watch", std::move(sheets));
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
        std::cout << "rendered " << args.design << " in " << ms << " ms; watching " << design.inputs.size()
                  << " file(s)" << std::endl;
        good = ever = true;
        return design.inputs;
    } catch (const InputError& error) {
        report(error);
    } catch (const IoError& error) {
        report_failure(error.what());
    }
    std::cerr << (ever ? "vexil: kept the last good output; watching for the next change"
                       : "vexil: nothing rendered yet; watching for the next change")
              << std::endl;
    std::vector<std::string> watch = previous;
    if (std::find(watch.begin(), watch.end(), args.design) == watch.end()) watch.push_back(args.design);
    return watch;
}

int run_watch(const WatchArgs& args) {
    if (args.design == kStandardStream)
        diag::raise(diag::bad_usage("vexil watch", "watch needs a design file to watch, not standard input"));
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    const auto started = Clock::now();
    // Mistakes in the command itself end it at once (exit 2 for a format, 1 for a missing design).
    args.size.render(); // a size that is not one ends the command at once, like a bad format
    output_formats(args.outputs, "vexil watch");
    if (!fs::exists(args.design)) throw IoError(args.design + ": no such design");
    bool good = false, ever = false;
    ResourceCache cache; // an emblem is parsed again only when its file changes
    std::vector<std::string> inputs = render_once(args, {args.design}, terminal, good, ever, cache);
    int renders = 1;
    Stamps last = stamps_of(inputs);
    FolderEvents events;
    if (events.usable()) events.watch(inputs);
    while (args.renders == 0 || renders < args.renders) {
        if (args.timeout > 0 && std::chrono::duration<double>(Clock::now() - started).count() > args.timeout)
            break;
        const auto interval = std::chrono::milliseconds(args.interval_ms);
        if (events.usable()) {
            // An event, or the interval passing (the files' times are looked at either way, so a
            // change the events missed — a folder replaced — is still seen within an interval).
            if (!events.wait(interval) && stamps_of(inputs) == last) continue;
        } else {
            std::this_thread::sleep_for(interval);
            if (stamps_of(inputs) == last) continue;
            // Let an editor finish writing before reading (several writes often land within a few ms).
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min(args.interval_ms, 50)));
        }
        inputs = render_once(args, inputs, terminal, good, ever, cache);
        ++renders;
        last = stamps_of(inputs);
        if (events.usable()) events.watch(inputs);
    }
    // Stopped by --renders or --timeout: say whether the design, as it is now, renders.
    return good ? 0 : static_cast<int>(ExitCode::BadInput);
}

} // namespace

Run add_watch(CLI::App& app) {
    auto args = std::make_shared<WatchArgs>();
    CLI::App* command =
        app.add_subcommand("watch", "re-render a design whenever it or what it depends on changes");
    command->add_option("design", args->design, "the design file (.toml)")->required();
    one_value_each(
        command->add_option("-o,--output", args->outputs, "output file; the extension picks the format"))
        ->required();
    add_size_options(*command, args->size);
    one_value_each(command->add_option(
        "--sheet", args->sheets, "also keep this construction sheet current (.svg .png .pdf; repeatable)"));
    command->add_option("--interval", args->interval_ms, "how often to look for changes, ms (default 250)")
        ->check(CLI::Range(10, 60000));
    command->add_option("--renders", args->renders, "stop after this many renders (default: never)")
        ->check(CLI::Range(0, 1000000));
    command->add_option("--timeout", args->timeout, "stop after this many seconds (default: never)")
        ->check(CLI::Range(0.0, 1e7));
    add_design_options(*command, args->design_options);
    return [args] { return run_watch(*args); };
}

} // namespace vexil::cli
