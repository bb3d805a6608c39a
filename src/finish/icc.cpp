// sRGB → an output profile's CMYK, through LittleCMS.
#include "diag/diag.h"
#include "finish/finish.h"

#include <lcms2.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

namespace vexil::finish {
namespace {

[[noreturn]] void bad_profile(const std::string& path, const std::string& why) {
    diag::raise(diag::error(SourceRegion{path, {}, {}}, "bad-profile", "'" + path + "' " + why));
}

} // namespace

CmykConverter::CmykConverter(const std::string& profile_path) {
    std::ifstream in(profile_path, std::ios::binary);
    if (!in) throw IoError("cannot read the ICC profile '" + profile_path + "'");
    bytes_.assign(std::istreambuf_iterator<char>(in), {});
    if (bytes_.size() > 64 * 1024 * 1024)
        bad_profile(profile_path, "is larger than 64 MiB: not an ICC profile");
    cmsHPROFILE cmyk = cmsOpenProfileFromMem(bytes_.data(), static_cast<cmsUInt32Number>(bytes_.size()));
    if (!cmyk) bad_profile(profile_path, "is not an ICC profile");
    if (cmsGetColorSpace(cmyk) != cmsSigCmykData || cmsGetDeviceClass(cmyk) != cmsSigOutputClass) {
        cmsCloseProfile(cmyk);
        bad_profile(profile_path, "is not a CMYK output (printer) profile");
    }
    char text[256] = {};
    cmsGetProfileInfoASCII(cmyk, cmsInfoDescription, "en", "US", text, sizeof text);
    description_ = text[0] ? text : profile_path;
    cmsHPROFILE srgb = cmsCreate_sRGBProfile();
    transform_ = cmsCreateTransform(srgb, TYPE_RGB_DBL, cmyk, TYPE_CMYK_DBL, INTENT_RELATIVE_COLORIMETRIC,
                                    cmsFLAGS_BLACKPOINTCOMPENSATION);
    cmsCloseProfile(srgb);
    cmsCloseProfile(cmyk);
    if (!transform_) bad_profile(profile_path, "cannot convert from sRGB (LittleCMS made no transform)");
}

CmykConverter::~CmykConverter() {
    if (transform_) cmsDeleteTransform(static_cast<cmsHTRANSFORM>(transform_));
}

Cmyk CmykConverter::convert(const Colour& screen) const {
    const double rgb[3] = {screen.r, screen.g, screen.b};
    double ink[4] = {0, 0, 0, 0}; // LittleCMS gives CMYK doubles as percentages
    cmsDoTransform(static_cast<cmsHTRANSFORM>(transform_), rgb, ink, 1);
    const auto unit = [](double percent) { return std::clamp(std::round(percent * 10) / 1000, 0.0, 1.0); };
    return {unit(ink[0]), unit(ink[1]), unit(ink[2]), unit(ink[3])};
}

} // namespace vexil::finish
