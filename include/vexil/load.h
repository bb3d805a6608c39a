#pragma once
/// @file load.h
/// Stage 1: a design file → a checked, resolved Design. The only stage that reads TOML.

#include "vexil/design.h"
#include "vexil/print.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vexil {

struct LoadOptions {
    /// `--set` overrides, each "NAME=VALUE": a param, `colors.NAME`, or `LAYER_ID.FIELD`. VALUE is
    /// a TOML value (`0.3`, `"#ff0000"`, `[1, 2]`); bare words that are not TOML are taken as strings.
    std::vector<std::string> overrides;
    /// Folders besides the design's own from which `file` fields (emblems) may be read. A file
    /// outside the design's folder and all of these is refused, so a design cannot read the disk.
    std::vector<std::filesystem::path> allowed_folders;
};

/// Reads and checks a design. Throws InputError (every problem, with file:line:col) or IoError.
Design load_design(const std::filesystem::path& path, const LoadOptions& options = {});
/// The same for a design held in memory; `label` stands for the file name in messages.
Design load_design_text(std::string_view toml, std::string_view label, const LoadOptions& options = {});

/// A short hash (12 hex digits) of everything a design was made from — the bytes of each of its
/// inputs, vexil's version and `extra` (its overrides) — so a printed piece can be matched to its file.
std::string inputs_hash(const Design& design, std::string_view extra = {});

/// Reads a print profile (docs/format.md, "Print profiles"). Throws InputError with every problem
/// (file:line:col), or IoError when it cannot be read.
PrintProfile load_print_profile(const std::filesystem::path& path);

} // namespace vexil
