// See plugin.h.
#include "finish/plugin.h"

#include "vexil/diagnostic.h"

extern "C" __attribute__((visibility("default"))) void
vexil_finish_pdf_v1(const std::string& pdf, const vexil::finish::Finishing& finishing,
                    vexil::finish::Outcome& outcome) {
    using Failure = vexil::finish::Outcome::Failure;
    try {
        outcome.pdf = vexil::finish::finish_pdf(pdf, finishing);
        outcome.failure = Failure::None;
    } catch (const vexil::InputError& error) {
        outcome.failure = Failure::BadProfile;
        outcome.message = error.diagnostics().front().message;
        outcome.file = error.diagnostics().front().region.file;
    } catch (const std::exception& error) {
        outcome.failure = Failure::Io;
        outcome.message = error.what();
    }
}
