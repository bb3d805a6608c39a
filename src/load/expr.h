#pragma once
// Arithmetic expressions in design files: "7*H/13", "sqrt(3)/2*r", "atan2(1, 2)".
// Pure: knows nothing of TOML or diagnostics; errors come back with a byte offset into the text so
// the loader can point at the exact column.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vexil::load {

/// Deepest nesting of parentheses / unary operators / calls we accept; deeper is an error, never a
/// stack overflow.
inline constexpr int kMaxExpressionDepth = 64;
/// Longest expression text accepted.
inline constexpr std::size_t kMaxExpressionLength = 4096;

struct ExprError {
    std::size_t offset = 0; ///< byte offset into the expression text where the problem is
    std::size_t length = 1; ///< how many bytes the problem spans (for a name: its length)
    std::string code;       ///< "expr-syntax", "unknown-name", "expr-domain", "expr-too-deep", …
    std::string message;    ///< e.g. "expected ')' but found end of expression"
    std::string name;       ///< for "unknown-name": the name, so the caller can suggest another
};

/// Looks a name up (a param, W, H); nullopt if unknown. May throw (the caller's business, e.g. to
/// report a cycle between params).
using NameLookup = std::function<std::optional<double>(std::string_view name)>;

/// Evaluates `text`. Grammar: + - * / ^ (right-associative, binds tighter than unary minus:
/// -2^2 = -4), parentheses, numbers (1, 1.5, .5, 1e-3), names, pi, and the functions sqrt sin cos
/// tan atan2 min max abs (trig in degrees, atan2 returns degrees). Results must be finite.
std::variant<double, ExprError> evaluate(std::string_view text, const NameLookup& lookup);

/// The names of the built-in functions and constants (for did-you-mean).
const std::vector<std::string_view>& builtin_names();

} // namespace vexil::load
