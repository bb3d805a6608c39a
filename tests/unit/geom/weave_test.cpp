// The weave: junctions, the checkerboard rule, overrides, and the arcs that cut and repaint bands.
#include "geom/weave.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace vexil;
using namespace vexil::geom;
using Catch::Detail::Approx;

namespace {

std::vector<Circle> flower(double r) {
    std::vector<Circle> rings{{{0, 0}, r}};
    for (int k = 0; k < 6; ++k)
        rings.push_back({heading(90 + 60.0 * k) * r, r});
    return rings;
}

bool over_at(const Junction& j, int a, int b) {
    const auto& s = j.stack;
    return std::find(s.begin(), s.end(), a) > std::find(s.begin(), s.end(), b);
}

} // namespace

TEST_CASE("weave: two crossing rings meet at two simple junctions", "[geom][weave]") {
    const std::vector<Circle> rings{{{0, 0}, 1}, {{1, 0}, 1}};
    const auto junctions = find_junctions(rings, 0.05, 0);
    REQUIRE(junctions.size() == 2);
    CHECK(junctions[0].simple);
    CHECK(junctions[0].at.x == Approx(0.5));
    CHECK(junctions[0].at.y == Approx(-std::sqrt(3.0) / 2)); // sorted by y: the upper one first
    CHECK(junctions[1].at.y == Approx(std::sqrt(3.0) / 2));
}

TEST_CASE("weave: tangent and near rings meet once, far rings never", "[geom][weave]") {
    const auto tangent = find_junctions({{{0, 0}, 1}, {{2, 0}, 1}}, 0.05, 0);
    REQUIRE(tangent.size() == 1);
    CHECK_FALSE(tangent[0].simple);
    CHECK(tangent[0].at.x == Approx(1));
    // Centre lines 0.05 apart, bands 0.1 wide: the bands overlap.
    CHECK(find_junctions({{{0, 0}, 1}, {{2.05, 0}, 1}}, 0.05, 0).size() == 1);
    CHECK(find_junctions({{{0, 0}, 1}, {{2.5, 0}, 1}}, 0.05, 0).empty());
    // Inside, touching: one meeting at the touching point.
    const auto inner = find_junctions({{{0, 0}, 1}, {{0.5, 0}, 0.5}}, 0.05, 0);
    REQUIRE(inner.size() == 1);
    CHECK(inner[0].at.x == Approx(1));
}

TEST_CASE("weave: the Earth flower has one six-fold, six three-fold and six simple junctions",
          "[geom][weave]") {
    const double r = 0.182079;
    const auto junctions = find_junctions(flower(r), 0.021684 / 2, 0.013552);
    std::map<std::size_t, int> by_size;
    for (const auto& j : junctions)
        ++by_size[j.rings.size()];
    CHECK(by_size[6] == 1);
    CHECK(by_size[3] == 6);
    CHECK(by_size[2] == 6);
    for (const auto& j : junctions)
        if (j.rings.size() == 6)
            CHECK(length(j.at) < 1e-9);
        else if (j.rings.size() == 2)
            CHECK(length(j.at) == Approx(std::sqrt(3.0) * r)); // on the rim
        else
            CHECK(length(j.at) == Approx(r)); // at the outer centres
}

TEST_CASE("weave: Olympic rings alternate, blue over yellow at the upper crossing", "[geom][weave]") {
    // Ring order of the olympic pattern: blue, yellow, black, green, red.
    const double r = 0.15, s = 0.36667, drop = 0.15;
    std::vector<Circle> rings;
    for (int k = 0; k < 5; ++k)
        rings.push_back({{(k - 2) * s / 2, k % 2 ? drop : 0}, r});
    auto junctions = find_junctions(rings, 1.0 / 60, 0);
    REQUIRE(junctions.size() == 8);
    CHECK(decide_stacks(junctions, rings, WeaveRule::Alternate, {}).unmatched.empty());
    for (int a = 0; a < 4; ++a) {
        const auto both = crossings_of(junctions, rings, a, a + 1);
        REQUIRE(both.size() == 2);
        const Junction& upper =
            junctions[both[0]].at.y < junctions[both[1]].at.y ? junctions[both[0]] : junctions[both[1]];
        const Junction& lower = &upper == &junctions[both[0]] ? junctions[both[1]] : junctions[both[0]];
        INFO("rings " << a << " and " << a + 1);
        CHECK(over_at(upper, a, a + 1)); // the left ring over at the upper crossing
        CHECK(over_at(lower, a + 1, a)); // the right ring over at the lower one
    }
}

TEST_CASE("weave: alternate makes every ring alternate in any general arrangement", "[geom][weave]") {
    std::mt19937 random(20261125);
    std::uniform_real_distribution<double> position(-1, 1), size(0.3, 0.9);
    int arrangements = 0;
    for (int attempt = 0; attempt < 200 && arrangements < 40; ++attempt) {
        std::vector<Circle> rings;
        for (int i = 0; i < 6; ++i)
            rings.push_back({{position(random), position(random)}, size(random)});
        auto junctions = find_junctions(rings, 0.004, 0.002);
        if (!std::all_of(junctions.begin(), junctions.end(), [](const Junction& j) { return j.simple; }))
            continue;
        ++arrangements;
        for (WeaveRule rule : {WeaveRule::Alternate, WeaveRule::AlternateReversed}) {
            decide_stacks(junctions, rings, rule, {});
            for (int i = 0; i < 6; ++i) {
                // Walk round ring i clockwise: over, under, over, …
                std::vector<std::pair<double, bool>> passes;
                for (const auto& j : junctions) {
                    if (!std::binary_search(j.rings.begin(), j.rings.end(), i)) continue;
                    double angle = heading_of(j.at - rings[i].centre);
                    passes.push_back({angle < 0 ? angle + 360 : angle, j.stack.back() == i});
                }
                std::sort(passes.begin(), passes.end());
                INFO("attempt " << attempt << " ring " << i);
                REQUIRE(passes.size() % 2 == 0);
                for (std::size_t p = 0; p < passes.size(); ++p)
                    CHECK(passes[p].second != passes[(p + 1) % passes.size()].second);
            }
        }
    }
    CHECK(arrangements == 40);
}

TEST_CASE("weave: over rules turn single crossings; unknown ones are reported", "[geom][weave]") {
    const std::vector<Circle> rings{{{0, 0}, 1}, {{1, 0}, 1}};
    auto junctions = find_junctions(rings, 0.05, 0);
    decide_stacks(junctions, rings, WeaveRule::None, {});
    CHECK(junctions[0].stack.back() == 1); // none: the later ring on top everywhere
    CHECK(junctions[1].stack.back() == 1);
    const auto bad =
        decide_stacks(junctions, rings, WeaveRule::None, {{0, 1, 0}, {0, 1, 2}, {0, 0, 0}, {0, 7, 0}});
    CHECK(bad.unmatched == std::vector<int>{1, 2, 3});
    // Crossing 0 is the first clockwise from 12 o'clock around ring 0: the upper one, at 30°.
    const auto order = crossings_of(junctions, rings, 0, 1);
    CHECK(junctions[order[0]].at.y < 0);
    CHECK(junctions[order[0]].stack.back() == 0);
    CHECK(junctions[order[1]].stack.back() == 1);
}

TEST_CASE("weave: a multi-crossing stacks by how many rings each lies over", "[geom][weave]") {
    const double r = 0.182079;
    auto rings = flower(r);
    auto junctions = find_junctions(rings, 0.011, 0.0136);
    // At the centre: 6 over everything, then 5, 4, … as a transitive order.
    std::vector<OverRule> rules;
    std::vector<int> wanted{3, 1, 4, 6, 2, 5}; // bottom → top
    for (std::size_t x = 0; x < wanted.size(); ++x)
        for (std::size_t y = 0; y < x; ++y) {
            const int upper = wanted[x], lower = wanted[y];
            const auto list = crossings_of(junctions, rings, upper, lower);
            for (int k = 0; k < static_cast<int>(list.size()); ++k)
                if (junctions[list[k]].rings.size() == 6) rules.push_back({upper, lower, k});
        }
    CHECK(decide_stacks(junctions, rings, WeaveRule::Alternate, rules).unmatched.empty());
    for (const auto& j : junctions)
        if (j.rings.size() == 6) CHECK(j.stack == wanted);
}

TEST_CASE("weave: meeting arcs cover the overlap and end clear of the other band", "[geom][weave]") {
    const Circle a{{0, 0}, 1}, b{{1, 0}, 1};
    const double half = 0.05;
    const Vec2 crossing{0.5, -std::sqrt(3.0) / 2};
    const auto arc = meeting_arc(a, half, b, half, crossing);
    REQUIRE(arc);
    CHECK(arc->start < 30);
    CHECK(arc->end > 30);
    for (double end : {arc->start, arc->end}) {
        // Along the radial edge at each end, no point lies within b's band.
        for (double rho = 1 - half; rho <= 1 + half; rho += half / 10)
            CHECK(std::abs(distance(heading(end) * rho, b.centre) - b.radius) > half);
    }
    CHECK_FALSE(meeting_arc(a, half, b, half, Vec2{-1, 0}));
}

TEST_CASE("weave: band sectors have the annular sector's area", "[geom][weave]") {
    const Path sector = band_sector({{0, 0}, 1}, 0.1, {-30, 60});
    CHECK(
        sector.signed_area() ==
        Approx(90.0 / 360 * M_PI * (1.1 * 1.1 - 0.9 * 0.9)).epsilon(5e-4)); // flattening bound of signed_area
    const Path full = band_sector({{0, 0}, 1}, 0.1, {0, 360});
    CHECK(full.signed_area() == Approx(M_PI * (1.1 * 1.1 - 0.9 * 0.9)).epsilon(5e-4));
}
