#pragma once
// (In the text module, as Pango sets them; the namespace is render's, which uses them.)
// Words that vexil lays out itself — captions under contact sheets and catalogue pages, a print
// page's slug and colour bar, a proof's legend — set with Pango (shaped, any script), never with
// Cairo's toy text API.

#include "vexil/geom.h"

#include <cairo.h>

#include <string>

namespace vexil::render {

enum class WordsAs {
    Text,     ///< real text: searchable and copyable in a PDF (the font is embedded)
    Outlines, ///< filled outlines: no font in the file, as print artwork wants
};

struct Words {
    std::string text;
    double size = 12; ///< the font size (em), in the context's units
    bool bold = false;
    double wrap = 0;      ///< wrap at this width; 0: one line
    int max_lines = 0;    ///< with `wrap`: at most this many lines, the last ellipsised; 0: any
    bool centred = false; ///< each line centred on `x` (else starting at `x`)
};

/// Draws `words` in the current source colour with the top of its first line at `y`. Returns the
/// height it took.
double draw_words(cairo_t* cr, double x, double y, const Words& words, WordsAs as);
/// The width and height `words` take (wrapped, when they wrap).
Vec2 words_size(cairo_t* cr, const Words& words);
/// How far below the top of `words` their first baseline lies.
double words_baseline(cairo_t* cr, const Words& words);

} // namespace vexil::render
