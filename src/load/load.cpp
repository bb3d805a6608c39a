// load_design: file → TOML document → overrides → checked, resolved Design.
#include "vexil/load.h"
#include "diag/diag.h"
#include "geom/svg_path.h"
#include "load/reader.h"
#include "model/colour.h"
#include "vexil/fields.h"
#include "vexil/version.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <tuple>

namespace vexil {
namespace load {
namespace {

// `extends` and `remove` are consumed by merge.cpp before the keys are checked.
const std::vector<std::string_view> kTopLevelKeys = {"flag",  "colors",  "params",
                                                     "layer", "extends", "remove"};
const std::vector<std::string_view> kFlagKeys = {"title", "author", "source", "size", "outline"};

std::vector<std::string_view> kind_names() {
    std::vector<std::string_view> names;
    for (const auto& kind : kind_catalogue())
        names.push_back(kind.name);
    return names;
}

std::vector<std::string_view> field_names(const KindSpec& kind) {
    std::vector<std::string_view> names{"kind"};
    for (const auto& field : kind.fields)
        names.push_back(field.name);
    for (const auto& field : common_fields())
        names.push_back(field.name);
    return names;
}

void check_keys(const toml::table& table, const std::vector<std::string_view>& known, std::string_view where,
                Reader& reader) {
    for (auto&& [key, value] : table)
        if (std::find(known.begin(), known.end(), key.str()) == known.end())
            reader.fail(diag::unknown_key(region_of(key.source()), key.str(), where, known));
}

std::optional<std::string> text_of(const toml::node& node, std::string_view what, Reader& reader) {
    if (const auto* text = node.as_string()) return std::string(text->get());
    reader.fail(diag::wrong_type(region_of(node), what, "a string", describe(node)));
    return std::nullopt;
}

FlagInfo read_flag(const toml::table& document, Reader& reader) {
    FlagInfo flag;
    const toml::table* table = document["flag"].as_table();
    if (!table) {
        if (document.contains("flag"))
            reader.fail(diag::wrong_type(region_of(*document.get("flag")), "'flag'", "a table",
                                         describe(*document.get("flag"))));
        else
            reader.fail(diag::missing_key(region_of(document.source()), "[flag]", "a design"));
        return flag;
    }
    flag.region = region_of(*table);
    check_keys(*table, kFlagKeys, "[flag]", reader);
    for (auto [key, target] :
         {std::pair{"title", &flag.title}, {"author", &flag.author}, {"source", &flag.source}})
        if (const toml::node* node = table->get(key))
            if (auto text = text_of(*node, std::string("flag.") + key, reader)) *target = *text;
    const toml::node* size = table->get("size");
    if (!size) {
        reader.fail(diag::missing_key(flag.region, "size", "[flag]"));
        return flag;
    }
    FieldSpec size_spec{"size", FieldType::Pair, true, "", "design units", "flag size"};
    if (auto value = reader.field(size_spec, *size, "flag.size")) {
        const Vec2 size_value = std::get<Vec2>(*value);
        const double wh[2] = {size_value.x, size_value.y};
        // From 0.001 to 1e6 design units: the geometry's tolerances are absolute (geom/tolerance.h),
        // and a flag drawn in billionths of a unit would fall below them.
        if (wh[0] < 1e-3 || wh[1] < 1e-3 || wh[0] > 1e6 || wh[1] > 1e6 || wh[0] / wh[1] > 100 ||
            wh[1] / wh[0] > 100)
            reader.fail(diag::error(region_of(*size), "bad-size",
                                    "flag.size: width and height must be from 0.001 to 1e6 design units, and "
                                    "within 100:1 of each other"));
        else {
            flag.width = wh[0];
            flag.height = wh[1];
        }
    }
    return flag;
}

/// `[flag] outline`: SVG path data, or a polygon's corners [[x, y], …] (numbers may be expressions).
std::optional<Path> read_outline(const toml::node& node, Reader& reader) {
    const bool is_text = node.is_string();
    const FieldSpec spec{"outline", is_text ? FieldType::PathData : FieldType::Points, false, "", "", ""};
    auto value = reader.field(spec, node, "flag.outline");
    if (!value) return std::nullopt;
    if (is_text) return geom::parse_svg_path(std::get<std::string>(*value)).path;
    const auto& corners = std::get<std::vector<Vec2>>(*value);
    if (corners.size() < 3) {
        reader.fail(
            diag::error(region_of(node), "wrong-length", "flag.outline: a polygon needs at least 3 corners"));
        return std::nullopt;
    }
    return polygon_path(corners);
}

/// The TOML node for a kind's default value. Every default in the catalogue is parsed once, when
/// the first design is loaded, into a map that is only read afterwards: the gallery loads designs
/// on several threads at once.
const toml::node& default_node(std::string_view text) {
    static const std::map<std::string, toml::table, std::less<>> defaults = [] {
        std::map<std::string, toml::table, std::less<>> parsed;
        std::vector<const std::vector<FieldSpec>*> lists{&common_fields()};
        for (const KindSpec& kind : kind_catalogue())
            lists.push_back(&kind.fields);
        for (const auto* fields : lists)
            for (const FieldSpec& spec : *fields)
                if (!spec.fallback.empty() && !parsed.count(spec.fallback))
                    parsed.emplace(
                        std::string(spec.fallback),
                        toml::parse("v = " + std::string(spec.fallback), std::string_view("<default>")));
        return parsed;
    }();
    return *defaults.find(text)->second.get("v");
}

std::optional<Layer> read_layer(const toml::table& table, std::size_t index, Reader& reader) {
    Layer layer;
    layer.region = region_of(table);
    const std::string where = "layer " + std::to_string(index + 1);
    const toml::node* kind_node = table.get("kind");
    if (!kind_node) {
        reader.fail(diag::missing_key(layer.region, "kind", where));
        return std::nullopt;
    }
    auto kind_name = text_of(*kind_node, where + ".kind", reader);
    if (!kind_name) return std::nullopt;
    const KindSpec* kind = find_kind(*kind_name);
    if (!kind) {
        reader.fail(diag::unknown_kind(region_of(*kind_node), *kind_name, kind_names()));
        return std::nullopt;
    }
    layer.kind = kind->kind;
    if (const auto* id = table.get("id"); id && id->is_string()) layer.id = id->as_string()->get();
    const std::string named = layer.id.empty() ? where + " (" + *kind_name + ")" : "layer '" + layer.id + "'";
    const auto names = field_names(*kind);
    std::set<std::string, std::less<>> misspelt; // required fields an unknown key was taken for
    bool ok = true;
    for (auto&& [key, node] : table) {
        if (key == "kind") continue;
        const FieldSpec* spec = find_field(*kind, key.str());
        if (!spec) {
            reader.fail(diag::unknown_key(region_of(key.source()), key.str(), named, names));
            misspelt.insert(diag::did_you_mean(key.str(), names));
            ok = false;
            continue;
        }
        auto value = reader.field(*spec, node, std::string(key.str()));
        if (!value) {
            ok = false;
            continue;
        }
        layer.fields.emplace(std::string(key.str()), Field{std::move(*value), region_of(node)});
    }
    for (const auto* specs : {&kind->fields, &common_fields()}) {
        for (const FieldSpec& spec : *specs) {
            if (table.contains(spec.name)) continue; // given (a bad value has been reported already)
            if (spec.required) {
                // "unknown key 'raduis' — did you mean 'radius'?" already says it; don't repeat it.
                if (!misspelt.count(std::string(spec.name)))
                    reader.fail(diag::missing_key(layer.region, spec.name, named));
                ok = false;
            } else if (!spec.fallback.empty()) {
                if (auto value = reader.field(spec, default_node(spec.fallback), spec.name))
                    layer.fields.emplace(std::string(spec.name),
                                         Field{std::move(*value), layer.region, false});
            }
        }
    }
    if (!ok) return std::nullopt;
    return layer;
}

std::vector<Layer> read_layers(const toml::table& document, Reader& reader) {
    std::vector<Layer> layers;
    const toml::node* node = document.get("layer");
    if (!node) return layers;
    const toml::array* array = node->as_array();
    if (!array) {
        reader.fail(
            diag::wrong_type(region_of(*node), "'layer'", "an array of tables ([[layer]])", describe(*node)));
        return layers;
    }
    if (array->size() > kMaxLayers) {
        reader.fail(diag::too_many(region_of(*node), "the number of layers", kMaxLayers));
        return layers;
    }
    std::map<std::string, SourceRegion, std::less<>> ids;
    for (std::size_t i = 0; i < array->size() && !reader.saturated(); ++i) {
        const toml::table* table = array->get(i)->as_table();
        if (!table) {
            reader.fail(
                diag::wrong_type(region_of(*array->get(i)), "a layer", "a table", describe(*array->get(i))));
            continue;
        }
        auto layer = read_layer(*table, i, reader);
        if (!layer) continue;
        if (!layer->id.empty()) {
            auto [it, fresh] = ids.emplace(layer->id, layer->where(fields::id));
            if (!fresh) {
                const auto& first = it->second;
                reader.fail(diag::error(layer->where(fields::id), "duplicate-id",
                                        "layer id '" + layer->id + "' is already used at line " +
                                            std::to_string(first.begin.line)));
            }
        }
        layers.push_back(std::move(*layer));
    }
    return layers;
}

Design read_document(toml::table& document, std::string label, const LoadOptions& options) {
    Reader reader(label);
    std::error_code code;
    std::vector<std::filesystem::path> chain{std::filesystem::weakly_canonical(label, code)};
    resolve_extends(document, label, chain, reader);
    std::vector<std::filesystem::path> folders;
    std::vector<std::string> inputs;
    for (const auto& file : chain) {
        folders.push_back(file.parent_path());
        inputs.push_back(file.string());
    }
    for (const auto& folder : options.allowed_folders)
        folders.push_back(std::filesystem::weakly_canonical(folder, code));
    reader.set_allowed_folders(std::move(folders));
    apply_overrides(document, options.overrides, reader);
    check_keys(document, kTopLevelKeys, "the design's top level", reader);
    Design design;
    design.path = label;
    design.inputs = std::move(inputs);
    design.flag = read_flag(document, reader);
    if (const toml::node* params = document.get("params")) {
        if (params->is_table())
            reader.set_params(params->as_table());
        else
            reader.fail(diag::wrong_type(region_of(*params), "'params'", "a table", describe(*params)));
    }
    reader.set_flag_size(design.flag.width, design.flag.height);
    design.colours = read_colours(document, reader);
    for (const NamedColour& colour : design.colours)
        design.palette.emplace(colour.name, colour.screen);
    reader.set_palette(&design.palette);
    design.params = reader.all_params();
    if (const toml::table* flag = document["flag"].as_table())
        if (const toml::node* outline = flag->get("outline"))
            design.flag.outline = read_outline(*outline, reader);
    design.layers = read_layers(document, reader);
    for (const Layer& layer : design.layers) // files the layers read (emblems) are inputs too
        for (const auto& [name, field] : layer.fields)
            if (const FieldSpec* spec = find_field(kind_spec(layer.kind), name);
                spec && spec->type == FieldType::File)
                design.inputs.push_back(std::get<std::string>(field.value));
    if (reader.failed()) {
        // Report in the order of the file (--set problems, from pseudo-files, first), as compilers do.
        auto errors = reader.take_errors();
        std::stable_sort(errors.begin(), errors.end(), [&](const Diagnostic& a, const Diagnostic& b) {
            const auto key = [&](const Diagnostic& d) {
                return std::tuple(d.region.file == label, d.region.begin.line, d.region.begin.column);
            };
            return key(a) < key(b);
        });
        diag::raise(std::move(errors));
    }
    return design;
}

} // namespace

namespace {

/// Where the last bracket still open before `stop` (1-based line and column) was opened: strings
/// and comments skipped, table headers closing as arrays do. Line 0 when none is open.
SourcePosition unclosed_bracket(std::string_view text, SourcePosition stop) {
    std::vector<SourcePosition> open;
    SourcePosition at{1, 1};
    char quote = 0;
    bool comment = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (at.line > stop.line || (at.line == stop.line && at.column >= stop.column)) break;
        const char c = text[i];
        if (c == '\n') {
            comment = false;
            quote = 0; // a single-line string ends with its line, closed or not
            ++at.line;
            at.column = 1;
            continue;
        }
        if (comment) {
        } else if (quote) {
            if (c == '\\' && quote == '"')
                ++i, ++at.column;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            comment = true;
        } else if (c == '[') {
            open.push_back(at);
        } else if (c == ']' && !open.empty()) {
            open.pop_back();
        }
        ++at.column;
    }
    return open.empty() ? SourcePosition{} : open.back();
}

/// A plain word on the commonest TOML mistakes, said after toml++'s own description; it may move
/// `region` to where the mistake is (an unclosed bracket) rather than where toml++ noticed it.
std::string syntax_hint(std::string_view description, std::string_view text, SourceRegion& region) {
    const auto has = [&](std::string_view part) { return description.find(part) != std::string_view::npos; };
    if (has("control characters") && (has("parsing string") || has("literal string")))
        return "a string is not closed on this line: add its closing quote";
    if (has("could not determine value type"))
        return "a value is a number, true or false, an array [..], a table {..}, or text in quotes "
               "(\"white\")";
    if (has("expected '='")) return "each line of a table is KEY = VALUE";
    if (has("cannot redefine existing")) return "a key is given twice in one table: keep one";
    if (has("inline table") && has("'\\n'")) return "an inline table { .. } opens and closes on one line";
    if (has("table header") || has("table array header"))
        return "a table header is [name] (or [[layer]]) on a line of its own";
    if (has("parsing array") && has("closing ']'")) {
        if (const SourcePosition open = unclosed_bracket(text, region.begin); open.line > 0) {
            const std::string noticed =
                std::to_string(region.begin.line) + ":" + std::to_string(region.begin.column);
            region.begin = region.end = open;
            return "this '[' is not closed: a ']' is missing before " + noticed;
        }
        return "an array is not closed: a ']' is missing";
    }
    if (has("expected a comment or whitespace")) return "something follows the value on its line";
    return {};
}

} // namespace

toml::table parse_toml(std::string_view text, const std::string& label) {
    try {
        return toml::parse(text, std::string_view(label));
    } catch (const toml::parse_error& error) {
        SourceRegion region = region_of(error.source());
        region.file = label;
        // toml++ says "Error while parsing X: …"; after our own "error:" that reads better as below.
        std::string message(error.description());
        if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[0])) &&
            std::islower(static_cast<unsigned char>(message[1])))
            message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
        if (constexpr std::string_view prefix = "error while "; message.rfind(prefix, 0) == 0)
            message = "TOML syntax error while " + message.substr(prefix.size());
        else
            message = "TOML syntax error: " + message;
        if (const std::string hint = syntax_hint(error.description(), text, region); !hint.empty())
            message = hint + " (" + message + ")";
        diag::raise(diag::error(region, "toml-syntax", message));
    }
}

std::string read_design_file(const std::filesystem::path& path) {
    std::error_code code;
    const auto size = std::filesystem::file_size(path, code);
    if (code) throw IoError(path.string() + ": cannot read design: " + code.message());
    if (size > kMaxDesignBytes)
        diag::raise(diag::too_many(SourceRegion{path.string(), {}, {}}, "the design file's size in bytes",
                                   kMaxDesignBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path.string() + ": cannot open design");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw IoError(path.string() + ": read failed");
    return text.str();
}

} // namespace load

Design load_design_text(std::string_view toml, std::string_view label, const LoadOptions& options) {
    if (toml.size() > load::kMaxDesignBytes)
        diag::raise(diag::too_many(SourceRegion{std::string(label), {}, {}},
                                   "the design file's size in bytes", load::kMaxDesignBytes));
    toml::table document = load::parse_toml(toml, std::string(label));
    return load::read_document(document, std::string(label), options);
}

Design load_design(const std::filesystem::path& path, const LoadOptions& options) {
    return load_design_text(load::read_design_file(path), path.string(), options);
}

} // namespace vexil

namespace vexil {

std::string inputs_hash(const Design& design, std::string_view extra) {
    // FNV-1a, 64 bits: a label to match a print to its file, not a security boundary.
    std::uint64_t hash = 1469598103934665603ULL;
    const auto add = [&](std::string_view bytes) {
        for (unsigned char c : bytes)
            hash = (hash ^ c) * 1099511628211ULL;
        hash = (hash ^ 0xff) * 1099511628211ULL;
    };
    add(kVersion);
    add(extra);
    for (const std::string& input : design.inputs) {
        std::ifstream in(input, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        add(bytes.str());
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return std::string(text, 12);
}

} // namespace vexil
