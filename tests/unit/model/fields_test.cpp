// The typed model: every field key agrees with the catalogue, and the catalogue is in Kind order.
#include "vexil/design.h"
#include "vexil/fields.h"
#include "vexil/kinds.h"

#include <catch2/catch.hpp>

#include <string>

using namespace vexil;

namespace {

/// The index in FieldValue of the type a FieldType is stored as.
std::size_t stored_index(FieldType type) {
    switch (type) {
    case FieldType::Number:
    case FieldType::Integer:
        return FieldValue(std::in_place_type<double>).index();
    case FieldType::Bool:
        return FieldValue(std::in_place_type<bool>).index();
    case FieldType::Text:
    case FieldType::Choice:
    case FieldType::PathData:
    case FieldType::File:
        return FieldValue(std::in_place_type<std::string>).index();
    case FieldType::Colour:
        return FieldValue(std::in_place_type<Colour>).index();
    case FieldType::Colours:
        return FieldValue(std::in_place_type<std::vector<Colour>>).index();
    case FieldType::Numbers:
        return FieldValue(std::in_place_type<std::vector<double>>).index();
    case FieldType::Pair:
        return FieldValue(std::in_place_type<Vec2>).index();
    case FieldType::Box:
        return FieldValue(std::in_place_type<Box>).index();
    case FieldType::Points:
        return FieldValue(std::in_place_type<std::vector<Vec2>>).index();
    case FieldType::Outline:
        return FieldValue(std::in_place_type<Outline>).index();
    case FieldType::Clip:
        return FieldValue(std::in_place_type<ClipRef>).index();
    case FieldType::Triples:
        return FieldValue(std::in_place_type<std::vector<Triple>>).index();
    case FieldType::Recolour:
        return FieldValue(std::in_place_type<std::vector<Recolour>>).index();
    case FieldType::Repeat:
        return FieldValue(std::in_place_type<Repeat>).index();
    }
    return FieldValue().index();
}

} // namespace

TEST_CASE("model: every field key names a field of some kind, with the key's type", "[model]") {
    for (const auto& key : fields::all_keys()) {
        INFO("key for field '" << key.name << "'");
        bool found = false;
        for (const KindSpec& kind : kind_catalogue())
            if (const FieldSpec* spec = find_field(kind, key.name);
                spec && stored_index(spec->type) == key.stored_index)
                found = true;
        CHECK(found);
    }
}

TEST_CASE("model: every field of every kind has a key", "[model]") {
    const auto keys = fields::all_keys();
    for (const KindSpec& kind : kind_catalogue())
        for (const auto* specs : {&kind.fields, &common_fields()})
            for (const FieldSpec& spec : *specs) {
                INFO(kind.name << "." << spec.name);
                bool found = false;
                for (const auto& key : keys)
                    found = found || (key.name == spec.name && key.stored_index == stored_index(spec.type));
                CHECK(found);
            }
}

TEST_CASE("model: the catalogue is in Kind order, so kind_spec is an index", "[model]") {
    const auto& catalogue = kind_catalogue();
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        CHECK(static_cast<std::size_t>(catalogue[i].kind) == i);
        CHECK(kind_name(catalogue[i].kind) == catalogue[i].name);
        CHECK(find_kind(catalogue[i].name) == &kind_spec(catalogue[i].kind));
    }
    CHECK(kind_name(Kind::HammerAndSickle) == "hammer_and_sickle");
}

TEST_CASE("model: a key read as the wrong field is a programming error, not a user's", "[model]") {
    Layer layer;
    layer.kind = Kind::Star;
    layer.fields.emplace("points", Field{5.0, {}, true});
    CHECK(layer.get(fields::star_points) == 5);
    CHECK_THROWS_AS(layer.get(fields::points), std::logic_error); // a polygon's points: another type
    CHECK_THROWS_AS(layer.get(fields::radius), std::logic_error); // absent
    CHECK(layer.get_or(fields::radius, 0.25) == 0.25);
    CHECK_FALSE(layer.has(fields::radius));
}
