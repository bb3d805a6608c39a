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

void render_outputs(const Scene& scene, const std::vector<std::string>& outputs, const RenderOptions& options,
                    const char* command) {
    const std::vector<Format> formats = output_formats(outputs, command);
    std::vector<std::pair<std::filesystem::path, std::string>> files;
    for (std::size_t i = 0; i < formats.size(); ++i)
        files.emplace_back(outputs[i], render_bytes(scene, formats[i], options));
    write_files(files);
}

} // namespace vexil::cli
