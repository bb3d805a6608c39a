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
#include "vexil/gallery.h"
#include "gallery/html.h"
#include "vexil/vexil.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

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
        std::istringstream fields(line);
        std::string name;
        CacheEntry entry;
        if (!(fields >> std::quoted(name) >> entry.hash)) continue;
        for (auto& hash : entry.files) // absent in the files of versions before these were recorded
            if (!(fields >> hash)) hash = "-";
        cache[name] = entry;
    }
    return cache;
}

void write_cache(const fs::path& file, const std::map<std::string, CacheEntry>& cache) {
    std::ostringstream out;
    for (const auto& [name, entry] : cache) {
        out << std::quoted(name) << ' ' << entry.hash;
        for (const auto& hash : entry.files)
            out << ' ' << hash;
        out << '\n';
    }
    write_file(file, out.str());
}

/// Removes what the gallery wrote for a design that is gone: each file whose bytes still hash to
/// what was recorded, then the folders under `out` that this leaves empty.
void remove_outputs(const fs::path& out, const std::string& name, const CacheEntry& entry) {
    const fs::path relative = fs::path(name).lexically_normal();
    if (name.empty() || relative.is_absolute() || *relative.begin() == "..") return; // not one of ours
    for (std::size_t k = 0; k < kSuffixes.size(); ++k) {
        const fs::path file = out / (name + kSuffixes[k]);
        std::error_code code;
        if (entry.files[k] == "-" || !fs::is_regular_file(fs::symlink_status(file, code))) continue;
        if (hash_of(read_all(file)) == entry.files[k]) fs::remove(file, code);
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

/// Renders and writes the design's files (its construction sheet too); returns the hash of each.
std::array<std::string, kSuffixes.size()> render_outputs(const Job& job, const fs::path& out,
                                                         const GalleryOptions& options) {
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
    std::array<std::string, kSuffixes.size()> hashes;
    for (std::size_t k = 0; k < kSuffixes.size(); ++k) {
        files.emplace_back(stem.string() + kSuffixes[k], bytes[k]);
        hashes[k] = hash_of(bytes[k]);
    }
    write_files(files);
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

/// Takes every shard's record into `cache` and deletes the records.
void merge_shards(const fs::path& out, std::map<std::string, CacheEntry>& cache) {
    std::error_code code;
    for (const auto& item : fs::directory_iterator(out, code)) {
        const std::string name = item.path().filename().string();
        if (name.rfind(".vexil-gallery-shard-", 0) != 0) continue;
        for (auto& [design, entry] : read_cache(item.path()))
            cache[design] = entry;
        fs::remove(item.path(), code);
    }
}

} // namespace

GalleryResult build_gallery(const GalleryOptions& options) {
    make_folders(options.out);
    const bool sharded = options.shards > 0;
    if (sharded && (options.shard < 1 || options.shard > options.shards))
        throw IoError("gallery: shard " + std::to_string(options.shard) + " of " +
                      std::to_string(options.shards) + " does not exist");
    const fs::path cache_file =
        sharded ? shard_record(options.out, options.shard, options.shards) : options.out / ".vexil-gallery";
    auto cache = read_cache(cache_file);
    if (options.merge && !sharded) merge_shards(options.out, cache);

    std::vector<Job> jobs;
    std::size_t place = 0;
    for (auto& found : discover(options.folders))
        if (!sharded ||
            place++ % static_cast<std::size_t>(options.shards) == static_cast<std::size_t>(options.shard - 1))
            jobs.push_back(Job{std::move(found), {}, {}, {}, {}, false});
    const int workers =
        std::max(1, options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()));
    std::atomic<std::size_t> next{0};
    std::atomic<int> done{0};
    std::mutex lock; // guards the cache map and the progress callback
    const auto work = [&] {
        for (std::size_t i = next++; i < jobs.size(); i = next++) {
            Job& job = jobs[i];
            std::array<std::string, kSuffixes.size()> written;
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
                        written = render_outputs(job, options.out, options);
                        job.entry.rendered = true;
                    } catch (const InputError& error) {
                        job.entry.errors = error.diagnostics();
                    } catch (const std::exception& error) { // IoError or any other: this design failed
                        job.entry.io_error = error.what();
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
                if (job.entry.rendered) cached.files = written;
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
            result.rendered += ok && job.entry.rendered;
            result.up_to_date += ok && !job.entry.rendered;
            result.entries.push_back(job.entry);
        }
        write_cache(cache_file, cache);
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
        write_file(options.out / "index.html", gallery::index_html(result.entries));
        write_file(options.out / "catalogue.pdf", render_catalogue(cells));
    }
    write_cache(cache_file, cache);
    return result;
}

} // namespace vexil
