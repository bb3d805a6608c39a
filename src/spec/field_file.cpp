// `file` fields (emblem artwork) and `recolor` tables.
#include "diag/diag.h"
#include "spec/reader.h"

namespace vexil::spec {

std::optional<FieldValue> Reader::file(const toml::node& node, std::string_view what) {
    fail(diag::error(region_of(node), "not-implemented", std::string(what) + ": files are not supported yet"));
    return std::nullopt;
}

std::optional<FieldValue> Reader::recolour(const toml::node& node, std::string_view what) {
    fail(diag::error(region_of(node), "not-implemented", std::string(what) + ": recolor is not supported yet"));
    return std::nullopt;
}

} // namespace vexil::spec
