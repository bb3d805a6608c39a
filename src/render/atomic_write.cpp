// write_file(s): each file is first written whole to a temporary file beside its target, then renamed
// over it (rename(2) is atomic), so a reader never sees half a file and a failure never replaces a
// good output. With several files, all temporaries are written, and every existing target is kept
// under a backup name (a hard link), before any is renamed; if a later rename fails, the earlier
// ones are undone from the backups, so the set is replaced whole or not at all.
//
// What a process killed on the way leaves behind is named after its target and its writer:
// ".NAME.vexil-PID-XXXXXX.KIND", KIND being tmp (new bytes not yet renamed), link (a backup that is
// a hard link of the target) or aside (a target renamed away, where no hard link could be made).
// While it works the writer holds a shared flock on each, so the next writer into that folder can
// tell a dead writer's leftovers (no such pid here, and no lock held on them anywhere) from those of
// a live one (this pid, or another machine's or container's, which still holds its lock), and
// removes only the dead one's: tmp and link files go, an aside file goes back to its target if the
// target is missing, and goes otherwise.
#include "render/atomic_write.h"
#include "vexil/diagnostic.h"
#include "vexil/render.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <set>
#include <signal.h>
#include <string_view>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace vexil {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& path, const char* what, int error) {
    throw IoError(path.string() + ": " + what + ": " + std::strerror(error));
}

constexpr std::string_view kMark = ".vexil-";
/// What write_files leaves beside a target while it works, by the end of the name.
constexpr const char* kTemporary = ".tmp"; ///< the new bytes, before their rename
constexpr const char* kLinked = ".link";   ///< the old target kept by a hard link
constexpr const char* kAside = ".aside";   ///< the old target renamed away (no hard links there)

fs::path folder_of(const fs::path& path) {
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

/// A mkstemps template beside `path`: ".NAME.vexil-PID-XXXXXX.KIND" in its folder.
std::string leftover_template(const fs::path& path, const char* kind) {
    std::string name = ".";
    name.append(path.filename().string()) // appended: `"." + s` trips GCC 12 -Wrestrict
        .append(kMark)
        .append(std::to_string(::getpid()))
        .append("-XXXXXX")
        .append(kind);
    return (folder_of(path) / name).string();
}

/// A new file from a leftover template (mkostemps); its name is in `name` on return. -1 with errno
/// on failure.
int make_leftover(std::string& name, const fs::path& path, const char* kind) {
    name = leftover_template(path, kind);
    return ::mkostemps(name.data(), static_cast<int>(std::strlen(kind)), O_CLOEXEC);
}

/// An open descriptor holding a shared flock on a file this process is still working with, so that
/// a cleaner that cannot see our pid (another pid namespace, another machine on a shared folder)
/// still leaves it alone. Best effort: where locks are not had, the pid alone tells.
class Hold {
  public:
    Hold() = default;
    explicit Hold(int fd) : fd_(fd) {
        if (fd_ >= 0) ::flock(fd_, LOCK_SH | LOCK_NB);
    }
    Hold(Hold&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Hold& operator=(Hold&& other) noexcept {
        std::swap(fd_, other.fd_);
        return *this;
    }
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;
    ~Hold() {
        if (fd_ >= 0) ::close(fd_);
    }

  private:
    int fd_ = -1;
};

struct Temporary {
    std::string name;
    Hold hold;
};

/// Writes `bytes` to a new temporary file beside `path`.
Temporary write_temporary(const fs::path& path, const std::string& bytes, bool sync) {
    Temporary temp;
    const int fd = make_leftover(temp.name, path, kTemporary);
    if (fd < 0) fail(path, "cannot create a file there", errno);
    // The lock lives on a second descriptor of the same open file, kept until write_files is done;
    // `fd` itself is closed below, where close reports a failed write-back (NFS).
    temp.hold = Hold(::fcntl(fd, F_DUPFD_CLOEXEC, 0));
    const auto give_up = [&](const char* what, int error) {
        ::close(fd);
        ::unlink(temp.name.c_str());
        fail(path, what, error);
    };
    std::size_t written = 0;
    while (written < bytes.size()) {
        // A file-size limit (RLIMIT_FSIZE) gives EFBIG here when SIGXFSZ is ignored, as vexil's
        // main does; a full disk gives ENOSPC.
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) give_up("write failed", n < 0 ? errno : EIO);
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
    if (sync && ::fsync(fd) != 0) give_up("write failed", errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.name.c_str());
        fail(path, "write failed", error);
    }
    return temp;
}

/// An existing target kept aside while the new files are renamed into place.
struct Backup {
    std::string name;   ///< "" when there was no file at the target
    bool moved = false; ///< renamed away (no hard link), so the target is missing meanwhile
    Hold hold;
};

/// Opens a backup just made, to hold its lock.
Hold hold_file(const std::string& name) {
    return Hold(::open(name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
}

/// Keeps the file at `path` under a new name beside it. A hard link, so `path` itself stays in place;
/// where no hard link can be made (a file system without them, a file protected_hardlinks refuses),
/// the file is renamed aside instead.
Backup keep_aside(const fs::path& path) {
    struct stat status;
    if (::lstat(path.c_str(), &status) != 0) {
        if (errno == ENOENT) return {};
        fail(path, "cannot read the file", errno);
    }
    if (S_ISDIR(status.st_mode)) fail(path, "cannot replace a folder with a file", EISDIR);
    for (int attempt = 0; attempt < 100; ++attempt) {
        // mkstemp picks a free name; link needs it free again, so another process could take it in
        // between: then try another.
        std::string backup;
        const int fd = make_leftover(backup, path, kLinked);
        if (fd < 0) fail(path, "cannot create a file there", errno);
        ::close(fd);
        ::unlink(backup.c_str());
        if (::link(path.c_str(), backup.c_str()) == 0) return {backup, false, hold_file(backup)};
        if (errno == EEXIST) continue;
        if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EMLINK)
            fail(path, "cannot keep a copy of the file", errno);
        const int aside_fd = make_leftover(backup, path, kAside);
        if (aside_fd < 0) fail(path, "cannot create a file there", errno);
        ::close(aside_fd);
        if (std::rename(path.c_str(), backup.c_str()) == 0) return {backup, true, hold_file(backup)};
        const int error = errno;
        ::unlink(backup.c_str());
        fail(path, "cannot keep a copy of the file", error);
    }
    fail(path, "cannot keep a copy of the file", EEXIST);
}

/// A name write_files leaves while it works, taken apart.
struct Leftover {
    std::string target; ///< the file name it stands beside
    pid_t pid = 0;      ///< its writer
    std::string kind;   ///< kTemporary, kLinked or kAside
};

/// ".NAME.vexil-PID-XXXXXX.KIND" → its parts; nullopt for any other name.
std::optional<Leftover> parse_leftover(std::string_view name) {
    const auto at = name.rfind(kMark);
    if (name.empty() || name[0] != '.' || at == std::string_view::npos || at < 2) return std::nullopt;
    std::string_view rest = name.substr(at + kMark.size());
    std::size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9')
        ++digits;
    if (digits == 0 || digits > 9 || rest.size() < digits + 8 || rest[digits] != '-') return std::nullopt;
    for (std::size_t i = digits + 1; i < digits + 7; ++i) {
        const char c = rest[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return std::nullopt;
    }
    Leftover leftover;
    leftover.kind = std::string(rest.substr(digits + 7));
    if (leftover.kind != kTemporary && leftover.kind != kLinked && leftover.kind != kAside)
        return std::nullopt;
    leftover.target = std::string(name.substr(1, at - 1));
    leftover.pid = static_cast<pid_t>(std::strtol(std::string(rest.substr(0, digits)).c_str(), nullptr, 10));
    if (leftover.pid <= 0) return std::nullopt;
    return leftover;
}

/// Whether the process that wrote a leftover is gone: no process has its pid here.
bool writer_gone(pid_t pid) {
    return pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH;
}

/// Removes the leftovers of dead writers in `folder` (not below it); see the top of this file.
void clean_folder(const fs::path& folder) {
    DIR* dir = ::opendir(folder.empty() ? "." : folder.c_str());
    if (!dir) return;
    const int at = ::dirfd(dir);
    std::vector<std::pair<std::string, Leftover>> found;
    while (const dirent* entry = ::readdir(dir))
        if (auto leftover = parse_leftover(entry->d_name)) found.emplace_back(entry->d_name, *leftover);
    for (const auto& [name, leftover] : found) {
        if (!writer_gone(leftover.pid)) continue;
        const int fd = ::openat(at, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) continue;
        struct stat held, now;
        // Only a regular file nobody holds a lock on, still under this name (another cleaner may
        // have dealt with it meanwhile).
        const bool ours = ::fstat(fd, &held) == 0 && S_ISREG(held.st_mode) &&
                          ::flock(fd, LOCK_EX | LOCK_NB) == 0 &&
                          ::fstatat(at, name.c_str(), &now, AT_SYMLINK_NOFOLLOW) == 0 &&
                          now.st_ino == held.st_ino && now.st_dev == held.st_dev;
        if (ours) {
            if (leftover.kind != kAside) {
                ::unlinkat(at, name.c_str(), 0);
            } else if (::linkat(at, name.c_str(), at, leftover.target.c_str(), 0) == 0 || errno == EEXIST) {
                ::unlinkat(at, name.c_str(), 0); // back in place, or its target has newer bytes
            } else {
                // No hard links here (which is why it was renamed aside): rename it back, never
                // over a target that has appeared meanwhile. Where neither works it stays, for the
                // user to find.
                ::renameat2(at, name.c_str(), at, leftover.target.c_str(), RENAME_NOREPLACE);
            }
        }
        ::close(fd);
    }
    ::closedir(dir);
}

/// The folders cleaned in this process: each once, before the first write into it.
std::mutex cleaned_lock;
std::set<std::string> cleaned;

/// Marks `folder` as cleaned; returns whether it was not yet.
bool first_time(const fs::path& folder) {
    std::error_code code;
    std::string key = fs::absolute(folder, code).lexically_normal().string();
    if (code) key = folder.string();
    const std::lock_guard<std::mutex> guard(cleaned_lock);
    return cleaned.insert(std::move(key)).second;
}

void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail(folder, "cannot sync the folder", errno);
    const bool ok = ::fsync(fd) == 0 || errno == EINVAL; // EINVAL: a file system that cannot
    const int error = errno;
    ::close(fd);
    if (!ok) fail(folder, "cannot sync the folder", error);
}

} // namespace

namespace render {

void write_files(const std::vector<std::pair<std::filesystem::path, std::string>>& files,
                 const BeforeRename& before_rename, bool sync) {
    sync = durable_writes(sync);
    // A target that is a folder would fail its rename: refuse it before writing anything.
    for (const auto& [path, bytes] : files) {
        std::error_code code;
        if (std::filesystem::is_directory(path, code))
            fail(path, "cannot replace a folder with a file", EISDIR);
    }
    for (const auto& [path, bytes] : files)
        if (first_time(folder_of(path))) clean_folder(folder_of(path));
    std::vector<Temporary> temporaries;
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
            ::unlink(temp.name.c_str());
        for (const auto& backup : backups)
            if (!backup.name.empty()) ::unlink(backup.name.c_str());
        return lost;
    };
    try {
        for (const auto& [path, bytes] : files)
            temporaries.push_back(write_temporary(path, bytes, sync));
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
        if (std::rename(temporaries[i].name.c_str(), files[i].first.c_str()) != 0) {
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
    if (sync) {
        std::set<fs::path> folders;
        for (const auto& [path, bytes] : files)
            folders.insert(folder_of(path));
        for (const auto& folder : folders)
            sync_folder(folder);
    }
}

} // namespace render

bool durable_writes(bool asked) {
    static const int forced = [] { // -1: not set
        const char* value = std::getenv("VEXIL_FSYNC");
        return !value || !*value ? -1 : std::string_view(value) == "0" ? 0 : 1;
    }();
    return forced < 0 ? asked : forced == 1;
}

void write_files(const std::vector<std::pair<std::filesystem::path, std::string>>& files, bool sync) {
    render::write_files(files, {}, sync);
}

void write_file(const std::filesystem::path& path, const std::string& bytes, bool sync) {
    write_files({{path, bytes}}, sync);
}

void remove_leftovers(const std::filesystem::path& folder) {
    first_time(folder);
    clean_folder(folder);
}

void make_folders(const std::filesystem::path& folder) {
    std::error_code code;
    std::filesystem::create_directories(folder, code);
    if (code) throw IoError(folder.string() + ": cannot create the folder: " + code.message());
}

} // namespace vexil
