// See large_buffer.h.
#include "render/large_buffer.h"

#include "vexil/diagnostic.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <string>
#include <utility>

namespace vexil::render {
namespace {
constexpr std::size_t kHugePage = std::size_t{2} << 20; // x86-64's transparent huge page
} // namespace

LargeBuffer::LargeBuffer(std::size_t size) : size_(size) {
    if (size == 0) return;
    // Huge pages need 2 MiB alignment: map that much more, then give back the slack either side.
    const bool huge = size >= kHugePage;
    const std::size_t mapped_size = huge ? size + kHugePage : size;
    void* mapped = mmap(nullptr, mapped_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) throw IoError("out of memory for " + std::to_string(size) + " bytes of image");
    auto* start = static_cast<unsigned char*>(mapped);
    if (huge) {
        const auto address = reinterpret_cast<std::uintptr_t>(start);
        auto* aligned = start + ((kHugePage - address % kHugePage) % kHugePage);
        if (aligned > start) munmap(start, static_cast<std::size_t>(aligned - start));
        const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE)); // munmap's unit
        const std::size_t kept = (size + page - 1) / page * page;
        if (const auto tail = static_cast<std::size_t>(start + mapped_size - (aligned + kept)); tail > 0)
            munmap(aligned + kept, tail);
        start = aligned;
        // A hint: where the kernel has no huge pages for us, plain pages, only slower.
        madvise(start, size, MADV_HUGEPAGE);
    }
    data_ = start;
}

LargeBuffer::~LargeBuffer() {
    if (data_) munmap(data_, size_);
}

LargeBuffer::LargeBuffer(LargeBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

LargeBuffer& LargeBuffer::operator=(LargeBuffer&& other) noexcept {
    if (this != &other) {
        if (data_) munmap(data_, size_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

} // namespace vexil::render
