// `--set NAME=VALUE`: a param, `colors.NAME`, or `LAYER_ID.FIELD`, applied to the TOML document
// before it is read, so an overridden value is checked exactly like one written in the file.
#include "diag/diag.h"
#include "load/reader.h"

#include <algorithm>
#include <memory>

namespace vexil::load {
namespace {

/// The keys of a table, or none when there is no table.
std::vector<std::string> keys_of(const toml::table* table) {
    std::vector<std::string> keys;
    if (table)
        for (auto&& [key, node] : *table)
            keys.emplace_back(key.str());
    return keys;
}

/// VALUE (which starts at column `column` of the --set text) as a TOML node; text that is not a TOML
/// value (#ff0000, none) is taken as a string, and then `unquoted` is set. The node's position is that
/// of VALUE in the --set text.
toml::table parse_value(std::string_view value, std::size_t column, const std::string& label,
                        bool& unquoted) {
    // "v=" plus padding puts the value at its own column ("r=0.5": the value is at column 3).
    const std::string prefix = "v=" + std::string(column > 3 ? column - 3 : 0, ' ');
    unquoted = false;
    try {
        toml::table parsed = toml::parse(prefix + std::string(value), std::string_view(label));
        if (parsed.size() == 1 && parsed.contains("v")) return parsed;
    } catch (const toml::parse_error&) {
    }
    unquoted = true;
    try {
        toml::table parsed = toml::parse(prefix + diag::json_string(value), std::string_view(label));
        if (parsed.size() == 1 && parsed.contains("v")) return parsed;
    } catch (const toml::parse_error&) {
    }
    toml::table parsed;
    parsed.insert("v", std::string(value));
    return parsed;
}

toml::table* layer_with_id(toml::table& document, std::string_view id, std::vector<std::string>& ids) {
    toml::array* layers = document["layer"].as_array();
    if (!layers) return nullptr;
    for (auto& node : *layers) {
        toml::table* layer = node.as_table();
        if (!layer) continue;
        if (const auto* layer_id = layer->get_as<std::string>("id")) {
            if (layer_id->get() == id) return layer;
            ids.push_back(layer_id->get());
        }
    }
    return nullptr;
}

/// When `key` is a field of a layer (`--set count=6` meant for a layer), how to set it there.
std::string layer_field_hint(toml::table& document, const std::string& key) {
    const toml::array* layers = document["layer"].as_array();
    if (!layers) return {};
    for (std::size_t i = 0; i < layers->size(); ++i) {
        const toml::table* layer = (*layers)[i].as_table();
        if (!layer || !layer->contains(key)) continue;
        if (const auto* id = layer->get_as<std::string>("id"))
            return "; '" + key + "' is a field of layer '" + id->get() + "': --set " + id->get() + "." + key +
                   "=VALUE";
        return "; '" + key + "' is a field of layer " + std::to_string(i + 1) +
               ", which has no id: give it one (id = \"NAME\") to set it as NAME." + key;
    }
    return {};
}

toml::table& subtable(toml::table& document, std::string_view key) {
    if (!document[key].is_table()) document.insert_or_assign(key, toml::table{});
    return *document[key].as_table();
}

} // namespace

void apply_overrides(toml::table& document, const std::vector<std::string>& overrides, Reader& reader) {
    for (const std::string& text : overrides) {
        const std::string label = "<--set " + text + ">";
        const SourceRegion at{label, {1, 1}, {1, 1}};
        // A key the design does not have yet is positioned in the --set text, for messages about it.
        const auto new_key = [&](std::string_view key, std::size_t column) {
            toml::source_region where;
            where.begin = {1, static_cast<toml::source_index>(column)};
            where.end = where.begin;
            where.path = std::make_shared<const std::string>(label);
            return toml::key(key, std::move(where));
        };
        const auto equals = text.find('=');
        if (equals == std::string::npos || equals == 0) {
            reader.fail(diag::error(at, "bad-set", "an override takes NAME=VALUE, e.g. r=0.3"));
            continue;
        }
        const std::string name = text.substr(0, equals);
        bool unquoted = false;
        toml::table parsed =
            parse_value(std::string_view(text).substr(equals + 1), equals + 2, label, unquoted);
        if (unquoted) reader.set_unquoted(label);
        toml::node& value = *parsed.get("v");
        const auto dot = name.find('.');
        // A param or a palette entry must exist already: a misspelt name would otherwise add an
        // entry nothing uses, and the override would change nothing without a word.
        const bool is_param = dot == std::string::npos;
        if (is_param || name.compare(0, dot, "colors") == 0) {
            const std::string table = is_param ? "params" : "colors";
            const std::string key = is_param ? name : name.substr(dot + 1);
            const std::vector<std::string> known = keys_of(document[table].as_table());
            if (std::find(known.begin(), known.end(), key) == known.end()) {
                const std::string suggestion = diag::did_you_mean(key, known);
                reader.fail(diag::error(
                    at, is_param ? "unknown-param" : "unknown-colour",
                    (is_param ? "the design has no param '" : "the design's palette has no colour '") + key +
                        "'" + diag::suggestion_suffix(suggestion) +
                        (is_param && suggestion.empty() ? layer_field_hint(document, key) : "")));
                continue;
            }
            subtable(document, table).insert_or_assign(key, std::move(value));
        } else {
            std::vector<std::string> ids;
            toml::table* layer = layer_with_id(document, name.substr(0, dot), ids);
            if (!layer) {
                reader.fail(
                    diag::error(at, "unknown-id",
                                "no layer has the id '" + name.substr(0, dot) + "'" +
                                    diag::suggestion_suffix(diag::did_you_mean(name.substr(0, dot), ids))));
                continue;
            }
            if (layer->contains(name.substr(dot + 1)))
                layer->insert_or_assign(name.substr(dot + 1), std::move(value));
            else
                layer->insert_or_assign(new_key(name.substr(dot + 1), dot + 2), std::move(value));
        }
    }
}

} // namespace vexil::load
