// Loads the finish plugin (libvexil-finish.so) the first time a PDF needs finishing, so that
// qpdf, LittleCMS and the GnuTLS stack qpdf brings are not loaded by every run: they cost 4 ms of
// start-up, on a process that otherwise starts in 6.
#include "render/print_page.h"

#include "diag/diag.h"
#include "finish/plugin.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace vexil::render {
namespace {

using Entry = decltype(&vexil_finish_pdf_v1);

constexpr const char* kPluginName = "libvexil-finish.so";

/// Where the plugin may be: $VEXIL_PLUGIN_DIR, beside the program, the build tree it was built in,
/// and where `cmake --install` puts it.
std::vector<std::filesystem::path> places() {
    std::vector<std::filesystem::path> folders;
    if (const char* dir = std::getenv("VEXIL_PLUGIN_DIR"); dir && *dir) folders.emplace_back(dir);
    std::error_code code;
    const auto program = std::filesystem::read_symlink("/proc/self/exe", code);
    if (!code) folders.push_back(program.parent_path());
    folders.emplace_back(VEXIL_BUILD_PLUGIN_DIR);
    folders.emplace_back(VEXIL_INSTALL_PLUGIN_DIR);
    return folders;
}

Entry load() {
    std::string tried;
    for (const auto& folder : places()) {
        const std::string path = (folder / kPluginName).string();
        if (void* plugin = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) {
            if (auto* entry = reinterpret_cast<Entry>(::dlsym(plugin, "vexil_finish_pdf_v1"))) return entry;
            ::dlclose(plugin);
        }
        tried += (tried.empty() ? "" : ", ") + path;
    }
    throw IoError(std::string("PDF finishing needs ") + kPluginName + ", which was not found (tried " +
                  tried + ")");
}

} // namespace

std::string finish_pdf(const std::string& pdf, const finish::Finishing& finishing) {
    static const Entry entry = load(); // once; a failure to load is thrown again on each call
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
