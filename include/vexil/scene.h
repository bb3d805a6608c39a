#pragma once
/// @file scene.h
/// The scene: the contract between layout and every backend.
///
/// A Scene guarantees:
///  - coordinates are absolute design units, y-down, origin at the top of the hoist, and the flag
///    occupies exactly [0, width] × [0, height];
///  - every colour is resolved to straight sRGB + alpha; there are no palette names or expressions;
///  - paths hold only move / line / cubic / close; the one exception is EmblemDraw, imported SVG
///    artwork, which backends hand to the emblem module with its transform;
///  - groups are painted in order, items within a group in order; nothing refers back to the Design.
/// Backends draw a Scene and never look at a Design.

#include "vexil/design.h"
#include "vexil/geom.h"

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace vexil {

enum class FillRule { NonZero, EvenOdd };

/// A filled area.
struct FillPath {
    Path path;
    Colour colour;
    FillRule rule = FillRule::NonZero;
};

/// A stroked outline (used for fimbriation): mitred joins (limit 10), butt caps.
struct StrokePath {
    Path path;
    Colour colour;
    double width = 0;
};

/// A filled area with regions cut out of it: `path` minus the union of `holes`, so whatever lies
/// beneath shows through the holes (the gaps either side of a ring that passes over another).
struct CutoutFill {
    Path path;
    Colour colour;
    std::vector<Path> holes;
};

namespace emblem {
struct Document; ///< parsed SVG artwork, owned by the emblem module (src/emblem)
}

/// SVG artwork drawn through librsvg, so it stays vector in SVG and PDF. The one item that is not a
/// path: `transform` maps the artwork's own user units to design units.
struct EmblemDraw {
    std::shared_ptr<const emblem::Document> document;
    Affine transform;
    std::string source;       ///< the file it came from, for the text dump
    std::size_t elements = 0; ///< SVG elements one drawing visits: what it costs to draw
};

using Item = std::variant<FillPath, StrokePath, CutoutFill, EmblemDraw>;

/// One number of a construction sheet, as the layer's layout unit reports it, in design units.
/// A kind brings its measures with it: the sheet (vexil sheet) has no code of its own per kind.
struct Measure {
    enum class Type {
        Span,     ///< the length from `a` to `b` (on the sheet's chains when it runs along an axis)
        Radius,   ///< of a circle about `a`; `b` is a point on it
        Diameter, ///< of a circle about `a`; `b` is a point on it
        Centre,   ///< the point `a` (its x and y are on the sheet's chains)
        Angle,    ///< `value` degrees, turned about `a`
        Pattern,  ///< copies of the shape, the first about `a`: `what` says how many and how placed
    };
    Type type = Type::Span;
    Vec2 a, b;
    double value = 0; ///< the length, radius, diameter, angle or spacing shown
    std::string what; ///< what it measures: "vertical arm", "disc", "band 2", "star (outer radius)"
};

/// One layer's output: drawn into the group, clipped, then composited with `opacity`.
struct Group {
    std::string id;   ///< the layer id (SVG element id), may be empty
    std::string kind; ///< the layer's kind, as the design names it
    /// What the layer measures, for a construction sheet (after `rotate`; a repeat's copies are
    /// reported once, as a Pattern).
    std::vector<Measure> measures;
    double opacity = 1;
    std::optional<Path> clip; ///< clip region, in design units, filled by `clip_rule`
    FillRule clip_rule = FillRule::NonZero;
    std::vector<Item> items;
};

struct Scene {
    double width = 3;  ///< design units
    double height = 2; ///< design units
    std::string title;
    std::string author;  ///< for a PDF's metadata
    std::string subject; ///< the design's source (its construction sheet), for a PDF's metadata
    /// When set, the flag's edge: every group is clipped to it (nonzero) and the canvas outside it
    /// is left transparent. Unset: the whole rectangle.
    std::optional<Path> outline;
    std::vector<Group> groups;
    /// Fabric past the finished flag that a print profile's hems and pole sleeve fold away, in
    /// design units: part of the piece that is cut (the PDF's TrimBox), with the art carried onto it.
    Edges allowance;
    /// Print bleed in design units, past the allowance: the art continues this far beyond where the
    /// piece is cut, and an output of the scene is this much larger again on each side.
    Edges bleed;
    /// The design's named colours, in the order the design gives them, with their print values.
    std::vector<NamedColour> colours;

    /// Everything an output of the scene covers, in design units: the flag, its allowance and bleed.
    Box page() const { return (allowance + bleed).around({0, 0, width, height}); }
    /// The piece that is cut: the flag and its allowance.
    Box cut() const { return allowance.around({0, 0, width, height}); }
};

/// A text snapshot of the scene, coordinates rounded to 4 significant decimals: cheap to diff,
/// independent of any backend.
std::string dump(const Scene& scene);

} // namespace vexil
