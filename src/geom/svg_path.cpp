// SVG 1.1 path data → vexil::Path. A hand-written scanner over the grammar of SVG 1.1 §8.3.9:
// every loop consumes at least one byte or stops, numbers are range-checked, and the number of
// commands is capped, so no input can crash, hang or exhaust memory.

#include "geom/svg_path.h"

#include "geom/arc.h"
#include "geom/tolerance.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>
#include <system_error>

namespace vexil::geom {

namespace {

struct ParseError {
    std::size_t offset;
    std::string message;
};

// SVG 1.1 whitespace: space, tab, CR, LF (form feed tolerated, as browsers do).
bool is_wsp(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool starts_number(char c) {
    return is_digit(c) || c == '.' || c == '+' || c == '-';
}
bool is_command(char c) {
    switch (c) {
    case 'M':
    case 'm':
    case 'L':
    case 'l':
    case 'H':
    case 'h':
    case 'V':
    case 'v':
    case 'C':
    case 'c':
    case 'S':
    case 's':
    case 'Q':
    case 'q':
    case 'T':
    case 't':
    case 'A':
    case 'a':
    case 'Z':
    case 'z':
        return true;
    default:
        return false;
    }
}
bool is_alpha(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
char to_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool finite(Vec2 p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

// A byte as it should appear in a message: quoted if printable, in hex otherwise (the text may
// hold control bytes or UTF-8 fragments that would garble a terminal).
std::string describe(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02X", static_cast<unsigned>(u));
    return buf;
}

std::string quoted(char c) {
    return std::string("'") + c + "'";
}

class Parser {
  public:
    explicit Parser(std::string_view data) : d_(data) {}

    void run() {
        skip_wsp();
        if (pos_ == d_.size()) throw ParseError{0, "empty path data"};
        char previous = 0;
        while (true) {
            skip_wsp();
            if (pos_ >= d_.size()) break;
            const char c = d_[pos_];
            if (!is_command(c)) {
                if (is_alpha(c)) throw ParseError{pos_, "unknown path command " + quoted(c)};
                if (previous == 0)
                    throw ParseError{pos_, "path data must start with a move command ('M' or 'm'), found " +
                                               describe(c)};
                if (starts_number(c) && to_lower(previous) == 'z')
                    throw ParseError{pos_,
                                     "unexpected number after " + quoted(previous) + ", which takes none"};
                throw ParseError{pos_, "expected a path command, found " + describe(c)};
            }
            if (previous == 0 && c != 'M' && c != 'm')
                throw ParseError{pos_,
                                 "path data must start with a move command ('M' or 'm'), found " + quoted(c)};
            ++pos_;
            command(c);
            previous = c;
        }
    }

    Path path;

  private:
    enum class Last { Other, Cubic, Quadratic };

    std::string_view d_;
    std::size_t pos_ = 0;
    std::size_t commands_ = 0;
    std::size_t group_start_ = 0; // where the current command's arguments start, for errors
    Vec2 cur_{};                  // current point
    Vec2 start_{};                // start of the current subpath (where Z returns to)
    Vec2 last_ctrl_{};            // second control point of the last C/S, or control of Q/T
    Last last_ = Last::Other;

    void skip_wsp() {
        while (pos_ < d_.size() && is_wsp(d_[pos_]))
            ++pos_;
    }

    // comma-wsp between the numbers of one command: wsp* ','? wsp*.
    void skip_separator() {
        skip_wsp();
        if (pos_ < d_.size() && d_[pos_] == ',') {
            ++pos_;
            skip_wsp();
        }
    }

    void count_command() {
        if (++commands_ > kMaxPathCommands)
            throw ParseError{group_start_,
                             "too many path commands (more than " + std::to_string(kMaxPathCommands) + ")"};
    }

    // SVG number: sign? (digits ('.' digits?)? | '.' digits) (('e'|'E') sign? digits)?
    // The lexeme is scanned here and converted by from_chars, which is locale-independent.
    double number(char cmd) {
        skip_wsp();
        const std::size_t begin = pos_;
        if (pos_ >= d_.size() || !starts_number(d_[pos_]))
            throw ParseError{
                pos_, "expected a number after " + quoted(cmd) +
                          (pos_ >= d_.size() ? ", found end of path data" : ", found " + describe(d_[pos_]))};
        const bool negative = d_[pos_] == '-';
        if (d_[pos_] == '+' || d_[pos_] == '-') ++pos_;
        const std::size_t mantissa = pos_;
        std::size_t int_digits = 0;
        while (pos_ < d_.size() && is_digit(d_[pos_]))
            ++pos_, ++int_digits;
        std::size_t frac_digits = 0;
        if (pos_ < d_.size() && d_[pos_] == '.') {
            ++pos_;
            while (pos_ < d_.size() && is_digit(d_[pos_]))
                ++pos_, ++frac_digits;
        }
        if (int_digits + frac_digits == 0) throw ParseError{begin, "malformed number: no digits"};
        long long exponent = 0;
        if (pos_ < d_.size() && (d_[pos_] == 'e' || d_[pos_] == 'E')) {
            const std::size_t e = pos_++;
            bool exp_negative = false;
            if (pos_ < d_.size() && (d_[pos_] == '+' || d_[pos_] == '-')) exp_negative = d_[pos_++] == '-';
            std::size_t exp_digits = 0;
            for (; pos_ < d_.size() && is_digit(d_[pos_]); ++pos_, ++exp_digits)
                if (exponent < 1'000'000'000) exponent = exponent * 10 + (d_[pos_] - '0'); // saturate
            if (exp_digits == 0)
                throw ParseError{e, "malformed number: expected digits after the exponent 'e'"};
            if (exp_negative) exponent = -exponent;
        }

        double value = 0;
        const char* first = d_.data() + mantissa;
        const char* last = d_.data() + pos_;
        const auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec == std::errc::result_out_of_range) {
            // from_chars reports both overflow and underflow. Estimate the decimal magnitude from
            // the first non-zero digit: below zero it underflowed (a harmless 0), else overflowed.
            long long magnitude = 0;
            std::size_t i = mantissa;
            while (i < pos_ && (d_[i] == '0' || d_[i] == '.'))
                ++i;
            if (i < mantissa + int_digits)
                magnitude = static_cast<long long>(mantissa + int_digits - i) - 1 + exponent;
            else
                magnitude = -static_cast<long long>(i - (mantissa + int_digits)) + exponent;
            if (magnitude >= 0) throw ParseError{begin, "number out of range"};
            value = 0;
        } else if (ec != std::errc() || ptr != last) {
            throw ParseError{begin, "malformed number"};
        }
        if (!std::isfinite(value)) throw ParseError{begin, "number out of range"};
        return negative ? -value : value;
    }

    Vec2 pair(char cmd, bool leading) {
        if (!leading) skip_separator();
        const double x = number(cmd);
        skip_separator();
        const double y = number(cmd);
        return {x, y};
    }

    bool flag(char cmd) {
        skip_separator();
        if (pos_ < d_.size() && (d_[pos_] == '0' || d_[pos_] == '1')) return d_[pos_++] == '1';
        throw ParseError{pos_, "expected an arc flag (0 or 1) after " + quoted(cmd)};
    }

    void check(Vec2 p) {
        // Each number is finite, but sums of relative coordinates can still overflow.
        if (!finite(p)) throw ParseError{group_start_, "path coordinates out of range"};
    }

    void line(Vec2 p) {
        check(p);
        path.line_to(p);
        cur_ = p;
    }

    void cubic(Vec2 c1, Vec2 c2, Vec2 p) {
        check(c1);
        check(c2);
        check(p);
        path.cubic_to(c1, c2, p);
        cur_ = p;
    }

    // A quadratic is exactly a cubic whose handles run 2/3 of the way to the quadratic control.
    void quadratic(Vec2 q, Vec2 p) {
        cubic(cur_ + (2.0 / 3.0) * (q - cur_), p + (2.0 / 3.0) * (q - p), p);
        last_ctrl_ = q;
        last_ = Last::Quadratic;
    }

    void arc(double rx, double ry, double phi_deg, bool large_arc, bool sweep, Vec2 p);

    void command(char cmd);
};

// Elliptical arc from cur_ to p, following SVG 1.1 appendix F.6 (endpoint → centre
// parameterisation), then drawn by geom::append_arc as an arc of the unit circle mapped onto the
// ellipse by an affine transform (affine maps carry cubics exactly).
void Parser::arc(double rx, double ry, double phi_deg, bool large_arc, bool sweep, Vec2 p) {
    const Vec2 p0 = cur_;
    check(p);
    // F.6.2: identical endpoints → the arc is omitted entirely.
    if (p0 == p) return;
    // F.6.6 step 1: a zero radius makes the arc a straight line; step 2: signs are ignored.
    rx = std::abs(rx);
    ry = std::abs(ry);
    if (rx == 0.0 || ry == 0.0) return line(p);

    // F.6.5 step 1: the half-chord in the ellipse's own axes, (x1', y1'). Halving before
    // subtracting avoids overflow for far-apart endpoints.
    const Vec2 m = Affine::rotate(-phi_deg).apply(p0 / 2.0 - p / 2.0);
    // Work in units of the radii: X = x1'/rx, Y = y1'/ry. Then F.6.6's Λ is X² + Y², and F.6.5's
    // radicand (rx²ry² − rx²y1'² − ry²x1'²)/(rx²y1'² + ry²x1'²) is (1 − Λ)/Λ, with no overflow.
    // √Λ is taken with hypot so that far-apart endpoints with small radii don't overflow Λ.
    double X = m.x / rx;
    double Y = m.y / ry;
    const double s = std::hypot(X, Y);
    if (!std::isfinite(s)) throw ParseError{group_start_, "arc radii out of range"};
    if (s == 0.0) return line(p); // endpoints differ by less than the radii can resolve

    // F.6.5 step 2 writes the centre as coef·(rx·y1'/ry, −ry·x1'/rx) with coef = ±√((1 − Λ)/Λ).
    // With Λ = s² and the unit direction (X/s, Y/s) that is g·(rx·Y/s, −ry·X/s), g = ±√(1 − s²):
    // bounded, so nothing overflows when the radii dwarf the chord (s → 0).
    double g = 0.0;
    if (s >= 1.0) {
        // F.6.6 step 3: radii too small to reach — scale them up uniformly until the ellipse just
        // spans the endpoints; the centre is then the chord's midpoint (g = 0).
        rx *= s;
        ry *= s;
        X /= s;
        Y /= s;
    } else {
        // A small arc on radii over 1e9 times the chord bulges by under s/4 of the chord: a line,
        // and computing it through a huge centre would only cancel away all precision.
        if (!large_arc && s < kLengthEpsilon) return line(p);
        // The sign picks which of the two candidate centres gives the requested arc.
        g = std::sqrt(std::max(0.0, 1.0 - s * s));
        if (large_arc == sweep) g = -g;
    }
    const double dx = s >= 1.0 ? X : X / s; // unit direction of the half-chord, in radii units
    const double dy = s >= 1.0 ? Y : Y / s;
    // F.6.5 step 3 maps the centre back to page coordinates.
    const Vec2 centre_prime{g * rx * dy, -g * ry * dx};
    const Vec2 centre = Affine::rotate(phi_deg).apply(centre_prime) + (p0 / 2.0 + p / 2.0);

    // F.6.5 step 4: start angle and sweep on the unit circle. u = ((x1'−cx')/rx, (y1'−cy')/ry),
    // v = ((−x1'−cx')/rx, (−y1'−cy')/ry).
    const Vec2 u{X - g * dy, Y + g * dx};
    const Vec2 v{-X - g * dy, -Y + g * dx};
    const double theta1 = std::atan2(u.y, u.x);
    double delta = std::atan2(v.y, v.x) - theta1;
    // sweep-flag 1 = positive angles (clockwise on a y-down page), 0 = negative.
    if (sweep && delta < 0) delta += 2.0 * std::numbers::pi;
    if (!sweep && delta > 0) delta -= 2.0 * std::numbers::pi;

    const Affine to_page =
        Affine::scale(rx, ry).then(Affine::rotate(phi_deg)).then(Affine::translate(centre));
    const bool finite_map = std::isfinite(to_page.a) && std::isfinite(to_page.b) &&
                            std::isfinite(to_page.c) && std::isfinite(to_page.d) &&
                            std::isfinite(to_page.e) && std::isfinite(to_page.f);
    if (!finite_map || !std::isfinite(delta)) throw ParseError{group_start_, "arc parameters out of range"};

    // θ1 and Δθ are angles from the x axis towards y on the unit circle; vexil's angles run from up
    // (−y), 90° behind. The final point is the given endpoint exactly, so later relative commands
    // don't drift.
    constexpr double kDegrees = 180.0 / std::numbers::pi;
    const double start_deg = theta1 * kDegrees + 90.0;
    Path arc;
    arc.move_to(p0);
    append_arc(arc, to_page, start_deg, start_deg + delta * kDegrees, ArcCuts::Even, p);
    // Added one cubic at a time through cubic(), which checks every point: the handles of a huge
    // ellipse can overflow where its end points don't.
    const std::vector<Vec2>& q = arc.points();
    for (std::size_t i = 1; i + 2 < q.size(); i += 3)
        cubic(q[i], q[i + 1], q[i + 2]);
}

void Parser::command(char cmd) {
    const char op = to_lower(cmd);
    const bool relative = cmd != static_cast<char>(op - 'a' + 'A');
    if (op == 'z') {
        group_start_ = pos_ - 1;
        count_command();
        path.close();
        cur_ = start_;
        last_ = Last::Other;
        return;
    }
    // Argument groups repeat implicitly ("L 1 2 3 4" is two lines); after M/m they are lines.
    for (bool first_group = true;; first_group = false) {
        skip_wsp();
        group_start_ = pos_;
        count_command();
        const Vec2 base = relative ? cur_ : Vec2{};
        Last last = Last::Other;
        switch (op) {
        case 'm': {
            const Vec2 p = base + pair(cmd, true);
            check(p);
            if (first_group) {
                path.move_to(p);
                cur_ = start_ = p;
            } else {
                line(p);
            }
            break;
        }
        case 'l':
            line(base + pair(cmd, true));
            break;
        case 'h': {
            const double x = number(cmd);
            line({relative ? cur_.x + x : x, cur_.y});
            break;
        }
        case 'v': {
            const double y = number(cmd);
            line({cur_.x, relative ? cur_.y + y : y});
            break;
        }
        case 'c': {
            const Vec2 c1 = base + pair(cmd, true);
            const Vec2 c2 = base + pair(cmd, false);
            const Vec2 p = base + pair(cmd, false);
            cubic(c1, c2, p);
            last_ctrl_ = c2;
            last = Last::Cubic;
            break;
        }
        case 's': {
            // The first control point reflects the previous curve's second one through the
            // current point, but only if the previous command was C or S.
            const Vec2 c1 = last_ == Last::Cubic ? 2.0 * cur_ - last_ctrl_ : cur_;
            const Vec2 c2 = base + pair(cmd, true);
            const Vec2 p = base + pair(cmd, false);
            cubic(c1, c2, p);
            last_ctrl_ = c2;
            last = Last::Cubic;
            break;
        }
        case 'q': {
            const Vec2 q = base + pair(cmd, true);
            const Vec2 p = base + pair(cmd, false);
            quadratic(q, p);
            last = Last::Quadratic;
            break;
        }
        case 't': {
            // Likewise T reflects the previous control point only after Q or T.
            const Vec2 q = last_ == Last::Quadratic ? 2.0 * cur_ - last_ctrl_ : cur_;
            const Vec2 p = base + pair(cmd, true);
            quadratic(q, p);
            last = Last::Quadratic;
            break;
        }
        case 'a': {
            const double rx = number(cmd);
            skip_separator();
            const double ry = number(cmd);
            skip_separator();
            const double phi = number(cmd);
            const bool large_arc = flag(cmd);
            const bool sweep = flag(cmd);
            const Vec2 p = base + pair(cmd, false);
            arc(rx, ry, phi, large_arc, sweep, p);
            cur_ = p;
            break;
        }
        default:
            break;
        }
        last_ = last;

        // Another group follows if the next token is a number, optionally after a comma.
        skip_wsp();
        bool comma = false;
        if (pos_ < d_.size() && d_[pos_] == ',') {
            comma = true;
            ++pos_;
            skip_wsp();
        }
        if (pos_ < d_.size() && starts_number(d_[pos_])) continue;
        if (comma)
            throw ParseError{
                pos_, "expected a number after ',' following " + quoted(cmd) +
                          (pos_ >= d_.size() ? ", found end of path data" : ", found " + describe(d_[pos_]))};
        return;
    }
}

} // namespace

SvgPathResult parse_svg_path(std::string_view data) {
    Parser parser(data);
    SvgPathResult result;
    try {
        parser.run();
    } catch (const ParseError& e) {
        // Like SVG 1.1's error rule (render up to the first bad command), the path keeps the
        // commands parsed before the error; callers that need all-or-nothing check `ok`.
        result.ok = false;
        result.error_offset = e.offset;
        result.error = e.message;
    }
    result.path = std::move(parser.path);
    return result;
}

} // namespace vexil::geom
