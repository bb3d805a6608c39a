// What several commands share.
#include "cli/commands.h"
#include "diag/diag.h"

namespace vexil::cli {

std::vector<Format> output_formats(const std::vector<std::string>& outputs, const char* command) {
    std::vector<Format> formats;
    for (const auto& output : outputs) {
        auto format = format_for_path(output);
        if (!format)
            diag::raise(diag::bad_usage(command, "cannot tell the format of '" + output +
                                                     "': name it .svg, .png or .pdf"));
        formats.push_back(*format);
    }
    return formats;
}

} // namespace vexil::cli
