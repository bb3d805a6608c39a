// load_resources: the stage between load and layout that reads what a design uses besides its own
// file. Today that is SVG emblems (through the emblem module, the only user of librsvg); every
// unusable file is reported at once, each at its layer's `file` value.
#include "vexil/resources.h"

#include "diag/diag.h"
#include "emblem/emblem.h"
#include "vexil/fields.h"

#include <cstdio>
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

} // namespace

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
    std::vector<Diagnostic> problems;
    for (const Layer& layer : design.layers) {
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
            problems.push_back(
                diag::error(layer.where(fields::file), "bad-emblem", std::string("file: ") + error.what()));
        }
    }
    if (!problems.empty()) diag::raise(std::move(problems));
    return resources;
}

} // namespace vexil
