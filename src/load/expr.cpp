// Recursive-descent evaluator for design-file expressions. See expr.h for the language.
//
// Grammar (whitespace allowed between any two tokens):
//   expr    := term (('+' | '-') term)*
//   term    := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('^' unary)?            right-associative: 2^3^2 = 512, -2^2 = -4, 2^-1 = 0.5
//   primary := number | name | name '(' [expr (',' expr)*] ')' | '(' expr ')'
//
// Every path by which the parser can recurse (a unary operator, a parenthesised group, a call, the
// exponent of '^') goes through a depth guard, so nesting is bounded by kMaxExpressionDepth and the
// stack by a small multiple of it. The text length is checked before anything else.

#include "load/expr.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <system_error>
#include <utility>

namespace vexil::load {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRadiansPerDegree = kPi / 180.0;

// Internal: thrown by the parser, caught by evaluate(). Exceptions from the NameLookup are of other
// types and pass through untouched.
struct Failure {
    ExprError error;
};

enum class TokenKind { Number, Name, Punct, End, Invalid };

struct Token {
    TokenKind kind = TokenKind::End;
    std::size_t start = 0;
    std::size_t end = 0; ///< one past the last byte
    double number = 0;   ///< for Number
    char punct = 0;      ///< for Punct: one of + - * / ^ ( ) ,
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_name_char(char c) {
    return is_name_start(c) || is_digit(c);
}

enum class Builtin { None, Pi, Sqrt, Sin, Cos, Tan, Atan2, Min, Max, Abs };

Builtin builtin_of(std::string_view name) {
    if (name == "pi") return Builtin::Pi;
    if (name == "sqrt") return Builtin::Sqrt;
    if (name == "sin") return Builtin::Sin;
    if (name == "cos") return Builtin::Cos;
    if (name == "tan") return Builtin::Tan;
    if (name == "atan2") return Builtin::Atan2;
    if (name == "min") return Builtin::Min;
    if (name == "max") return Builtin::Max;
    if (name == "abs") return Builtin::Abs;
    return Builtin::None;
}

// --- trigonometry in degrees ---------------------------------------------------------------------
// The argument is reduced exactly (fmod is exact) to a multiple of 90° plus d in [-45°, 45°], so that
// multiples of 90° give exact 0/±1 and sin(30°) = cos(60°) = 0.5, tan(45°) = 1 exactly.

struct Reduced {
    int quadrant; ///< 0..3
    double d;     ///< degrees, in [-45, 45]
};

Reduced reduce_degrees(double x) {
    double r = std::fmod(x, 360.0); // exact, in (-360, 360)
    if (r < 0) r += 360.0;          // [0, 360]
    const double n = std::round(r / 90.0);
    double d = r - 90.0 * n;
    if (d < -45.0) d = -45.0; // guard against rounding in r / 90
    if (d > 45.0) d = 45.0;
    return {static_cast<int>(n) % 4, d};
}

double sin_small(double d) { // |d| <= 45
    if (d == 30.0) return 0.5;
    if (d == -30.0) return -0.5;
    return std::sin(d * kRadiansPerDegree);
}
double cos_small(double d) {
    return std::cos(d * kRadiansPerDegree);
}

double sin_degrees(double x) {
    const Reduced r = reduce_degrees(x);
    double v = 0;
    switch (r.quadrant) {
    case 0:
        v = sin_small(r.d);
        break;
    case 1:
        v = cos_small(r.d);
        break;
    case 2:
        v = -sin_small(r.d);
        break;
    default:
        v = -cos_small(r.d);
        break;
    }
    return v + 0.0; // no negative zero
}

double cos_degrees(double x) {
    const Reduced r = reduce_degrees(x);
    double v = 0;
    switch (r.quadrant) {
    case 0:
        v = cos_small(r.d);
        break;
    case 1:
        v = -sin_small(r.d);
        break;
    case 2:
        v = -cos_small(r.d);
        break;
    default:
        v = sin_small(r.d);
        break;
    }
    return v + 0.0;
}

/// nullopt where tan is undefined (odd multiples of 90°).
std::optional<double> tan_degrees(double x) {
    const Reduced r = reduce_degrees(x);
    double t = 0;
    if (r.d == 45.0)
        t = 1.0;
    else if (r.d == -45.0)
        t = -1.0;
    else
        t = std::tan(r.d * kRadiansPerDegree);
    if (r.quadrant % 2 == 0) return t + 0.0;
    if (t == 0.0) return std::nullopt;
    return -1.0 / t;
}

double atan2_degrees(double y, double x) {
    if (y == 0.0 && x == 0.0) return 0.0;
    const double ay = std::fabs(y), ax = std::fabs(x);
    double deg = 0;
    if (ay == ax)
        deg = 45.0;
    else if (y == 0.0)
        deg = 0.0;
    else if (x == 0.0)
        deg = 90.0;
    else
        deg = std::atan2(ay, ax) / kRadiansPerDegree; // first quadrant
    if (x < 0) deg = 180.0 - deg;
    if (y < 0) deg = -deg;
    return deg + 0.0;
}

// --- parser --------------------------------------------------------------------------------------

class Parser {
  public:
    Parser(std::string_view text, const NameLookup& lookup) : text_(text), lookup_(lookup) { advance(); }

    double parse_all() {
        const double value = expr();
        if (tok_.kind != TokenKind::End) fail_at(tok_, "expr-syntax", "unexpected " + describe(tok_));
        return value;
    }

  private:
    std::string_view text_;
    const NameLookup& lookup_;
    Token tok_;
    std::size_t prev_end_ = 0; ///< end of the last consumed token
    int depth_ = 0;

    // RAII depth counter. On overflow it throws before the count matters again.
    class DepthGuard {
      public:
        DepthGuard(Parser& p, const Token& at) : p_(p) {
            if (++p_.depth_ > kMaxExpressionDepth)
                p_.fail_at(at, "expr-too-deep",
                           "expression is nested too deeply (more than " +
                               std::to_string(kMaxExpressionDepth) + " levels)");
        }
        ~DepthGuard() { --p_.depth_; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;

      private:
        Parser& p_;
    };

    [[noreturn]] static void fail(std::size_t offset, std::size_t length, std::string code,
                                  std::string message, std::string name = {}) {
        ExprError e;
        e.offset = offset;
        e.length = length;
        e.code = std::move(code);
        e.message = std::move(message);
        e.name = std::move(name);
        throw Failure{std::move(e)};
    }
    [[noreturn]] static void fail_at(const Token& t, std::string code, std::string message) {
        fail(t.start, t.end - t.start, std::move(code), std::move(message));
    }
    [[noreturn]] static void fail_span(std::size_t start, std::size_t end, std::string code,
                                       std::string message) {
        fail(start, end > start ? end - start : 0, std::move(code), std::move(message));
    }

    std::string describe(const Token& t) const {
        if (t.kind == TokenKind::End) return "end of expression";
        const std::string_view s = text_.substr(t.start, t.end - t.start);
        if (t.kind == TokenKind::Invalid) {
            const auto c = static_cast<unsigned char>(s[0]);
            if (c < 0x20 || c == 0x7f) {
                static constexpr char kHex[] = "0123456789abcdef";
                return std::string("control character 0x") + kHex[c >> 4] + kHex[c & 15];
            }
            if (c >= 0x80 && s.size() == 1) {
                static constexpr char kHex[] = "0123456789abcdef";
                return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
            }
        }
        constexpr std::size_t kMaxShown = 40;
        // Appended piece by piece: `"'" + std::string(...)` trips a false -Wrestrict in GCC 12.
        std::string shown = "'";
        if (s.size() > kMaxShown)
            shown.append(s.substr(0, kMaxShown - 3)).append("...");
        else
            shown.append(s);
        return shown + "'";
    }

    // Length of the UTF-8 sequence starting at i, or 1 if it is not a well-formed one.
    std::size_t utf8_length(std::size_t i) const {
        const auto c = static_cast<unsigned char>(text_[i]);
        std::size_t n = 1;
        if (c >= 0xc2 && c <= 0xdf)
            n = 2;
        else if (c >= 0xe0 && c <= 0xef)
            n = 3;
        else if (c >= 0xf0 && c <= 0xf4)
            n = 4;
        if (i + n > text_.size()) return 1;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(text_[i + k]) & 0xc0) != 0x80) return 1;
        return n;
    }

    void advance() {
        prev_end_ = tok_.end;
        std::size_t i = tok_.end;
        while (i < text_.size() && is_space(text_[i]))
            ++i;
        Token t;
        t.start = i;
        if (i >= text_.size()) {
            t.kind = TokenKind::End;
            t.end = i;
        } else if (const char c = text_[i];
                   is_digit(c) || (c == '.' && i + 1 < text_.size() && is_digit(text_[i + 1]))) {
            lex_number(t);
        } else if (is_name_start(c)) {
            std::size_t j = i + 1;
            while (j < text_.size() && is_name_char(text_[j]))
                ++j;
            t.kind = TokenKind::Name;
            t.end = j;
        } else if (c == '+' || c == '-' || c == '*' || c == '/' || c == '^' || c == '(' || c == ')' ||
                   c == ',') {
            t.kind = TokenKind::Punct;
            t.punct = c;
            t.end = i + 1;
        } else {
            t.kind = TokenKind::Invalid;
            t.end = i + utf8_length(i);
        }
        tok_ = t;
    }

    // digits ['.' digits*] | '.' digits, then optionally [eE] [+-] digits.
    void lex_number(Token& t) {
        const std::size_t start = t.start;
        std::size_t j = start;
        long mantissa_magnitude = 0; // decimal exponent of the leading significant digit, roughly
        bool seen_nonzero = false;
        long int_digits = 0, leading_frac_zeros = 0;
        while (j < text_.size() && is_digit(text_[j])) {
            if (text_[j] != '0' || seen_nonzero) {
                seen_nonzero = true;
                ++int_digits;
            }
            ++j;
        }
        if (j < text_.size() && text_[j] == '.') {
            ++j;
            while (j < text_.size() && is_digit(text_[j])) {
                if (!seen_nonzero) {
                    if (text_[j] == '0')
                        ++leading_frac_zeros;
                    else
                        seen_nonzero = true;
                }
                ++j;
            }
        }
        long exponent = 0;
        if (j < text_.size() && (text_[j] == 'e' || text_[j] == 'E')) {
            std::size_t k = j + 1;
            bool negative = false;
            if (k < text_.size() && (text_[k] == '+' || text_[k] == '-')) {
                negative = text_[k] == '-';
                ++k;
            }
            if (k >= text_.size() || !is_digit(text_[k])) {
                std::size_t end = k;
                while (end < text_.size() && is_name_char(text_[end]))
                    ++end;
                fail_span(start, end, "expr-syntax",
                          "malformed number '" + std::string(text_.substr(start, end - start)) + "'");
            }
            while (k < text_.size() && is_digit(text_[k])) {
                if (exponent < 100000) exponent = exponent * 10 + (text_[k] - '0');
                ++k;
            }
            if (negative) exponent = -exponent;
            j = k;
        }
        // A number running straight into a name ("2r", "1.5x") is a typo, not two tokens.
        if (j < text_.size() && is_name_start(text_[j])) {
            std::size_t end = j;
            while (end < text_.size() && is_name_char(text_[end]))
                ++end;
            fail_span(start, end, "expr-syntax",
                      "malformed number '" + std::string(text_.substr(start, end - start)) +
                          "' (write '*' to multiply)");
        }
        t.kind = TokenKind::Number;
        t.end = j;

        double value = 0;
        const char* first = text_.data() + start;
        const char* last = text_.data() + j;
        const auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec == std::errc::result_out_of_range) {
            mantissa_magnitude =
                seen_nonzero ? (int_digits > 0 ? int_digits - 1 : -(leading_frac_zeros + 1)) : 0;
            if (!seen_nonzero || mantissa_magnitude + exponent < 0)
                value = 0.0; // underflow
            else
                fail_span(start, j, "expr-domain", "number is too large");
        } else if (ec != std::errc() || ptr != last) {
            fail_span(start, j, "expr-syntax",
                      "malformed number '" + std::string(text_.substr(start, j - start)) + "'");
        }
        if (!std::isfinite(value)) fail_span(start, j, "expr-domain", "number is too large");
        t.number = value;
    }

    bool at_punct(char c) const { return tok_.kind == TokenKind::Punct && tok_.punct == c; }

    static void check_finite(double v, std::size_t start, std::size_t end) {
        if (!std::isfinite(v))
            fail_span(start, end, "expr-domain", "result is not a finite number (too large)");
    }

    double expr() {
        const std::size_t start = tok_.start;
        double value = term();
        while (at_punct('+') || at_punct('-')) {
            const char op = tok_.punct;
            advance();
            const double rhs = term();
            value = op == '+' ? value + rhs : value - rhs;
            check_finite(value, start, prev_end_);
        }
        return value;
    }

    double term() {
        const std::size_t start = tok_.start;
        double value = unary();
        while (at_punct('*') || at_punct('/')) {
            const char op = tok_.punct;
            advance();
            const std::size_t rhs_start = tok_.start;
            const double rhs = unary();
            if (op == '*') {
                value *= rhs;
            } else {
                if (rhs == 0.0) fail_span(rhs_start, prev_end_, "expr-domain", "division by zero");
                value /= rhs;
            }
            check_finite(value, start, prev_end_);
        }
        return value;
    }

    double unary() {
        if (at_punct('-') || at_punct('+')) {
            const DepthGuard guard(*this, tok_);
            const char op = tok_.punct;
            advance();
            const double v = unary();
            return op == '-' ? -v : v;
        }
        return power();
    }

    double power() {
        const std::size_t start = tok_.start;
        const double base = primary();
        if (!at_punct('^')) return base;
        const DepthGuard guard(*this, tok_);
        advance();
        const double exponent = unary();
        if (base == 0.0 && exponent < 0)
            fail_span(start, prev_end_, "expr-domain", "division by zero (0 raised to a negative power)");
        if (base < 0 && exponent != std::trunc(exponent))
            fail_span(start, prev_end_, "expr-domain", "negative number raised to a fractional power");
        const double v = std::pow(base, exponent);
        check_finite(v, start, prev_end_);
        return v;
    }

    double primary() {
        const Token t = tok_;
        if (t.kind == TokenKind::Number) {
            advance();
            return t.number;
        }
        if (at_punct('(')) {
            const DepthGuard guard(*this, t);
            advance();
            const double v = expr();
            if (!at_punct(')')) fail_at(tok_, "expr-syntax", "expected ')' but found " + describe(tok_));
            advance();
            return v;
        }
        if (t.kind == TokenKind::Name) return name_or_call(t);
        fail_at(t, "expr-syntax", "expected a number or name but found " + describe(t));
    }

    double name_or_call(const Token& t) {
        const std::string_view name = text_.substr(t.start, t.end - t.start);
        const Builtin b = builtin_of(name);
        advance();
        const bool call = at_punct('(');
        if (b == Builtin::Pi) {
            if (call) fail_at(t, "expr-syntax", "'pi' is a constant, not a function");
            return kPi;
        }
        if (b != Builtin::None) {
            if (!call)
                fail_at(t, "expr-syntax",
                        "'" + std::string(name) + "' is a function; call it as " + std::string(name) +
                            "(...)");
            return call_builtin(t, name, b);
        }
        if (call)
            fail(t.start, t.end - t.start, "unknown-name", "unknown function '" + std::string(name) + "'",
                 std::string(name));
        std::optional<double> v;
        if (lookup_) v = lookup_(name);
        if (!v)
            fail(t.start, t.end - t.start, "unknown-name", "unknown name '" + std::string(name) + "'",
                 std::string(name));
        if (!std::isfinite(*v))
            fail_at(t, "expr-domain", "'" + std::string(name) + "' is not a finite number");
        return *v;
    }

    double call_builtin(const Token& name_tok, std::string_view name, Builtin b) {
        const DepthGuard guard(*this, tok_);
        advance(); // '('
        std::vector<double> args;
        if (!at_punct(')')) {
            for (;;) {
                args.push_back(expr());
                if (at_punct(',')) {
                    advance();
                    continue;
                }
                if (at_punct(')')) break;
                fail_at(tok_, "expr-syntax", "expected ',' or ')' but found " + describe(tok_));
            }
        }
        advance(); // ')'
        const std::size_t start = name_tok.start, end = prev_end_;
        const auto arity = [&](std::size_t n) {
            if (args.size() != n)
                fail_span(start, end, "expr-arity",
                          std::string(name) + " takes " + std::to_string(n) +
                              (n == 1 ? " argument" : " arguments") + ", got " + std::to_string(args.size()));
        };
        double v = 0;
        switch (b) {
        case Builtin::Sqrt:
            arity(1);
            if (args[0] < 0) fail_span(start, end, "expr-domain", "sqrt of a negative number");
            v = std::sqrt(args[0]);
            break;
        case Builtin::Sin:
            arity(1);
            v = sin_degrees(args[0]);
            break;
        case Builtin::Cos:
            arity(1);
            v = cos_degrees(args[0]);
            break;
        case Builtin::Tan: {
            arity(1);
            const auto t = tan_degrees(args[0]);
            if (!t) fail_span(start, end, "expr-domain", "tan is undefined at odd multiples of 90 degrees");
            v = *t;
            break;
        }
        case Builtin::Atan2:
            arity(2);
            v = atan2_degrees(args[0], args[1]);
            break;
        case Builtin::Abs:
            arity(1);
            v = std::fabs(args[0]);
            break;
        case Builtin::Min:
        case Builtin::Max:
            if (args.empty())
                fail_span(start, end, "expr-arity", std::string(name) + " takes at least 1 argument, got 0");
            v = b == Builtin::Min ? *std::min_element(args.begin(), args.end())
                                  : *std::max_element(args.begin(), args.end());
            break;
        case Builtin::Pi:
        case Builtin::None:
            break; // handled by the caller
        }
        check_finite(v, start, end);
        return v;
    }
};

} // namespace

std::variant<double, ExprError> evaluate(std::string_view text, const NameLookup& lookup) {
    if (text.size() > kMaxExpressionLength) {
        ExprError e;
        e.offset = kMaxExpressionLength;
        e.length = text.size() - kMaxExpressionLength;
        e.code = "expr-too-long";
        e.message = "expression is too long (" + std::to_string(text.size()) + " bytes; at most " +
                    std::to_string(kMaxExpressionLength) + " allowed)";
        return e;
    }
    if (std::all_of(text.begin(), text.end(), is_space)) {
        ExprError e;
        e.offset = 0;
        e.length = text.size();
        e.code = "expr-syntax";
        e.message = "empty expression";
        return e;
    }
    try {
        Parser parser(text, lookup);
        return parser.parse_all();
    } catch (Failure& f) {
        return std::move(f.error);
    }
}

const std::vector<std::string_view>& builtin_names() {
    static const std::vector<std::string_view> names = {"abs", "atan2", "cos",  "max", "min",
                                                        "pi",  "sin",   "sqrt", "tan"};
    return names;
}

} // namespace vexil::load
