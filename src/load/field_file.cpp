// `file` fields (emblem artwork) and `recolor` tables.
#include "diag/diag.h"
#include "load/reader.h"
#include "model/colour.h"

#include <algorithm>
#include <system_error>

namespace vexil::load {
namespace {

namespace fs = std::filesystem;

/// A folder made absolute and canonical (symlinks resolved as far as it exists).
fs::path canonical_folder(const fs::path& folder) {
    std::error_code code;
    fs::path absolute = fs::absolute(folder.empty() ? fs::path(".") : folder, code);
    if (code) return folder.lexically_normal();
    fs::path canonical = fs::weakly_canonical(absolute, code);
    return code ? absolute.lexically_normal() : canonical;
}

/// Whether canonical `path` lies inside canonical `folder` (or is it).
bool inside(const fs::path& path, const fs::path& folder) {
    auto p = path.begin();
    for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
        if (f->empty() && std::next(f) == folder.end()) break; // a trailing separator
        if (p == path.end() || *p != *f) return false;
    }
    return true;
}

/// A source file name that stands for no real file: "<--set a.b=c>", "<default>".
bool pseudo_file(std::string_view file) {
    return !file.empty() && file.front() == '<';
}

} // namespace

std::optional<FieldValue> Reader::file(const toml::node& node, std::string_view what) {
    const auto* text = node.as_string();
    if (!text) {
        fail(diag::wrong_type(region_of(node), what, "a file path string", describe(node)));
        return std::nullopt;
    }
    const std::string written = text->get();
    const SourceRegion at = region_of(node);
    if (written.empty()) {
        fail(diag::error(at, "file-missing", std::string(what) + ": the file name is empty"));
        return std::nullopt;
    }
    if (written.find('\0') != std::string::npos) {
        fail(diag::error(at, "file-missing", std::string(what) + ": the file name contains a NUL character"));
        return std::nullopt;
    }

    // Relative to the folder of the file the value was written in (with `extends`, a parent
    // design's own file). A --set value is relative to the design. A design held in memory whose
    // label has no folder reads from the current directory.
    fs::path own_folder;
    if (!at.file.empty() && !pseudo_file(at.file))
        own_folder = fs::path(at.file).parent_path();
    else if (!pseudo_file(label_))
        own_folder = fs::path(label_).parent_path();
    own_folder = canonical_folder(own_folder);

    std::error_code code;
    const fs::path resolved = fs::weakly_canonical(own_folder / fs::path(written), code);
    if (code) {
        fail(diag::error(at, "file-missing",
                         std::string(what) + ": cannot resolve '" + written + "': " + code.message()));
        return std::nullopt;
    }

    // Where files may come from: the folders of the designs of the `extends` chain and
    // LoadOptions::allowed_folders; failing those, the folder the name is relative to.
    std::vector<fs::path> allowed;
    for (const fs::path& folder : allowed_folders_)
        allowed.push_back(canonical_folder(folder));
    if (allowed.empty()) allowed.push_back(own_folder);
    if (std::none_of(allowed.begin(), allowed.end(),
                     [&](const fs::path& folder) { return inside(resolved, folder); })) {
        fail(diag::error(at, "file-outside",
                         std::string(what) + ": '" + written + "' lies outside the design's folder (" +
                             own_folder.string() +
                             "); a design may read files only from its own folder and its "
                             "subfolders, or from a folder the caller allows"));
        return std::nullopt;
    }

    const auto status = fs::status(resolved, code);
    if (code || !fs::exists(status)) {
        fail(diag::error(at, "file-missing",
                         std::string(what) + ": no file '" + written + "' (looked for " + resolved.string() +
                             ")"));
        return std::nullopt;
    }
    if (!fs::is_regular_file(status)) {
        fail(diag::error(at, "file-missing", std::string(what) + ": '" + written + "' is not a file"));
        return std::nullopt;
    }
    return resolved.string();
}

std::optional<FieldValue> Reader::recolour(const toml::node& node, std::string_view what) {
    const auto* table = node.as_table();
    if (!table) {
        fail(diag::wrong_type(region_of(node), what, "a table { \"#from\" = \"to\", … }", describe(node)));
        return std::nullopt;
    }
    if (table->size() > kMaxListItems) {
        fail(diag::too_many(region_of(node), std::string(what) + ": the number of entries", kMaxListItems));
        return std::nullopt;
    }
    std::vector<Recolour> entries;
    bool ok = true;
    for (auto&& [key, value] : *table) {
        // Keys are colours as the artwork writes them, so palette names mean nothing there.
        const auto from = parse_colour_literal(key.str());
        if (!from) {
            std::vector<std::string_view> known(css_colour_names().begin(), css_colour_names().end());
            fail(diag::error(
                region_of(key.source()), "bad-colour",
                std::string(what) + ": '" + std::string(key.str()) +
                    "' is not a colour of the artwork: a key is written as #rgb, #rrggbb, #rrggbbaa or "
                    "a CSS colour name (palette names belong on the right)" +
                    diag::suggestion_suffix(diag::did_you_mean(key.str(), known))));
            ok = false;
        }
        const auto to = colour(value, std::string(what) + "." + std::string(key.str()));
        ok = ok && to.has_value();
        if (from && to) entries.push_back({*from, *to});
    }
    if (!ok) return std::nullopt;
    return entries;
}

} // namespace vexil::load
