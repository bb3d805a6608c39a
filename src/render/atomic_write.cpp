// write_file(s): each file is first written whole to a temporary file beside its target, then renamed
// over it (rename(2) is atomic), so a reader never sees half a file and a failure never replaces a
// good output. With several files, all temporaries are written, and every existing target is kept
// under a backup name (a hard link), before any is renamed; if a later rename fails, the earlier
// ones are undone from the backups, so the set is replaced whole or not at all.
#include "render/atomic_write.h"
#include "vexil/diagnostic.h"
#include "vexil/render.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vexil {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const char* what, int error) {
    throw IoError(path.string() + ": " + what + ": " + std::strerror(error));
}

/// A mkstemp template beside `path`: ".NAME.vexil-XXXXXX" in its folder.
std::string temporary_template(const std::filesystem::path& path) {
    const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
    std::string name = ".";
    name.append(path.filename().string())
        .append(".vexil-XXXXXX"); // appended: `"." + s` trips GCC 12 -Wrestrict
    return (directory / name).string();
}

/// Writes `bytes` to a new temporary file beside `path` and returns the temporary's name.
std::string write_temporary(const std::filesystem::path& path, const std::string& bytes) {
    std::string temp = temporary_template(path);
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

/// An existing target kept aside while the new files are renamed into place.
struct Backup {
    std::string name;   ///< "" when there was no file at the target
    bool moved = false; ///< renamed away (no hard link), so the target is missing meanwhile
};

/// Keeps the file at `path` under a new name beside it. A hard link, so `path` itself stays in place;
/// where no hard link can be made (a file system without them, a file protected_hardlinks refuses),
/// the file is renamed aside instead.
Backup keep_aside(const std::filesystem::path& path) {
    struct stat status;
    if (::lstat(path.c_str(), &status) != 0) {
        if (errno == ENOENT) return {};
        fail(path, "cannot read the file", errno);
    }
    if (S_ISDIR(status.st_mode)) fail(path, "cannot replace a folder with a file", EISDIR);
    for (int attempt = 0; attempt < 100; ++attempt) {
        // mkstemp picks a free name; link needs it free again, so another process could take it in
        // between: then try another.
        std::string backup = temporary_template(path);
        const int fd = mkstemp(backup.data());
        if (fd < 0) fail(path, "cannot create a file there", errno);
        ::close(fd);
        ::unlink(backup.c_str());
        if (::link(path.c_str(), backup.c_str()) == 0) return {backup, false};
        if (errno == EEXIST) continue;
        if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EMLINK)
            fail(path, "cannot keep a copy of the file", errno);
        if (std::rename(path.c_str(), backup.c_str()) == 0) return {backup, true};
        fail(path, "cannot keep a copy of the file", errno);
    }
    fail(path, "cannot keep a copy of the file", EEXIST);
}

} // namespace

namespace render {

void write_files(const std::vector<std::pair<std::filesystem::path, std::string>>& files,
                 const BeforeRename& before_rename) {
    // A target that is a folder would fail its rename: refuse it before writing anything.
    for (const auto& [path, bytes] : files) {
        std::error_code code;
        if (std::filesystem::is_directory(path, code))
            fail(path, "cannot replace a folder with a file", EISDIR);
    }
    std::vector<std::string> temporaries;
    std::vector<Backup> backups;
    // Undoes everything: the first `renamed` targets (and any target renamed aside) get their old
    // file back, or are removed when there was none; every temporary and backup left is removed.
    // Returns what could not be put back, for the message.
    const auto roll_back = [&](std::size_t renamed) {
        std::string lost;
        for (std::size_t j = backups.size(); j-- > 0;) {
            Backup& backup = backups[j];
            if (j >= renamed && !backup.moved) continue;
            const char* target = files[j].first.c_str();
            const bool restored = !backup.name.empty() ? std::rename(backup.name.c_str(), target) == 0
                                                       : ::unlink(target) == 0 || errno == ENOENT;
            if (!restored)
                lost += "; " + files[j].first.string() + " could not be put back" +
                        (backup.name.empty() ? "" : ": its old contents are in " + backup.name);
            backup.name.clear(); // put back, or kept for the user
        }
        for (const auto& temp : temporaries)
            ::unlink(temp.c_str());
        for (const auto& backup : backups)
            if (!backup.name.empty()) ::unlink(backup.name.c_str());
        return lost;
    };
    try {
        for (const auto& [path, bytes] : files)
            temporaries.push_back(write_temporary(path, bytes));
        // The same path twice keeps one backup (the original), taken the first time. The last
        // target needs none: no rename comes after its own to fail (so write_file makes none).
        for (std::size_t i = 0; i < files.size(); ++i) {
            bool seen = false;
            for (std::size_t j = 0; j < i && !seen; ++j)
                seen = files[j].first == files[i].first;
            backups.push_back(seen || i + 1 == files.size() ? Backup{} : keep_aside(files[i].first));
        }
    } catch (...) {
        roll_back(0);
        throw;
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (before_rename) before_rename(i);
        if (std::rename(temporaries[i].c_str(), files[i].first.c_str()) != 0) {
            const int error = errno;
            temporaries.erase(temporaries.begin(), temporaries.begin() + static_cast<std::ptrdiff_t>(i));
            const std::string lost = roll_back(i);
            throw IoError(files[i].first.string() + ": cannot replace the file: " + std::strerror(error) +
                          (i > 0 && lost.empty() ? "; the files replaced before it were put back" : "") +
                          lost);
        }
    }
    for (const auto& backup : backups)
        if (!backup.name.empty()) ::unlink(backup.name.c_str());
}

} // namespace render

void write_files(const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
    render::write_files(files, {});
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
