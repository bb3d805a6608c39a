#pragma once
// Plugins: the modules that bring heavy libraries (print finishing: qpdf and LittleCMS; emblems:
// librsvg) are built as shared objects of their own and loaded the first time they are needed, so a
// run that needs neither does not load them. Each has one C entry per operation, its name carrying
// the interface's version; failures come back as values, never as exceptions across the boundary.

namespace vexil::plugin {

/// The address of `symbol` in the plugin `library` ("libvexil-finish.so"), loading it on first use
/// from $VEXIL_PLUGIN_DIR, the program's own folder, bin/../lib/vexil beside it (an installed prefix,
/// moved or not), the install prefix it was built for, or the build tree. Throws
/// IoError, naming where it looked, when it cannot be found.
void* symbol(const char* library, const char* symbol);

/// The entry `name` of `library`, as the function type `Entry` its plugin.h declares.
template <typename Entry> Entry entry(const char* library, const char* name) {
    return reinterpret_cast<Entry>(symbol(library, name));
}

} // namespace vexil::plugin
