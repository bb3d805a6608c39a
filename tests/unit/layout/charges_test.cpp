// Charges: the crescent against the circle-circle intersection area, the star's `face`, and the
// hammer and sickle against the frame the 1955 statute fixes (square, point, handles, hammer length),
// then rendered.
#include "support.h"

#include "geom/charges.h"
#include "vexil/vexil.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

using namespace vexil;
using Catch::Detail::Approx;
using vexil::test::near;

namespace {

constexpr double kPi = std::numbers::pi;

Group one_layer(const std::string& layer, const std::string& size = "[3, 2]") {
    const Scene scene =
        build_scene(load_design_text("[flag]\nsize = " + size + "\n[[layer]]\n" + layer, "t.toml"));
    REQUIRE(scene.groups.size() == 1);
    return scene.groups.front();
}

const Path& only_path(const Group& group) {
    REQUIRE(group.items.size() == 1);
    return std::get<FillPath>(group.items.front()).path;
}

/// The layer's error: its code and message.
Diagnostic layer_error(const std::string& layer) {
    try {
        one_layer(layer);
    } catch (const InputError& error) {
        return error.diagnostics().front();
    }
    FAIL("expected an error for " << layer);
    return {};
}

/// The area of the disc (R) minus the disc (r) whose centres are d apart, d between |R - r| and R + r:
/// the disc's area minus the lens both discs share.
double crescent_area(double R, double r, double d) {
    const double lens = r * r * std::acos((d * d + r * r - R * R) / (2 * d * r)) +
                        R * R * std::acos((d * d + R * R - r * r) / (2 * d * R)) -
                        0.5 * std::sqrt((-d + r + R) * (d + r - R) * (d - r + R) * (d + r + R));
    return kPi * R * R - lens;
}

/// Each subpath as a path of its own.
std::vector<Path> subpaths(const Path& path) {
    std::vector<Path> out;
    std::size_t i = 0;
    const auto& pts = path.points();
    for (PathVerb verb : path.verbs()) {
        switch (verb) {
        case PathVerb::Move:
            out.emplace_back().move_to(pts[i++]);
            break;
        case PathVerb::Line:
            out.back().line_to(pts[i++]);
            break;
        case PathVerb::Cubic:
            out.back().cubic_to(pts[i], pts[i + 1], pts[i + 2]);
            i += 3;
            break;
        case PathVerb::Close:
            out.back().close();
            break;
        }
    }
    return out;
}

/// The on-curve points of a path (the ends of its segments), without control points.
std::vector<Vec2> on_curve(const Path& path) {
    std::vector<Vec2> out;
    std::size_t i = 0;
    const auto& pts = path.points();
    for (PathVerb verb : path.verbs()) {
        if (verb == PathVerb::Move || verb == PathVerb::Line)
            out.push_back(pts[i++]);
        else if (verb == PathVerb::Cubic) {
            out.push_back(pts[i + 2]);
            i += 3;
        }
    }
    return out;
}

bool has_point(const Path& path, Vec2 wanted, double margin) {
    for (Vec2 p : on_curve(path))
        if (distance(p, wanted) <= margin) return true;
    return false;
}

const std::string kFrame = "size = 1.6\ncolor = \"gold\"\n";
const std::string kSquare = "at = [1.5, 1]\n" + kFrame;

} // namespace

TEST_CASE("charges: a crescent is the disc minus the cut-out, one outline of two arcs", "[charges]") {
    // Turkey, G = 2 (Turkish Flag Law 2994): outer diameter G/2, inner 2G/5, centres G/16 apart.
    const Group g = one_layer("kind = \"crescent\"\nat = [1, 1]\nradius = 0.5\ninner_at = [1.125, 1]\n"
                              "inner_radius = 0.4\ncolor = \"white\"");
    const Path& p = only_path(g);
    CHECK(p.signed_area() == Approx(crescent_area(0.5, 0.4, 0.125)).epsilon(1e-3));
    CHECK(subpaths(p).size() == 1);
    // The horns: the outline starts on one and passes through the other, each on both circles.
    const auto horns = geom::circle_intersections({1, 1}, 0.5, {1.125, 1}, 0.4);
    REQUIRE(horns);
    for (Vec2 horn : {horns->first, horns->second}) {
        CHECK(distance(horn, {1, 1}) == Approx(0.5).margin(1e-12));
        CHECK(distance(horn, {1.125, 1}) == Approx(0.4).margin(1e-12));
        CHECK(has_point(p, horn, 1e-12));
    }
    CHECK(distance(p.points().front(), horns->first) < 1e-15);
    // Turned: a cut-out up and to the right of the centre, a thin crescent.
    const Path thin = geom::crescent_path({0, 0}, 1, {0.1, -0.05}, 0.95);
    CHECK(thin.signed_area() == Approx(crescent_area(1, 0.95, std::hypot(0.1, 0.05))).epsilon(1e-3));
    // The arcs are split at multiples of 90°: the bounds are the true extent, inside the outer disc's box.
    const Box b = p.bounds();
    CHECK(b.x >= 0.5 - 1e-12);
    CHECK(b.y >= 0.5 - 1e-12);
    CHECK(b.y + b.h <= 1.5 + 1e-12);
}

TEST_CASE("charges: a cut-out inside the disc leaves a ring, one outside leaves the disc", "[charges]") {
    using geom::CrescentForm;
    CHECK(geom::crescent_form({0, 0}, 1, {0.2, 0}, 0.5) == CrescentForm::Annulus);
    CHECK(geom::crescent_form({0, 0}, 1, {3, 0}, 0.5) == CrescentForm::Disc);
    CHECK(geom::crescent_form({0, 0}, 1, {1.5, 0}, 0.5) == CrescentForm::Disc); // touching
    CHECK(geom::crescent_form({0, 0}, 1, {0.2, 0}, 1.5) == CrescentForm::Empty);
    CHECK(geom::crescent_form({0, 0}, 1, {0.8, 0}, 0.5) == CrescentForm::Crescent);

    const Path ring =
        only_path(one_layer("kind = \"crescent\"\nat = [1, 1]\nradius = 0.8\ninner_at = [1.2, 1]\n"
                            "inner_radius = 0.3\ncolor = \"white\""));
    CHECK(subpaths(ring).size() == 2);
    CHECK(ring.signed_area() == Approx(kPi * (0.64 - 0.09)).epsilon(1e-3));
    const Path disc =
        only_path(one_layer("kind = \"crescent\"\nat = [1, 1]\nradius = 0.5\ninner_at = [2.5, 1]\n"
                            "inner_radius = 0.4\ncolor = \"white\""));
    CHECK(disc.signed_area() == Approx(kPi * 0.25).epsilon(1e-3));

    const Diagnostic d = layer_error("kind = \"crescent\"\nat = [1, 1]\nradius = 0.5\ninner_at = [1.1, 1]\n"
                                     "inner_radius = 0.7\ncolor = \"white\"");
    CHECK(d.code == "empty-crescent");
    CHECK(d.message.find("the cut-out covers the whole crescent") != std::string::npos);
    CHECK(d.region.begin.line == 8); // inner_radius
}

TEST_CASE("charges: a star's face turns its first point toward a point, and rotate adds", "[charges]") {
    // China: a small star at (10, 2) of the 30 × 20 grid faces the big star's centre (5, 5).
    const Vec2 at{10, 2}, target{5, 5};
    const Path p = only_path(
        one_layer("kind = \"star\"\nat = [10, 2]\nradius = 1\nface = [5, 5]\ncolor = \"gold\"", "[30, 20]"));
    const Vec2 tip = p.points().front();
    CHECK(distance(tip, at) == Approx(1));
    CHECK(std::abs(cross(tip - at, target - at)) < 1e-12); // on the line from at to the target
    CHECK(dot(tip - at, target - at) > 0);                 // on the target's side

    const Path turned = only_path(
        one_layer("kind = \"star\"\nat = [10, 2]\nradius = 1\nface = [5, 5]\nrotate = 36\ncolor = \"gold\"",
                  "[30, 20]"));
    CHECK(heading_of(turned.points().front() - at) == Approx(heading_of(target - at) + 36).margin(1e-9));
    // step and inner still shape it.
    const Path seven = only_path(one_layer(
        "kind = \"star\"\nat = [10, 2]\nradius = 1\npoints = 7\nstep = 3\nface = [10, 9]\ncolor = \"gold\"",
        "[30, 20]"));
    CHECK(heading_of(seven.points().front() - at) == Approx(180));
    CHECK(distance(seven.points()[1], at) == Approx(star_inner_ratio(7, 3)));

    const Diagnostic d =
        layer_error("kind = \"star\"\nat = [1, 1]\nradius = 0.5\nface = [1, 1]\ncolor = \"gold\"");
    CHECK(d.code == "face-is-centre");
}

TEST_CASE("charges: the hammer and sickle fill the statute's square", "[charges]") {
    // The square: side 1.6 about (1.5, 1), so [0.7, 2.3] × [0.2, 1.8].
    const double x0 = 0.7, y0 = 0.2, side = 1.6;
    const Path both = only_path(one_layer("kind = \"hammer_and_sickle\"\n" + kSquare));
    const Box b = both.bounds(); // control points included: the outline can only lie within
    CHECK(b.x >= x0 - 1e-9);
    CHECK(b.y >= y0 - 1e-9);
    CHECK(b.x + b.w <= x0 + side + 1e-9);
    CHECK(b.y + b.h <= y0 + side + 1e-9);
    // It spans the square: the point on the top side, the handles in the lower corners.
    CHECK(b.y == Approx(y0).margin(1e-9));
    CHECK(b.y + b.h == Approx(y0 + side).margin(1e-9));
    CHECK(b.x == Approx(x0).margin(1e-9));
    CHECK(b.x + b.w == Approx(x0 + side).margin(1e-9));

    // The sickle's point: the topmost point of the outline, at the middle of the top side.
    Vec2 top = on_curve(both).front();
    for (Vec2 p : on_curve(both))
        if (p.y < top.y) top = p;
    CHECK(top.x == Approx(1.5).margin(1e-9 * side));
    CHECK(top.y == Approx(y0).margin(1e-9 * side));
    // The handles rest on the lower corners.
    CHECK(has_point(both, {x0, y0 + side}, 1e-9));
    CHECK(has_point(both, {x0 + side, y0 + side}, 1e-9));

    // The hammer alone: 3/4 of the diagonal long, from the lower fly corner along the diagonal.
    const Path hammer = only_path(one_layer("kind = \"hammer\"\n" + kSquare));
    const Vec2 corner{x0 + side, y0 + side};
    const Vec2 up = normalized(Vec2{-1, -1});
    double reach = 0;
    for (Vec2 p : hammer.points())
        reach = std::max(reach, dot(p - corner, up));
    CHECK(reach == Approx(0.75 * side * std::sqrt(2.0)).epsilon(1e-12));

    // Areas: every part clockwise, so nothing cancels where the hammer crosses the blade.
    const Path sickle = only_path(one_layer("kind = \"sickle\"\n" + kSquare));
    for (const Path* part : {&both, &hammer, &sickle})
        for (const Path& sub : subpaths(*part))
            CHECK(sub.signed_area() > 0);
    const double square = side * side;
    CHECK(sickle.signed_area() / square == Approx(0.2).margin(0.08));
    CHECK(hammer.signed_area() / square == Approx(0.14).margin(0.06));
    CHECK(both.signed_area() == Approx(sickle.signed_area() + hammer.signed_area()).epsilon(1e-12));
    // A hammer layer and a sickle layer in the same square are the hammer_and_sickle.
    Path overlay = sickle;
    overlay.append(hammer);
    CHECK(overlay.points().size() == both.points().size());
    bool same = overlay.verbs() == both.verbs();
    for (std::size_t i = 0; same && i < both.points().size(); ++i)
        same = distance(overlay.points()[i], both.points()[i]) < 1e-12;
    CHECK(same);
}

TEST_CASE("charges: mirror flips the hammer and sickle left-right, still clockwise", "[charges]") {
    const Path plain = only_path(one_layer("kind = \"hammer_and_sickle\"\n" + kFrame + "at = [1.2, 1]\n"));
    const Path mirrored =
        only_path(one_layer("kind = \"hammer_and_sickle\"\n" + kFrame + "at = [1.2, 1]\nmirror = true\n"));
    const Box a = plain.bounds(), b = mirrored.bounds();
    CHECK(b.x == Approx(2 * 1.2 - (a.x + a.w)).margin(1e-12));
    CHECK(b.w == Approx(a.w).margin(1e-12));
    CHECK(b.y == Approx(a.y).margin(1e-12));
    CHECK(b.h == Approx(a.h).margin(1e-12));
    CHECK(mirrored.signed_area() == Approx(plain.signed_area()).epsilon(1e-12));
    for (const Path& sub : subpaths(mirrored))
        CHECK(sub.signed_area() > 0);
    // Each point of the one has its mirror image in the other.
    for (Vec2 p : on_curve(plain))
        CHECK(has_point(mirrored, {2 * 1.2 - p.x, p.y}, 1e-9));
}

TEST_CASE("charges: the hammer and sickle's proportions and their bounds", "[charges]") {
    const double base = only_path(one_layer("kind = \"sickle\"\n" + kSquare)).signed_area();
    const double broad = only_path(one_layer("kind = \"sickle\"\nblade = 0.2\n" + kSquare)).signed_area();
    CHECK(broad > base);
    for (const char* extreme : {"blade = 0.02", "blade = 0.3", "handle = 0.2", "head = 0.7", "head = 0.1"}) {
        INFO(extreme);
        const Box b =
            only_path(one_layer("kind = \"hammer_and_sickle\"\n" + kSquare + extreme + "\n")).bounds();
        CHECK(b.x >= 0.7 - 1e-9);
        CHECK(b.y >= 0.2 - 1e-9);
        CHECK(b.x + b.w <= 2.3 + 1e-9);
        CHECK(b.y + b.h <= 1.8 + 1e-9);
    }
    CHECK(layer_error("kind = \"hammer_and_sickle\"\n" + kSquare + "blade = 0.5\n").code == "out-of-range");
    CHECK(layer_error("kind = \"hammer\"\n" + kSquare + "blade = 0.2\n").code == "unknown-key");
}

TEST_CASE("charges: the hammer and sickle render gold where the geometry says", "[charges][render]") {
    // A square of side 0.8 on a 1 × 1 flag at 500 px: 400 px to the square's side.
    const std::string design = R"([flag]
size = [1, 1]
[[layer]]
kind = "field"
color = "#cc0000"
[[layer]]
kind = "hammer_and_sickle"
at = [0.5, 0.5]
size = 0.8
color = "#ffd700"
)";
    RenderOptions options;
    options.width = 500;
    const auto render = [&](const std::string& text) {
        return test::decode_png(
            render_bytes(build_scene(load_design_text(text, "t.toml")), Format::Png, options));
    };
    const test::Image image = render(design);
    REQUIRE(image.width == 500);
    // A point (u, v) of the unit square, as a pixel.
    const auto pixel = [&](const test::Image& im, double u, double v, bool mirror = false) {
        if (mirror) u = 1 - u;
        return im.at(static_cast<int>((0.1 + 0.8 * u) * 500), static_cast<int>((0.1 + 0.8 * v) * 500));
    };
    namespace hs = geom::hammer_sickle;
    const double R = hs::kOuterRadius;
    // Inside the blade, 0.02 in from its outer edge on the fly side, where it is about 0.1 wide.
    CHECK(near(pixel(image, 0.5 + R - 0.02, R), "#ffd700"));
    // Inside the blade at the bottom, and where the hammer's handle crosses it.
    CHECK(near(pixel(image, 0.5, 2 * R - 0.03), "#ffd700"));
    const double cross_at = 0.5 + (R - 0.04) * std::sin(135 * kPi / 180); // on the diagonal, near enough
    CHECK(near(pixel(image, cross_at, cross_at), "#ffd700"));
    // The middle of the hammer's head, the handle half-way, and the sickle's handle.
    const double head_mid = 0.25 + hs::kHeadThickness / 2 / std::sqrt(2.0);
    CHECK(near(pixel(image, head_mid, head_mid), "#ffd700"));
    CHECK(near(pixel(image, 0.6, 0.6), "#ffd700"));
    CHECK(near(pixel(image, 0.06, 0.94), "#ffd700"));
    // Outside: in the sickle's hollow, beyond the head, left of the point, and outside the square.
    CHECK(near(pixel(image, 0.55, 0.3), "#cc0000"));
    CHECK(near(pixel(image, 0.12, 0.12), "#cc0000"));
    CHECK(near(pixel(image, 0.3, 0.03), "#cc0000"));
    CHECK(near(pixel(image, 0.95, 0.3), "#cc0000"));
    CHECK(near(image.at(20, 250), "#cc0000"));

    std::string mirrored = design;
    mirrored.insert(mirrored.find("color = \"#ffd700\""), "mirror = true\n");
    const test::Image flipped = render(mirrored);
    CHECK(near(pixel(flipped, head_mid, head_mid, true), "#ffd700"));
    CHECK(near(pixel(flipped, 0.5 + R - 0.02, R, true), "#ffd700"));
    CHECK(near(pixel(flipped, 0.55, 0.3, true), "#cc0000"));
}
