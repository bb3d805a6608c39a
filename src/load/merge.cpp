// `extends`: a design built on another. The parent is loaded first (and its own parent, and so on);
// then the child is merged into it as TOML, before anything is read, so that every value keeps the
// file:line:col of the design that wrote it:
//   [flag], [colors], [params]  merge key by key, the child's value winning;
//   a child layer whose id matches a parent layer is merged into it field by field (a different
//   `kind` replaces it whole), in the parent's place or `after` another id;
//   any other child layer is added on top, or `after = "id"`;
//   `remove = ["id", …]` drops parent layers.
#include "diag/diag.h"
#include "load/reader.h"

#include <algorithm>

namespace vexil::load {
namespace {

/// Designs may extend designs that extend designs … this deep, and no deeper.
constexpr int kMaxExtendsDepth = 16;

/// Moves `value` into `target[key]`. Moved, not copied: toml++ keeps a node's source region only
/// when it is moved, and every value must keep the file:line:col of the design that wrote it.
void move_into(toml::table& target, std::string_view key, toml::node& value) {
    value.visit([&](auto& concrete) { target.insert_or_assign(key, std::move(concrete)); });
}

std::string layer_id(const toml::node& layer) {
    if (const auto* table = layer.as_table())
        if (const auto* id = table->get_as<std::string>("id")) return id->get();
    return {};
}

std::vector<std::string> ids_of(const toml::array& layers) {
    std::vector<std::string> ids;
    for (const auto& layer : layers)
        if (auto id = layer_id(layer); !id.empty()) ids.push_back(id);
    return ids;
}

/// The position of the layer with `id` in `layers`, or -1.
long find_layer(const toml::array& layers, std::string_view id) {
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layer_id(*layers.get(i)) == id) return static_cast<long>(i);
    return -1;
}

void merge_tables(toml::table& parent, toml::table& child) {
    for (auto&& [key, value] : child)
        move_into(parent, key.str(), value);
}

void remove_layers(toml::array& layers, const toml::node& remove, Reader& reader) {
    const auto* list = remove.as_array();
    if (!list) {
        reader.fail(diag::wrong_type(region_of(remove), "remove", "a list of layer ids", describe(remove)));
        return;
    }
    for (const auto& item : *list) {
        const auto* id = item.as_string();
        if (!id) {
            reader.fail(diag::wrong_type(region_of(item), "remove", "a layer id", describe(item)));
            continue;
        }
        const long at = find_layer(layers, id->get());
        if (at < 0) {
            reader.fail(
                diag::error(region_of(item), "unknown-id",
                            "remove: the parent design has no layer '" + id->get() + "'" +
                                diag::suggestion_suffix(diag::did_you_mean(id->get(), ids_of(layers)))));
            continue;
        }
        layers.erase(layers.cbegin() + at);
    }
}

void merge_layer(toml::array& layers, toml::table&& child, Reader& reader) {
    toml::table layer = std::move(child);
    std::optional<std::string> after;
    SourceRegion after_region;
    if (const auto* node = layer.get("after")) {
        if (const auto* id = node->as_string())
            after = id->get();
        else
            reader.fail(diag::wrong_type(region_of(*node), "after", "a layer id", describe(*node)));
        after_region = region_of(*node);
        layer.erase("after");
    }
    long place = -1;
    if (const std::string id = layer_id(layer); !id.empty() && (place = find_layer(layers, id)) >= 0) {
        toml::table& parent = *layers.get(static_cast<std::size_t>(place))->as_table();
        const auto* kind = layer.get_as<std::string>("kind");
        const auto* parent_kind = parent.get_as<std::string>("kind");
        if (kind && parent_kind && kind->get() != parent_kind->get())
            parent = std::move(layer); // another kind
        else
            merge_tables(parent, layer);
        if (!after) return;
        layer = std::move(parent);
        layers.erase(layers.cbegin() + place);
    }
    if (!after) {
        layers.push_back(std::move(layer));
        return;
    }
    const long anchor = find_layer(layers, *after);
    if (anchor < 0) {
        reader.fail(diag::error(after_region, "unknown-id",
                                "after: the design has no layer '" + *after + "'" +
                                    diag::suggestion_suffix(diag::did_you_mean(*after, ids_of(layers)))));
        layers.push_back(std::move(layer));
        return;
    }
    layers.insert(layers.cbegin() + anchor + 1, std::move(layer));
}

/// `child` merged into `parent` (which becomes the result).
void merge_design(toml::table& parent, toml::table& child, Reader& reader) {
    for (auto&& [key, value] : child) {
        const std::string_view name = key.str();
        if (name == "extends" || name == "remove" || name == "layer") continue;
        toml::table* parent_table = parent[name].as_table();
        if (parent_table && value.is_table() && (name == "flag" || name == "colors" || name == "params"))
            merge_tables(*parent_table, *value.as_table());
        else
            move_into(parent, name, value);
    }
    if (!parent["layer"].is_array()) parent.insert_or_assign("layer", toml::array{});
    toml::array& layers = *parent["layer"].as_array();
    if (const toml::node* remove = child.get("remove")) remove_layers(layers, *remove, reader);
    if (toml::node* node = child.get("layer")) {
        if (toml::array* list = node->as_array())
            for (auto& item : *list) {
                if (toml::table* layer = item.as_table())
                    merge_layer(layers, std::move(*layer), reader);
                else
                    reader.fail(diag::wrong_type(region_of(item), "a layer", "a table", describe(item)));
            }
    }
}

} // namespace

void resolve_extends(toml::table& document, const std::filesystem::path& file,
                     std::vector<std::filesystem::path>& chain, Reader& reader) {
    const toml::node* extends = document.get("extends");
    if (!extends) {
        if (const toml::node* remove = document.get("remove"))
            reader.fail(diag::error(region_of(*remove), "remove-without-extends",
                                    "remove: only a design that `extends` another can remove its layers"));
        return;
    }
    const auto* name = extends->as_string();
    if (!name)
        diag::raise(
            diag::wrong_type(region_of(*extends), "extends", "a design file name", describe(*extends)));
    const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
    std::error_code code;
    const std::filesystem::path parent_file = std::filesystem::weakly_canonical(folder / name->get(), code);
    if (std::find(chain.begin(), chain.end(), parent_file) != chain.end()) {
        std::string cycle;
        for (const auto& step : chain)
            cycle += step.filename().string() + " → ";
        diag::raise(diag::error(region_of(*extends), "extends-cycle",
                                "extends: designs extend each other in a cycle: " + cycle +
                                    parent_file.filename().string()));
    }
    if (chain.size() > kMaxExtendsDepth)
        diag::raise(diag::too_many(region_of(*extends), "the depth of `extends`", kMaxExtendsDepth));
    std::string text;
    try {
        text = read_design_file(folder / name->get());
    } catch (const IoError& error) {
        diag::raise(
            diag::error(region_of(*extends), "extends-missing", "extends: " + std::string(error.what())));
    }
    toml::table parent = parse_toml(text, (folder / name->get()).lexically_normal().string());
    chain.push_back(parent_file);
    resolve_extends(parent, folder / name->get(), chain, reader);
    merge_design(parent, document, reader);
    document = std::move(parent);
}

} // namespace vexil::load
