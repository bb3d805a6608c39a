// Construction sheets: the flag drawn with the dimensions its layers report (Scene groups'
// measures), as flag laws publish them — chains of dimensions along the top and the hoist, callouts
// for radii, diameters, angles and patterns, centre marks, an optional grid, a colour table, and
// the title, ratio and source. No code here knows a kind: each kind's layout unit measures itself.
//
// Placement is planned first (plan_sheet), in points, with every label's box measured by Pango, so
// the tests can hold the labels apart from each other and from the flag; render_sheet draws the plan.
#include "model/colour.h"
#include "render/draw.h"
#include "render/print_page.h"
#include "render/surfaces.h"
#include "text/words.h"
#include "vexil/render.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

namespace vexil {
namespace {

constexpr double kLabelSize = 8;    // points: chain and callout numbers
constexpr double kGap = 3;          // points between a label and its line, and between labels
constexpr double kChainOffset = 14; // the first chain's distance from the flag
constexpr double kTier = 12;        // between stacked rows of labels
constexpr int kMaxTiers = 8;
constexpr double kMargin = 28;              // around everything
constexpr Colour kInk{0.13, 0.13, 0.13, 1}; // dimension lines
constexpr Colour kMark{0.85, 0.1, 0.45, 1}; // centre marks and radius lines, seen on any flag
constexpr Colour kGridColour{0, 0, 0, 0.28};

/// A number as sheet-makers write it: whole numbers bare, others to four significant figures.
std::string number(double value) {
    if (std::abs(value - std::round(value)) < 1e-9 * std::max(1.0, std::abs(value)))
        return std::to_string(static_cast<long long>(std::llround(value)));
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

/// "5:8" for a 10 × 16 flag (hoist : fly, reduced); "1:1.9" when the sides are not whole numbers.
std::string ratio(double width, double height) {
    const auto whole = [](double v) { return std::abs(v - std::round(v)) < 1e-9 && v < 1e9; };
    if (whole(width) && whole(height)) {
        const long long w = std::llround(width), h = std::llround(height), g = std::gcd(w, h);
        return std::to_string(h / g) + ":" + std::to_string(w / g);
    }
    return "1:" + number(width / height);
}

/// Measures Pango text on a scratch surface.
class Measurer {
  public:
    Measurer()
        : surface_(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)), cr_(cairo_create(surface_.get())) {}
    Vec2 size(const std::string& text, double size, bool bold = false, double wrap = 0) {
        render::Words words;
        words.text = text;
        words.size = size;
        words.bold = bold;
        words.wrap = wrap;
        return render::words_size(cr_.get(), words);
    }

  private:
    render::SurfacePtr surface_;
    render::ContextPtr cr_;
};

bool overlaps(const Box& a, const Box& b, double pad = 0) {
    return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

/// Sorted positions with near-equal ones merged: where two layers' edges coincide, one tick.
std::vector<double> merged(std::vector<double> values, double tolerance) {
    std::sort(values.begin(), values.end());
    std::vector<double> out;
    for (double v : values)
        if (out.empty() || v - out.back() > tolerance) out.push_back(v);
    return out;
}

struct Planner {
    const Scene& scene;
    SheetPlan plan;
    Measurer measurer;
    double s = 1;           // points per design unit
    std::vector<Box> taken; // label boxes placed so far, and the flag

    Vec2 at(Vec2 p) const { return {plan.flag.x + p.x * s, plan.flag.y + p.y * s}; }

    bool free(const Box& box) const {
        return std::none_of(taken.begin(), taken.end(),
                            [&](const Box& other) { return overlaps(box, other, 1); });
    }
    void label(const std::string& text, Box box, double size = kLabelSize, bool bold = false) {
        plan.labels.push_back({text, box, size, bold});
        taken.push_back(box);
    }
    void line(std::vector<Vec2> points, double width = 0.5, Colour colour = kInk, bool dashed = false) {
        plan.lines.push_back({std::move(points), width, colour, dashed});
    }

    /// The chain along the top: a tick at every breakpoint, each segment's length above it, in the
    /// lowest row where it fits; then the whole width above them all.
    double top_chain(const std::vector<double>& xs) {
        const double y = plan.flag.y - kChainOffset;
        line({{at({xs.front(), 0}).x, y}, {at({xs.back(), 0}).x, y}});
        for (double x : xs)
            line({{at({x, 0}).x, plan.flag.y - 4}, {at({x, 0}).x, y - 4}});
        double highest = y;
        for (std::size_t i = 0; i + 1 < xs.size(); ++i) {
            const std::string text = number(xs[i + 1] - xs[i]);
            const Vec2 size = measurer.size(text, kLabelSize);
            const double middle = (at({xs[i], 0}).x + at({xs[i + 1], 0}).x) / 2;
            for (int tier = 0; tier < kMaxTiers; ++tier) {
                const Box box{middle - size.x / 2, y - kGap - size.y - tier * kTier, size.x, size.y};
                if (free(box) || tier == kMaxTiers - 1) {
                    if (tier > 0) line({{middle, y}, {middle, box.y + box.h}}, 0.3);
                    label(text, box);
                    highest = std::min(highest, box.y);
                    break;
                }
            }
        }
        // The whole width, above the chain.
        const double overall = highest - 10;
        line({{plan.flag.x, overall}, {plan.flag.x + plan.flag.w, overall}});
        for (double x : {plan.flag.x, plan.flag.x + plan.flag.w})
            line({{x, overall - 3}, {x, overall + 3}});
        const std::string text = number(scene.width);
        const Vec2 size = measurer.size(text, kLabelSize, true);
        label(text, {plan.flag.x + plan.flag.w / 2 - size.x / 2, overall - kGap - size.y, size.x, size.y},
              kLabelSize, true);
        return overall - kGap - size.y;
    }

    /// The chain down the hoist: labels to its left, moving further left where they would meet.
    double hoist_chain(const std::vector<double>& ys) {
        const double x = plan.flag.x - kChainOffset;
        line({{x, at({0, ys.front()}).y}, {x, at({0, ys.back()}).y}});
        for (double y : ys)
            line({{plan.flag.x - 4, at({0, y}).y}, {x - 4, at({0, y}).y}});
        double leftmost = x;
        for (std::size_t i = 0; i + 1 < ys.size(); ++i) {
            const std::string text = number(ys[i + 1] - ys[i]);
            const Vec2 size = measurer.size(text, kLabelSize);
            const double middle = (at({0, ys[i]}).y + at({0, ys[i + 1]}).y) / 2;
            double right = x - kGap;
            for (int tier = 0; tier < kMaxTiers; ++tier) {
                const Box box{right - size.x, middle - size.y / 2, size.x, size.y};
                if (free(box) || tier == kMaxTiers - 1) {
                    if (tier > 0) line({{x, middle}, {box.x + box.w, middle}}, 0.3);
                    label(text, box);
                    leftmost = std::min(leftmost, box.x);
                    break;
                }
                right = box.x - 2 * kGap; // past whatever is in the way
                for (const Box& other : taken)
                    if (overlaps(Box{right - size.x, box.y, size.x, box.h}, other, 1))
                        right = std::min(right, other.x - kGap);
            }
        }
        const double overall = leftmost - 10;
        line({{overall, plan.flag.y}, {overall, plan.flag.y + plan.flag.h}});
        for (double y : {plan.flag.y, plan.flag.y + plan.flag.h})
            line({{overall - 3, y}, {overall + 3, y}});
        const std::string text = number(scene.height);
        const Vec2 size = measurer.size(text, kLabelSize, true);
        label(text, {overall - kGap - size.x, plan.flag.y + plan.flag.h / 2 - size.y / 2, size.x, size.y},
              kLabelSize, true);
        return overall - kGap - size.x;
    }

    /// Radii, diameters, angles, patterns and slanting lengths: labels in a column beside the fly,
    /// each led to from where it measures, in the order of their height on the flag.
    void callouts(const std::vector<std::pair<std::string, Measure>>& measures) {
        struct Callout {
            std::string text;
            Vec2 from;
        };
        std::vector<Callout> callouts;
        for (const auto& [layer, m] : measures) {
            std::string text;
            switch (m.type) {
            case Measure::Type::Radius:
                text = m.what + ": radius " + number(m.value);
                line({at(m.a), at(m.b)}, 0.7, kMark);
                break;
            case Measure::Type::Diameter:
                text = m.what + ": diameter " + number(m.value);
                line({at(m.a - (m.b - m.a)), at(m.b)}, 0.7, kMark);
                break;
            case Measure::Type::Angle:
                text = layer + " turned " + number(m.value) + "°";
                break;
            case Measure::Type::Pattern:
                text = layer + ": " + m.what;
                break;
            case Measure::Type::Span:
                text = m.what + ": " + number(m.value);
                line({at(m.a), at(m.b)}, 0.7, kMark);
                break;
            case Measure::Type::Centre:
                continue;
            }
            const Vec2 from = at(m.type == Measure::Type::Span ? (m.a + m.b) * 0.5 : m.b);
            if (std::none_of(callouts.begin(), callouts.end(),
                             [&](const Callout& c) { return c.text == text; }))
                callouts.push_back({text, from});
        }
        std::stable_sort(callouts.begin(), callouts.end(),
                         [](const Callout& a, const Callout& b) { return a.from.y < b.from.y; });
        const double column = plan.flag.x + plan.flag.w + 36;
        double next = plan.flag.y - 20;
        for (const Callout& callout : callouts) {
            const Vec2 size = measurer.size(callout.text, kLabelSize);
            Box box{column, std::max(next, callout.from.y - size.y / 2), size.x, size.y};
            while (!free(box))
                box.y += 2;
            label(callout.text, box);
            line({callout.from, {column - 14, box.y + box.h / 2}, {column - 2, box.y + box.h / 2}}, 0.3);
            next = box.y + box.h + 2;
        }
    }

    void centre_marks(const std::vector<Vec2>& centres) {
        for (Vec2 c : centres) {
            const Vec2 p = at(c);
            line({{p.x - 4, p.y}, {p.x + 4, p.y}}, 0.6, kMark);
            line({{p.x, p.y - 4}, {p.x, p.y + 4}}, 0.6, kMark);
        }
    }

    void grid() {
        // A line every unit of the design (China's 30 × 20), or every 10, 100, … for large sizes.
        double step = 1;
        while (std::max(scene.width, scene.height) / step > 120)
            step *= 10;
        for (double x = 0; x <= scene.width + 1e-9; x += step)
            line({at({x, 0}), at({x, scene.height})}, 0.25, kGridColour);
        for (double y = 0; y <= scene.height + 1e-9; y += step)
            line({at({0, y}), at({scene.width, y})}, 0.25, kGridColour);
    }

    /// Under the flag: every colour of the design — swatch, name, hex, RGB, print values.
    double colour_table(double top) {
        double y = top;
        const double x = plan.flag.x;
        const std::vector<NamedColour> colours = render::colours_of(scene);
        if (colours.empty()) return y;
        const Vec2 head = measurer.size("Colours", 9, true);
        label("Colours", {x, y, head.x, head.y}, 9, true);
        y += head.y + 4;
        for (const NamedColour& colour : colours) {
            const auto byte = [](double v) { return std::to_string(static_cast<int>(std::lround(v * 255))); };
            std::string print;
            if (!colour.spot.empty()) print = colour.spot;
            if (colour.cmyk)
                print += (print.empty() ? "" : ", ") + std::string("CMYK ") + number(colour.cmyk->c * 100) +
                         " " + number(colour.cmyk->m * 100) + " " + number(colour.cmyk->y * 100) + " " +
                         number(colour.cmyk->k * 100);
            const std::string cells[] = {colour.name, colour_to_hex(colour.screen),
                                         "RGB " + byte(colour.screen.r) + " " + byte(colour.screen.g) + " " +
                                             byte(colour.screen.b),
                                         print};
            const double columns[] = {x + 22, x + 130, x + 190, x + 280};
            double row = 0;
            for (int i = 0; i < 4; ++i) {
                if (cells[i].empty()) continue;
                const Vec2 size = measurer.size(cells[i], kLabelSize);
                label(cells[i], {columns[i], y, size.x, size.y});
                row = std::max(row, size.y);
            }
            plan.swatches.push_back({{x, y + 1, 16, row - 2}, colour.screen});
            y += row + 3;
        }
        return y;
    }
};

} // namespace

SheetPlan plan_sheet(const Scene& scene, const SheetOptions& options) {
    Planner p{scene, {}, {}, 1, {}};
    const bool wide = scene.width >= scene.height;
    p.s = (wide ? options.flag_width / scene.width : options.flag_width / scene.height);
    p.plan.per_unit = p.s;
    p.plan.flag = {0, 0, scene.width * p.s, scene.height * p.s};
    p.taken.push_back(p.plan.flag);

    // Every measure, with the layer it belongs to; the breakpoints of the two chains.
    const double tolerance = 1e-6 * std::max(scene.width, scene.height);
    std::vector<std::pair<std::string, Measure>> measures;
    std::vector<double> xs{0, scene.width}, ys{0, scene.height};
    std::vector<Vec2> centres;
    int n = 0;
    for (const Group& group : scene.groups) {
        ++n;
        const std::string layer =
            group.id.empty() ? group.kind + " (layer " + std::to_string(n) + ")" : group.id;
        for (const Measure& m : group.measures) {
            const auto inside = [&](double v, double limit) {
                return v > -tolerance && v < limit + tolerance;
            };
            if (m.type == Measure::Type::Centre) {
                if (inside(m.a.x, scene.width) && inside(m.a.y, scene.height)) {
                    xs.push_back(m.a.x);
                    ys.push_back(m.a.y);
                    centres.push_back(m.a);
                }
                continue;
            }
            // A length along an edge of the flag (an arm's width along the top, a band's down the
            // hoist) goes on that edge's chain; a length inside the flag (a ring's band) gets a callout.
            const auto on_edge = [&](double v, double limit) {
                return std::abs(v) < tolerance || std::abs(v - limit) < tolerance;
            };
            if (m.type == Measure::Type::Span && std::abs(m.a.y - m.b.y) < tolerance &&
                on_edge(m.a.y, scene.height)) {
                xs.push_back(std::clamp(m.a.x, 0.0, scene.width));
                xs.push_back(std::clamp(m.b.x, 0.0, scene.width));
                continue;
            }
            if (m.type == Measure::Type::Span && std::abs(m.a.x - m.b.x) < tolerance &&
                on_edge(m.a.x, scene.width)) {
                ys.push_back(std::clamp(m.a.y, 0.0, scene.height));
                ys.push_back(std::clamp(m.b.y, 0.0, scene.height));
                continue;
            }
            measures.emplace_back(layer, m);
        }
    }
    if (options.grid) p.grid();
    p.centre_marks(centres);
    const double top = p.top_chain(merged(xs, tolerance));
    const double left = p.hoist_chain(merged(ys, tolerance));
    p.callouts(measures);

    // Title and ratio above, the colour table and the source below.
    const std::string title = scene.title.empty() ? std::string("Construction sheet") : scene.title;
    const std::string subtitle = "ratio " + ratio(scene.width, scene.height) + "  (" + number(scene.height) +
                                 " × " + number(scene.width) + " design units, hoist × fly)";
    const Vec2 title_size = p.measurer.size(title, 14, true), sub_size = p.measurer.size(subtitle, 9);
    double heading = top - 12 - sub_size.y;
    p.label(subtitle, {left, heading, sub_size.x, sub_size.y}, 9);
    heading -= title_size.y + 2;
    p.label(title, {left, heading, title_size.x, title_size.y}, 14, true);
    double bottom = p.plan.flag.y + p.plan.flag.h + 24;
    for (const Box& box : p.taken)
        if (box.x < p.plan.flag.x + p.plan.flag.w && box.y > p.plan.flag.y + p.plan.flag.h)
            bottom = std::max(bottom, box.y + box.h + 12);
    bottom = p.colour_table(bottom) + 8;
    if (!scene.subject.empty()) {
        const double wrap = std::max(p.plan.flag.w, 360.0);
        const Vec2 size = p.measurer.size("Source: " + scene.subject, kLabelSize, false, wrap);
        p.label("Source: " + scene.subject, {p.plan.flag.x, bottom, wrap, size.y});
    }

    // Move everything so the page starts a margin from the top-left of what is on it.
    Box extent = p.plan.flag;
    const auto grow = [&](const Box& b) {
        const double x1 = std::max(extent.x + extent.w, b.x + b.w),
                     y1 = std::max(extent.y + extent.h, b.y + b.h);
        extent.x = std::min(extent.x, b.x);
        extent.y = std::min(extent.y, b.y);
        extent.w = x1 - extent.x;
        extent.h = y1 - extent.y;
    };
    for (const SheetLabel& label : p.plan.labels)
        grow(label.box);
    for (const auto& l : p.plan.lines)
        for (Vec2 q : l.points)
            grow({q.x, q.y, 0, 0});
    const Vec2 shift{kMargin - extent.x, kMargin - extent.y};
    const auto moved = [&](Box b) { return Box{b.x + shift.x, b.y + shift.y, b.w, b.h}; };
    p.plan.flag = moved(p.plan.flag);
    for (SheetLabel& label : p.plan.labels)
        label.box = moved(label.box);
    for (auto& l : p.plan.lines)
        for (Vec2& q : l.points)
            q = q + shift;
    for (auto& swatch : p.plan.swatches)
        swatch.box = moved(swatch.box);
    p.plan.width = extent.w + 2 * kMargin;
    p.plan.height = extent.h + 2 * kMargin;
    return p.plan;
}

namespace {

void draw_plan(cairo_t* cr, const Scene& scene, const SheetPlan& plan) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_save(cr);
    cairo_translate(cr, plan.flag.x, plan.flag.y);
    Scene flat = scene; // the sheet shows the flag itself, without bleed or allowance
    flat.bleed = {};
    flat.allowance = {};
    render::draw_scene(flat, cr, plan.flag.w, plan.flag.h);
    cairo_restore(cr);
    cairo_rectangle(cr, plan.flag.x, plan.flag.y, plan.flag.w, plan.flag.h);
    cairo_set_source_rgba(cr, 0, 0, 0, 0.4);
    cairo_set_line_width(cr, 0.4);
    cairo_stroke(cr);
    for (const auto& line : plan.lines) {
        if (line.points.size() < 2) continue;
        cairo_move_to(cr, line.points[0].x, line.points[0].y);
        for (std::size_t i = 1; i < line.points.size(); ++i)
            cairo_line_to(cr, line.points[i].x, line.points[i].y);
        cairo_set_source_rgba(cr, line.colour.r, line.colour.g, line.colour.b, line.colour.a);
        cairo_set_line_width(cr, line.width);
        cairo_stroke(cr);
    }
    for (const auto& swatch : plan.swatches) {
        cairo_rectangle(cr, swatch.box.x, swatch.box.y, swatch.box.w, swatch.box.h);
        cairo_set_source_rgb(cr, swatch.colour.r, swatch.colour.g, swatch.colour.b);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
        cairo_set_line_width(cr, 0.4);
        cairo_stroke(cr);
    }
    cairo_set_source_rgb(cr, 0.07, 0.07, 0.07);
    for (const SheetLabel& label : plan.labels) {
        render::Words words;
        words.text = label.text;
        words.size = label.size;
        words.bold = label.bold;
        if (label.text.rfind("Source: ", 0) == 0) words.wrap = label.box.w;
        render::draw_words(cr, label.box.x, label.box.y, words, render::WordsAs::Text);
    }
}

} // namespace

std::string render_sheet(const Scene& scene, Format format, const SheetOptions& options) {
    const SheetPlan plan = plan_sheet(scene, options);
    std::string bytes;
    render::SurfacePtr surface;
    if (format == Format::Png) {
        surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                                 static_cast<int>(std::ceil(plan.width * 2)),
                                                 static_cast<int>(std::ceil(plan.height * 2))));
    } else if (format == Format::Svg) {
        surface.reset(
            cairo_svg_surface_create_for_stream(render::append_to_string, &bytes, plan.width, plan.height));
    } else {
        surface.reset(
            cairo_pdf_surface_create_for_stream(render::append_to_string, &bytes, plan.width, plan.height));
        render::set_pdf_metadata(surface.get(), "Construction sheet: " + scene.title, scene.author,
                                 scene.subject);
    }
    render::check(surface.get(), "sheet");
    {
        render::ContextPtr cr(cairo_create(surface.get()));
        if (format == Format::Png) cairo_scale(cr.get(), 2, 2);
        draw_plan(cr.get(), scene, plan);
        render::check(cr.get(), "sheet drawing");
    }
    if (format == Format::Png) {
        cairo_surface_flush(surface.get());
        return render::encode_png(surface.get());
    }
    cairo_surface_finish(surface.get());
    render::check(surface.get(), "sheet");
    return format == Format::Svg ? render::move_clip_rules(std::move(bytes)) : bytes;
}

} // namespace vexil
