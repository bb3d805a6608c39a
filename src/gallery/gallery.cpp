// build_gallery: discover designs, decide which changed, render those on every core, drop what is
// left of designs that are gone, then write index.html and catalogue.pdf. A design is "unchanged"
// when the hash of its inputs (its text, what it extends, its emblems), the program version and the
// output sizes matches the one recorded in OUT/.vexil-gallery after its last successful render, and
// its five files still exist.
//
// OUT/.vexil-gallery has a line per design of the last run: its name, the hash of its inputs ("-"
// when it failed) and the hash of each of the five files the gallery wrote for it ("-" for none).
// A design whose name is no longer found loses its line, its card, and those of its files whose
// bytes are still the ones the gallery wrote; a file that is not, or that the gallery never wrote,
// is left alone.
//
// The record stays true when a run is killed (a crash, SIGKILL, a power cut): before a design's
// files are replaced, a line is added at the end of the record (a later line of a name overrides
// an earlier one) with "-" for the hash of its inputs (so it is never taken for fresh while its
// files may be half old, half new) and, after its five hashes, the hashes of the five files about
// to be written (so either set is known as the gallery's own when the design is deleted later). A
// run that completes writes the record anew, one line a design, without them. Two runs into one folder
// (not shards) take turns: each holds an exclusive flock on the folder while it works, shards a
// shared one, so shards still run side by side and a merge waits for them.
#include "vexil/gallery.h"
#include "gallery/html.h"
#include "vexil/vexil.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <iomanip>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vexil {
namespace {

namespace fs = std::filesystem;

/// FNV-1a, 64 bits: a change detector, not a security boundary.
struct Hash {
    std::uint64_t value = 1469598103934665603ULL;
    void add(std::string_view bytes) {
        for (unsigned char c : bytes)
            value = (value ^ c) * 1099511628211ULL;
        add_separator();
    }
    void add_separator() { value = (value ^ 0xff) * 1099511628211ULL; }
    std::string hex() const {
        std::ostringstream out;
        out << std::hex << value;
        return out.str();
    }
};

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct Found {
    fs::path file;
    std::string name, group;
    std::string duplicate_of; ///< set when an earlier design has the same name
};

std::vector<Found> discover(const std::vector<fs::path>& folders) {
    std::vector<Found> found;
    for (const auto& folder : folders) {
        std::error_code code;
        if (fs::is_regular_file(folder, code)) {
            found.push_back({folder, folder.stem().string(), "", ""});
            continue;
        }
        if (!fs::is_directory(folder, code)) throw IoError(folder.string() + ": no such folder");
        for (auto it = fs::recursive_directory_iterator(folder, code);
             it != fs::recursive_directory_iterator(); it.increment(code)) {
            if (code) throw IoError(folder.string() + ": " + code.message());
            if (it->path().extension() != ".toml" || !it->is_regular_file()) continue;
            const fs::path relative = fs::relative(it->path(), folder);
            const fs::path stem = relative.parent_path() / relative.stem();
            found.push_back({it->path(), stem.generic_string(), relative.parent_path().generic_string(), ""});
        }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.name < b.name; });
    // Two designs with one name (a/flag.toml and b/flag.toml given as two folders) would write one
    // set of files: the first keeps the name, the others are told.
    for (std::size_t i = 1; i < found.size(); ++i)
        if (found[i].name == found[i - 1].name || found[i].duplicate_of == found[i - 1].name)
            found[i].duplicate_of = found[i].name;
    return found;
}

/// What the gallery writes for each design, after OUT/NAME.
constexpr std::array<const char*, 5> kSuffixes{".svg", ".png", "-thumb.png", ".pdf", "-sheet.svg"};

/// What .vexil-gallery records of one design.
struct CacheEntry {
    std::string hash = "-"; ///< of its inputs; "-": failed, never fresh
    std::array<std::string, kSuffixes.size()> files{"-", "-", "-", "-", "-"}; ///< hashes of its files
    /// Hashes of the files a run was replacing them with when the record was saved ("-": none).
    std::array<std::string, kSuffixes.size()> pending{"-", "-", "-", "-", "-"};
};

std::string hash_of(std::string_view bytes) {
    Hash hash;
    hash.add(bytes);
    return hash.hex();
}

std::map<std::string, CacheEntry> read_cache(const fs::path& file) {
    std::map<std::string, CacheEntry> cache;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (in.eof()) break; // a line cut short (a run stopped while adding it): not a record
        std::istringstream fields(line);
        std::string name;
        CacheEntry entry;
        if (!(fields >> std::quoted(name) >> entry.hash)) continue;
        for (auto& hash : entry.files) // absent in the files of versions before these were recorded
            if (!(fields >> hash)) hash = "-";
        for (auto& hash : entry.pending)
            if (!(fields >> hash)) hash = "-";
        cache[name] = entry;
    }
    return cache;
}

/// One line of the record, with its newline.
std::string record_line(const std::string& name, const CacheEntry& entry) {
    std::ostringstream out;
    out << std::quoted(name) << ' ' << entry.hash;
    for (const auto& hash : entry.files)
        out << ' ' << hash;
    if (entry.pending != CacheEntry{}.pending)
        for (const auto& hash : entry.pending)
            out << ' ' << hash;
    out << '\n';
    return out.str();
}

void write_cache(const fs::path& file, const std::map<std::string, CacheEntry>& cache, bool sync) {
    std::string text;
    for (const auto& [name, entry] : cache)
        text += record_line(name, entry);
    write_file(file, text, sync);
}

/// Adds lines to the end of the record as a run goes; a later line of a name overrides an earlier
/// one when the record is read. One write(2) a line: no copy of the record, no rename. Once a line
/// fails to go in whole, every later one fails too, so nothing is replaced that the record does not
/// know of. With `sync`, each line is synced before the files it announces are written.
class RecordAppender {
  public:
    RecordAppender(fs::path file, bool sync) : file_(std::move(file)), sync_(sync) {}
    ~RecordAppender() {
        if (fd_ >= 0) ::close(fd_);
    }
    RecordAppender(const RecordAppender&) = delete;
    RecordAppender& operator=(const RecordAppender&) = delete;
    void append(const std::string& line) {
        if (broken_) throw IoError(file_.string() + ": write failed earlier in this run");
        std::string text = line;
        if (fd_ < 0) {
            fd_ = ::open(file_.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
            if (fd_ < 0) fail(errno);
            // A line an earlier run left cut short is ended first, so this one stands on its own.
            struct stat status;
            char last = '\n';
            if (::fstat(fd_, &status) == 0 && status.st_size > 0) ::pread(fd_, &last, 1, status.st_size - 1);
            if (last != '\n') text.insert(0, 1, '\n');
        }
        ssize_t n;
        while ((n = ::write(fd_, text.data(), text.size())) < 0 && errno == EINTR) {
        }
        if (n != static_cast<ssize_t>(text.size())) fail(n < 0 ? errno : EFBIG);
        if (sync_ && ::fsync(fd_) != 0) fail(errno);
    }

  private:
    [[noreturn]] void fail(int error) {
        broken_ = true;
        throw IoError(file_.string() + ": write failed: " + std::strerror(error));
    }
    fs::path file_;
    int fd_ = -1;
    bool sync_ = false;
    bool broken_ = false;
};

/// Whether a name from the record stays inside the gallery folder (a record edited by hand may say
/// anything).
bool inside(const std::string& name) {
    const fs::path relative = fs::path(name).lexically_normal();
    return !name.empty() && !relative.is_absolute() && *relative.begin() != "..";
}

/// Removes what the gallery wrote for a design that is gone: each file whose bytes still hash to
/// what was recorded, then the folders under `out` that this leaves empty.

void remove_outputs(const fs::path& out, const std::string& name, const CacheEntry& entry) {
    const fs::path relative = fs::path(name).lexically_normal();
    if (!inside(name)) return; // not one of ours
    for (std::size_t k = 0; k < kSuffixes.size(); ++k) {
        const fs::path file = out / (name + kSuffixes[k]);
        std::error_code code;
        if ((entry.files[k] == "-" && entry.pending[k] == "-") ||
            !fs::is_regular_file(fs::symlink_status(file, code)))
            continue;
        const std::string hash = hash_of(read_all(file));
        if (hash == entry.files[k] || hash == entry.pending[k]) fs::remove(file, code);
    }
    for (fs::path folder = relative.parent_path(); !folder.empty(); folder = folder.parent_path()) {
        std::error_code code;
        if (!fs::is_empty(out / folder, code) || code || !fs::remove(out / folder, code)) break;
    }
}

struct Job {
    Found found;
    GalleryEntry entry;
    Design design;
    Scene scene;
    std::string hash;
    bool loaded = false;
    bool io_failed = false; ///< failed for want of a file read or written, not for its design
};

/// Loads and lays out one design and computes its input hash; records errors in the entry.
void prepare(Job& job, const GalleryOptions& options) {
    GalleryEntry& entry = job.entry;
    entry.design = job.found.file;
    entry.name = job.found.name;
    entry.group = job.found.group;
    if (!job.found.duplicate_of.empty()) {
        entry.io_error = job.found.file.string() + ": another design already has the name '" +
                         job.found.name + "' in this gallery; rename one of them";
        return;
    }
    try {
        job.design = load_design(job.found.file, LoadOptions{{}, options.allowed_folders});
        job.scene = build_scene(job.design, load_resources(job.design), &entry.warnings);
        job.loaded = true;
    } catch (const InputError& error) {
        entry.errors = error.diagnostics();
    } catch (const std::exception& error) {
        entry.io_error = error.what();
        job.io_failed = true;
    }
    entry.title = job.design.flag.title.empty() ? job.found.name : job.design.flag.title;
    entry.author = job.design.flag.author;
    entry.source = job.design.flag.source;
    entry.width = job.design.flag.width;
    entry.height = job.design.flag.height;
    Hash hash;
    hash.add(kVersion);
    hash.add(std::to_string(options.width) + "x" + std::to_string(options.thumb_width));
    for (const auto& input : job.design.inputs)
        hash.add(input), hash.add(read_all(input));
    job.hash = hash.hex();
}

using Hashes = std::array<std::string, kSuffixes.size()>;

/// Renders and writes the design's files (its construction sheet too); returns the hash of each.
/// `before_writing` is given the hashes once the files are rendered, before any is written.
Hashes render_outputs(const Job& job, const fs::path& out, const GalleryOptions& options,
                      const std::function<void(const Hashes&)>& before_writing) {
    const fs::path stem = out / job.found.name;
    make_folders(stem.parent_path());
    RenderOptions full;
    full.width = options.width;
    RenderOptions thumb;
    thumb.width = options.thumb_width;
    const std::array<std::string, kSuffixes.size()> bytes{
        render_bytes(job.scene, Format::Svg, full), render_bytes(job.scene, Format::Png, full),
        render_bytes(job.scene, Format::Png, thumb), render_bytes(job.scene, Format::Pdf, full),
        render_sheet(job.scene, Format::Svg)};
    std::vector<std::pair<fs::path, std::string>> files;
    Hashes hashes;
    for (std::size_t k = 0; k < kSuffixes.size(); ++k) {
        files.emplace_back(stem.string() + kSuffixes[k], bytes[k]);
        hashes[k] = hash_of(bytes[k]);
    }
    before_writing(hashes);
    write_files(files, options.sync);
    return hashes;
}

bool outputs_exist(const fs::path& out, const std::string& name) {
    for (const char* suffix : kSuffixes)
        if (!fs::exists(out / (name + suffix))) return false;
    return true;
}

/// The record a shard keeps: its own, so shards running at once never write one file.
fs::path shard_record(const fs::path& out, int shard, int shards) {
    return out / (".vexil-gallery-shard-" + std::to_string(shard) + "-of-" + std::to_string(shards));
}

/// Takes every shard's record into `cache`, saves it as `cache_file`, then deletes the shards'
/// records (in that order: a run killed between keeps every shard's designs on record).
void merge_shards(const fs::path& out, std::map<std::string, CacheEntry>& cache, const fs::path& cache_file,
                  bool sync) {
    std::error_code code;
    std::vector<fs::path> records;
    for (const auto& item : fs::directory_iterator(out, code)) {
        const std::string name = item.path().filename().string();
        if (name.rfind(".vexil-gallery-shard-", 0) != 0) continue;
        for (auto& [design, entry] : read_cache(item.path()))
            cache[design] = entry;
        records.push_back(item.path());
    }
    if (records.empty()) return;
    write_cache(cache_file, cache, sync);
    for (const auto& record : records)
        fs::remove(record, code);
}

/// The hashes of a design's files as they are now, for its entry, before a new pending set replaces
/// the old: where an interrupted run left the file it was writing (its hash is the pending one),
/// that is the file now; otherwise the entry's, whether or not the file still holds it.
Hashes settled(const fs::path& out, const std::string& name, const CacheEntry& entry) {
    Hashes files = entry.files;
    for (std::size_t k = 0; k < kSuffixes.size(); ++k) {
        if (entry.pending[k] == "-" || entry.pending[k] == entry.files[k]) continue;
        std::error_code code;
        const fs::path file = out / (name + kSuffixes[k]);
        if (fs::is_regular_file(fs::symlink_status(file, code)) &&
            hash_of(read_all(file)) == entry.pending[k])
            files[k] = entry.pending[k];
    }
    return files;
}

/// A flock on the gallery folder, held while a run works in it (see the top of this file). Where the
/// file system has no locks, runs go without.
class FolderLock {
  public:
    FolderLock(const fs::path& folder, bool shared) {
        fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd_ >= 0)
            while (::flock(fd_, shared ? LOCK_SH : LOCK_EX) != 0 && errno == EINTR) {
            }
    }
    ~FolderLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

  private:
    int fd_ = -1;
};

} // namespace

GalleryResult build_gallery(const GalleryOptions& options) {
    make_folders(options.out);
    const bool sharded = options.shards > 0;
    const FolderLock folder_lock(options.out, sharded);
    if (sharded && (options.shard < 1 || options.shard > options.shards))
        throw IoError("gallery: shard " + std::to_string(options.shard) + " of " +
                      std::to_string(options.shards) + " does not exist");
    const fs::path cache_file =
        sharded ? shard_record(options.out, options.shard, options.shards) : options.out / ".vexil-gallery";
    const bool sync = durable_writes(options.sync);
    auto cache = read_cache(cache_file);
    if (options.merge && !sharded) merge_shards(options.out, cache, cache_file, sync);

    std::vector<Job> jobs;
    std::size_t place = 0;
    for (auto& found : discover(options.folders))
        if (!sharded ||
            place++ % static_cast<std::size_t>(options.shards) == static_cast<std::size_t>(options.shard - 1))
            jobs.push_back(Job{std::move(found), {}, {}, {}, {}, false, false});
    // What a gallery run killed on the way left in the folders this one owns (temporaries, backups):
    // write_files cleans the folders it writes to, but an unchanged design's files are not written.
    std::set<fs::path> folders{options.out};
    for (const Job& job : jobs)
        folders.insert((options.out / job.found.name).parent_path());
    for (const auto& [name, entry] : cache)
        if (inside(name)) folders.insert((options.out / name).parent_path());
    for (const auto& folder : folders)
        remove_leftovers(folder);
    RecordAppender record(cache_file, sync);
    const int workers =
        std::max(1, options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()));
    std::atomic<std::size_t> next{0};
    std::atomic<int> done{0};
    std::mutex lock; // guards the cache map and the progress callback
    const auto work = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
            Job& job = jobs[i];
            Hashes written;
            prepare(job, options);
            if (job.loaded) {
                bool fresh;
                {
                    std::lock_guard<std::mutex> guard(lock);
                    auto it = cache.find(job.found.name);
                    fresh = it != cache.end() && it->second.hash == job.hash &&
                            outputs_exist(options.out, job.found.name);
                }
                if (!fresh) {
                    try {
                        // The record first says the files are changing, and what to; then they do.
                        written = render_outputs(job, options.out, options, [&](const Hashes& hashes) {
                            CacheEntry before;
                            {
                                std::lock_guard<std::mutex> guard(lock);
                                before = cache[job.found.name];
                            }
                            const Hashes files = settled(options.out, job.found.name, before);
                            std::lock_guard<std::mutex> guard(lock);
                            CacheEntry& cached = cache[job.found.name];
                            cached.hash = "-";
                            cached.files = files;
                            cached.pending = hashes;
                            record.append(record_line(job.found.name, cached));
                        });
                        job.entry.rendered = true;
                    } catch (const InputError& error) {
                        job.entry.errors = error.diagnostics();
                    } catch (const std::exception& error) { // IoError or any other: this design failed
                        job.entry.io_error = error.what();
                        job.io_failed = true;
                    }
                }
            }
            std::lock_guard<std::mutex> guard(lock);
            const bool ok = job.entry.errors.empty() && job.entry.io_error.empty();
            // A second design of one name leaves the first one's entry alone. A failed design keeps
            // its entry, never fresh, and the files an earlier run wrote: if it is deleted later,
            // they go too.
            if (job.found.duplicate_of.empty()) {
                CacheEntry& cached = cache[job.found.name];
                cached.hash = ok ? job.hash : "-";
                if (job.entry.rendered) {
                    cached.files = written;
                    cached.pending = CacheEntry{}.pending;
                }
            }
            if (options.progress) options.progress(job.entry, ++done, static_cast<int>(jobs.size()));
        }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < std::min<int>(workers, static_cast<int>(jobs.size())); ++t)
        threads.emplace_back(work);
    work();
    for (auto& thread : threads)
        thread.join();

    GalleryResult result;
    if (sharded) { // the others' designs are not this shard's to judge; merge writes the page
        for (const Job& job : jobs) {
            const bool ok = job.entry.errors.empty() && job.entry.io_error.empty();
            result.failed += !ok;
            result.io_failed += job.io_failed;
            result.rendered += ok && job.entry.rendered;
            result.up_to_date += ok && !job.entry.rendered;
            result.entries.push_back(job.entry);
        }
        write_cache(cache_file, cache, sync);
        return result;
    }
    // Designs of the last run that are gone: their files, their cache entries (and, as the page is
    // rebuilt below, their cards).
    std::set<std::string> names;
    for (const Job& job : jobs)
        names.insert(job.found.name);
    for (auto it = cache.begin(); it != cache.end();) {
        if (names.count(it->first)) {
            ++it;
            continue;
        }
        remove_outputs(options.out, it->first, it->second);
        result.removed.push_back(it->first);
        it = cache.erase(it);
    }
    std::vector<SheetCell> cells;
    for (const Job& job : jobs) {
        const bool ok = job.entry.errors.empty() && job.entry.io_error.empty();
        result.failed += !ok;
        result.io_failed += job.io_failed;
        result.rendered += ok && job.entry.rendered;
        result.up_to_date += ok && !job.entry.rendered;
        if (ok)
            cells.push_back(
                {&job.scene, job.entry.title + (job.entry.source.empty() ? "" : " — " + job.entry.source)});
        result.entries.push_back(job.entry);
    }
    // The page and the catalogue depend on every design; rebuild them when anything was rendered,
    // something failed, or they are missing.
    const bool stale = result.rendered > 0 || result.failed > 0 || !result.removed.empty() ||
                       !fs::exists(options.out / "index.html") || !fs::exists(options.out / "catalogue.pdf");
    if (stale) {
        write_file(options.out / "index.html", gallery::index_html(result.entries), sync);
        write_file(options.out / "catalogue.pdf", render_catalogue(cells), sync);
    }
    write_cache(cache_file, cache, sync);
    return result;
}

} // namespace vexil
