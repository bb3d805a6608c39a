#pragma once
/// @file resources.h
/// Between load and layout: what a design reads besides its own file — SVG emblems, and the fonts
/// its text is shaped with — read and parsed once, before layout, so that layout does no I/O and never sees
/// the heavy libraries that parse them (librsvg with GIO, Pango and libxml2).
///
///     Design ─ load_resources ─▶ Resources ─┐
///     Design ───────────────────────────────┴─ build_scene ─▶ Scene
///
/// A ResourceCache keeps parsed artwork across loads in one process (watch, variants, gallery),
/// keyed by the file's content, so an unchanged emblem is parsed once however often it is used.

#include "vexil/design.h"

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vexil {

namespace emblem {
struct Document; ///< parsed SVG artwork, owned by the emblem module (src/emblem)
}

/// One emblem file, read, recoloured and parsed: what layout places and a backend draws.
struct Artwork {
    std::shared_ptr<const emblem::Document> document;
    Box intrinsic;            ///< the artwork's own extent in its user units (viewBox, or width × height)
    std::size_t elements = 0; ///< elements one drawing visits, `<use>` expanded: its cost in a budget
};

/// One glyph of shaped text, in ems (the font size is 1), y down, on the line's baseline.
struct ShapedGlyph {
    Path outline;            ///< with its origin at the pen position on the baseline
    double x = 0;            ///< the pen position, from the line's visual left end
    double y = 0;            ///< offset from the baseline (marks set above or below)
    double advance = 0;      ///< how far the pen moves after it, letter spacing included
    std::size_t cluster = 0; ///< byte offset in the text of the character(s) it draws
};

/// A line of text shaped by Pango and HarfBuzz: its glyphs' outlines and places, in ems.
struct Lettering {
    std::vector<ShapedGlyph> glyphs; ///< in visual order, left to right as drawn
    double width = 0;                ///< of the whole line
    double cap_height = 0;           ///< height of the font's capital H
    bool right_to_left = false;      ///< the text's own direction (its first strong character)
};

/// The external resources of one design, ready for layout.
class Resources {
  public:
    /// The shaped lettering of a `text` layer, or nullptr when it was not shaped.
    const Lettering* lettering(const Layer& layer) const;
    void add_lettering(const Layer& layer, Lettering lettering);

    /// The artwork of `file` recoloured by `recolour`, or nullptr when it was not loaded.
    const Artwork* artwork(const std::string& file, const std::vector<Recolour>& recolour) const;
    void add_artwork(const std::string& file, const std::vector<Recolour>& recolour, Artwork artwork);
    bool empty() const { return artworks_.empty() && letterings_.empty(); }

    /// A layer whose resource could not be made (an unusable emblem, a font that is not
    /// installed): its diagnostic, reported by build_scene with every other layer's errors.
    void add_problem(const Layer& layer, Diagnostic problem);
    bool failed(const Layer& layer) const;
    const std::vector<Diagnostic>& problems() const { return problems_; }

  private:
    std::map<std::string, Artwork, std::less<>> artworks_;
    std::map<std::string, Lettering, std::less<>> letterings_;
    std::vector<Diagnostic> problems_;
    std::vector<SourceRegion> failed_; ///< the failed layers, by where they begin
};

/// Parsed artwork kept across loads in one process. Not shared between threads: a parsed document
/// is drawn by one thread at a time, so each thread that renders keeps its own cache.
class ResourceCache {
  public:
    ResourceCache();
    ~ResourceCache();
    ResourceCache(const ResourceCache&) = delete;
    ResourceCache& operator=(const ResourceCache&) = delete;
    /// How many artworks were parsed (not found in the cache) so far: for tests and benchmarks.
    std::size_t parses() const;

    struct Entries; ///< defined where artwork is loaded
    Entries& entries() { return *entries_; }

  private:
    std::unique_ptr<Entries> entries_;
};

/// Reads and parses every external file the design's layers use, and shapes their words. An
/// unusable file or font is recorded (Resources::problems, at the layer's field), not thrown:
/// build_scene reports it with every other layer's errors. Throws IoError only.
Resources load_resources(const Design& design, ResourceCache* cache = nullptr);

} // namespace vexil
