#pragma once
/// @file design.h
/// The model: what a design file says, typed, checked and resolved, with every value's source region.
/// Expressions and params are already evaluated, colours already parsed, defaults already filled in.
/// Layers are generic records checked against the kind catalogue (kinds.h), so that the loader,
/// the docs and the editor schema all read one definition of every kind.

#include "vexil/diagnostic.h"
#include "vexil/geom.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vexil {

/// Straight (not premultiplied) sRGB with alpha, each channel in [0, 1].
struct Colour {
    double r = 0, g = 0, b = 0, a = 1;
};
inline bool operator==(const Colour& x, const Colour& y) {
    return x.r == y.r && x.g == y.g && x.b == y.b && x.a == y.a;
}

/// Fimbriation: a band of `width` design units around the shape, painted beneath it.
struct Outline {
    Colour colour;
    double width = 0;
};

/// One entry of an emblem's `recolor` table: every use of `from` in the artwork becomes `to`.
struct Recolour {
    Colour from;
    Colour to;
};

/// A layer's `repeat`: where copies of the shape stand. The shape as laid out (at its `at`) is
/// the first copy's geometry; each copy is moved (and turned, for `orient` or `face`) from there.
struct Repeat {
    std::string pattern;       ///< "circle", "arc", "grid", "row", "column" or "points"
    int count = 1;             ///< circle, arc, row, column
    double radius = 0;         ///< circle, arc: distance of the copies from the layer's `at`
    double from = 0, to = 360; ///< arc: first and last angle (degrees, clockwise from up)
    bool radial = false;       ///< circle, arc: turn each copy to point away from the centre
    int rows = 1;              ///< grid
    std::vector<int> cols;     ///< grid: copies per row, cycling ([6, 5] for the US union)
    Vec2 step;                 ///< grid: [dx, dy]; row: dx; column: dy
    std::vector<Vec2> at;      ///< points: absolute positions of the copies
    std::optional<Vec2> face;  ///< turn each copy so its first point aims here
};

/// A resolved field value. Which alternative a field holds is fixed by its FieldType.
using FieldValue = std::variant<double, bool, std::string, Colour, std::vector<double>, std::vector<Colour>,
                                std::vector<Vec2>, Outline, std::vector<Recolour>, Repeat>;

struct Field {
    FieldValue value;
    SourceRegion region; ///< the value's own region, or the layer's for a default
    bool given = true;   ///< false when the value is the kind's default
};

/// One `[[layer]]` of a design.
struct Layer {
    std::string kind;
    std::string id; ///< empty when the layer has none
    SourceRegion region;
    std::map<std::string, Field, std::less<>> fields;

    bool has(std::string_view name) const;
    /// Whether the design (or --set) gave the field, rather than the kind's default filling it in.
    bool given(std::string_view name) const;
    /// The region of a field, or of the layer when the field is absent.
    const SourceRegion& where(std::string_view name) const;
    // Typed access; the loader guarantees the type, so a mismatch is a programming error (throws
    // std::logic_error). Call only for fields that have a default or after checking has().
    double number(std::string_view name) const;
    int integer(std::string_view name) const;
    bool flag(std::string_view name) const;
    const std::string& text(std::string_view name) const;
    const Colour& colour(std::string_view name) const;
    const std::vector<double>& numbers(std::string_view name) const;
    Vec2 pair(std::string_view name) const; ///< a two-number field as a point or size
    const std::vector<Colour>& colours(std::string_view name) const;
    const std::vector<Vec2>& points(std::string_view name) const;
    const Outline& outline(std::string_view name) const;
    const std::vector<Recolour>& recolours(std::string_view name) const;
    const Repeat& repeat(std::string_view name) const;
};

/// The `[flag]` table.
struct FlagInfo {
    std::string title;
    std::string author;
    std::string source; ///< the construction sheet, law or drawing the design follows
    double width = 3;   ///< fly, in design units
    double height = 2;  ///< hoist, in design units
    /// A non-rectangular flag's edge (Nepal's two pennants), in design units; everything is cut to
    /// it and the rest of the [0, width] × [0, height] canvas stays transparent. None: the rectangle.
    std::optional<Path> outline;
    SourceRegion region;
};

struct Design {
    std::string path; ///< the file it was read from (or a label for in-memory designs)
    /// Every file the design was made from: itself, what it `extends` (in order), and the files its
    /// layers read (emblems). A build that re-renders when an input changes watches these.
    std::vector<std::string> inputs;
    FlagInfo flag;
    std::map<std::string, Colour, std::less<>> palette;
    std::map<std::string, double, std::less<>> params;
    std::vector<Layer> layers;
};

} // namespace vexil
