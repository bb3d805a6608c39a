#pragma once
// The finish plugin's one entry point. libvexil-finish.so is built from src/finish (and diag) with
// the same compiler as vexil, so C++ types cross the boundary as they are; exceptions do not: the
// plugin reports a failure in the Outcome, and the loader (render/finish_loader.cpp) raises it.

#include "finish/finish.h"

#include <string>

namespace vexil::finish {

struct Outcome {
    std::string pdf; ///< the finished PDF, when failure is None
    enum class Failure { None, Io, BadProfile } failure = Failure::None;
    std::string message; ///< why, when it failed
    std::string file;    ///< the profile a BadProfile names
};

} // namespace vexil::finish

/// The symbol the loader looks up; its name carries the interface's version.
extern "C" void vexil_finish_pdf_v1(const std::string& pdf, const vexil::finish::Finishing& finishing,
                                    vexil::finish::Outcome& outcome);
