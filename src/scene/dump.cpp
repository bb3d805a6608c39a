// The scene as text (practice 9): one line per item, coordinates to 4 decimals, so a change in
// geometry reads as a diff without any backend.
#include "vexil/scene.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace vexil {
namespace {

std::string number(double value) {
    char text[32];
    const double rounded = std::round(value * 1e4) / 1e4;
    std::snprintf(text, sizeof text, "%.4f", rounded == 0 ? 0.0 : rounded); // no "-0"
    std::string out = text;
    while (out.back() == '0')
        out.pop_back();
    if (out.back() == '.') out.pop_back();
    return out;
}

std::string hex(const Colour& c) {
    const auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char text[16];
    std::snprintf(text, sizeof text, "#%02x%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b), byte(c.a));
    return text;
}

std::string path_text(const Path& path) {
    std::ostringstream out;
    std::size_t p = 0;
    const auto& pts = path.points();
    const auto point = [&](std::size_t i) { return number(pts[i].x) + " " + number(pts[i].y); };
    for (PathVerb verb : path.verbs()) {
        switch (verb) {
        case PathVerb::Move:
            out << "M " << point(p) << ' ';
            p += 1;
            break;
        case PathVerb::Line:
            out << "L " << point(p) << ' ';
            p += 1;
            break;
        case PathVerb::Cubic:
            out << "C " << point(p) << ' ' << point(p + 1) << ' ' << point(p + 2) << ' ';
            p += 3;
            break;
        case PathVerb::Close:
            out << "Z ";
            break;
        }
    }
    std::string text = out.str();
    if (!text.empty()) text.pop_back();
    return text;
}

} // namespace

std::string dump(const Scene& scene) {
    std::ostringstream out;
    out << "scene " << number(scene.width) << " x " << number(scene.height);
    if (!scene.title.empty()) out << " \"" << scene.title << '"';
    out << '\n';
    if (scene.outline) out << "outline " << path_text(*scene.outline) << '\n';
    for (const Group& group : scene.groups) {
        out << "group";
        if (!group.id.empty()) out << " id=" << group.id;
        if (group.opacity != 1) out << " opacity=" << number(group.opacity);
        out << '\n';
        if (group.clip)
            out << "  clip" << (group.clip_rule == FillRule::EvenOdd ? " evenodd " : " ")
                << path_text(*group.clip) << '\n';
        for (const Item& item : group.items) {
            if (const auto* fill = std::get_if<FillPath>(&item))
                out << "  fill " << hex(fill->colour) << (fill->rule == FillRule::EvenOdd ? " evenodd " : " ")
                    << path_text(fill->path) << '\n';
            else if (const auto* stroke = std::get_if<StrokePath>(&item))
                out << "  stroke " << hex(stroke->colour) << " width=" << number(stroke->width) << ' '
                    << path_text(stroke->path) << '\n';
            else if (const auto* cutout = std::get_if<CutoutFill>(&item)) {
                out << "  fill " << hex(cutout->colour) << ' ' << path_text(cutout->path) << '\n';
                for (const Path& hole : cutout->holes)
                    out << "    minus " << path_text(hole) << '\n';
            } else if (const auto* emblem = std::get_if<EmblemDraw>(&item)) {
                const Affine& m = emblem->transform;
                out << "  emblem " << emblem->source << " matrix " << number(m.a) << ' ' << number(m.b) << ' '
                    << number(m.c) << ' ' << number(m.d) << ' ' << number(m.e) << ' ' << number(m.f) << '\n';
            }
        }
    }
    return out.str();
}

} // namespace vexil
