#pragma once
// Memory for a raster and its encoding, taken straight from the kernel. A 1500 × 1000 flag needs
// 6 MB of pixels and 4.5 MB of filtered rows; from malloc each 4 KiB page of that is a page fault
// the first time it is touched (about 2,500 of them, measured at over a third of a PNG render).
// Mapped fresh, the memory is already zero (no memset), and marked for transparent huge pages it
// faults once a 2 MiB page where the kernel allows it (a hint: without it, plain pages).

#include <cstddef>

namespace vexil::render {

class LargeBuffer {
  public:
    LargeBuffer() = default;
    /// `size` bytes, all zero. Throws IoError when the memory cannot be had.
    explicit LargeBuffer(std::size_t size);
    ~LargeBuffer();
    LargeBuffer(LargeBuffer&& other) noexcept;
    LargeBuffer& operator=(LargeBuffer&& other) noexcept;
    LargeBuffer(const LargeBuffer&) = delete;
    LargeBuffer& operator=(const LargeBuffer&) = delete;

    unsigned char* data() const { return data_; }
    std::size_t size() const { return size_; }

  private:
    unsigned char* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace vexil::render
