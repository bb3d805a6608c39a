// See text.h. Shapes at 1000 units to the em with hinting and position rounding off, then scales
// to ems, so an outline is the font's own at any size.
#include "text/text.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace vexil::text {
namespace {

constexpr double kEm = 1000; // shaping size: font units are 1/1000 of this or finer

template <typename T, void (*Free)(T*)> struct Deleter {
    void operator()(T* pointer) const { Free(pointer); }
};
void unref(void* object) {
    g_object_unref(object);
}
using ObjectPtr = std::unique_ptr<void, Deleter<void, unref>>;
using CairoPtr = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using FontOptionsPtr =
    std::unique_ptr<cairo_font_options_t, Deleter<cairo_font_options_t, cairo_font_options_destroy>>;
using DescriptionPtr =
    std::unique_ptr<PangoFontDescription, Deleter<PangoFontDescription, pango_font_description_free>>;
using IterPtr = std::unique_ptr<PangoLayoutIter, Deleter<PangoLayoutIter, pango_layout_iter_free>>;
using PathPtr = std::unique_ptr<cairo_path_t, Deleter<cairo_path_t, cairo_path_destroy>>;

/// Fontconfig's application fonts are process-wide: adding one, and making the font maps see it,
/// happens under this lock; `generation` tells each thread's font map to refresh.
std::mutex font_files_lock;
int generation = 0;

/// This thread's font map (Pango's default is per thread), refreshed after a font file was added.
PangoFontMap* font_map() {
    thread_local int seen = 0;
    PangoFontMap* map = pango_cairo_font_map_get_default();
    std::lock_guard<std::mutex> lock(font_files_lock);
    if (seen != generation) {
        pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(map));
        seen = generation;
    }
    return map;
}

PangoWeight weight_of(const std::string& name) {
    if (name == "thin") return PANGO_WEIGHT_THIN;
    if (name == "light") return PANGO_WEIGHT_LIGHT;
    if (name == "medium") return PANGO_WEIGHT_MEDIUM;
    if (name == "semibold") return PANGO_WEIGHT_SEMIBOLD;
    if (name == "bold") return PANGO_WEIGHT_BOLD;
    if (name == "heavy") return PANGO_WEIGHT_HEAVY;
    return PANGO_WEIGHT_NORMAL;
}

/// Cairo's current path as a vexil Path, scaled from shaping units to ems.
Path path_in_ems(cairo_t* cr) {
    PathPtr path(cairo_copy_path(cr));
    Path out;
    // Cairo follows each close with a move to the subpath's start; a move is kept only when a
    // segment follows it, so no outline ends in a stray point.
    std::optional<Vec2> move;
    const auto start = [&] {
        if (move) out.move_to(*move);
        move.reset();
    };
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
        const cairo_path_data_t* data = &path->data[i];
        const auto at = [&](int k) { return Vec2{data[k].point.x / kEm, data[k].point.y / kEm}; };
        switch (data->header.type) {
        case CAIRO_PATH_MOVE_TO:
            move = at(1);
            break;
        case CAIRO_PATH_LINE_TO:
            start();
            out.line_to(at(1));
            break;
        case CAIRO_PATH_CURVE_TO:
            start();
            out.cubic_to(at(1), at(2), at(3));
            break;
        case CAIRO_PATH_CLOSE_PATH:
            out.close();
            break;
        }
    }
    return out;
}

} // namespace

std::vector<std::string> installed_families() {
    PangoFontFamily** families = nullptr;
    int count = 0;
    pango_font_map_list_families(font_map(), &families, &count);
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i)
        names.emplace_back(pango_font_family_get_name(families[i]));
    g_free(families);
    std::sort(names.begin(), names.end());
    return names;
}

std::string add_font_file(const std::string& path) {
    int count = 0;
    FcPattern* pattern = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(path.c_str()), 0, nullptr, &count);
    if (!pattern) return {};
    FcChar8* family = nullptr;
    std::string name;
    if (FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch)
        name = reinterpret_cast<const char*>(family);
    FcPatternDestroy(pattern);
    if (name.empty()) return {};
    std::lock_guard<std::mutex> lock(font_files_lock);
    if (FcConfigAppFontAddFile(FcConfigGetCurrent(), reinterpret_cast<const FcChar8*>(path.c_str())))
        ++generation;
    return name;
}

Lettering shape(const Request& request) {
    ObjectPtr context(pango_font_map_create_context(font_map()));
    auto* pango = static_cast<PangoContext*>(context.get());
    FontOptionsPtr options(cairo_font_options_create());
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(pango, options.get());
    pango_context_set_round_glyph_positions(pango, FALSE);

    DescriptionPtr description(pango_font_description_new());
    pango_font_description_set_family(description.get(), request.family.c_str());
    pango_font_description_set_weight(description.get(), weight_of(request.weight));
    pango_font_description_set_style(description.get(),
                                     request.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(description.get(), kEm * PANGO_SCALE);

    ObjectPtr layout_object(pango_layout_new(pango));
    auto* layout = static_cast<PangoLayout*>(layout_object.get());
    pango_layout_set_font_description(layout, description.get());
    pango_layout_set_single_paragraph_mode(layout, TRUE);
    if (request.letter_spacing != 0) {
        PangoAttrList* attributes = pango_attr_list_new();
        pango_attr_list_insert(attributes, pango_attr_letter_spacing_new(
                                               static_cast<int>(request.letter_spacing * kEm * PANGO_SCALE)));
        pango_layout_set_attributes(layout, attributes);
        pango_attr_list_unref(attributes);
    }
    pango_layout_set_text(layout, request.text.c_str(), static_cast<int>(request.text.size()));

    Lettering lettering;
    // The paragraph's direction, which Pango resolves from its first strong character.
    if (PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0))
        lettering.right_to_left = line->resolved_dir == PANGO_DIRECTION_RTL;
    SurfacePtr surface(cairo_recording_surface_create(CAIRO_CONTENT_ALPHA, nullptr));
    CairoPtr cr(cairo_create(surface.get()));

    // The capitals' height: the ink of an H set in the same font (or in the fallback that draws
    // it, for a font without Latin letters), from its top to the baseline.
    {
        ObjectPtr probe_object(pango_layout_new(pango));
        auto* probe = static_cast<PangoLayout*>(probe_object.get());
        pango_layout_set_font_description(probe, description.get());
        pango_layout_set_text(probe, "H", 1);
        PangoRectangle ink;
        pango_layout_get_extents(probe, &ink, nullptr);
        lettering.cap_height = (pango_layout_get_baseline(probe) - ink.y) / double(PANGO_SCALE) / kEm;
    }

    IterPtr iter(pango_layout_get_iter(layout));
    do {
        PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter.get());
        if (!run) continue;
        PangoRectangle logical;
        pango_layout_iter_get_run_extents(iter.get(), nullptr, &logical);
        cairo_scaled_font_t* scaled =
            pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font));
        cairo_set_scaled_font(cr.get(), scaled);
        double pen = logical.x / double(PANGO_SCALE);
        const PangoGlyphString* glyphs = run->glyphs;
        for (int i = 0; i < glyphs->num_glyphs; ++i) {
            const PangoGlyphInfo& info = glyphs->glyphs[i];
            ShapedGlyph glyph;
            glyph.x = (pen + info.geometry.x_offset / double(PANGO_SCALE)) / kEm;
            glyph.y = (info.geometry.y_offset / double(PANGO_SCALE)) / kEm;
            glyph.advance = info.geometry.width / double(PANGO_SCALE) / kEm;
            glyph.cluster = static_cast<std::size_t>(run->item->offset + glyphs->log_clusters[i]);
            pen += info.geometry.width / double(PANGO_SCALE);
            if (info.glyph == PANGO_GLYPH_EMPTY || (info.glyph & PANGO_GLYPH_UNKNOWN_FLAG)) continue;
            cairo_new_path(cr.get());
            cairo_glyph_t one{info.glyph, 0, 0};
            cairo_glyph_path(cr.get(), &one, 1);
            glyph.outline = path_in_ems(cr.get());
            if (!glyph.outline.empty()) lettering.glyphs.push_back(std::move(glyph));
        }
    } while (pango_layout_iter_next_run(iter.get()));
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    lettering.width = logical.width / double(PANGO_SCALE) / kEm;
    return lettering;
}

} // namespace vexil::text
