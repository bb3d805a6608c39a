#pragma once
// SVG emblems through librsvg: the only user of librsvg. Loads artwork safely (size cap, no
// external references, bounded time), recolours it, and draws it on a Cairo context as vectors.

#include "vexil/design.h"

#include <cairo.h>

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <vector>

namespace vexil::emblem {

/// Largest emblem file read.
inline constexpr std::uintmax_t kMaxEmblemBytes = 2 * 1024 * 1024;

struct Document; // defined in emblem.cpp; owns the parsed artwork

/// Why an emblem could not be used, in words for the designer ("not an SVG document: …").
class LoadError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Artwork {
    std::shared_ptr<const Document> document;
    Box intrinsic; ///< the artwork's own extent in its user units (its viewBox, or its width × height)
    std::size_t elements = 0; ///< elements one drawing visits, `<use>` expanded: its cost in a budget
};

/// Reads, recolours and parses an SVG file. Throws LoadError.
Artwork load(const std::filesystem::path& file, const std::vector<Recolour>& recolour);

/// Draws the artwork with `to_design` mapping its user units to the context's current user space.
void draw(const Document& document, cairo_t* cr, const Affine& to_design);

} // namespace vexil::emblem
