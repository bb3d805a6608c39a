#include "diag/diag.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace vexil {

std::string format_diagnostic(const Diagnostic& d) {
    std::ostringstream out;
    out << (d.region.file.empty() ? std::string("vexil") : d.region.file);
    if (d.region.begin.line > 0) {
        out << ':' << d.region.begin.line;
        if (d.region.begin.column > 0) out << ':' << d.region.begin.column;
    }
    switch (d.severity) {
    case Severity::Error:
        out << ": error: ";
        break;
    case Severity::Warning:
        out << ": warning: ";
        break;
    case Severity::Note:
        out << ": note: ";
        break;
    }
    out << d.message;
    return out.str();
}

InputError::InputError(std::vector<Diagnostic> diagnostics) : diagnostics_(std::move(diagnostics)) {
    for (const auto& d : diagnostics_) {
        if (!text_.empty()) text_ += '\n';
        text_ += format_diagnostic(d);
    }
}

namespace diag {

void raise(std::vector<Diagnostic> diagnostics) {
    throw InputError(std::move(diagnostics));
}
void raise(Diagnostic diagnostic) {
    raise(std::vector<Diagnostic>{std::move(diagnostic)});
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    // Optimal string alignment: Levenshtein plus adjacent transpositions ("raduis" → "radius" is 1).
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

namespace {
template <typename Strings> std::string closest(std::string_view word, const Strings& candidates) {
    if (word.size() > 64) return {}; // a suggestion for a paragraph is noise, and quadratic
    const std::size_t budget = std::max<std::size_t>(1, word.size() / 3);
    std::string best;
    std::size_t best_distance = budget + 1;
    for (const auto& candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        // Replacing every letter is no suggestion ('r' → 'W').
        if (distance >= std::max(word.size(), std::string_view(candidate).size())) continue;
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best;
}
} // namespace

namespace {
constexpr const char* kSuggestionStart = " — did you mean '";
} // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
    return closest(word, candidates);
}
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    return closest(word, candidates);
}

std::string suggestion_suffix(const std::string& suggestion) {
    return suggestion.empty() ? std::string() : kSuggestionStart + suggestion + "'?";
}

Diagnostic error(SourceRegion region, std::string code, std::string message) {
    // The suggestion suggestion_suffix() wrote into the message, kept apart too for tools
    // (--diagnostics json): every did-you-mean is worded by that one function.
    std::string suggestion;
    if (const auto at = message.rfind(kSuggestionStart); at != std::string::npos) {
        const auto start = at + std::string_view(kSuggestionStart).size();
        if (const auto end = message.find("'?", start); end != std::string::npos)
            suggestion = message.substr(start, end - start);
    }
    return Diagnostic{Severity::Error, std::move(region), std::move(code), std::move(message),
                      std::move(suggestion)};
}

std::string json_string(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7f) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        } else {
            out += c;
        }
    }
    return out + '"';
}

Diagnostic unknown_key(SourceRegion region, std::string_view key, std::string_view where,
                       const std::vector<std::string_view>& known) {
    return error(std::move(region), "unknown-key",
                 "unknown key '" + std::string(key) + "' in " + std::string(where) +
                     suggestion_suffix(did_you_mean(key, known)));
}

Diagnostic unknown_kind(SourceRegion region, std::string_view kind,
                        const std::vector<std::string_view>& known) {
    return error(std::move(region), "unknown-kind",
                 "unknown layer kind '" + std::string(kind) + "'" +
                     suggestion_suffix(did_you_mean(kind, known)));
}

Diagnostic missing_key(SourceRegion region, std::string_view key, std::string_view where) {
    return error(std::move(region), "missing-key",
                 std::string(where) + " needs '" + std::string(key) + "', which is missing");
}

Diagnostic wrong_type(SourceRegion region, std::string_view what, std::string_view expected,
                      std::string_view found) {
    return error(std::move(region), "wrong-type",
                 std::string(what) + ": expected " + std::string(expected) + " but found " +
                     std::string(found));
}

Diagnostic out_of_range(SourceRegion region, std::string_view what, double value, std::string_view bounds) {
    std::ostringstream text;
    // 10 significant digits: 1000000 rather than 1e+06, 0.3 rather than 0.30000000000000004.
    text << what << ": " << std::setprecision(10) << value << " is out of range (" << bounds << ")";
    return error(std::move(region), "out-of-range", text.str());
}

Diagnostic bad_colour(SourceRegion region, std::string_view text, const std::string& suggestion) {
    // Built by appending: `"'" + std::string(...)` trips a false -Wrestrict in GCC 12 (bug 105329).
    std::string message = "'";
    message.append(text);
    message += "' is not a colour: expected #rgb, #rrggbb, #rrggbbaa, a CSS colour name or a palette name";
    message += suggestion_suffix(suggestion);
    return error(std::move(region), "bad-colour", std::move(message));
}

Diagnostic bad_choice(SourceRegion region, std::string_view what, std::string_view found,
                      const std::vector<std::string_view>& choices) {
    std::string list;
    for (auto c : choices)
        list += (list.empty() ? "'" : ", '") + std::string(c) + "'";
    return error(std::move(region), "bad-choice",
                 std::string(what) + ": expected one of " + list + " but found '" + std::string(found) + "'" +
                     suggestion_suffix(did_you_mean(found, choices)));
}

Diagnostic too_many(SourceRegion region, std::string_view what, std::size_t limit) {
    return error(std::move(region), "limit",
                 std::string(what) + " exceeds vexil's limit of " + std::to_string(limit));
}

Diagnostic bad_usage(std::string_view context, std::string message) {
    return error(SourceRegion{std::string(context), {}, {}}, "usage", std::move(message));
}

} // namespace diag
} // namespace vexil
