#pragma once
/// @file design.h
/// The model: what a design file says, typed, checked and resolved, with every value's source region.
/// Expressions and params are already evaluated, colours already parsed, defaults already filled in.
/// Layers are records checked against the kind catalogue (kinds.h), so that the loader, the docs
/// and the editor schema all read one definition of every kind; code reads their fields through
/// typed keys (fields.h).

#include "vexil/diagnostic.h"
#include "vexil/geom.h"
#include "vexil/kinds.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
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

/// Process colour: cyan, magenta, yellow and black ink, each in [0, 1].
struct Cmyk {
    double c = 0, m = 0, y = 0, k = 0;
};

/// A named entry of a design's `[colors]`: its screen colour and what a printer matches it with.
/// `red = { rgb = "#c8102e", pantone = "186 C", cmyk = [0, 100, 81, 4], source = "…" }`.
struct NamedColour {
    std::string name;
    Colour screen;
    /// The ink's name as a separation (one plate): "PANTONE 186 C" for `pantone = "186 C"`, or a
    /// `spot` name as given. Empty: a process colour.
    std::string spot;
    std::optional<Cmyk> cmyk; ///< the printer's CMYK build (and a spot ink's alternate)
    std::string source;       ///< where the print values come from
    SourceRegion region;
    bool has_print_values() const { return !spot.empty() || cmyk.has_value(); }
};

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

/// One `[a, b, k]` of rings' `over`: ring a passes over ring b at their k-th crossing. Each keeps
/// its own region, so a conflict or a crossing that does not exist points at the triple itself.
struct Triple {
    int a = 0, b = 0, k = 0;
    SourceRegion region;
};

/// A layer's `clip`: an earlier layer's id, or a rectangle.
struct ClipRef {
    std::string id;         ///< empty when `box` is given
    std::optional<Box> box; ///< [x, y, w, h]
};

/// A resolved field value. Which alternative a field holds is fixed by its FieldType (kinds.h):
/// Number and Integer hold a double, Text, Choice, PathData and File a string, Pair a Vec2.
using FieldValue =
    std::variant<double, bool, std::string, Colour, std::vector<double>, std::vector<Colour>, Vec2, Box,
                 std::vector<Vec2>, Outline, std::vector<Recolour>, Repeat, std::vector<Triple>, ClipRef>;

struct Field {
    FieldValue value;
    SourceRegion region; ///< the value's own region, or the layer's for a default
    bool given = true;   ///< false when the value is the kind's default
};

/// The stored type behind a key's type: whole numbers are kept as doubles.
template <typename T> struct StoredAs { using type = T; };
template <> struct StoredAs<int> { using type = double; };

/// A field's name with its value type (vexil/fields.h declares one for every field): reading a
/// layer through a key cannot misspell the name or take the value as another type.
template <typename T> struct FieldKey { std::string_view name; };

/// One `[[layer]]` of a design.
struct Layer {
    Kind kind = Kind::Field;
    std::string id; ///< empty when the layer has none
    SourceRegion region;
    std::map<std::string, Field, std::less<>> fields;

    /// The kind's name as a design writes it ("hammer_and_sickle").
    std::string_view kind_name() const;
    /// The field named `name`, or nullptr: dynamic access for tools; code uses keys.
    const Field* find(std::string_view name) const;

    template <typename T> bool has(FieldKey<T> key) const { return find(key.name) != nullptr; }
    /// Whether the design (or --set) gave the field, rather than the kind's default filling it in.
    template <typename T> bool given(FieldKey<T> key) const {
        const Field* field = find(key.name);
        return field && field->given;
    }
    /// The region of a field, or of the layer when the field is absent.
    template <typename T> const SourceRegion& where(FieldKey<T> key) const {
        const Field* field = find(key.name);
        return field ? field->region : region;
    }
    /// The value; the field must be present (it has a default, or has() said so). The loader
    /// guarantees its type, so a mismatch is a programming error (std::logic_error).
    template <typename T> decltype(auto) get(FieldKey<T> key) const {
        const auto& stored = stored_value<typename StoredAs<T>::type>(key.name);
        if constexpr (std::is_same_v<T, int>)
            return static_cast<int>(stored);
        else
            return stored;
    }
    /// The value, or `fallback` when the field is absent.
    template <typename T> T get_or(FieldKey<T> key, T fallback) const {
        return has(key) ? T(get(key)) : fallback;
    }

  private:
    template <typename S> const S& stored_value(std::string_view name) const {
        const Field* field = find(name);
        if (!field) missing(name);
        if (const S* value = std::get_if<S>(&field->value)) return *value;
        mistyped(name);
    }
    [[noreturn]] void missing(std::string_view name) const;
    [[noreturn]] void mistyped(std::string_view name) const;
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
    /// The same entries in the order the design gives them, with their print values.
    std::vector<NamedColour> colours;
    std::map<std::string, double, std::less<>> params;
    std::vector<Layer> layers;
};

} // namespace vexil
