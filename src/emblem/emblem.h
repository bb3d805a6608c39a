#pragma once
// SVG emblems through librsvg: the only user of librsvg. Reads artwork safely (size cap, no
// external references, bounded time), recolours it, parses it, and draws it on a Cairo context as
// vectors. Neither librsvg's nor Cairo's header is included here: callers see only this interface.

#include "vexil/design.h"
#include "vexil/resources.h"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

typedef struct _cairo cairo_t; // as <cairo.h> declares it

namespace vexil::emblem {

/// Largest emblem file read.
inline constexpr std::uintmax_t kMaxEmblemBytes = 2 * 1024 * 1024;

/// Why an emblem could not be used, in words for the designer ("not an SVG document: …").
class LoadError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The file's bytes, at most kMaxEmblemBytes. Throws LoadError. The only I/O of this module.
std::string read(const std::filesystem::path& file);

/// Checks, recolours and parses SVG text; `name` is the file name for messages. Throws LoadError.
Artwork parse(std::string svg, const std::string& name, const std::vector<Recolour>& recolour);

/// Draws the artwork with `to_design` mapping its user units to the context's current user space.
void draw(const Document& document, cairo_t* cr, const Affine& to_design);

} // namespace vexil::emblem
