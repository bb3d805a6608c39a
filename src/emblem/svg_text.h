#pragma once
// The SVG text of an emblem, before librsvg sees it: its colours (for `recolor`), its references
// (an emblem must be self-contained) and how many elements it draws once `<use>` is expanded.
// A lexical scan of the markup, not an XML parser: librsvg parses (and rejects) the document itself.
// Implemented in svg_references.cpp (the checks) and svg_recolour.cpp (colours), over the scanner in
// svg_markup.h.

#include "vexil/design.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vexil::emblem::svg {

/// A colour as SVG writes it: "#rgb", "#rgba", "#rrggbb", "#rrggbbaa" or a CSS colour name, in any
/// case, with spaces around it. Not "none", "currentColor", url(…) or rgb(…).
std::optional<Colour> parse_colour(std::string_view text);

/// The first reference in the document to anything outside it — an href, url(…), @import or
/// external entity that is not a "#fragment" or a data: URL — quoted as written, or nullopt.
/// Hyperlinks (`<a href>`) load nothing and are allowed.
std::optional<std::string> external_reference(std::string_view svg);

/// Largest side of a raster image embedded in an emblem as a data: URL.
inline constexpr std::uint32_t kMaxEmbeddedSide = 4096;

/// What is wrong with the data: URLs of the document, or nullopt: librsvg would decode each at
/// full size (2 MiB of PNG can hold gigapixels), and an embedded SVG document would escape these
/// checks. So only PNG and JPEG images (by their bytes, not their media type) of at most
/// kMaxEmbeddedSide a side are accepted.
std::optional<std::string> embedding_problem(std::string_view svg);

/// What instance_count gives when references form a cycle (a <use> of its own ancestor, a pattern
/// filled with itself): SVG calls that an error, and librsvg may follow it a long way before it
/// gives up (found by fuzz_emblem: an 841-byte file, ten self-uses a level, took 4.5 s).
inline constexpr std::size_t kReferenceCycle = static_cast<std::size_t>(-1);
/// How many elements drawing the document visits, counting an element again for every `<use>`,
/// `href="#…"` or `url(#…)` that refers to it (recursively); stops counting past `cap`, and gives
/// kReferenceCycle when the references form a cycle. Reference cascades in `<style>` sheets are
/// not seen.
std::size_t instance_count(std::string_view svg, std::size_t cap);

/// The document with every colour of `table` replaced where it is given: the attributes fill,
/// stroke, stop-color, color, flood-color and lighting-color, and the same properties in style="…"
/// attributes and <style> sheets. Colours compare as colours ("#000", "#000000" and "Black" are
/// one), every channel to the nearest 1/255. When the table maps opaque black and the root <svg>
/// sets no fill, the root gets the replacement as its fill, since black is SVG's default fill.
std::string recolour(std::string_view svg, const std::vector<Recolour>& table);

} // namespace vexil::emblem::svg
