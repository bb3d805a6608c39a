// Path data with expressions: "M 0 0 L {W/2} 0 A {r} {r} 0 0 1 {2*r} 0" — every `{…}` is an
// expression over params, W and H, replaced by its value before the data is parsed. An error in
// an expression, or in the path data around it, points at its column in the design file.
#include "diag/diag.h"
#include "geom/svg_path.h"
#include "load/reader.h"

#include <cstdio>

namespace vexil::load {
namespace {

/// Where a substituted value stands in the result, and the `{…}` it came from.
struct Substitution {
    std::size_t result_start = 0, result_length = 0;
    std::size_t source_start = 0, source_length = 0;
};

/// The offset in the original text of `offset` in the substituted text.
std::size_t source_offset(std::size_t offset, const std::vector<Substitution>& substitutions) {
    std::ptrdiff_t shift = 0;
    for (const auto& s : substitutions) {
        if (offset < s.result_start) break;
        if (offset < s.result_start + s.result_length) return s.source_start; // inside a value: its `{`
        shift += static_cast<std::ptrdiff_t>(s.source_length) - static_cast<std::ptrdiff_t>(s.result_length);
    }
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + shift);
}

} // namespace

std::optional<std::string> Reader::path_data(const toml::value<std::string>& text, std::string_view what) {
    const std::string& source = text.get();
    std::string result;
    std::vector<Substitution> substitutions;
    std::size_t at = 0;
    while (at < source.size()) {
        const std::size_t open = source.find('{', at);
        if (open == std::string::npos) {
            result.append(source, at, std::string::npos);
            break;
        }
        result.append(source, at, open - at);
        const std::size_t close = source.find('}', open);
        if (close == std::string::npos) {
            fail(diag::error(inside_string(text, source, open, 1), "bad-path",
                             std::string(what) + ": '{' opens an expression that no '}' closes"));
            return std::nullopt;
        }
        auto value = evaluate_part(text, open + 1, close - open - 1, what);
        if (!value) return std::nullopt;
        char number[32];
        std::snprintf(number, sizeof number, "%.17g", *value);
        substitutions.push_back(
            {result.size(), std::char_traits<char>::length(number), open, close + 1 - open});
        result += number;
        at = close + 1;
    }
    auto parsed = geom::parse_svg_path(result);
    if (!parsed.ok) {
        fail(diag::error(inside_string(text, source, source_offset(parsed.error_offset, substitutions), 1),
                         "bad-path", std::string(what) + ": " + parsed.error));
        return std::nullopt;
    }
    return result;
}

} // namespace vexil::load
