#pragma once
/// @file render.h
/// Stage 3: Scene → SVG, PNG or PDF bytes, through Cairo. Every format is drawn by the same code;
/// only the surface differs.

#include "vexil/print.h"
#include "vexil/scene.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vexil {

enum class Format { Svg, Png, Pdf };

/// From a file extension (.svg .png .pdf, any case), or nullopt.
std::optional<Format> format_for_path(const std::filesystem::path& path);

/// Largest raster we agree to make: each side and the total pixel count. A PNG is drawn and
/// encoded a band of 16 million pixels at a time, so memory stays near 64 MiB plus the compressed
/// file however large it is; time grows with the pixels (about 3 s for 1,000 million).
inline constexpr int kMaxRasterSide = 100'000;
inline constexpr long long kMaxRasterPixels = 1'000'000'000;

/// Points per inch, and the largest side of a PDF page in its default unit (PDF 1.7, annex C.2:
/// 14,400 units, 200 in, 508 cm). A larger page is written with a UserUnit (PDF 1.6) that makes
/// each unit several points, up to kMaxPdfUserUnit.
inline constexpr double kPointsPerInch = 72;
inline constexpr double kMaxPdfPagePoints = 14'400;
inline constexpr double kMaxPdfUserUnit = 1'000; // a page up to 5,080 m a side
/// The resolution a PNG of a physical size is drawn at when no --dpi is given: CSS's 96 px/in.
inline constexpr double kDefaultDpi = 96;

struct RenderOptions {
    /// Output width or height: pixels (PNG), user units (SVG) or points (PDF) for a bare number, or
    /// a physical size (`150cm`), which an SVG and a PDF carry as is and a PNG draws at `dpi`. Give
    /// at most one; the other follows the flag's ratio. Neither: width 1200.
    std::optional<Length> width;
    std::optional<Length> height;
    /// Pixels per inch: a PNG of a physical size has size × dpi pixels (default kDefaultDpi). A PNG
    /// records its dpi (pHYs) when a size is physical or a dpi is given.
    std::optional<double> dpi;
    /// Print bleed per edge, in the same forms as the size (`1cm`, `3mm`, or a bare number in the
    /// output's own units). The scene must be laid out with it (bleed_in_design_units): the art
    /// continues into it, and a PDF's TrimBox and BleedBox say where the flag ends.
    std::optional<EdgeLengths> bleed;
    /// Draws the flag at 1/scale of the size given (`--scale 1:10`, a proof of a banner on paper);
    /// bleed and hems shrink with it, and the slug says so. 1: actual size.
    double scale = 1;

    // What only a PDF takes (print output).
    ColourMode colours = ColourMode::Rgb;
    /// A CMYK ICC profile for converting colours without CMYK of their own (and the PDF's
    /// OutputIntent). Empty: kDefaultCmykProfile.
    std::string icc_profile;
    /// Crop and registration marks, a colour bar and a slug line, outside the bleed.
    bool marks = false;
    /// How the shop finishes the flag: the art grows by its hems and sleeve (lay the scene out with
    /// allowance_in_design_units), and render_proof draws its guides.
    std::optional<PrintProfile> profile;
    /// A short hash of the design and its inputs, for the slug line: a reorder matched to its file.
    std::string design_hash;
};

/// Debian's CMYK profile (libgs-common), used when no --icc is given.
inline constexpr const char* kDefaultCmykProfile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

/// The bleed of `options` in design units, for a flag of `flag_width` × `flag_height` design units:
/// what LayoutOptions::bleed takes. None when no bleed is given. Throws InputError as output_size does.
Edges bleed_in_design_units(double flag_width, double flag_height, const RenderOptions& options,
                            Format format);
/// What the print profile's hems and sleeve add past the finished flag, in design units: what
/// LayoutOptions::allowance takes. None without a profile.
Edges allowance_in_design_units(double flag_width, double flag_height, const RenderOptions& options,
                                Format format);

struct OutputSize {
    int width = 0;  ///< PNG pixels
    int height = 0; ///< PNG pixels
    /// An SVG's or PDF's size, in `page_unit`: the same numbers as width and height for Px.
    double page_width = 0, page_height = 0;
    LengthUnit page_unit = LengthUnit::Px;
    std::optional<double> dpi; ///< what a PNG records, when it records one
    /// A PDF's page size in points (the trim: a bleed adds to it on every side).
    double page_width_points() const;
    bool page_unit_is_physical() const { return page_unit != LengthUnit::Px; }
    double page_height_points() const;
};

/// The output size for `format`. A Px size: the given side as is, the other = round(given × ratio),
/// at least 1. A physical size: exact on the page; a PNG gets round(inches × dpi) pixels.
/// Throws InputError when a side is < 1, a PNG would exceed the raster limits above, or a PDF page
/// would be larger than a PDF page can be.
OutputSize output_size(const Scene& scene, const RenderOptions& options, Format format = Format::Png);

/// The file's bytes.
std::string render_bytes(const Scene& scene, Format format, const RenderOptions& options);
/// Warnings for a design meant for print: each colour the scene paints that has no print values
/// (pantone, spot or cmyk), at its `[colors]` entry or, for a colour written in a layer, at the
/// design's [flag]. Such colours are converted through the ICC profile when printed.
std::vector<Diagnostic> print_colour_warnings(const Design& design, const Scene& scene);

/// A PDF proof of the scene laid out with a print profile: the production art with the profile's
/// guides over it — the finished edge, folds and stitching, the sleeve, grommets and the safe
/// area — labelled, and marked as a proof. Never the production file.
std::string render_proof(const Scene& scene, const RenderOptions& options);

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

/// A construction sheet (vexil sheet): the flag with the dimensions its layers measure.
struct SheetOptions {
    bool grid = false;       ///< a grid in the design's units over the flag
    double flag_width = 520; ///< the flag's width on the sheet, in points (a tall flag: its height is 520)
};
/// A word or number on the sheet, where it lies (points from the sheet's top-left corner).
struct SheetLabel {
    std::string text;
    Box box;
    double size = 8;
    bool bold = false;
};
/// Where everything on a sheet goes: what render_sheet draws and the tests read.
struct SheetPlan {
    double width = 0, height = 0; ///< the page, points
    Box flag;                     ///< where the flag is drawn
    double per_unit = 1;          ///< points per design unit
    std::vector<SheetLabel> labels;
    struct Line {
        std::vector<Vec2> points;
        double width = 0.5;
        Colour colour;
        bool dashed = false;
    };
    std::vector<Line> lines;
    struct Swatch {
        Box box;
        Colour colour;
    };
    std::vector<Swatch> swatches;
};
SheetPlan plan_sheet(const Scene& scene, const SheetOptions& options = {});
/// The sheet as SVG, PNG (at 2 pixels per point) or PDF; its labels are real text in SVG and PDF.
std::string render_sheet(const Scene& scene, Format format, const SheetOptions& options = {});

/// Writes `path` atomically: a temporary file beside it, then rename. On any failure nothing is
/// written and an existing file is left as it was. `sync`: as for write_files. Throws IoError.
void write_file(const std::filesystem::path& path, const std::string& bytes, bool sync = false);
/// Several files at once, all or nothing: every file is written to a temporary beside its target
/// and every existing target is kept under a backup name (a hard link) before any is renamed into
/// place. A failure while writing (a missing folder, a full disk, a file-size limit) leaves every
/// target as it was; so does a rename that fails after earlier ones succeeded: those are undone from
/// the backups (or removed, where there was no file before). No temporary or backup is left either
/// way. What POSIX does not allow us to promise: the renames are one after another, so another
/// process can see some targets new and others still old meanwhile; a crash or SIGKILL between them
/// leaves that mix (each file whole, old or new); if putting an old file back fails too, the IoError
/// says so and names the backup that still holds it; and where no hard link can be made (a file
/// system without them), an existing target is renamed aside instead, so it is missing until its
/// new file is renamed in.
/// A process killed on the way leaves its temporaries and backups beside the targets, named
/// `.NAME.vexil-PID-XXXXXX.tmp` (`.link`, `.aside` for backups). Before its first write into a
/// folder, write_files removes those whose writer is dead (no process with that pid here, and no
/// lock held on the file: a live writer holds a shared flock on its own), putting an `.aside`
/// backup back where its target is missing; those of a running process are left alone.
/// With `sync`, each file is fsynced before its rename and its folder after, so the new files
/// survive a power cut once write_files returns; without it, a power cut soon after may lose them
/// (the old file, or none, comes back; a file system may even leave a new file empty). It costs a
/// few tenths of a millisecond a file on a quiet disk, several on a busy one: the gallery syncs, a
/// single render does not (docs/cli.md has the figures). VEXIL_FSYNC=1 or 0 in the environment overrides
/// `sync` for the whole process (durable_writes). A program that wants a file-size limit (RLIMIT_FSIZE) to
/// fail the write with EFBIG, rather than to be killed by SIGXFSZ, ignores SIGXFSZ, as vexil's main does.
void write_files(const std::vector<std::pair<std::filesystem::path, std::string>>& files, bool sync = false);
/// Whether a write that asks for `sync` (or not) syncs: VEXIL_FSYNC=1 makes every write sync,
/// VEXIL_FSYNC=0 none; unset, as asked.
bool durable_writes(bool asked);
/// Removes from `folder` (not below it) what write_files left there in a process that is gone: the
/// leftovers described above. write_files does it itself for each folder it writes to, once per
/// process; a program that skips unchanged files (the gallery) calls it for the folders it owns.
void remove_leftovers(const std::filesystem::path& folder);
/// Creates `folder` and its parents if missing. Throws IoError (a file in the way, no permission).
void make_folders(const std::filesystem::path& folder);

} // namespace vexil
