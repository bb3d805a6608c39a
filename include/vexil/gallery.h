#pragma once
/// @file gallery.h
/// Batch rendering for build scripts: every design under some folders to SVG, PNG, a thumbnail and
/// PDF, an index.html to browse them and a catalogue.pdf to print — on every core, skipping designs
/// whose inputs have not changed since the last run.

#include "vexil/diagnostic.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace vexil {

struct GalleryOptions {
    std::vector<std::filesystem::path> folders;         ///< searched recursively for *.toml
    std::filesystem::path out;                          ///< output folder (created)
    int jobs = 0;                                       ///< worker threads; 0 = every core
    int width = 1200;                                   ///< full-size PNG width, px
    int thumb_width = 320;                              ///< thumbnail width, px
    std::vector<std::filesystem::path> allowed_folders; ///< as LoadOptions::allowed_folders
    /// Shard `shard` of `shards` (1-based): render only the designs whose place in the sorted list
    /// is shard - 1 modulo shards, so N machines given the same folders split the work without
    /// talking. A shard writes its designs' files and its own record (.vexil-gallery-shard-K-of-N),
    /// removes nothing and writes no page; `merge` then writes them. 0 of 0: the whole gallery.
    int shard = 0, shards = 0;
    /// Take in the records of every shard that ran into `out` (they are deleted), then make the
    /// gallery as usual: every design the shards rendered is up to date, and the page, the
    /// catalogue and the removal of designs that are gone follow.
    bool merge = false;
    /// Sync every file before it replaces the last (write_files' `sync`), and the record's lines
    /// before the files they announce, so that a power cut leaves the gallery and its record
    /// consistent: about a sixth of a run that renders every design, a millisecond when one changed.
    /// VEXIL_FSYNC=0 or 1 in the environment overrides it.
    bool sync = true;
    /// Called (from worker threads, one call at a time) as each design finishes.
    std::function<void(const struct GalleryEntry&, int done, int total)> progress;
};

struct GalleryEntry {
    std::filesystem::path design; ///< the design file
    std::string name;             ///< its path under its folder, without .toml ("europe/france")
    std::string group;            ///< the folder it is grouped under ("" for the top)
    std::string title, author, source;
    double width = 0, height = 0;     ///< design units
    bool rendered = false;            ///< false: up to date from an earlier run (or failed)
    std::vector<Diagnostic> errors;   ///< why it failed; empty when it did not
    std::vector<Diagnostic> warnings; ///< what is legal but suspicious in it
    std::string io_error;
};

struct GalleryResult {
    std::vector<GalleryEntry> entries; ///< sorted by name
    int rendered = 0, up_to_date = 0, failed = 0;
    /// Of `failed`: designs that failed because a file could not be read or written (a full disk, a
    /// file-size limit), not because of what they say.
    int io_failed = 0;
    /// Designs of the last run in this folder that are gone: their cards and cache entries were
    /// dropped, and the files the gallery wrote for them deleted (a file changed since, or one the
    /// gallery did not write, is left). Sorted.
    std::vector<std::string> removed;
};

/// Builds (or brings up to date) the gallery in options.out. Throws IoError when the output folder
/// cannot be written; a broken design is reported in its entry and the rest are still rendered.
/// A design of an earlier run into the same folder that is not found now is removed (see removed).
GalleryResult build_gallery(const GalleryOptions& options);

} // namespace vexil
