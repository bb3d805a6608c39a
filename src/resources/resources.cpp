// load_resources: the stage between load and layout that reads what a design uses besides its own
// file. Today that is SVG emblems (through the emblem module, the only user of librsvg); every
// unusable file is reported at once, each at its layer's `file` value.
#include "vexil/resources.h"

#include "diag/diag.h"
#include "emblem/emblem.h"
#include "text/text.h"
#include "vexil/fields.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

namespace vexil {
namespace {

/// One string for a file and its recolour table: two emblem layers share artwork only when both
/// agree. Colours are written exactly (%a), so two tables that differ anywhere differ here.
std::string artwork_key(const std::string& file, const std::vector<Recolour>& recolour) {
    std::string key = file;
    char buffer[64];
    for (const Recolour& entry : recolour)
        for (const Colour& c : {entry.from, entry.to})
            for (double channel : {c.r, c.g, c.b, c.a}) {
                std::snprintf(buffer, sizeof buffer, "|%a", channel);
                key += buffer;
            }
    return key;
}

/// What a text layer's shaping depends on: two layers with the same key share one Lettering.
std::string lettering_key(const Layer& layer) {
    char spacing[32];
    const double size = layer.get(fields::letter_size);
    std::snprintf(spacing, sizeof spacing, "%a", size > 0 ? layer.get(fields::letter_spacing) / size : 0.0);
    std::string key;
    for (const std::string& part :
         {layer.get(fields::text), layer.get(fields::font), layer.get_or(fields::font_file, std::string()),
          layer.get(fields::weight), layer.get(fields::style), std::string(spacing)})
        key.append(part).push_back('\0');
    return key;
}

/// The family a text layer is set in: its font file's, or an installed one. nullopt after recording a
/// problem in `problems` (a missing family names the close ones that are installed).
std::optional<std::string> family_of(const Layer& layer, Resources& problems) {
    const std::string& asked = layer.get(fields::font);
    if (layer.has(fields::font_file)) {
        const std::string family = text::add_font_file(layer.get(fields::font_file));
        if (family.empty()) {
            problems.add_problem(layer, diag::error(layer.where(fields::font_file), "bad-font",
                                                    "font_file: not a font file fontconfig can read"));
            return std::nullopt;
        }
        if (layer.given(fields::font) && text::installed_family(asked) != family) {
            problems.add_problem(layer, diag::error(layer.where(fields::font), "bad-font",
                                                    "font: the font file holds the family '" + family +
                                                        "', not '" + asked + "'"));
            return std::nullopt;
        }
        return family;
    }
    if (std::string family = text::installed_family(asked); !family.empty()) return family;
    if (layer.get(fields::fallback)) return asked; // fontconfig picks the closest it has
    const std::vector<std::string> installed = text::installed_families();
    std::vector<std::string> close;
    for (const std::string& name : installed)
        if (diag::edit_distance(name, asked) <= std::max<std::size_t>(2, asked.size() / 3) ||
            (name.size() > 3 && asked.size() > 3 &&
             (name.find(asked.substr(0, asked.find(' '))) != std::string::npos)))
            close.push_back(name);
    if (close.size() > 6) close.resize(6);
    std::string list;
    for (const std::string& name : close)
        list += (list.empty() ? "" : ", ") + std::string("'") + name + "'";
    problems.add_problem(layer,
                         diag::error(layer.where(fields::font), "missing-font",
                                     "font: no family '" + asked + "' is installed" +
                                         (list.empty() ? std::string() : "; close ones that are: " + list) +
                                         " (or write `fallback = true` to let fontconfig choose one)"));
    return std::nullopt;
}

} // namespace

void Resources::add_problem(const Layer& layer, Diagnostic problem) {
    problems_.push_back(std::move(problem));
    failed_.push_back(layer.region);
}

bool Resources::failed(const Layer& layer) const {
    for (const SourceRegion& region : failed_)
        if (region.file == layer.region.file && region.begin.line == layer.region.begin.line &&
            region.begin.column == layer.region.begin.column)
            return true;
    return false;
}

const Lettering* Resources::lettering(const Layer& layer) const {
    auto it = letterings_.find(lettering_key(layer));
    return it == letterings_.end() ? nullptr : &it->second;
}

void Resources::add_lettering(const Layer& layer, Lettering lettering) {
    letterings_.insert_or_assign(lettering_key(layer), std::move(lettering));
}

/// What a ResourceCache holds: for each file and recolour table, the bytes last parsed and the
/// artwork they made. A changed file (watch mode) has other bytes and is parsed again.
struct ResourceCache::Entries {
    struct Entry {
        std::string bytes;
        Artwork artwork;
    };
    std::map<std::string, Entry, std::less<>> by_key;
    std::size_t parses = 0;
};

ResourceCache::ResourceCache() : entries_(std::make_unique<Entries>()) {}
ResourceCache::~ResourceCache() = default;
std::size_t ResourceCache::parses() const {
    return entries_->parses;
}

const Artwork* Resources::artwork(const std::string& file, const std::vector<Recolour>& recolour) const {
    auto it = artworks_.find(artwork_key(file, recolour));
    return it == artworks_.end() ? nullptr : &it->second;
}

void Resources::add_artwork(const std::string& file, const std::vector<Recolour>& recolour, Artwork artwork) {
    artworks_.insert_or_assign(artwork_key(file, recolour), std::move(artwork));
}

Resources load_resources(const Design& design, ResourceCache* cache) {
    Resources resources;
    for (const Layer& layer : design.layers) {
        if (layer.kind == Kind::Text) {
            if (resources.lettering(layer)) continue;
            const auto family = family_of(layer, resources);
            if (!family) continue;
            text::Request request;
            request.text = layer.get(fields::text);
            request.family = *family;
            request.weight = layer.get(fields::weight);
            request.italic = layer.get(fields::style) == "italic";
            const double size = layer.get(fields::letter_size);
            request.letter_spacing = size > 0 ? layer.get(fields::letter_spacing) / size : 0;
            resources.add_lettering(layer, text::shape(request));
            continue;
        }
        if (layer.kind != Kind::Emblem) continue;
        const std::string& file = layer.get(fields::file);
        const std::vector<Recolour> none;
        const std::vector<Recolour>& recolour =
            layer.has(fields::recolor) ? layer.get(fields::recolor) : none;
        if (resources.artwork(file, recolour)) continue;
        try {
            const std::string name = std::filesystem::path(file).filename().string();
            std::string bytes = emblem::read(file);
            const std::string key = artwork_key(file, recolour);
            if (cache) {
                auto& entries = cache->entries().by_key;
                auto it = entries.find(key);
                if (it == entries.end() || it->second.bytes != bytes) {
                    Artwork artwork = emblem::parse(bytes, name, recolour);
                    ++cache->entries().parses;
                    it = entries
                             .insert_or_assign(key, ResourceCache::Entries::Entry{std::move(bytes), artwork})
                             .first;
                }
                resources.add_artwork(file, recolour, it->second.artwork);
            } else {
                resources.add_artwork(file, recolour, emblem::parse(std::move(bytes), name, recolour));
            }
        } catch (const emblem::LoadError& error) {
            resources.add_problem(layer, diag::error(layer.where(fields::file), "bad-emblem",
                                                     std::string("file: ") + error.what()));
        }
    }
    return resources;
}

} // namespace vexil
