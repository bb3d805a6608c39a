// Layer access that is not inline: names, and the two programming errors typed keys leave possible.
#include "vexil/design.h"
#include "vexil/fields.h"

#include <stdexcept>

namespace vexil {

std::string_view Layer::kind_name() const {
    return vexil::kind_name(kind);
}

const Field* Layer::find(std::string_view name) const {
    auto it = fields.find(name);
    return it == fields.end() ? nullptr : &it->second;
}

void Layer::missing(std::string_view name) const {
    throw std::logic_error("layer '" + std::string(kind_name()) + "' has no field '" + std::string(name) +
                           "'");
}

void Layer::mistyped(std::string_view name) const {
    throw std::logic_error("field '" + std::string(name) + "' of layer '" + std::string(kind_name()) +
                           "' has another type");
}

namespace fields {

std::vector<KeyInfo> all_keys() {
#define VEXIL_KEY_INFO(name, value_type, text)                                                               \
    KeyInfo{text, FieldValue(std::in_place_type<StoredAs<value_type>::type>).index()},
    return {VEXIL_FIELD_KEYS(VEXIL_KEY_INFO)};
#undef VEXIL_KEY_INFO
}

} // namespace fields
} // namespace vexil
