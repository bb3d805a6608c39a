#pragma once
// The one place diagnostics are made and thrown (practice 5: named factories, one funnel).
// Set a breakpoint on vexil::diag::raise to catch every input error at its source.

#include "vexil/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace vexil::diag {

/// Throws InputError carrying `diagnostics`. Every input error passes through here.
[[noreturn]] void raise(std::vector<Diagnostic> diagnostics);
[[noreturn]] void raise(Diagnostic diagnostic);

/// The closest candidate to `word` (edit distance ≤ max(1, |word|/3), case-insensitive, and not a
/// replacement of every letter), or "". The first of equally close candidates wins.
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);
/// Damerau–Levenshtein (optimal string alignment) distance, case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// " — did you mean 'x'?" or "" when there is no suggestion. error() finds it in the message and
/// fills Diagnostic::suggestion.
std::string suggestion_suffix(const std::string& suggestion);
/// `text` as a JSON string literal, quotes included; it is a TOML basic string too.
std::string json_string(std::string_view text);

// --- factories: every message of the loader and layout is worded here ---

Diagnostic error(SourceRegion region, std::string code, std::string message);
Diagnostic unknown_key(SourceRegion region, std::string_view key, std::string_view where,
                       const std::vector<std::string_view>& known);
Diagnostic unknown_kind(SourceRegion region, std::string_view kind,
                        const std::vector<std::string_view>& known);
Diagnostic missing_key(SourceRegion region, std::string_view key, std::string_view where);
Diagnostic wrong_type(SourceRegion region, std::string_view what, std::string_view expected,
                      std::string_view found);
Diagnostic out_of_range(SourceRegion region, std::string_view what, double value, std::string_view bounds);
Diagnostic bad_colour(SourceRegion region, std::string_view text, const std::string& suggestion);
Diagnostic bad_choice(SourceRegion region, std::string_view what, std::string_view found,
                      const std::vector<std::string_view>& choices);
Diagnostic too_many(SourceRegion region, std::string_view what, std::size_t limit);
Diagnostic bad_usage(std::string_view context, std::string message);

} // namespace vexil::diag
