// write_file(s): each file is first written whole to a temporary file beside its target, then renamed
// over it (rename(2) is atomic), so a reader never sees half a file and a failure never replaces a
// good output. With several files, all temporaries are written before any is renamed.
#include "vexil/diagnostic.h"
#include "vexil/render.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vexil {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* what, int error) {
    throw IoError(path.string() + ": " + what + ": " + std::strerror(error));
}

/// Writes `bytes` to a new temporary file beside `path` and returns the temporary's name.
std::string write_temporary(const std::filesystem::path& path, const std::string& bytes) {
    const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
    std::string name = ".";
    name.append(path.filename().string())
        .append(".vexil-XXXXXX"); // appended: `"." + s` trips GCC 12 -Wrestrict
    std::string temp = (directory / name).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) fail(path, "cannot create a file there", errno);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            fail(path, "write failed", error);
        }
        written += static_cast<std::size_t>(n);
    }
    // mkstemp makes the file 0600; give it the mode any new file would get (0666 less the umask).
    // The umask is read once, at the first write: reading it means setting it, and the gallery
    // writes from several threads at once.
    static const mode_t mask = [] {
        const mode_t current = ::umask(0);
        ::umask(current);
        return current;
    }();
    ::fchmod(fd, 0666 & ~mask);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        fail(path, "write failed", error);
    }
    return temp;
}

} // namespace

void write_files(const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
    // A target that is a folder would fail its rename after earlier files were replaced: refuse
    // it before writing anything.
    for (const auto& [path, bytes] : files) {
        std::error_code code;
        if (std::filesystem::is_directory(path, code))
            fail(path, "cannot replace a folder with a file", EISDIR);
    }
    std::vector<std::string> temporaries;
    try {
        for (const auto& [path, bytes] : files)
            temporaries.push_back(write_temporary(path, bytes));
    } catch (...) {
        for (const auto& temp : temporaries)
            ::unlink(temp.c_str());
        throw;
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (std::rename(temporaries[i].c_str(), files[i].first.c_str()) != 0) {
            const int error = errno;
            for (std::size_t j = i; j < files.size(); ++j)
                ::unlink(temporaries[j].c_str());
            fail(files[i].first, "cannot replace the file", error);
        }
    }
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    write_files({{path, bytes}});
}

void make_folders(const std::filesystem::path& folder) {
    std::error_code code;
    std::filesystem::create_directories(folder, code);
    if (code) throw IoError(folder.string() + ": cannot create the folder: " + code.message());
}

} // namespace vexil
