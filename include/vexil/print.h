#pragma once
/// @file print.h
/// What printing adds to a design: lengths in physical units, the colours a PDF is written in, and
/// a print profile — how a shop finishes a flag (hems, a pole sleeve, grommets, a safe area).

#include <optional>
#include <string>
#include <string_view>

namespace vexil {

/// The units a size may be given in. `Px` (or a bare number) is vexil's screen meaning: pixels in
/// a PNG, user units (CSS pixels) in an SVG, points in a PDF. The rest are physical.
enum class LengthUnit { Px, Pt, Mm, Cm, M, In, Ft };

/// A size as a person writes it: `1200`, `1200px`, `150cm`, `3ft`, `12.5in`.
struct Length {
    double value = 0;
    LengthUnit unit = LengthUnit::Px;
    Length() = default;
    Length(int pixels) : value(pixels) {} // NOLINT: a bare number is pixels, as it always was
    Length(double number, LengthUnit in) : value(number), unit(in) {}
    bool physical() const { return unit != LengthUnit::Px; }
    /// A physical length in points (1/72 in); a Px length as its number.
    double points() const;
};

/// Parses "150cm", "3ft", "0.5m", "12in", "100mm", "72pt", "1200px" or "1200" (units in lower
/// case, no space). nullopt when the text is not a positive, finite length; "0" and "0cm" too
/// unless `zero_allowed`.
std::optional<Length> parse_length(std::string_view text, bool zero_allowed = false);
/// "cm", "in", …: as parse_length reads it.
std::string_view unit_name(LengthUnit unit);

/// A length for each edge of the flag, as `--bleed` takes it: `1cm` for every edge, or per edge
/// `hoist=3cm,fly=1cm,top=1cm,bottom=1cm` (an edge not named gets the plain value, else 0).
struct EdgeLengths {
    Length hoist{0.0, LengthUnit::Px}, top{0.0, LengthUnit::Px}, fly{0.0, LengthUnit::Px},
        bottom{0.0, LengthUnit::Px};
};
/// nullopt when the text is none of those forms, or mixes physical and bare lengths.
std::optional<EdgeLengths> parse_edge_lengths(std::string_view text);

/// The colours a PDF is written in. `Rgb`: the screen colours, as on screen (DeviceRGB). `Cmyk`:
/// DeviceCMYK only — a colour's own CMYK where the design gives it, otherwise converted through an
/// ICC profile, which the PDF carries as its OutputIntent. `Spot`: every colour with a Pantone or
/// spot name as a Separation (one plate per ink, with its CMYK as the alternate), the rest CMYK.
enum class ColourMode { Rgb, Cmyk, Spot };

/// How a shop finishes a flag, from a profile file (docs/format.md, "Print profiles"). Lengths
/// are in points. The production art grows by what folds away; guides (folds, stitching, grommets,
/// the safe area) are drawn only on the proof.
struct PrintProfile {
    std::string path; ///< the file it was read from
    std::string name; ///< what the shop calls it, for the proof and the slug
    /// Fabric past each finished edge that a hem folds back (the hoist's is the sleeve's turn-under
    /// when there is a sleeve).
    double hem_hoist = 0, hem_top = 0, hem_fly = 0, hem_bottom = 0;
    double stitch = 0; ///< a hem's stitch line, this far inside the finished edge
    double sleeve = 0; ///< a pole sleeve's depth: folded at the hoist, stitched this far in; 0: none
    int grommets = 0;  ///< along the hoist, the first and last `grommet_inset` from the corners
    double grommet_inset = 0;
    double grommet_diameter = 0;
    double safe = 0; ///< important art stays this far inside the finished edges (and the sleeve)
};

} // namespace vexil
