#pragma once
/// @file render.h
/// Stage 3: Scene → SVG, PNG or PDF bytes, through Cairo. Every format is drawn by the same code;
/// only the surface differs.

#include "vexil/scene.h"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vexil {

enum class Format { Svg, Png, Pdf };

/// From a file extension (.svg .png .pdf, any case), or nullopt.
std::optional<Format> format_for_path(const std::filesystem::path& path);

/// Largest raster we agree to make: each side and the total pixel count.
inline constexpr int kMaxRasterSide = 20000;
inline constexpr long long kMaxRasterPixels = 100'000'000;

struct RenderOptions {
    /// Output width and height in pixels (PNG), or points (SVG user units and PDF). Give at most one;
    /// the other follows the flag's ratio. Neither: width 1200.
    std::optional<int> width;
    std::optional<int> height;
};

struct OutputSize {
    int width = 0;
    int height = 0;
};

/// The output size: the given side as is, the other = round(given × ratio), at least 1.
/// Throws InputError when a side is < 1 or the result exceeds the limits above.
OutputSize output_size(const Scene& scene, const RenderOptions& options);

/// The file's bytes.
std::string render_bytes(const Scene& scene, Format format, const RenderOptions& options);

/// One cell of a contact sheet or one page of a catalogue: a flag and the words under it.
struct SheetCell {
    const Scene* scene = nullptr;
    std::string caption;
};

/// A grid of flags with captions, `columns` wide, each flag `cell_width` wide (PNG pixels or PDF
/// points): for comparing variants at a glance. Format must be Png or Pdf.
std::string render_contact_sheet(const std::vector<SheetCell>& cells, Format format, int columns,
                                 int cell_width);
/// A PDF of one flag per A4 landscape page, centred, with its caption beneath.
std::string render_catalogue(const std::vector<SheetCell>& cells);

/// Renders and writes `path` atomically: a temporary file beside it, then rename. On any failure
/// nothing is written and an existing file is left as it was. Throws IoError.
void write_file(const std::filesystem::path& path, const std::string& bytes);
/// Several files at once, all or nothing: every file is written to a temporary beside its target
/// and every existing target is kept under a backup name (a hard link) before any is renamed into
/// place. A failure while writing (a missing folder, a full disk) leaves every target as it was; so
/// does a rename that fails after earlier ones succeeded: those are undone from the backups (or
/// removed, where there was no file before). No temporary or backup is left either way.
/// What POSIX does not allow us to promise: the renames are one after another, so another process
/// can see some targets new and others still old meanwhile; a crash or SIGKILL between them leaves
/// that mix, with the backups (.NAME.vexil-XXXXXX) beside the targets; if putting an old file back
/// fails too, the IoError says so and names the backup that still holds it; and where no hard link
/// can be made (a file system without them), an existing target is renamed aside instead, so it
/// is missing until its new file is renamed in.
void write_files(const std::vector<std::pair<std::filesystem::path, std::string>>& files);
/// Creates `folder` and its parents if missing. Throws IoError (a file in the way, no permission).
void make_folders(const std::filesystem::path& folder);

} // namespace vexil
