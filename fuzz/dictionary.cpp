// Prints fuzz_design's dictionary (libFuzzer's -dict format: one "token" a line) on stdout: TOML's
// punctuation, the design's top-level tables and keys, and from the kind catalogue every kind, every
// field (`name = `) and every choice, so the fuzzer writes keys the loader knows and the dictionary
// never falls behind the catalogue. scripts/fuzz.sh writes it to build-fuzz/fuzz/design.dict.
//
// The keys that are not in the catalogue (load.cpp's top level and [flag], a repeat's, an outline's,
// a colour's print values) are listed here by hand; a key missing from this list only makes the
// fuzzer slower to find it.
#include "load/expr.h"
#include "model/colour.h"
#include "vexil/kinds.h"

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>

namespace {

std::set<std::string> tokens;

void add(std::string_view token) {
    tokens.emplace(token);
}

/// A token as libFuzzer's dictionary writes it: quoted, with '"', '\\' and unprintable bytes escaped.
std::string dictionary_entry(std::string_view token) {
    std::string line = "\"";
    for (const char c : token) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\' || u < 0x20 || u >= 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", u);
            line += escaped;
        } else {
            line += c;
        }
    }
    return line + "\"";
}

} // namespace

int main() {
    // TOML: tables, arrays, inline tables, strings; numbers at the bounds and the angles that matter.
    for (const char* token : {"[flag]\n", "[[layer]]\n", "[params]\n", "[colors]\n", "[colors.", " = ", "\"",
                              "'", "\"\"\"", "'''", "[", "]", "{", "}", ", ", "\n", "#", "true", "false"})
        add(token);
    for (const char* number :
         {"0",     "1",    "-1",     "0.5",    "64",   "90",  "180", "360",        "1000", "10000",     "1e9",
          "1e308", "1e-9", "1e-170", "1e-300", "-0.0", "inf", "nan", "2147483648", "0x10", "1979-05-27"})
        add(number);
    // fuzz_design passes a line `#set NAME=VALUE` as an override.
    add("#set ");
    // Keys outside the catalogue.
    for (const char* key :
         {"flag",    "colors", "params",  "layer", "extends", "remove",  "title", "author", "source", "size",
          "outline", "rgb",    "pantone", "spot",  "cmyk",    "pattern", "count", "radius", "orient", "face",
          "from",    "to",     "rows",    "cols",  "step",    "at",      "color", "width"}) {
        add(key);
        add(std::string(key) + " = ");
    }
    for (const char* value : {"circle", "arc", "grid", "row", "column", "points", "upright", "radial"})
        add("\"" + std::string(value) + "\"");
    // The kind catalogue.
    for (const vexil::KindSpec& kind : vexil::kind_catalogue()) {
        add("kind = \"" + std::string(kind.name) + "\"\n");
        add("\"" + std::string(kind.name) + "\"");
        for (const auto* fields : {&kind.fields, &vexil::common_fields()})
            for (const vexil::FieldSpec& field : *fields) {
                add(std::string(field.name) + " = ");
                for (const std::string_view choice : field.choices)
                    add("\"" + std::string(choice) + "\"");
            }
    }
    // Expressions, path data, colours.
    for (const std::string_view name : vexil::load::builtin_names())
        add(std::string(name) + "(");
    for (const char* token : {"\"W/2\"",
                              "\"H/2\"",
                              "W",
                              "H",
                              "*",
                              "/",
                              "^",
                              "(",
                              ")",
                              "M 0 0",
                              "L 1 1",
                              "A 1 1 0 0 1 2 2",
                              "C 0 0 1 1 2 2",
                              "Z",
                              "{W}",
                              "{H/2}",
                              "\"#fff\"",
                              "\"#bc002d\"",
                              "\"#00000080\"",
                              "\"red\"",
                              "\"transparent\""})
        add(token);
    for (const std::string_view name : vexil::css_colour_names())
        if (name.size() <= 6) add(name);
    // Files next to the design (fuzz_design reads it as tests/emblems/fuzz.toml), and a parent.
    add("\"../../designs/earth.toml\"");
    for (const auto& entry : std::filesystem::directory_iterator(VEXIL_SOURCE_DIR "/tests/emblems"))
        if (entry.path().extension() == ".svg") add("\"" + entry.path().filename().string() + "\"");

    for (const std::string& token : tokens)
        std::printf("%s\n", dictionary_entry(token).c_str());
}
