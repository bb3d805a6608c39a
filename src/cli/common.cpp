// What several commands share.
#include "cli/commands.h"
#include "diag/diag.h"

namespace vexil::cli {

InputError with_option_hint(const InputError& error, const std::string& options) {
    std::vector<Diagnostic> diagnostics = error.diagnostics();
    for (Diagnostic& diagnostic : diagnostics)
        if (diagnostic.code == "usage") diagnostic.message += " (" + options + ")";
    return InputError(std::move(diagnostics));
}

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
    try {
        for (std::size_t i = 0; i < formats.size(); ++i)
            files.emplace_back(outputs[i], render_bytes(scene, formats[i], options));
    } catch (const InputError& error) { // an output too large
        throw with_option_hint(error, "--width, --height");
    }
    write_files(files);
}

} // namespace vexil::cli
