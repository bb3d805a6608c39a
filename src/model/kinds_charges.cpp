// Catalogue entries for charges: crescent, hammer, sickle, hammer_and_sickle.
#include "model/catalogue.h"

#include <initializer_list>

namespace vexil::catalogue {
namespace {

using T = FieldType;

constexpr std::string_view kOfSize = "fraction of size";

/// The square the hammer and sickle are inscribed in, and the mirror image.
std::vector<FieldSpec> square_fields() {
    return {colour_field(),
            at_field(),
            {"size", T::Number, true, "", kDu, "side of the square the charge is inscribed in", {}, 0.0},
            {"mirror", T::Bool, false, "false", "", "flips the charge left-right within its square"}};
}

FieldSpec blade_field() {
    return {"blade", T::Number, false, "0.14", kOfSize, "greatest width of the sickle's blade",
            {},      0.02,      0.3};
}
FieldSpec handle_field() {
    return {"handle", T::Number, false, "0.07", kOfSize, "width of the hammer's handle", {}, 0.02, 0.2};
}
FieldSpec head_field() {
    return {"head", T::Number, false, "0.44", kOfSize, "length of the hammer's head, across the handle",
            {},     0.1,       0.7};
}

std::vector<FieldSpec> with(std::vector<FieldSpec> fields, std::initializer_list<FieldSpec> more) {
    fields.insert(fields.end(), more);
    return fields;
}

} // namespace

std::vector<KindSpec> charge_kinds() {
    return {
        {Kind::Crescent,
         "crescent",
         "charge",
         "a disc with a disc cut out of it: the outer circle minus the inner one, as one outline of two arcs",
         {colour_field(),
          at_field(),
          {"radius", T::Number, true, "", kDu, "radius of the outer circle", {}, 0.0},
          {"inner_radius", T::Number, true, "", kDu, "radius of the circle cut out", {}, 0.0},
          {"inner_at", T::Pair, true, "", kDu, "centre of the circle cut out, on the flag like `at`"}}},
        {Kind::HammerAndSickle, "hammer_and_sickle", "charge",
         "the hammer and sickle of the Soviet flag, inscribed in a square as its 1955 statute draws them",
         with(square_fields(), {blade_field(), handle_field(), head_field()})},
        {Kind::Hammer, "hammer", "charge", "the hammer of hammer_and_sickle alone, in the same square",
         with(square_fields(), {handle_field(), head_field()})},
        {Kind::Sickle, "sickle", "charge", "the sickle of hammer_and_sickle alone, in the same square",
         with(square_fields(), {blade_field()})},
    };
}

} // namespace vexil::catalogue
