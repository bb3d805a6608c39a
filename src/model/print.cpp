// Physical lengths: the units a size, a bleed or a print profile's hem may be given in.
#include "vexil/print.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

namespace vexil {
namespace {

struct UnitInfo {
    LengthUnit unit;
    std::string_view name;
    double points; ///< points in one of it
};

// 1 in = 72 pt = 25.4 mm exactly (the international inch, and PDF's point).
constexpr UnitInfo kUnits[] = {
    {LengthUnit::Px, "px", 1},         {LengthUnit::Pt, "pt", 1},         {LengthUnit::Mm, "mm", 72 / 25.4},
    {LengthUnit::Cm, "cm", 72 / 2.54}, {LengthUnit::M, "m", 7200 / 2.54}, {LengthUnit::In, "in", 72},
    {LengthUnit::Ft, "ft", 72 * 12.0},
};

const UnitInfo& info(LengthUnit unit) {
    for (const UnitInfo& entry : kUnits)
        if (entry.unit == unit) return entry;
    return kUnits[0];
}

} // namespace

double Length::points() const {
    return value * info(unit).points;
}

std::string_view unit_name(LengthUnit unit) {
    return info(unit).name;
}

std::optional<Length> parse_length(std::string_view text, bool zero_allowed) {
    std::size_t end = 0;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.'))
        ++end;
    if (end == 0 || end > 30 || std::count(text.begin(), text.begin() + end, '.') > 1) return std::nullopt;
    const std::string number(text.substr(0, end));
    const std::string_view suffix = text.substr(end);
    const double value = std::strtod(number.c_str(), nullptr);
    if (!std::isfinite(value) || value < 0 || (value == 0 && !zero_allowed)) return std::nullopt;
    if (suffix.empty()) return Length{value, LengthUnit::Px};
    for (const UnitInfo& entry : kUnits)
        if (entry.name == suffix) return Length{value, entry.unit};
    return std::nullopt;
}

std::optional<EdgeLengths> parse_edge_lengths(std::string_view text) {
    if (text.empty()) return std::nullopt;
    EdgeLengths edges;
    std::optional<Length> all;
    bool named[4] = {false, false, false, false};
    bool any_physical = false, any_bare = false;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view part = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        const std::size_t equals = part.find('=');
        const auto length =
            parse_length(equals == std::string_view::npos ? part : part.substr(equals + 1), true);
        if (!length) return std::nullopt;
        (length->physical() ? any_physical : any_bare) |= length->value > 0;
        if (equals == std::string_view::npos) {
            if (all) return std::nullopt; // one plain value at most
            all = length;
            continue;
        }
        const std::string_view edge = part.substr(0, equals);
        constexpr std::string_view kEdges[4] = {"hoist", "top", "fly", "bottom"};
        Length* targets[4] = {&edges.hoist, &edges.top, &edges.fly, &edges.bottom};
        const auto at = std::find(std::begin(kEdges), std::end(kEdges), edge) - std::begin(kEdges);
        if (at == 4 || named[at]) return std::nullopt;
        named[at] = true;
        *targets[at] = *length;
    }
    if (any_physical && any_bare) return std::nullopt;
    if (all) {
        Length* targets[4] = {&edges.hoist, &edges.top, &edges.fly, &edges.bottom};
        for (int i = 0; i < 4; ++i)
            if (!named[i]) *targets[i] = *all;
    }
    return edges;
}

} // namespace vexil
