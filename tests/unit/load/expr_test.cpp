#include "load/expr.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

using vexil::load::evaluate;
using vexil::load::ExprError;

namespace {

std::optional<double> params(std::string_view name) {
    static const std::map<std::string, double, std::less<>> table = {{"W", 30},     {"H", 20},   {"r", 2},
                                                                     {"radius", 5}, {"zero", 0}, {"n_2", 7}};
    const auto it = table.find(name);
    if (it == table.end()) return std::nullopt;
    return it->second;
}

double value_of(std::string_view text) {
    const auto result = evaluate(text, params);
    if (const auto* error = std::get_if<ExprError>(&result)) {
        FAIL_CHECK("'" << std::string(text) << "' failed: " << error->code << ": " << error->message);
        return 0;
    }
    return std::get<double>(result);
}

ExprError error_of(std::string_view text) {
    const auto result = evaluate(text, params);
    if (const auto* value = std::get_if<double>(&result)) {
        FAIL_CHECK("'" << std::string(text).substr(0, 60) << "' evaluated to " << *value
                       << ", expected an error");
        return {};
    }
    return std::get<ExprError>(result);
}

} // namespace

TEST_CASE("expr: numbers", "[spec][expr]") {
    CHECK(value_of("1") == 1);
    CHECK(value_of("1.5") == 1.5);
    CHECK(value_of(".5") == 0.5);
    CHECK(value_of("1.") == 1);
    CHECK(value_of("1e-3") == 0.001);
    CHECK(value_of("2E+2") == 200);
    CHECK(value_of("  42  ") == 42);
    CHECK(value_of("1e-999") == 0); // underflow is just zero
}

TEST_CASE("expr: precedence and associativity", "[spec][expr]") {
    CHECK(value_of("1 + 2 * 3") == 7);
    CHECK(value_of("(1 + 2) * 3") == 9);
    CHECK(value_of("10 - 4 - 3") == 3);
    CHECK(value_of("64 / 4 / 2") == 8);
    CHECK(value_of("2 * 3 / 4") == 1.5);
    CHECK(value_of("2^3^2") == 512); // right-associative
    CHECK(value_of("(2^3)^2") == 64);
    CHECK(value_of("-2^2") == -4); // ^ binds tighter than unary minus
    CHECK(value_of("(-2)^2") == 4);
    CHECK(value_of("2^-1") == 0.5);
    CHECK(value_of("2^-1^2") == 0.5); // 2^(-(1^2))
    CHECK(value_of("- - 3") == 3);
    CHECK(value_of("+3") == 3);
    CHECK(value_of("-3 * -2") == 6);
    CHECK(value_of("1 - -1") == 2);
    CHECK(value_of("2 * 3 ^ 2") == 18);
    CHECK(value_of("\t1\n+\r2 ") == 3);
}

TEST_CASE("expr: names are looked up", "[spec][expr]") {
    CHECK(value_of("7*H/13") == Approx(140.0 / 13));
    CHECK(value_of("W - H") == 10);
    CHECK(value_of("radius^2") == 25);
    CHECK(value_of("n_2") == 7);
    CHECK(value_of("sqrt(3)/2*r") == Approx(1.7320508075688772));

    std::vector<std::string> asked;
    const auto result = evaluate("a + b_1 * a", [&](std::string_view name) -> std::optional<double> {
        asked.emplace_back(name);
        return name == "a" ? 1.0 : 2.0;
    });
    REQUIRE(std::holds_alternative<double>(result));
    CHECK(std::get<double>(result) == 3);
    CHECK(asked == std::vector<std::string>{"a", "b_1", "a"});
}

TEST_CASE("expr: exceptions from the lookup propagate", "[spec][expr]") {
    const vexil::load::NameLookup throwing = [](std::string_view) -> std::optional<double> {
        throw std::runtime_error("cycle");
    };
    CHECK_THROWS_AS(evaluate("1 + x", throwing), std::runtime_error);
    // No name, no lookup.
    CHECK(std::get<double>(evaluate("1 + 2", throwing)) == 3);
}

TEST_CASE("expr: an empty lookup knows no names", "[spec][expr]") {
    const auto result = evaluate("x", vexil::load::NameLookup{});
    REQUIRE(std::holds_alternative<ExprError>(result));
    CHECK(std::get<ExprError>(result).code == "unknown-name");
}

TEST_CASE("expr: built-in functions, trig in degrees", "[spec][expr]") {
    CHECK(value_of("pi") == Approx(3.141592653589793));
    CHECK(value_of("2*pi") == Approx(6.283185307179586));
    CHECK(value_of("sqrt(16)") == 4);
    CHECK(value_of("sqrt(0)") == 0);
    CHECK(value_of("sin(30)") == 0.5);
    CHECK(value_of("sin(90)") == 1);
    CHECK(value_of("sin(180)") == 0);
    CHECK(value_of("sin(-30)") == -0.5);
    CHECK(value_of("sin(390)") == 0.5);
    CHECK(value_of("cos(0)") == 1);
    CHECK(value_of("cos(60)") == 0.5);
    CHECK(value_of("cos(90)") == 0);
    CHECK(value_of("cos(180)") == -1);
    CHECK(value_of("cos(-120)") == -0.5);
    CHECK(value_of("tan(45)") == 1);
    CHECK(value_of("tan(-45)") == -1);
    CHECK(value_of("tan(0)") == 0);
    CHECK(value_of("tan(60)") == Approx(1.7320508075688772));
    CHECK(value_of("sin(36)") == Approx(0.5877852522924731));
    CHECK(value_of("cos(72)") == Approx(0.30901699437494745));
    CHECK(value_of("atan2(1, 1)") == 45);
    CHECK(value_of("atan2(1, 0)") == 90);
    CHECK(value_of("atan2(0, -1)") == 180);
    CHECK(value_of("atan2(-1, -1)") == -135);
    CHECK(value_of("atan2(1, 2)") == Approx(26.56505117707799));
    CHECK(value_of("atan2(0, 0)") == 0);
    CHECK(value_of("min(3)") == 3);
    CHECK(value_of("min(3, 1, 2)") == 1);
    CHECK(value_of("max(3, 1, 2)") == 3);
    CHECK(value_of("max(-1, -5)") == -1);
    CHECK(value_of("abs(-2.5)") == 2.5);
    CHECK(value_of("abs(2)") == 2);
    CHECK(value_of("max(W, H) / min(W, H)") == 1.5);
    CHECK(value_of("sqrt(sqrt(16))") == 2);
    CHECK(value_of("sqrt ( 4 )") == 2);
    CHECK(value_of("-sqrt(4)^2") == -4);
}

TEST_CASE("expr: builtin_names lists functions and constants", "[spec][expr]") {
    const auto& names = vexil::load::builtin_names();
    CHECK(names.size() == 9);
    for (const char* n : {"pi", "sqrt", "sin", "cos", "tan", "atan2", "min", "max", "abs"})
        CHECK(std::find(names.begin(), names.end(), n) != names.end());
}

TEST_CASE("expr: syntax errors carry code, offset and length", "[spec][expr]") {
    SECTION("missing operand") {
        const auto e = error_of("1 + * 2");
        CHECK(e.code == "expr-syntax");
        CHECK(e.offset == 4);
        CHECK(e.length == 1);
        CHECK(e.message == "expected a number or name but found '*'");
    }
    SECTION("unclosed parenthesis") {
        const auto e = error_of("(1 + 2");
        CHECK(e.code == "expr-syntax");
        CHECK(e.offset == 6);
        CHECK(e.message == "expected ')' but found end of expression");
    }
    SECTION("stray comma") {
        const auto e = error_of("1, 2");
        CHECK(e.code == "expr-syntax");
        CHECK(e.offset == 1);
        CHECK(e.message == "unexpected ','");
    }
    SECTION("stray closing parenthesis") {
        const auto e = error_of("1 + 2)");
        CHECK(e.code == "expr-syntax");
        CHECK(e.offset == 5);
    }
    SECTION("two numbers in a row") {
        const auto e = error_of("1 2");
        CHECK(e.code == "expr-syntax");
        CHECK(e.offset == 2);
    }
    SECTION("trailing operator") {
        const auto e = error_of("2 *");
        CHECK(e.code == "expr-syntax");
        CHECK(e.offset == 3);
        CHECK(e.message == "expected a number or name but found end of expression");
    }
    SECTION("empty and blank") {
        for (const char* text : {"", "   "}) {
            const auto e = error_of(text);
            CHECK(e.code == "expr-syntax");
            CHECK(e.message == "empty expression");
            CHECK(e.offset == 0);
        }
        CHECK(error_of("()").code == "expr-syntax");
    }
    SECTION("invalid characters") {
        const auto e = error_of("1 + $");
        CHECK(e.code == "expr-syntax");
        CHECK(e.offset == 4);
        CHECK(e.length == 1);
        const auto u = error_of("2 × 3"); // U+00D7, two bytes
        CHECK(u.code == "expr-syntax");
        CHECK(u.offset == 2);
        CHECK(u.length == 2);
        CHECK(error_of(std::string_view("1 +\0", 4)).code == "expr-syntax");
    }
    SECTION("malformed numbers") {
        const auto e = error_of("3 * 2r");
        CHECK(e.code == "expr-syntax");
        CHECK(e.offset == 4);
        CHECK(e.length == 2);
        CHECK(error_of("1e").code == "expr-syntax");
        CHECK(error_of("1e+").code == "expr-syntax");
        CHECK(error_of("1.2.3").code == "expr-syntax");
        CHECK(error_of(".").code == "expr-syntax");
    }
    SECTION("function call syntax") {
        CHECK(error_of("sqrt").code == "expr-syntax"); // a function used as a value
        CHECK(error_of("sqrt").offset == 0);
        CHECK(error_of("sqrt").length == 4);
        CHECK(error_of("2 * sqrt + 1").offset == 4);
        CHECK(error_of("pi(2)").code == "expr-syntax");
        CHECK(error_of("min(1,)").code == "expr-syntax");
        CHECK(error_of("min(1 2)").message == "expected ',' or ')' but found '2'");
        CHECK(error_of("max(1, 2").message == "expected ',' or ')' but found end of expression");
    }
}

TEST_CASE("expr: unknown names", "[spec][expr]") {
    const auto e = error_of("2 * raduis + 1");
    CHECK(e.code == "unknown-name");
    CHECK(e.name == "raduis");
    CHECK(e.offset == 4);
    CHECK(e.length == 6);

    const auto f = error_of("1 + foo(2)");
    CHECK(f.code == "unknown-name");
    CHECK(f.name == "foo");
    CHECK(f.offset == 4);
    CHECK(f.length == 3);

    CHECK(error_of("PI").code == "unknown-name"); // names are case-sensitive
}

TEST_CASE("expr: arity", "[spec][expr]") {
    const auto e = error_of("atan2(1)");
    CHECK(e.code == "expr-arity");
    CHECK(e.message == "atan2 takes 2 arguments, got 1");
    CHECK(e.offset == 0);
    CHECK(e.length == 8);
    CHECK(error_of("sqrt(1, 2)").message == "sqrt takes 1 argument, got 2");
    CHECK(error_of("sin()").message == "sin takes 1 argument, got 0");
    CHECK(error_of("min()").message == "min takes at least 1 argument, got 0");
    CHECK(error_of("max()").code == "expr-arity");
}

TEST_CASE("expr: domain errors", "[spec][expr]") {
    SECTION("division by zero points at the divisor") {
        const auto e = error_of("1 / (r - 2)");
        CHECK(e.code == "expr-domain");
        CHECK(e.message == "division by zero");
        CHECK(e.offset == 4);
        CHECK(e.length == 7);
        CHECK(error_of("1/zero").message == "division by zero");
        CHECK(error_of("0/0").code == "expr-domain");
    }
    SECTION("sqrt of a negative number") {
        const auto e = error_of("1 + sqrt(-1)");
        CHECK(e.code == "expr-domain");
        CHECK(e.message == "sqrt of a negative number");
        CHECK(e.offset == 4);
        CHECK(e.length == 8);
    }
    SECTION("non-finite results") {
        CHECK(error_of("10^400").code == "expr-domain");
        CHECK(error_of("1e308 * 10").code == "expr-domain");
        CHECK(error_of("1e308 + 1e308").code == "expr-domain");
        CHECK(error_of("1e999").code == "expr-domain");
        CHECK(error_of("(-8)^(1/3)").code == "expr-domain");
        CHECK(error_of("0^-1").code == "expr-domain");
        CHECK(error_of("tan(90)").code == "expr-domain");
        CHECK(error_of("tan(-270)").code == "expr-domain");
    }
    SECTION("a looked-up value must be finite") {
        const auto result = evaluate("x", [](std::string_view) -> std::optional<double> {
            return std::numeric_limits<double>::infinity();
        });
        REQUIRE(std::holds_alternative<ExprError>(result));
        CHECK(std::get<ExprError>(result).code == "expr-domain");
    }
}

TEST_CASE("expr: depth and length limits", "[spec][expr]") {
    using vexil::load::kMaxExpressionDepth;
    using vexil::load::kMaxExpressionLength;
    const auto nested = [](int n) { return std::string(n, '(') + "1" + std::string(n, ')'); };

    SECTION("the deepest accepted nesting") {
        CHECK(value_of(nested(kMaxExpressionDepth)) == 1);
        CHECK(value_of(std::string(kMaxExpressionDepth, '-') + "1") == 1);
    }
    SECTION("one deeper is expr-too-deep, at the offending token") {
        const auto e = error_of(nested(kMaxExpressionDepth + 1));
        CHECK(e.code == "expr-too-deep");
        CHECK(e.offset == static_cast<std::size_t>(kMaxExpressionDepth));
        CHECK(error_of(std::string(kMaxExpressionDepth + 1, '-') + "1").code == "expr-too-deep");
    }
    SECTION("deep nesting through every recursive construct") {
        std::string calls;
        for (int i = 0; i < 100; ++i)
            calls += "abs(";
        calls += "1" + std::string(100, ')');
        CHECK(error_of(calls).code == "expr-too-deep");
        std::string powers = "2";
        for (int i = 0; i < 100; ++i)
            powers += "^1";
        CHECK(error_of(powers).code == "expr-too-deep");
    }
    SECTION("thousands of '(' within the length limit: too deep, no crash") {
        const std::string text(4000, '(');
        REQUIRE(text.size() <= kMaxExpressionLength);
        const auto e = error_of(text);
        CHECK(e.code == "expr-too-deep");
        CHECK(e.offset == static_cast<std::size_t>(kMaxExpressionDepth));
    }
    SECTION("10000 '(' is over the length limit: too long, checked first") {
        CHECK(error_of(std::string(10000, '(')).code == "expr-too-long");
    }
    SECTION("1 MB of '('") {
        CHECK(error_of(std::string(1 << 20, '(')).code == "expr-too-long");
    }
    SECTION("length limit") {
        std::string longest = "1";
        while (longest.size() + 2 <= kMaxExpressionLength)
            longest += "+1";
        CHECK(value_of(longest) == Approx(static_cast<double>((longest.size() + 1) / 2)));
        const auto e = error_of(std::string(kMaxExpressionLength + 1, '1'));
        CHECK(e.code == "expr-too-long");
        CHECK(e.offset == kMaxExpressionLength);
        CHECK(e.length == 1);
    }
}
