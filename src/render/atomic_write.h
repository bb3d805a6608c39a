#pragma once
// write_files with a seam for tests: a failure between the renames cannot be provoked from outside
// in a repeatable way (a folder appearing where an output goes, a disk that fails mid-way).

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace vexil::render {

/// Called with i just before the i-th temporary is renamed over its target (after every temporary
/// and every backup has been made).
using BeforeRename = std::function<void(std::size_t index)>;

/// vexil::write_files, calling `before_rename` (when set) before each rename.
void write_files(const std::vector<std::pair<std::filesystem::path, std::string>>& files,
                 const BeforeRename& before_rename, bool sync = false);

} // namespace vexil::render
