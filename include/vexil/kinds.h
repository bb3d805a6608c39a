#pragma once
/// @file kinds.h
/// The kind catalogue: every layer kind, its fields, their types, defaults, units and docs.
/// This one table drives the loader's checking (unknown keys, types, ranges, defaults), the
/// documentation and the editor schema. A layer kind lives here (its Kind and fields, defined in
/// src/model/kinds*.cpp) and in src/layout/kinds/<kind>.cpp (its geometry; `hammer` and `sickle`
/// share hammer_and_sickle.cpp). docs/architecture.md says how to add one.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vexil {

/// Every layer kind. The catalogue gives each its name and fields; layout dispatches on it with a
/// switch, so a kind without a layout unit is a compile error (-Wswitch), not a run-time surprise.
enum class Kind {
    Field,
    Bands,
    Cross,
    Saltire,
    Triangle,
    Bend,
    Canton,
    Border,
    Rect,
    Circle,
    Ellipse,
    Ring,
    Polygon,
    Star,
    Path,
    Rings,
    Crescent,
    HammerAndSickle,
    Hammer,
    Sickle,
    Emblem,
    Text,
};

enum class FieldType {
    Number,   ///< a number or expression string
    Integer,  ///< a whole number (or an expression that evaluates to one)
    Bool,     ///< true / false
    Text,     ///< free text (an id)
    Choice,   ///< one of FieldSpec::choices
    Colour,   ///< "#rgb", "#rrggbb", "#rrggbbaa", a CSS name or a palette name
    Colours,  ///< a list of colours (at least one)
    Numbers,  ///< a list of numbers (at least one)
    Pair,     ///< [a, b]: a point or a size
    Box,      ///< [x, y, w, h]
    Points,   ///< [[x, y], …]
    PathData, ///< SVG path data
    Outline,  ///< { color = …, width = … }
    Clip,     ///< an earlier layer's id, or [x, y, w, h]
    Triples,  ///< [[a, b, k], …] of whole numbers ≥ 0 (rings' `over`), stored flattened
    File,     ///< a path relative to the design file; resolved, checked to stay in allowed folders
    Recolour, ///< { "#from" = "to", … }: colours of an emblem's artwork replaced
    Repeat,   ///< { pattern = …, … }: copies of the layer's shape
};

struct FieldSpec {
    std::string_view name;
    FieldType type;
    bool required = false;
    /// The default as TOML value text ("5", "\"horizontal\"", "[0, 0]"), or empty for "absent".
    std::string_view fallback;
    std::string_view unit; ///< "design units", "degrees", "" …
    std::string_view doc;
    std::vector<std::string_view> choices = {};
    std::optional<double> min = std::nullopt; ///< inclusive bounds for numbers and integers
    std::optional<double> max = std::nullopt;
};

struct KindSpec {
    Kind kind;
    std::string_view name;
    std::string_view group; ///< "division", "shape", …: where it is documented
    std::string_view summary;
    std::vector<FieldSpec> fields; ///< the kind's own fields; common_fields() apply to all
};

/// Fields every layer may carry: id, rotate, outline, opacity, clip. (`color` belongs to each kind.)
const std::vector<FieldSpec>& common_fields();
const std::vector<KindSpec>& kind_catalogue();
const KindSpec* find_kind(std::string_view name);
/// The catalogue entry of a kind (every Kind has one).
const KindSpec& kind_spec(Kind kind);
/// The kind's name as a design writes it.
std::string_view kind_name(Kind kind);
/// The spec of `field` for `kind` (own fields first, then common ones), or nullptr.
const FieldSpec* find_field(const KindSpec& kind, std::string_view field);
std::string_view field_type_name(FieldType type);

/// The JSON Schema (draft-07) of a design file, made from this catalogue: for editors such as
/// Taplo / Even Better TOML. `vexil schema` prints it; docs/vexil.schema.json is a copy.
std::string json_schema();

} // namespace vexil
