#pragma once
// Print finishing: the stage after the backend that edits the PDF Cairo wrote, for what Cairo 1.16
// cannot say — page boxes and UserUnit, colours as CMYK or as spot inks (Separations), an output
// intent, XMP metadata. The only user of qpdf and of LittleCMS, and built as a plugin of its own
// (libvexil-finish.so, plugin.h) that vexil loads when a PDF needs finishing: qpdf and its
// GnuTLS stack cost 4 ms of every start-up otherwise.

#include "vexil/design.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vexil::finish {

/// A rectangle on a PDF page, in default user space units from its lower-left corner.
struct PageBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// What a colour Cairo wrote as DeviceRGB becomes: a Separation (one plate, named as given, with
/// `cmyk` as its alternate for proofing) when `separation` is set, else DeviceCMYK `cmyk`.
struct Ink {
    Colour screen;            ///< the RGB Cairo wrote (matched to within a quarter of an 8-bit step)
    std::string separation;   ///< "PANTONE 186 C", "All", "CutContour"; empty: process CMYK
    std::optional<Cmyk> cmyk; ///< absent: converted from `screen` through the CMYK profile
};

/// Converts sRGB to the CMYK of an ICC output profile (LittleCMS; relative colorimetric with black
/// point compensation, as print RIPs convert spot-colour artwork).
class CmykConverter {
  public:
    /// Reads the profile. Throws InputError (code bad-profile, naming the file) when it is not a
    /// CMYK output profile, IoError when it cannot be read.
    explicit CmykConverter(const std::string& profile_path);
    ~CmykConverter();
    CmykConverter(const CmykConverter&) = delete;
    CmykConverter& operator=(const CmykConverter&) = delete;

    Cmyk convert(const Colour& screen) const;
    const std::string& profile_bytes() const { return bytes_; }
    const std::string& description() const { return description_; }

  private:
    std::string bytes_;
    std::string description_;
    void* transform_ = nullptr; // cmsHTRANSFORM, kept out of this header
};

struct Finishing {
    /// Every page's TrimBox and BleedBox (the MediaBox is Cairo's).
    std::optional<PageBox> trim, bleed;
    /// PDF 1.6 UserUnit: the size of one unit in points, for pages larger than 14,400 points.
    double user_unit = 1;
    /// Colours to rewrite wherever Cairo paints them (fills and strokes, on the page and in every
    /// form XObject): these by their RGB, and — when `cmyk_profile` is set — every other RGB
    /// through that profile, so that nothing is left in DeviceRGB.
    std::vector<Ink> inks;
    /// A CMYK ICC profile: colours without CMYK of their own are converted through it, and the PDF
    /// carries it as its OutputIntent (GTS_PDFX). Empty: only the inks listed change.
    std::string cmyk_profile;
    /// An XMP packet for the document's /Metadata.
    std::string xmp;
};

/// The PDF with `finishing` applied. Written with a deterministic /ID, so the same input gives the
/// same bytes. Throws IoError when the PDF cannot be read or written, InputError (bad-profile)
/// for a profile that is not a CMYK output profile. Inside the plugin (finish/plugin.h); the rest
/// of vexil calls it through render's loader.
std::string finish_pdf(const std::string& pdf, const Finishing& finishing);

} // namespace vexil::finish
