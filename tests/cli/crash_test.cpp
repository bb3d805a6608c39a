// Crash-safe writes, tested as they fail: vexil render and vexil gallery killed with SIGKILL at
// random moments, a file-size limit (RLIMIT_FSIZE, as `ulimit -f` sets), and two galleries into one
// folder at once. After each, every output is its old bytes or a whole new file that decodes, no
// temporary is taken for an output, and the next run removes what a killed one left.
//
// The kill tests carry the tag [crash] and the ctest label `crash` (about 35 s together on 2 cores;
// `ctest -LE crash` leaves them out, scripts/tsan.sh does). VEXIL_KILLS scales the number of kills
// (1 = the default; 0.2 for a quick look, 5 for a long soak); VEXIL_KILL_SEED repeats a failure's
// choices.
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <poll.h>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using vexil::test::read_text;
using vexil::test::TempDir;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// ---------------------------------------------------------------------------------------------
// Running vexil as a child we can kill.

/// Starts vexil with `args` and `env` (NAME=VALUE, besides ours), its output to `out` and `err`;
/// with `file_size_limit` (bytes) the child runs under RLIMIT_FSIZE with SIGXFSZ at its default
/// (which would kill it), so what the test sees is what vexil itself does about the limit.
pid_t spawn_vexil(const std::vector<std::string>& args, const fs::path& out, const fs::path& err,
                  std::optional<rlim_t> file_size_limit = std::nullopt, std::vector<std::string> env = {}) {
    std::vector<std::string> words{VEXIL_BINARY};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& entry : env)
        envp.push_back(entry.data());
    for (char** entry = environ; *entry; ++entry)
        envp.push_back(*entry);
    envp.push_back(nullptr);
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const pid_t pid = ::fork();
    if (pid == 0) { // only async-signal-safe calls from here to exec
        ::dup2(out_fd, STDOUT_FILENO);
        ::dup2(err_fd, STDERR_FILENO);
        if (file_size_limit) {
            const struct rlimit limit { *file_size_limit, *file_size_limit };
            ::setrlimit(RLIMIT_FSIZE, &limit);
            struct sigaction action {};
            action.sa_handler = SIG_DFL;
            ::sigaction(SIGXFSZ, &action, nullptr);
        }
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(out_fd);
    ::close(err_fd);
    return pid;
}

/// Exit status, or 128 + the signal that ended it.
int status_of(int raw) {
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
}

int wait_for(pid_t pid) {
    int raw = 0;
    while (::waitpid(pid, &raw, 0) < 0 && errno == EINTR) {
    }
    return status_of(raw);
}

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// Watches a folder for vexil's writing in it: when its first temporary appears, and when its
/// first and last rename into place happen.
class WriteWatch {
  public:
    explicit WriteWatch(const fs::path& folder) {
        fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (fd_ >= 0) ::inotify_add_watch(fd_, folder.c_str(), IN_CREATE | IN_MOVED_TO);
    }
    ~WriteWatch() {
        if (fd_ >= 0) ::close(fd_);
    }
    WriteWatch(const WriteWatch&) = delete;
    WriteWatch& operator=(const WriteWatch&) = delete;
    /// Forgets what was seen so far.
    void reset() {
        alignas(inotify_event) char buffer[8192];
        while (fd_ >= 0 && ::read(fd_, buffer, sizeof buffer) > 0) {
        }
        first_temporary.reset();
        first_rename.reset();
        last_rename.reset();
    }
    /// Takes in what happened, waiting up to `ms` for something.
    void take(int ms) {
        if (fd_ < 0) return;
        pollfd poll_fd{fd_, POLLIN, 0};
        if (::poll(&poll_fd, 1, ms) <= 0) return;
        alignas(inotify_event) char buffer[8192];
        const ssize_t n = ::read(fd_, buffer, sizeof buffer);
        const auto now = Clock::now();
        for (ssize_t at = 0; at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            const std::string name = event->len > 0 ? event->name : "";
            const bool temporary = name.find(".vexil-") != std::string::npos && name != ".vexil-gallery";
            if ((event->mask & IN_CREATE) && temporary && !first_temporary) first_temporary = now;
            if ((event->mask & IN_MOVED_TO) && !temporary) {
                if (!first_rename) first_rename = now;
                last_rename = now;
            }
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
    std::optional<Clock::time_point> first_temporary, first_rename, last_rename;

  private:
    int fd_ = -1;
};

struct Run {
    pid_t pid = 0;
    bool killed = false;  ///< SIGKILL ended it (false: it had exited by itself first)
    int status = -1;      ///< exit status, or 128 + SIGKILL
    double ms = 0;        ///< from the start to its end
    double write_ms = -1; ///< from its first temporary to its last rename (-1: not seen)
    std::string out, err; ///< what it printed
};

/// When to kill: `after_ms` after the anchor: the start, the first temporary it makes in the
/// watched folder, or its first rename there. A negative `after_ms` lets it finish.
struct KillAt {
    enum Anchor { Start, FirstTemporary, FirstRename } anchor = Start;
    double after_ms = -1;
    std::vector<std::string> env; ///< for the run
};

Run run_and_kill(const std::vector<std::string>& args, WriteWatch& watch, const TempDir& logs, KillAt at) {
    watch.reset();
    Run run;
    const auto start = Clock::now();
    run.pid = spawn_vexil(args, logs / "out", logs / "err", std::nullopt, at.env);
    const auto anchor = [&]() -> std::optional<Clock::time_point> {
        switch (at.anchor) {
        case KillAt::Start:
            return start;
        case KillAt::FirstTemporary:
            return watch.first_temporary;
        case KillAt::FirstRename:
            return watch.first_rename;
        }
        return std::nullopt;
    };
    int raw = 0;
    for (;;) {
        if (::waitpid(run.pid, &raw, WNOHANG) == run.pid) break;
        const auto from = anchor();
        const double left = at.after_ms < 0 ? 1e9 : from ? at.after_ms - ms_since(*from) : 1.0;
        if (left <= 0) {
            ::kill(run.pid, SIGKILL); // not yet reaped, so the pid is still this child's
            while (::waitpid(run.pid, &raw, 0) < 0 && errno == EINTR) {
            }
            break;
        }
        watch.take(left > 2.0 ? 1 : 0); // close to the moment: spin
    }
    run.ms = ms_since(start);
    watch.take(0);
    if (watch.first_temporary && watch.last_rename)
        run.write_ms =
            std::chrono::duration<double, std::milli>(*watch.last_rename - *watch.first_temporary).count();
    run.killed = WIFSIGNALED(raw) && WTERMSIG(raw) == SIGKILL;
    run.status = status_of(raw);
    run.out = read_text(logs / "out");
    run.err = read_text(logs / "err");
    return run;
}

/// How many kills: `base` scaled by VEXIL_KILLS.
int kills(int base) {
    const char* scale = std::getenv("VEXIL_KILLS");
    const double factor = scale && *scale ? std::atof(scale) : 1.0;
    return std::max(1, static_cast<int>(std::lround(base * factor)));
}

/// The seed of the kill moments and the design changes: VEXIL_KILL_SEED, or a fresh one (a failure
/// prints it; the moments themselves still depend on the machine's speed).
unsigned kill_seed() {
    const char* seed = std::getenv("VEXIL_KILL_SEED");
    return seed && *seed ? static_cast<unsigned>(std::strtoul(seed, nullptr, 10)) : std::random_device{}();
}

// ---------------------------------------------------------------------------------------------
// What is on disk.

const std::regex kLeftover(R"(\.(.+)\.vexil-([0-9]+)-[A-Za-z0-9]{6}\.(tmp|link|aside))");

/// Files under `dir` (relative, generic form) with their bytes; write_files' leftovers apart.
struct Listing {
    std::map<std::string, std::string> files;
    std::vector<std::string> leftovers;
    std::vector<std::string> other_dot_vexil; ///< names with .vexil- that are neither
};

Listing list(const fs::path& dir) {
    Listing listing;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().filename().string();
        const std::string relative = fs::relative(entry.path(), dir).generic_string();
        if (std::regex_match(name, kLeftover))
            listing.leftovers.push_back(relative);
        else if (name.find(".vexil-") != std::string::npos && name != ".vexil-gallery")
            listing.other_dot_vexil.push_back(relative);
        else
            listing.files[relative] = read_text(entry.path());
    }
    return listing;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text;
}

/// Whether `text` names one of write_files' leftovers anywhere.
bool mentions_leftover(const std::string& text) {
    static const std::regex anywhere(R"(\.vexil-[0-9]+-[A-Za-z0-9]{6}\.(tmp|link|aside))");
    return std::regex_search(text, anywhere);
}

// Whole files: each check says why a file is not one.

std::string png_problem(const std::string& bytes, int width = 0) {
    try {
        const auto image = vexil::test::decode_png(bytes);
        if (width && image.width != width) return "a PNG " + std::to_string(image.width) + " px wide";
        return {};
    } catch (const std::exception& error) {
        return error.what();
    }
}

std::string svg_problem(const std::string& bytes) {
    const auto end = bytes.rfind("</svg>");
    if (end == std::string::npos || bytes.find_first_not_of(" \n", end + 6) != std::string::npos)
        return "no </svg> at the end";
    try {
        vexil::test::rasterise_svg(bytes, 24, 16);
        return {};
    } catch (const std::exception& error) {
        return error.what();
    }
}

/// Cut anywhere, a PDF loses its trailer; cut in the body, its xref points past the end.
std::string pdf_problem(const std::string& bytes) {
    if (bytes.rfind("%PDF-", 0) != 0) return "no %PDF- header";
    const auto eof = bytes.rfind("%%EOF");
    if (eof == std::string::npos || bytes.size() - eof > 7) return "no %%EOF at the end";
    const auto start = bytes.rfind("startxref", eof);
    if (start == std::string::npos) return "no startxref";
    const unsigned long offset = std::strtoul(bytes.c_str() + start + 9, nullptr, 10);
    if (offset == 0 || offset >= start) return "startxref points nowhere";
    if (bytes.compare(offset, 4, "xref") != 0 && !std::isdigit(static_cast<unsigned char>(bytes[offset])))
        return "startxref does not point at a cross-reference";
    return {};
}

/// qpdf --check, the whole structure (slower: a process).
std::string qpdf_problem(const fs::path& pdf) {
    const auto result = vexil::test::run_tool({"qpdf", "--check", pdf.string()});
    return result.status == 0 ? std::string() : "qpdf --check: " + result.out + result.err;
}

/// FNV-1a of the bytes and a separator, as the gallery's record hashes its files.
std::string fnv(const std::string& bytes) {
    std::uint64_t value = 1469598103934665603ULL;
    for (unsigned char c : bytes)
        value = (value ^ c) * 1099511628211ULL;
    value = (value ^ 0xff) * 1099511628211ULL;
    std::ostringstream out;
    out << std::hex << value;
    return out.str();
}

std::string hex(std::uint32_t rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06x", rgb & 0xffffffU);
    return text;
}

// ---------------------------------------------------------------------------------------------
// The gallery's designs: a pool of small flags, each in one of two colours; some present, some not.

constexpr int kPool = 7;
constexpr std::array<const char*, 5> kSuffixes{".svg", ".png", "-thumb.png", ".pdf", "-sheet.svg"};

std::string design_name(int i) {
    return "flag" + std::to_string(i);
}

std::uint32_t design_colour(int i, int variant) {
    static const std::uint32_t colours[kPool][2] = {
        {0xbc002d, 0x0033a0}, {0x009b3a, 0xfedf00}, {0x002395, 0xed2939}, {0x000000, 0xffce00},
        {0xd52b1e, 0x00843d}, {0x6a0dad, 0xff8c00}, {0x008080, 0x8b4513}};
    return colours[i][variant];
}

std::string design_text(int i, int variant) {
    // A field, a disc and bands, and a ring for the sheet to measure: a few ms of work each.
    return "[flag]\ntitle = \"Flag " + std::to_string(i) + "\"\nsize = [3, 2]\n[colors]\nmain = \"" +
           hex(design_colour(i, variant)) +
           "\"\n[[layer]]\nkind = \"field\"\ncolor = \"main\"\n[[layer]]\nkind = \"bands\"\n"
           "colors = [\"main\", \"white\", \"main\"]\n"
           "[[layer]]\nkind = \"circle\"\nradius = \"H/5\"\ncolor = \"main\"\n[[layer]]\nkind = \"ring\"\n"
           "radius = \"H/4\"\nwidth = \"H/40\"\ncolor = \"white\"\n";
}

/// The designs folder as the test means it to be.
struct Pool {
    TempDir& dir;
    std::array<bool, kPool> present{};
    std::array<int, kPool> variant{};

    fs::path file(int i) const { return dir / ("designs/" + design_name(i) + ".toml"); }
    void write(int i) {
        present[i] = true;
        dir.write("designs/" + design_name(i) + ".toml", design_text(i, variant[i]));
    }
    void remove(int i) {
        present[i] = false;
        fs::remove(file(i));
    }
    int count() const { return static_cast<int>(std::count(present.begin(), present.end(), true)); }
};

/// Every file the gallery may have made: the designs' of the whole pool, the page, the catalogue
/// and the record.
std::set<std::string> gallery_files(bool present_only, const Pool& pool) {
    std::set<std::string> names{"index.html", "catalogue.pdf", ".vexil-gallery"};
    for (int i = 0; i < kPool; ++i)
        if (!present_only || pool.present[i])
            for (const char* suffix : kSuffixes)
                names.insert(design_name(i) + suffix);
    return names;
}

/// Why a file of the gallery is not whole ("" when it is).
std::string gallery_file_problem(const std::string& name, const std::string& bytes) {
    const auto ends = [&](const char* suffix) {
        const std::size_t n = std::strlen(suffix);
        return name.size() > n && name.compare(name.size() - n, n, suffix) == 0;
    };
    // The same bytes come round again and again (two colours a design): decoded once.
    static std::set<std::string> whole;
    const std::string key = name.substr(name.rfind('.')) + fnv(bytes) + std::to_string(bytes.size());
    if ((ends(".png") || ends(".svg") || ends(".pdf")) && whole.count(key)) return {};
    std::string problem;
    if (ends(".png")) problem = png_problem(bytes);
    if (ends(".svg")) problem = svg_problem(bytes);
    if (ends(".pdf")) problem = pdf_problem(bytes);
    if (ends(".png") || ends(".svg") || ends(".pdf")) {
        if (problem.empty()) whole.insert(key);
        return problem;
    }
    if (name == "index.html")
        return bytes.size() > 7 && bytes.compare(bytes.size() - 8, 8, "</html>\n") == 0 ? "" : "cut short";
    if (name == ".vexil-gallery") {
        if (!bytes.empty() && bytes.back() != '\n') return "cut short";
        std::istringstream lines(bytes);
        for (std::string line; std::getline(lines, line);)
            // A name and six hashes; five more while its files were being replaced.
            if (const auto spaces = std::count(line.begin(), line.end(), ' '); spaces != 6 && spaces != 11)
                return "a line of the wrong shape: " + line;
        return {};
    }
    return "not a file the gallery writes";
}

/// The record's lines: name → its words (input hash and five file hashes).
std::map<std::string, std::vector<std::string>> read_record(const std::string& text) {
    std::map<std::string, std::vector<std::string>> record;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::string name;
        words >> std::quoted(name);
        std::vector<std::string> rest;
        for (std::string word; words >> word;)
            rest.push_back(word);
        record[name] = rest;
    }
    return record;
}

/// The gallery a completed run must leave: exactly the present designs (files, cards, record), each
/// in its current colour, every file whole, the record's hashes those of the files, no leftovers.
void check_complete_gallery(const fs::path& out, const Pool& pool, bool check_pdfs) {
    const Listing listing = list(out);
    INFO("leftovers: " << joined(listing.leftovers));
    CHECK(listing.leftovers.empty());
    CHECK(listing.other_dot_vexil.empty());
    const std::set<std::string> expected = gallery_files(true, pool);
    std::set<std::string> found;
    for (const auto& [name, bytes] : listing.files)
        found.insert(name);
    CHECK(found == expected);
    for (const auto& [name, bytes] : listing.files) {
        INFO(name);
        CHECK(gallery_file_problem(name, bytes).empty());
        if (check_pdfs && name.size() > 4 && name.compare(name.size() - 4, 4, ".pdf") == 0)
            CHECK(qpdf_problem(out / name).empty());
    }
    const std::string html = listing.files.count("index.html") ? listing.files.at("index.html") : "";
    const std::string record_text =
        listing.files.count(".vexil-gallery") ? listing.files.at(".vexil-gallery") : "";
    CHECK(!mentions_leftover(html));
    CHECK(!mentions_leftover(record_text));
    const auto record = read_record(record_text);
    int cards = 0;
    for (auto at = html.find("<h3>"); at != std::string::npos; at = html.find("<h3>", at + 1))
        ++cards;
    CHECK(cards == pool.count());
    CHECK(static_cast<int>(record.size()) == pool.count());
    for (int i = 0; i < kPool; ++i) {
        if (!pool.present[i]) continue;
        const std::string name = design_name(i);
        INFO(name);
        CHECK(html.find("<h3>Flag " + std::to_string(i) + "</h3>") != std::string::npos);
        REQUIRE(record.count(name));
        const auto& words = record.at(name);
        REQUIRE(words.size() == 6);
        CHECK(words[0] != "-");
        for (std::size_t k = 0; k < kSuffixes.size(); ++k) {
            const std::string file = name + kSuffixes[k];
            INFO(file);
            if (listing.files.count(file)) CHECK(words[k + 1] == fnv(listing.files.at(file)));
        }
        // Its current colour, not the other one a killed run was writing.
        if (listing.files.count(name + ".png")) {
            const auto png = vexil::test::decode_png(listing.files.at(name + ".png"));
            CHECK(vexil::test::near(png.at(2, 2), hex(design_colour(i, pool.variant[i])).c_str()));
        }
    }
}

} // namespace

TEST_CASE("crash: render killed at random moments leaves each output its old bytes or whole new ones",
          "[crash][cli]") {
    TempDir dir, logs;
    const fs::path design = vexil::test::source_dir() / "designs/earth.toml";
    const fs::path png = dir / "flag.png", svg = dir / "flag.svg", pdf = dir / "flag.pdf";
    // Each run draws the ocean another colour at another width, so a new file is told from the old.
    const auto args = [&](int run) {
        return std::vector<std::string>{
            "render",  design.string(),
            "-o",      png.string(),
            "-o",      svg.string(),
            "-o",      pdf.string(),
            "--width", std::to_string(600 + 2 * (run % 200)),
            "--set",   "colors.ocean=" + hex(0x010101U * static_cast<unsigned>(run % 97))};
    };
    const auto width_of = [](int run) { return 600 + 2 * (run % 200); };
    WriteWatch watch(dir.path());
    // The outputs exist beforehand; three whole runs measure how long one takes, and its writing.
    std::vector<double> times, write_times;
    for (int run = 0; run < 3; ++run) {
        const Run whole = run_and_kill(args(run), watch, logs, {});
        INFO(whole.err);
        REQUIRE(whole.status == 0);
        times.push_back(whole.ms);
        write_times.push_back(std::max(0.02, whole.write_ms));
    }
    std::sort(times.begin(), times.end());
    std::sort(write_times.begin(), write_times.end());
    double run_ms = times[1];
    const double write_ms = write_times[1];

    const unsigned seed = kill_seed();
    std::mt19937 random(seed);
    INFO("VEXIL_KILL_SEED=" << seed);
    std::map<fs::path, std::string> before{
        {png, read_text(png)}, {svg, read_text(svg)}, {pdf, read_text(pdf)}};
    int killed = 0, completed = 0, untouched = 0, mixed = 0, all_new = 0, with_leftovers = 0;
    const auto start = Clock::now();
    const int total = kills(200);
    for (int run = 3; killed < total; ++run) {
        // Two kills in five fall anywhere in the run (loading, layout, rendering: nothing may change
        // then); two in the writing, which takes a millisecond or so at its end, counted from the
        // first temporary vexil makes; one at its first rename, to catch it between renames.
        KillAt at;
        switch (run % 5) {
        case 0:
        case 1:
            at.after_ms = std::uniform_real_distribution<double>(0, 1.05 * run_ms)(random);
            break;
        case 2:
        case 3:
            at.anchor = KillAt::FirstTemporary;
            at.after_ms = std::uniform_real_distribution<double>(0, 1.2 * write_ms)(random);
            break;
        default:
            at.anchor = KillAt::FirstRename;
            at.after_ms = 0;
        }
        if (run % 16 == 0) at.after_ms = -1;          // now and then a run that ends by itself
        if (run % 3 == 0) at.env = {"VEXIL_FSYNC=1"}; // and a third sync each file before its rename
        const Run result = run_and_kill(args(run), watch, logs, at);
        INFO("run " << run << (result.killed ? " killed" : " ended") << " after " << result.ms << " ms");
        INFO(result.err);
        if (!result.killed) {
            REQUIRE(result.status == 0);
            ++completed;
            run_ms = 0.8 * run_ms + 0.2 * result.ms;
        } else {
            ++killed;
        }
        const Listing listing = list(dir.path());
        CHECK(listing.other_dot_vexil.empty());
        if (!listing.leftovers.empty()) ++with_leftovers;
        // A run that ended by itself has removed what the killed ones left, and left nothing.
        if (!result.killed) CHECK(joined(listing.leftovers).empty());
        for (const auto& leftover : listing.leftovers) {
            std::smatch parts;
            REQUIRE(std::regex_match(leftover, parts, kLeftover));
            CHECK(std::set<std::string>{"flag.png", "flag.svg", "flag.pdf"}.count(parts[1].str()) == 1);
        }
        int changed = 0;
        for (auto& [path, old] : before) {
            INFO(path.filename().string());
            REQUIRE(fs::exists(path)); // never missing, not even for a moment's kill
            const std::string now = read_text(path);
            if (now == old) continue;
            ++changed;
            // Not the old file: then the whole new one.
            if (path == png) {
                CHECK(png_problem(now, width_of(run)).empty());
            } else if (path == svg) {
                CHECK(svg_problem(now).empty());
                CHECK(now.find("width=\"" + std::to_string(width_of(run)) + "\"") != std::string::npos);
            } else {
                CHECK(pdf_problem(now).empty());
                CHECK(qpdf_problem(path).empty());
            }
            old = now;
        }
        if (!result.killed) {
            CHECK(changed == 3);
            continue;
        }
        (changed == 0 ? untouched : changed == 3 ? all_new : mixed)++;
    }
    const double seconds = ms_since(start) / 1000;
    std::cout << "render: " << killed << " kills (" << untouched << " before any rename, " << mixed
              << " between renames, " << all_new << " after the last; " << with_leftovers
              << " left temporaries or backups), " << completed << " whole runs, in " << seconds
              << " s; a run took " << run_ms << " ms, its writing " << write_ms << " ms\n";
    // The kills reached the writing itself, not only the work before it.
    CHECK(with_leftovers > 0);
    // And the next run cleans up after all of them.
    const Run last = run_and_kill(args(1000), watch, logs, {});
    REQUIRE(last.status == 0);
    CHECK(list(dir.path()).leftovers.empty());
}

TEST_CASE("crash: gallery killed at random moments never leaves a torn file, and the next run completes it",
          "[crash][cli][gallery]") {
    TempDir dir, logs;
    Pool pool{dir, {}, {}};
    for (int i = 0; i < kPool - 1; ++i)
        pool.write(i);
    const fs::path out = dir / "out";
    fs::create_directories(out);
    const std::vector<std::string> args{"gallery",
                                        (dir / "designs").string(),
                                        "-o",
                                        out.string(),
                                        "-j",
                                        "2",
                                        "--width",
                                        "240",
                                        "--thumb-width",
                                        "60"};
    const unsigned seed = kill_seed();
    std::mt19937 random(seed);
    INFO("VEXIL_KILL_SEED=" << seed);
    // Between runs some designs change colour, and now and then one is deleted or comes back: the
    // runs have something to render, and to remove.
    const auto change = [&] {
        for (int i = 0; i < kPool; ++i) {
            if (std::uniform_int_distribution<int>(0, 9)(random) == 0) {
                pool.present[i] ? pool.remove(i) : pool.write(i);
            } else if (pool.present[i] && std::uniform_int_distribution<int>(0, 1)(random)) {
                pool.variant[i] ^= 1;
                pool.write(i);
            }
        }
        if (pool.count() == 0) pool.write(0);
    };
    WriteWatch watch(out);
    std::vector<double> times, write_times;
    for (int run = 0; run < 3; ++run) {
        change();
        const Run whole = run_and_kill(args, watch, logs, {});
        INFO(whole.out << whole.err);
        REQUIRE(whole.status == 0);
        times.push_back(whole.ms);
        write_times.push_back(std::max(0.05, whole.write_ms));
    }
    std::sort(times.begin(), times.end());
    std::sort(write_times.begin(), write_times.end());
    double run_ms = times[1];
    const double write_ms = write_times[1];
    check_complete_gallery(out, pool, true);

    Listing before = list(out);
    int killed = 0, completed = 0, with_leftovers = 0, changed_files = 0;
    const auto start = Clock::now();
    const int total = kills(200);
    for (int run = 0; killed < total; ++run) {
        change();
        // Half the kills fall anywhere in the run, half in its writing (from its first temporary to
        // its last rename: the designs' files, the record, the page and the catalogue).
        KillAt at;
        if (run % 2) {
            at.after_ms = std::uniform_real_distribution<double>(0, 1.05 * run_ms)(random);
        } else {
            at.anchor = KillAt::FirstTemporary;
            at.after_ms = std::uniform_real_distribution<double>(0, 1.1 * write_ms)(random);
        }
        if (run % 12 == 11) at.after_ms = -1;
        const Run result = run_and_kill(args, watch, logs, at);
        INFO("run " << run << (result.killed ? " killed" : " ended") << " after " << result.ms << " ms");
        INFO(result.out << result.err);
        const Listing now = list(out);
        CHECK(now.other_dot_vexil.empty());
        if (!now.leftovers.empty()) ++with_leftovers;
        // Every file is one the gallery writes, and is either as it was or whole; the page and the
        // record never name a leftover.
        const std::set<std::string> known = gallery_files(false, pool);
        for (const auto& [name, bytes] : now.files) {
            INFO(name);
            CHECK(known.count(name) == 1);
            const auto old = before.files.find(name);
            if (old != before.files.end() && old->second == bytes) continue;
            ++changed_files;
            CHECK(gallery_file_problem(name, bytes).empty());
        }
        if (now.files.count("index.html")) CHECK(!mentions_leftover(now.files.at("index.html")));
        if (now.files.count(".vexil-gallery")) CHECK(!mentions_leftover(now.files.at(".vexil-gallery")));
        if (result.killed) {
            ++killed;
        } else {
            REQUIRE(result.status == 0);
            ++completed;
            run_ms = 0.8 * run_ms + 0.2 * result.ms;
            check_complete_gallery(out, pool, completed % 4 == 0);
        }
        before = now;
    }
    const double seconds = ms_since(start) / 1000;
    // The run after the last kill completes the gallery, and cleans what the kills left.
    const Run last = run_and_kill(args, watch, logs, {});
    INFO(last.out << last.err);
    REQUIRE(last.status == 0);
    check_complete_gallery(out, pool, true);
    std::cout << "gallery: " << killed << " kills (" << with_leftovers << " left temporaries or backups; "
              << changed_files << " files found changed after them, each whole), " << completed
              << " whole runs, in " << seconds << " s; a run took " << run_ms << " ms, its writing "
              << write_ms << " ms\n";
    CHECK(with_leftovers > 0);
}

TEST_CASE("writes: a file-size limit fails render with exit 1, naming the file, and changes nothing",
          "[cli][io]") {
    TempDir dir, logs;
    const fs::path design = vexil::test::source_dir() / "designs/earth.toml";
    // At 1200 px the SVG is about 16 kB and the PDF 5 kB, the PNG about 70 kB: a 24 kB limit lets
    // two of the three be written whole before the PNG fails.
    const std::vector<std::string> outputs{"flag.svg", "flag.pdf", "flag.png"};
    SECTION("with no outputs before") {}
    SECTION("with old outputs") {
        for (const auto& name : outputs)
            dir.write(name, "old " + name);
    }
    std::map<std::string, std::optional<std::string>> before;
    for (const auto& name : outputs)
        before[name] =
            fs::exists(dir / name) ? std::optional<std::string>(read_text(dir / name)) : std::nullopt;
    std::vector<std::string> args{"render", design.string(), "--width", "1200"};
    for (const auto& name : outputs)
        args.insert(args.end(), {"-o", (dir / name).string()});
    const pid_t pid = spawn_vexil(args, logs / "out", logs / "err", rlim_t{24 * 1024});
    const int status = wait_for(pid);
    const std::string err = read_text(logs / "err");
    INFO(err);
    CHECK(status == 1); // not 128 + SIGXFSZ
    CHECK_THAT(err, Catch::StartsWith("vexil: error: " + (dir / "flag.png").string() + ": write failed: "));
    CHECK_THAT(err, Catch::Contains("File too large"));
    for (const auto& name : outputs) {
        INFO(name);
        CHECK(fs::exists(dir / name) == before[name].has_value());
        if (before[name]) CHECK(read_text(dir / name) == *before[name]);
    }
    const Listing listing = list(dir.path());
    CHECK(listing.leftovers.empty());
    CHECK(listing.other_dot_vexil.empty());
    // Under a limit it fits, the same command writes every file.
    CHECK(wait_for(spawn_vexil(args, logs / "out", logs / "err", rlim_t{1024 * 1024})) == 0);
    CHECK(png_problem(read_text(dir / "flag.png"), 1200).empty());
}

TEST_CASE("writes: a file-size limit fails gallery with exit 1, naming the files, and tears nothing",
          "[cli][io][gallery]") {
    TempDir dir, logs;
    Pool pool{dir, {}, {}};
    for (int i = 0; i < 3; ++i)
        pool.write(i);
    const fs::path out = dir / "out";
    const std::vector<std::string> args{
        "gallery", (dir / "designs").string(), "-o", out.string(), "-j", "2", "--width", "1200"};
    REQUIRE(wait_for(spawn_vexil(args, logs / "out", logs / "err")) == 0);
    check_complete_gallery(out, pool, false);
    const Listing before = list(out);
    for (int i = 0; i < 3; ++i) {
        pool.variant[i] ^= 1;
        pool.write(i);
    }
    // Each design's PNG at 1200 px is past 8 kB; its sheet, thumbnail and PDF are not.
    const pid_t pid = spawn_vexil(args, logs / "out", logs / "err", rlim_t{8 * 1024});
    const int status = wait_for(pid);
    const std::string err = read_text(logs / "err");
    INFO(err << read_text(logs / "out"));
    CHECK(status == 1);
    for (int i = 0; i < 3; ++i)
        CHECK_THAT(err, Catch::Contains("vexil: error: " + (out / (design_name(i) + ".png")).string() +
                                        ": write failed: File too large"));
    const Listing after = list(out);
    CHECK(after.leftovers.empty());
    CHECK(after.other_dot_vexil.empty());
    for (const auto& [name, bytes] : after.files) {
        INFO(name);
        CHECK(gallery_file_problem(name, bytes).empty());
        // A design's files are replaced all together or not at all: here, not at all.
        if (name.rfind("flag", 0) == 0) CHECK(bytes == before.files.at(name));
    }
    // Without the limit, the next run renders what failed and completes the gallery.
    REQUIRE(wait_for(spawn_vexil(args, logs / "out", logs / "err")) == 0);
    check_complete_gallery(out, pool, true);
}

TEST_CASE("gallery: two runs into one folder at once leave one consistent gallery", "[cli][gallery]") {
    TempDir dir, logs_a, logs_b;
    Pool pool{dir, {}, {}};
    for (int i = 0; i < kPool - 1; ++i)
        pool.write(i);
    const fs::path out = dir / "out";
    const std::vector<std::string> args{"gallery",
                                        (dir / "designs").string(),
                                        "-o",
                                        out.string(),
                                        "-j",
                                        "1",
                                        "--width",
                                        "240",
                                        "--thumb-width",
                                        "60"};
    for (int round = 0; round < 4; ++round) {
        INFO("round " << round);
        // Something to render each time: colours change, and a design comes or goes.
        for (int i = 0; i < kPool; ++i)
            if ((i + round) % 3 == 0) {
                pool.variant[i] ^= 1;
                if (pool.present[i]) pool.write(i);
            }
        const int toggled = round % kPool;
        pool.present[toggled] ? pool.remove(toggled) : pool.write(toggled);
        const pid_t a = spawn_vexil(args, logs_a / "out", logs_a / "err");
        const pid_t b = spawn_vexil(args, logs_b / "out", logs_b / "err");
        const int status_a = wait_for(a), status_b = wait_for(b);
        INFO(read_text(logs_a / "out")
             << read_text(logs_a / "err") << read_text(logs_b / "out") << read_text(logs_b / "err"));
        CHECK(status_a == 0);
        CHECK(status_b == 0);
        // They took turns (a lock on the folder): the second found the first's work up to date.
        CHECK((read_text(logs_a / "out").find("\n0 rendered, ") != std::string::npos ||
               read_text(logs_b / "out").find("\n0 rendered, ") != std::string::npos));
        check_complete_gallery(out, pool, round == 3);
        // And the record agrees with the files: a third run finds everything up to date.
        const pid_t c = spawn_vexil(args, logs_a / "out", logs_a / "err");
        CHECK(wait_for(c) == 0);
        CHECK_THAT(read_text(logs_a / "out"),
                   Catch::Contains("0 rendered, " + std::to_string(pool.count()) + " up to date, 0 failed"));
    }
}

TEST_CASE("gallery: a record's line cut short is not read, and a line saying a design was being written "
          "renders it again",
          "[cli][gallery]") {
    TempDir dir, logs;
    Pool pool{dir, {}, {}};
    pool.write(0);
    pool.write(1);
    const fs::path out = dir / "out";
    const std::vector<std::string> args{"gallery", (dir / "designs").string(), "-o", out.string(), "--width",
                                        "120"};
    const auto run = [&] {
        const int status = wait_for(spawn_vexil(args, logs / "out", logs / "err"));
        INFO(read_text(logs / "err"));
        CHECK(status == 0);
        return read_text(logs / "out");
    };
    run();
    const fs::path record = out / ".vexil-gallery";
    const std::string whole = read_text(record);
    // A power cut while a line was being added (or a full disk) can leave it cut short.
    std::ofstream(record, std::ios::app) << "\"flag0\" - 1234";
    CHECK_THAT(run(), Catch::Contains("0 rendered, 2 up to date"));
    CHECK(read_text(record) == whole);
    // The line a run adds before it replaces a design's files: the next run renders that design.
    const auto words = read_record(whole).at("flag0");
    std::ofstream(record, std::ios::app)
        << "\"flag0\" - " << words[1] << " " << words[2] << " " << words[3] << " " << words[4] << " "
        << words[5] << " 1 2 3 4 5\n"; // and what it was writing them with
    CHECK_THAT(run(), Catch::Contains("1 rendered, 1 up to date"));
    check_complete_gallery(out, pool, false);
}
