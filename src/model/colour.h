#pragma once
// Colour literals: "#rgb", "#rrggbb", "#rrggbbaa" and the 148 CSS Color Module Level 4 names
// (case-insensitive, as CSS is). Pure: no TOML, no diagnostics.

#include "vexil/design.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vexil {

/// A hex literal or a CSS name, or nullopt.
std::optional<Colour> parse_colour_literal(std::string_view text);
/// Every CSS colour name, lowercase, sorted (for did-you-mean).
const std::vector<std::string_view>& css_colour_names();
/// "#rrggbb" or "#rrggbbaa" (alpha only when not opaque), lowercase.
std::string colour_to_hex(const Colour& colour);

} // namespace vexil
