// libFuzzer target: the SVG path-data parser (src/geom/svg_path.cpp) on any text, then what layout
// does with a parsed path (its bounds, area, reversal and a transform). Besides crashes, hangs and
// sanitizer reports, these are findings:
//  - a path accepted with a point that is not finite, or that does not start with a move, or whose
//    verbs and points disagree (Move and Line take 1 point, Cubic 3, Close none);
//  - an error without a message, or placed past the end of the text (the loader turns its offset
//    into a column).
#include "geom/svg_path.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace vexil;

namespace {

[[noreturn]] void finding(const std::string& what) {
    std::fprintf(stderr, "fuzz_path_data: %s\n", what.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const geom::SvgPathResult result = geom::parse_svg_path(text);
    if (!result.ok) {
        if (result.error.empty()) finding("an error without a message");
        if (result.error_offset > text.size())
            finding("an error at offset " + std::to_string(result.error_offset) + " of a text of " +
                    std::to_string(text.size()) + " bytes");
        return 0;
    }
    const Path& path = result.path;
    if (path.empty() || path.verbs().front() != PathVerb::Move)
        finding("a path that does not start with a move");
    std::size_t points = 0;
    for (const PathVerb verb : path.verbs())
        points += verb == PathVerb::Cubic ? 3 : verb == PathVerb::Close ? 0 : 1;
    if (points != path.points().size())
        finding(std::to_string(path.verbs().size()) + " verbs that take " + std::to_string(points) +
                " points, and " + std::to_string(path.points().size()) + " points");
    for (const Vec2 p : path.points())
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) finding("a point that is not finite");
    // What layout asks of a path (polygon.cpp, path.cpp, the reach check): none may crash or hang.
    (void)path.bounds();
    (void)path.signed_area();
    (void)path.reversed();
    (void)path.transformed(Affine::rotate(30, {1, 2}).then(Affine::scale(2, 0.5)));
    return 0;
}
