// Typed access to a layer's resolved fields.
#include "vexil/design.h"

#include <stdexcept>

namespace vexil {
namespace {

const Field& get(const Layer& layer, std::string_view name) {
    auto it = layer.fields.find(name);
    if (it == layer.fields.end())
        throw std::logic_error("layer '" + layer.kind + "' has no field '" + std::string(name) + "'");
    return it->second;
}

template <typename T> const T& as(const Layer& layer, std::string_view name) {
    const Field& field = get(layer, name);
    if (const T* value = std::get_if<T>(&field.value)) return *value;
    throw std::logic_error("field '" + std::string(name) + "' of layer '" + layer.kind +
                           "' has another type");
}

} // namespace

bool Layer::has(std::string_view name) const {
    return fields.find(name) != fields.end();
}

bool Layer::given(std::string_view name) const {
    auto it = fields.find(name);
    return it != fields.end() && it->second.given;
}

const SourceRegion& Layer::where(std::string_view name) const {
    auto it = fields.find(name);
    return it == fields.end() ? region : it->second.region;
}

double Layer::number(std::string_view name) const {
    return as<double>(*this, name);
}
int Layer::integer(std::string_view name) const {
    return static_cast<int>(as<double>(*this, name));
}
bool Layer::flag(std::string_view name) const {
    return as<bool>(*this, name);
}
const std::string& Layer::text(std::string_view name) const {
    return as<std::string>(*this, name);
}
const Colour& Layer::colour(std::string_view name) const {
    return as<Colour>(*this, name);
}
const std::vector<double>& Layer::numbers(std::string_view name) const {
    return as<std::vector<double>>(*this, name);
}
Vec2 Layer::pair(std::string_view name) const {
    const auto& values = numbers(name);
    return {values.at(0), values.at(1)};
}
const std::vector<Colour>& Layer::colours(std::string_view name) const {
    return as<std::vector<Colour>>(*this, name);
}
const std::vector<Vec2>& Layer::points(std::string_view name) const {
    return as<std::vector<Vec2>>(*this, name);
}
const Outline& Layer::outline(std::string_view name) const {
    return as<Outline>(*this, name);
}
const std::vector<Recolour>& Layer::recolours(std::string_view name) const {
    return as<std::vector<Recolour>>(*this, name);
}
const Repeat& Layer::repeat(std::string_view name) const {
    return as<Repeat>(*this, name);
}

} // namespace vexil
