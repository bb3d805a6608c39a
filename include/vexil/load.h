#pragma once
/// @file load.h
/// Stage 1: a design file → a checked, resolved Design. The only stage that reads TOML.

#include "vexil/design.h"

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

} // namespace vexil
