#pragma once
// The parts of the kind catalogue, one function per chapter of docs/format.md. kinds.cpp joins them.

#include "vexil/kinds.h"

namespace vexil::catalogue {

inline constexpr std::string_view kDu = "design units";

/// The required fill colour most kinds have.
inline FieldSpec colour_field() {
    return {"color", FieldType::Colour, true, "", "", "fill colour"};
}
/// A shape's centre, the flag's centre by default.
inline FieldSpec at_field() {
    return {"at",  FieldType::Pair,
            false, R"(["W/2", "H/2"])",
            kDu,   "centre of the shape; the flag's centre by default"};
}

std::vector<KindSpec> division_and_shape_kinds(); // kinds.cpp
std::vector<KindSpec> charge_kinds();             // kinds_charges.cpp: crescent, hammer, sickle, …
std::vector<KindSpec> emblem_kinds();             // kinds_emblem.cpp: emblem
std::vector<KindSpec> text_kinds();               // kinds_text.cpp: text

} // namespace vexil::catalogue
