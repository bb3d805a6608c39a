// libFuzzer target: the expression evaluator of design files (src/load/expr.cpp), on any text, with
// names as a design has them (W, H, params) and some that are not finite. Besides crashes, hangs and
// sanitizer reports, these are findings:
//  - a value that is not finite (expr.h promises finite results);
//  - an error without a code or message, with a code expr.h does not name, or placed outside the
//    text (the loader turns its offset into a column);
//  - an expression E whose value is not also the value of (E), when (E) is not too deep.
#include "load/expr.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

using namespace vexil::load;

namespace {

std::optional<double> lookup(std::string_view name) {
    if (name == "W") return 3.0;
    if (name == "H") return 2.0;
    if (name == "r") return 0.25;
    if (name == "huge") return 1e308;
    if (name == "tiny") return 5e-324;
    if (name == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (name == "inf") return std::numeric_limits<double>::infinity();
    return std::nullopt;
}

[[noreturn]] void finding(std::string_view text, const std::string& what) {
    std::fprintf(stderr, "fuzz_expression: %s (expression '%.*s')\n", what.c_str(),
                 static_cast<int>(text.size()), text.data());
    std::abort();
}

bool known_code(const std::string& code) {
    for (const char* known :
         {"expr-syntax", "unknown-name", "expr-domain", "expr-too-deep", "expr-arity", "expr-too-long"})
        if (code == known) return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto result = evaluate(text, lookup);
    if (const auto* error = std::get_if<ExprError>(&result)) {
        if (error->code.empty() || error->message.empty())
            finding(text, "an error without a code or message");
        if (!known_code(error->code)) finding(text, "an unknown error code '" + error->code + "'");
        if (error->offset > text.size() || error->length > text.size() - error->offset + 1)
            finding(text, "an error placed outside the text: offset " + std::to_string(error->offset) +
                              ", length " + std::to_string(error->length));
        if (error->code == "unknown-name" && error->name.empty())
            finding(text, "an unknown name without its name");
        return 0;
    }
    const double value = std::get<double>(result);
    if (!std::isfinite(value)) finding(text, "a value that is not finite");
    if (size + 2 <= kMaxExpressionLength) {
        const std::string wrapped = "(" + std::string(text) + ")";
        const auto again = evaluate(wrapped, lookup);
        if (const auto* error = std::get_if<ExprError>(&again)) {
            if (error->code != "expr-too-deep")
                finding(text, "(E) fails where E does not: " + error->message);
        } else if (std::get<double>(again) != value) {
            finding(text, "(E) has another value than E");
        }
    }
    return 0;
}
