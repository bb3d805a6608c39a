#pragma once
// Internals of the loader, shared by its files. Only src/load includes toml++.

#include "vexil/design.h"
#include "vexil/kinds.h"

#include <toml++/toml.h>

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vexil::load {

/// Largest design file we read; a flag is a few kilobytes.
inline constexpr std::uintmax_t kMaxDesignBytes = 4 * 1024 * 1024;
/// Most layers in one design, and most items in one list value.
inline constexpr std::size_t kMaxLayers = 10'000;
inline constexpr std::size_t kMaxListItems = 100'000;
/// Largest magnitude of any number in a design (after evaluation).
inline constexpr double kMaxMagnitude = 1e9;
/// Most errors reported for one file before we stop listing them.
inline constexpr std::size_t kMaxErrors = 50;

SourceRegion region_of(const toml::source_region& source);
SourceRegion region_of(const toml::node& node);
std::string describe(const toml::node& node); ///< "a string", "an array", … for messages
/// The region of bytes [offset, offset + length) of string `node`'s text: exact for a one-line string
/// without escapes, otherwise the string's opening quote. `quoted` is false when the quotes are not
/// in what the user wrote (a bare --set value), so the text starts at the node's own column.
SourceRegion region_in_string(const toml::node& node, std::string_view text, std::size_t offset,
                              std::size_t length, bool quoted = true);

/// State of one load: the errors found so far and what expressions may refer to.
class Reader {
  public:
    explicit Reader(std::string label) : label_(std::move(label)) {}

    void fail(Diagnostic diagnostic);
    bool failed() const { return !errors_.empty(); }
    std::vector<Diagnostic> take_errors() { return std::move(errors_); }

    /// Reads the params table (lazily resolved, so params may refer to each other in any order).
    void set_params(const toml::table* params) { params_table_ = params; }
    void set_flag_size(double width, double height) {
        width_ = width;
        height_ = height;
    }
    void set_palette(const std::map<std::string, Colour, std::less<>>* palette) { palette_ = palette; }

    /// A number: a TOML integer/float or an expression string. nullopt after reporting an error.
    std::optional<double> number(const toml::node& node, std::string_view what);
    std::optional<Colour> colour(const toml::node& node, std::string_view what);
    /// An array of numbers (each may be an expression), `exact` long when given.
    std::optional<std::vector<double>> numbers(const toml::node& node, std::string_view what,
                                               std::optional<std::size_t> exact);
    /// The value of param `name`, resolving it (and what it refers to) on first use.
    std::optional<double> param(std::string_view name, const SourceRegion& used_at);
    /// Every param, resolved.
    std::map<std::string, double, std::less<>> all_params();

    /// A field of a layer, converted to its FieldType. nullopt after reporting an error.
    std::optional<FieldValue> field(const FieldSpec& spec, const toml::node& node, std::string_view what);

    /// The region of part of a string's text (see region_in_string).
    SourceRegion inside_string(const toml::node& node, std::string_view text, std::size_t offset,
                               std::size_t length) const;
    /// Marks a pseudo-file (a --set) whose string value was written without quotes.
    void set_unquoted(std::string file) { unquoted_files_.insert(std::move(file)); }

    /// The folders `file` fields may read from: those of every design in the extends chain, and
    /// LoadOptions::allowed_folders.
    void set_allowed_folders(std::vector<std::filesystem::path> folders) {
        allowed_folders_ = std::move(folders);
    }

    /// Number of errors is capped; past the cap the load stops.
    bool saturated() const { return errors_.size() >= kMaxErrors; }

  private:
    std::optional<FieldValue> file(const toml::node& node, std::string_view what);     // field_file.cpp
    std::optional<FieldValue> recolour(const toml::node& node, std::string_view what); // field_file.cpp
    std::optional<FieldValue> repeat(const toml::node& node, std::string_view what);   // field_repeat.cpp
    std::optional<double> evaluate_text(const toml::value<std::string>& text, std::string_view what);
    /// Evaluates text[start, start + length) as an expression; errors point into the string.
    std::optional<double> evaluate_part(const toml::value<std::string>& text, std::size_t start,
                                        std::size_t length, std::string_view what);
    /// SVG path data with every `{expression}` replaced by its value (path_data.cpp).
    std::optional<std::string> path_data(const toml::value<std::string>& text, std::string_view what);

    std::string label_;
    std::vector<Diagnostic> errors_;
    const toml::table* params_table_ = nullptr;
    std::map<std::string, double, std::less<>> params_;
    std::set<std::string, std::less<>> resolving_;
    std::set<std::string, std::less<>> failed_params_;
    std::set<std::string, std::less<>> unquoted_files_;
    std::vector<std::string> resolving_order_;
    const std::map<std::string, Colour, std::less<>>* palette_ = nullptr;
    std::optional<double> width_, height_;
    std::vector<std::filesystem::path> allowed_folders_;
};

/// A design file's text. Throws IoError when it cannot be read, InputError when it is too large.
std::string read_design_file(const std::filesystem::path& path);
/// TOML text → table; a syntax error becomes a `toml-syntax` InputError at its line:col.
toml::table parse_toml(std::string_view text, const std::string& label);
/// Replaces `document` by its `extends` chain merged with it (merge.cpp). `chain` holds the
/// canonical paths of the designs loaded so far, `file` the path of this document.
void resolve_extends(toml::table& document, const std::filesystem::path& file,
                     std::vector<std::filesystem::path>& chain, Reader& reader);

/// `[colors]`, in the order the design writes them (colours.cpp).
std::vector<NamedColour> read_colours(const toml::table& document, Reader& reader);

/// Applies `--set NAME=VALUE` overrides to the parsed document before it is read.
void apply_overrides(toml::table& document, const std::vector<std::string>& overrides, Reader& reader);

} // namespace vexil::load
