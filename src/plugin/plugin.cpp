// See plugin.h.
#include "plugin/plugin.h"

#include "vexil/diagnostic.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace vexil::plugin {
namespace {

std::vector<std::filesystem::path> places() {
    std::vector<std::filesystem::path> folders;
    if (const char* dir = std::getenv("VEXIL_PLUGIN_DIR"); dir && *dir) folders.emplace_back(dir);
    std::error_code code;
    const auto program = std::filesystem::read_symlink("/proc/self/exe", code);
    if (!code) {
        folders.push_back(program.parent_path());
        folders.push_back(program.parent_path() / VEXIL_PLUGIN_DIR_FROM_BIN); // an installed prefix
    }
    // An installed program finds its own plugins before any build tree's (they may differ).
    folders.emplace_back(VEXIL_INSTALL_PLUGIN_DIR);
    folders.emplace_back(VEXIL_BUILD_PLUGIN_DIR);
    return folders;
}

} // namespace

void* symbol(const char* library, const char* name) {
    // Loaded once each, and never unloaded: what a plugin made (an emblem's parsed document) is
    // freed by its own code, at any time.
    static std::mutex lock;
    static std::map<std::string, void*> loaded;
    std::lock_guard<std::mutex> guard(lock);
    void*& handle = loaded[library];
    std::string tried;
    if (!handle)
        for (const auto& folder : places()) {
            const std::string path = (folder / library).string();
            if ((handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL))) break;
            tried += (tried.empty() ? "" : ", ") + path;
        }
    if (!handle) {
        loaded.erase(library);
        throw IoError(std::string(library) + " was not found (tried " + tried + ")");
    }
    void* found = ::dlsym(handle, name);
    if (!found) throw IoError(std::string(library) + " has no " + name + ": it is not this vexil's plugin");
    return found;
}

} // namespace vexil::plugin
