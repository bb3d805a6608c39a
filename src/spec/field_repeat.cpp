// `repeat = { pattern = …, … }`: where copies of a layer's shape stand.
#include "diag/diag.h"
#include "spec/reader.h"

namespace vexil::spec {

std::optional<FieldValue> Reader::repeat(const toml::node& node, std::string_view what) {
    fail(diag::error(region_of(node), "not-implemented", std::string(what) + ": repeat is not supported yet"));
    return std::nullopt;
}

} // namespace vexil::spec
