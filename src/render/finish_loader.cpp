// Print finishing through its plugin (libvexil-finish.so), loaded the first time a PDF needs it, so
// that qpdf, LittleCMS and the GnuTLS stack qpdf brings are not loaded by every run.
#include "diag/diag.h"
#include "finish/plugin.h"
#include "plugin/plugin.h"
#include "render/print_page.h"

namespace vexil::render {

std::string finish_pdf(const std::string& pdf, const finish::Finishing& finishing) {
    static const auto entry =
        plugin::entry<decltype(&vexil_finish_pdf_v1)>("libvexil-finish.so", "vexil_finish_pdf_v1");
    finish::Outcome outcome;
    entry(pdf, finishing, outcome);
    switch (outcome.failure) {
    case finish::Outcome::Failure::None:
        return std::move(outcome.pdf);
    case finish::Outcome::Failure::BadProfile:
        diag::raise(diag::error(SourceRegion{outcome.file, {}, {}}, "bad-profile", outcome.message));
    case finish::Outcome::Failure::Io:
        break;
    }
    throw IoError(outcome.message);
}

} // namespace vexil::render
