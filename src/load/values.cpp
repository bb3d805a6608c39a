// Numbers, expressions, params and colours: the values every part of a design is made of.
#include "diag/diag.h"
#include "load/expr.h"
#include "load/reader.h"
#include "model/colour.h"

#include <algorithm>
#include <cmath>

namespace vexil::load {

SourceRegion region_of(const toml::source_region& source) {
    SourceRegion region;
    region.file = source.path ? *source.path : std::string();
    region.begin = {source.begin.line, source.begin.column};
    region.end = {source.end.line, source.end.column};
    return region;
}

SourceRegion region_of(const toml::node& node) {
    return region_of(node.source());
}

SourceRegion region_in_string(const toml::node& node, std::string_view text, std::size_t offset,
                              std::size_t length, bool quoted) {
    // toml++ counts columns in code points; `offset` is in bytes.
    const auto code_points = [](std::string_view bytes) {
        return static_cast<std::uint32_t>(std::count_if(bytes.begin(), bytes.end(), [](char c) {
            return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
        }));
    };
    SourceRegion region = region_of(node);
    offset = std::min(offset, text.size());
    length = std::min(length, text.size() - offset);
    // Only a one-line string without escapes maps character for character onto its source ("..." or
    // '...'); otherwise (escapes, """multi-line""") point at the string's opening quote.
    if (region.begin.line == 0 || region.end.line != region.begin.line ||
        region.end.column != region.begin.column + code_points(text) + 2) {
        region.end = region.begin;
        return region;
    }
    region.begin.column += (quoted ? 1 : 0) + code_points(text.substr(0, offset));
    region.end = region.begin;
    region.end.column += code_points(text.substr(offset, length));
    return region;
}

std::string describe(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "the string \"" + std::string(node.as_string()->get()) + "\"";
    case toml::node_type::integer:
        return "the number " + std::to_string(node.as_integer()->get());
    case toml::node_type::floating_point:
        return "a number";
    case toml::node_type::boolean:
        return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    default:
        return "nothing";
    }
}

SourceRegion Reader::inside_string(const toml::node& node, std::string_view text, std::size_t offset,
                                   std::size_t length) const {
    const auto& path = node.source().path;
    return region_in_string(node, text, offset, length, !(path && unquoted_files_.count(*path)));
}

void Reader::fail(Diagnostic diagnostic) {
    if (diagnostic.region.file.empty()) diagnostic.region.file = label_;
    if (errors_.size() < kMaxErrors) errors_.push_back(std::move(diagnostic));
}

std::optional<double> Reader::number(const toml::node& node, std::string_view what) {
    std::optional<double> value;
    if (const auto* integer = node.as_integer()) {
        value = static_cast<double>(integer->get());
    } else if (const auto* floating = node.as_floating_point()) {
        if (!std::isfinite(floating->get())) {
            fail(diag::error(region_of(node), "not-finite",
                             std::string(what) + ": nan and inf are not numbers here"));
            return std::nullopt;
        }
        value = floating->get();
    } else if (const auto* text = node.as_string()) {
        value = evaluate_text(*text, what);
    } else {
        fail(diag::wrong_type(region_of(node), what, "a number or an expression string", describe(node)));
        return std::nullopt;
    }
    // Every number is a length, an angle or a count on a flag: nothing needs more than this, and
    // geometry on larger values only loses precision (or time).
    if (value && std::abs(*value) > kMaxMagnitude) {
        fail(diag::out_of_range(region_of(node), what, *value, "at most 1e9 in size"));
        return std::nullopt;
    }
    return value;
}

std::optional<double> Reader::evaluate_text(const toml::value<std::string>& text, std::string_view what) {
    return evaluate_part(text, 0, text.get().size(), what);
}

std::optional<double> Reader::evaluate_part(const toml::value<std::string>& text, std::size_t start,
                                            std::size_t length, std::string_view what) {
    // Thrown by the lookup when a name it resolves has failed and was reported already.
    struct AlreadyReported {};
    const SourceRegion at = region_of(text);
    std::string cycle; // a param named while it is being resolved
    const NameLookup lookup = [&](std::string_view name) -> std::optional<double> {
        if (name == "W" && width_) return width_;
        if (name == "H" && height_) return height_;
        if (!params_table_ || !params_table_->contains(name)) return std::nullopt;
        if (resolving_.count(name)) {
            cycle = std::string(name);
            return std::nullopt; // reported below, at the name, as a cycle
        }
        auto value = param(name, at);
        if (!value) throw AlreadyReported{};
        return value;
    };
    std::variant<double, ExprError> result;
    try {
        result = evaluate(std::string_view(text.get()).substr(start, length), lookup);
    } catch (const AlreadyReported&) {
        return std::nullopt;
    }
    if (const double* value = std::get_if<double>(&result)) return *value;
    const ExprError& problem = std::get<ExprError>(result);
    // Point at the character inside the string.
    const SourceRegion exact = inside_string(text, text.get(), start + problem.offset, problem.length);
    if (problem.code == "unknown-name" && !cycle.empty() && problem.name == cycle) {
        std::string chain;
        auto step = std::find(resolving_order_.begin(), resolving_order_.end(), cycle);
        for (; step != resolving_order_.end(); ++step)
            chain += *step + " → ";
        fail(diag::error(exact, "param-cycle", "params refer to each other in a cycle: " + chain + cycle));
        return std::nullopt;
    }
    std::string message = std::string(what) + ": " + problem.message;
    if (problem.code == "unknown-name") {
        std::vector<std::string> known;
        if (width_) {
            known = {"W", "H"};
            if (params_table_)
                for (auto&& [key, value] : *params_table_)
                    known.emplace_back(key.str());
        } else { // the flag's size, read before anything else: only the built-in names
            message += " (the flag's size cannot use params, W or H)";
        }
        const std::size_t own = known.size(); // W, H and the params, before the built-in names
        for (auto name : builtin_names())
            known.emplace_back(name);
        const std::string suggestion = diag::did_you_mean(problem.name, known);
        message += diag::suggestion_suffix(suggestion);
        // Nothing close: say what there is, so the fix is a look away (the built-ins are in the docs).
        if (suggestion.empty() && width_) {
            std::string names;
            for (std::size_t i = 0; i < own; ++i)
                names += (i == 0 ? "" : ", ") + known[i];
            message += params_table_ && params_table_->size() > 0
                           ? " (names here: " + names + ", and the functions and constants of docs/format.md)"
                           : " (names here: W and H, and the functions and constants of docs/format.md; "
                             "a design's own names are declared under [params])";
        }
    }
    fail(diag::error(exact, problem.code, message));
    return std::nullopt;
}

std::optional<double> Reader::param(std::string_view name, const SourceRegion& used_at) {
    if (failed_params_.count(name)) return std::nullopt;
    if (auto it = params_.find(name); it != params_.end()) return it->second;
    if (!params_table_) return std::nullopt;
    const toml::node* node = params_table_->get(name);
    if (!node) return std::nullopt;
    if (resolving_.count(name)) {
        std::string chain;
        for (const auto& step : resolving_order_)
            chain += step + " → ";
        fail(diag::error(used_at, "param-cycle",
                         "params refer to each other in a cycle: " + chain + std::string(name)));
        return std::nullopt;
    }
    resolving_.emplace(name);
    resolving_order_.emplace_back(name);
    auto value = number(*node, "param '" + std::string(name) + "'");
    resolving_order_.pop_back();
    resolving_.erase(resolving_.find(name));
    // A failed param is remembered so that each of its users fails quietly instead of repeating the error.
    if (!value) failed_params_.emplace(name);
    params_.emplace(std::string(name), value.value_or(0.0));
    return value;
}

std::map<std::string, double, std::less<>> Reader::all_params() {
    if (params_table_)
        for (auto&& [key, node] : *params_table_)
            param(key.str(), region_of(node));
    return params_;
}

std::optional<Colour> Reader::colour(const toml::node& node, std::string_view what) {
    const auto* text = node.as_string();
    if (!text) {
        fail(diag::wrong_type(region_of(node), what,
                              "a colour string (\"#0b4da2\", \"white\", a palette name)", describe(node)));
        return std::nullopt;
    }
    const std::string_view name = text->get();
    if (palette_)
        if (auto it = palette_->find(name); it != palette_->end()) return it->second;
    if (auto literal = parse_colour_literal(name)) return literal;
    std::vector<std::string_view> known(css_colour_names().begin(), css_colour_names().end());
    if (palette_)
        for (const auto& [key, value] : *palette_)
            known.emplace_back(key);
    fail(diag::bad_colour(region_of(node), name, diag::did_you_mean(name, known)));
    return std::nullopt;
}

} // namespace vexil::load
