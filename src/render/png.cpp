// See png.h. The file layout is PNG 1.2's (ISO/IEC 15948): signature, IHDR, pHYs, IDAT…, IEND.
#include "render/png.h"

#include "vexil/diagnostic.h"

#include <libdeflate.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace vexil::render {
namespace {

// Streaming (bands): zlib's default strategy at its default level. Its run-length strategy is
// faster still but cannot match an edge that moves along from row to row (a diagonal), which
// made such flags up to three times Cairo's size.
constexpr int kZlibLevel = 6;
constexpr int kMemLevel = 9; // the largest hash table, for the fewest calls
// Whole: libdeflate's level 6. On the library's 62 designs at 900 px every file is within 10 % of
// Cairo's (libpng, level 6) but the plain tricolours Estonia and Germany, 17 % (380 bytes) over at
// under 3 KB; no level from 2 to 11 does better there without doing worse on a diagonal flag.
constexpr int kLibdeflateLevel = 6;
constexpr std::size_t kIdatChunk = 1 << 16; // IDAT chunks of 64 KiB, as encoders usually write

enum Filter : unsigned char { kNone = 0, kSub = 1, kUp = 2 };

constexpr int kPaletteBits = 9; // a table of 512 slots for at most 256 colours
constexpr std::size_t kPaletteSlots = std::size_t{1} << kPaletteBits;

void put32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((value >> shift) & 0xff);
}

} // namespace

void append_chunk(std::string& png, const char* type, const unsigned char* data, std::size_t size) {
    put32(png, static_cast<std::uint32_t>(size));
    png.append(type, 4);
    png.append(reinterpret_cast<const char*>(data), size);
    uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(type), 4);
    crc = crc32(crc, data, static_cast<uInt>(size));
    put32(png, static_cast<std::uint32_t>(crc));
}

void append_chunk(std::string& png, const char* type, const std::string& data) {
    append_chunk(png, type, reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

PngWriter::PngWriter(int width, int height, PngColour colour, std::optional<double> dpi, bool streaming)
    : width_(width), height_(height), colour_(colour), streaming_(streaming),
      channels_(colour == PngColour::Indexed ? 1
                : colour == PngColour::Rgb   ? 3
                                             : 4) {
    if (streaming && colour == PngColour::Indexed)
        throw IoError("PNG encoding: an indexed image cannot stream");
    const std::size_t row = static_cast<std::size_t>(width) * channels_;
    previous_.assign(row, 0);
    current_.assign(row, 0);
    filtered_.assign(row + 1, 0);
    if (colour == PngColour::Indexed) {
        slot_colour_.assign(kPaletteSlots, 0);
        slot_index_.assign(kPaletteSlots, -1);
    }
    if (streaming && deflateInit2(&zlib_, kZlibLevel, Z_DEFLATED, 15, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK)
        throw IoError("PNG encoding: zlib could not start");
    if (!streaming) whole_ = LargeBuffer((row + 1) * static_cast<std::size_t>(height));
    out_ = "\x89PNG\r\n\x1a\n";
    std::string header;
    put32(header, static_cast<std::uint32_t>(width));
    put32(header, static_cast<std::uint32_t>(height));
    header += '\x08'; // 8 bits a channel (or an index)
    header += colour == PngColour::Indexed ? '\x03' : colour == PngColour::Rgb ? '\x02' : '\x06';
    header.append("\x00\x00\x00", 3); // deflate, adaptive filtering, no interlace
    append_chunk(out_, "IHDR", header);
    if (dpi) {
        // pHYs: pixels per metre across and down, unit 1 = metre.
        const auto per_metre = static_cast<std::uint32_t>(std::lround(*dpi / 0.0254));
        std::string physical;
        put32(physical, per_metre);
        put32(physical, per_metre);
        physical += '\x01';
        append_chunk(out_, "pHYs", physical);
    }
}

PngWriter::~PngWriter() {
    if (streaming_) deflateEnd(&zlib_);
}

bool PngWriter::add_rows(cairo_surface_t* image, int first, int rows) {
    cairo_surface_flush(image);
    const unsigned char* data = cairo_image_surface_get_data(image);
    const int stride = cairo_image_surface_get_stride(image);
    const std::size_t row_bytes = static_cast<std::size_t>(width_) * 4;
    const auto row = [&](int y) { return data + static_cast<std::ptrdiff_t>(y) * stride; };
    for (int y = first; y < first + rows; ++y) {
        // A row the same as the one before it (most of a flag's rows) needs no work: UP makes it
        // zeros, which a fresh whole_ already holds.
        const unsigned char* before =
            y > first ? row(y - 1) : (rows_done_ > 0 ? last_source_.data() : nullptr);
        const bool same = before && std::memcmp(row(y), before, row_bytes) == 0;
        ++rows_done_;
        unsigned char* out = next_row();
        if (same) {
            out[0] = kUp;
            if (streaming_) std::memset(out + 1, 0, current_.size());
        } else {
            if (!convert_row(reinterpret_cast<const std::uint32_t*>(row(y)))) return false;
            filter_row(out);
        }
        if (streaming_) stream_row(rows_done_ == height_);
    }
    last_source_.assign(row(first + rows - 1), row(first + rows - 1) + row_bytes);
    return true;
}

unsigned char* PngWriter::next_row() {
    if (streaming_) return filtered_.data();
    return whole_.data() + static_cast<std::size_t>(rows_done_ - 1) * (current_.size() + 1);
}

bool PngWriter::convert_row(const std::uint32_t* pixels) {
    if (colour_ == PngColour::Indexed) return index_row(pixels);
    unsigned char* to = current_.data();
    if (colour_ == PngColour::Rgb) {
        std::uint32_t all = 0xffffffff; // the alphas ANDed: 0xff.. only if every pixel is opaque
        for (int x = 0; x < width_; ++x) {
            const std::uint32_t pixel = pixels[x];
            all &= pixel;
            to[0] = static_cast<unsigned char>(pixel >> 16);
            to[1] = static_cast<unsigned char>(pixel >> 8);
            to[2] = static_cast<unsigned char>(pixel);
            to += 3;
        }
        return (all >> 24) == 0xff;
    }
    for (int x = 0; x < width_; ++x) {
        const std::uint32_t pixel = pixels[x];
        const std::uint32_t alpha = pixel >> 24;
        const std::uint32_t r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
        if (alpha == 0) {
            to[0] = to[1] = to[2] = to[3] = 0;
        } else {
            // Cairo keeps colour premultiplied; PNG's is straight. Rounded exactly as Cairo's own
            // PNG writer rounds (cairo-png.c, unpremultiply_data), so the files decode alike.
            to[0] = static_cast<unsigned char>((r * 255 + alpha / 2) / alpha);
            to[1] = static_cast<unsigned char>((g * 255 + alpha / 2) / alpha);
            to[2] = static_cast<unsigned char>((b * 255 + alpha / 2) / alpha);
            to[3] = static_cast<unsigned char>(alpha);
        }
        to += 4;
    }
    return true;
}

bool PngWriter::index_row(const std::uint32_t* pixels) {
    unsigned char* to = current_.data();
    std::uint32_t last = 0;
    unsigned char last_index = 0;
    for (int x = 0; x < width_; ++x) {
        const std::uint32_t pixel = pixels[x];
        if (x == 0 || pixel != last) { // runs of one colour, most of a flag, skip the table
            // Fibonacci hashing into the table; linear probing.
            std::size_t slot = (pixel * 2654435769u) >> (32 - kPaletteBits);
            while (slot_index_[slot] >= 0 && slot_colour_[slot] != pixel)
                slot = (slot + 1) & (kPaletteSlots - 1);
            if (slot_index_[slot] < 0) {
                if (palette_.size() == 256) return false;
                slot_colour_[slot] = pixel;
                slot_index_[slot] = static_cast<std::int16_t>(palette_.size());
                palette_.push_back(pixel);
            }
            last = pixel;
            last_index = static_cast<unsigned char>(slot_index_[slot]);
        }
        *to++ = last_index;
    }
    return true;
}

std::string PngWriter::palette_chunks() const {
    std::string entries, alphas;
    std::size_t translucent_through = 0; // tRNS may stop after the last entry that is not opaque
    for (std::size_t i = 0; i < palette_.size(); ++i) {
        const std::uint32_t pixel = palette_[i];
        const std::uint32_t alpha = pixel >> 24;
        for (int shift : {16, 8, 0}) {
            const std::uint32_t value = (pixel >> shift) & 0xff;
            // Straight colour from premultiplied, rounded as Cairo's PNG writer rounds.
            entries += static_cast<char>(alpha == 0     ? 0
                                         : alpha == 255 ? value
                                                        : (value * 255 + alpha / 2) / alpha);
        }
        alphas += static_cast<char>(alpha);
        if (alpha != 255) translucent_through = i + 1;
    }
    std::string chunks;
    append_chunk(chunks, "PLTE", entries);
    if (translucent_through > 0) append_chunk(chunks, "tRNS", alphas.substr(0, translucent_through));
    return chunks;
}

namespace {

/// The sum of |a[i] - b[i]| over n bytes, each difference taken as a signed byte (as PNG's filters
/// wrap): libpng's measure of how well a filter did. Written plainly so the compiler vectorises it.
std::uint32_t sum_of_differences(const unsigned char* a, const unsigned char* b, std::size_t n) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const int difference = static_cast<signed char>(static_cast<unsigned char>(a[i] - b[i]));
        sum += static_cast<std::uint32_t>(difference < 0 ? -difference : difference);
    }
    return sum;
}

/// The sum of |a[i]| over n bytes, each taken as a signed byte.
std::uint32_t sum_of_magnitudes(const unsigned char* a, std::size_t n) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const int value = static_cast<signed char>(a[i]);
        sum += static_cast<std::uint32_t>(value < 0 ? -value : value);
    }
    return sum;
}

} // namespace

void PngWriter::filter_row(unsigned char* row) {
    const std::size_t n = current_.size(), bpp = channels_;
    const unsigned char* now = current_.data();
    const unsigned char* above = previous_.data();
    unsigned char* out = row + 1;
    // NONE, SUB (each byte less the one a pixel to its left) or UP (less the one above), whichever
    // leaves the smallest sum of magnitudes: libpng's heuristic for choosing a filter.
    const std::uint32_t none = sum_of_magnitudes(now, n);
    const std::uint32_t sub = sum_of_magnitudes(now, bpp) + sum_of_differences(now + bpp, now, n - bpp);
    const std::uint32_t up = rows_done_ > 1 ? sum_of_differences(now, above, n) : ~std::uint32_t{0};
    if (up < std::min(none, sub)) {
        row[0] = kUp;
        for (std::size_t i = 0; i < n; ++i)
            out[i] = static_cast<unsigned char>(now[i] - above[i]);
    } else if (sub < none) {
        row[0] = kSub;
        std::memcpy(out, now, bpp);
        for (std::size_t i = bpp; i < n; ++i)
            out[i] = static_cast<unsigned char>(now[i] - now[i - bpp]);
    } else {
        row[0] = kNone;
        std::memcpy(out, now, n);
    }
    std::swap(previous_, current_);
}

void PngWriter::stream_row(bool last) {
    zlib_.next_in = filtered_.data();
    zlib_.avail_in = static_cast<uInt>(filtered_.size());
    unsigned char buffer[1 << 15];
    int status = Z_OK;
    do {
        zlib_.next_out = buffer;
        zlib_.avail_out = sizeof buffer;
        status = deflate(&zlib_, last ? Z_FINISH : Z_NO_FLUSH);
        if (status == Z_STREAM_ERROR) throw IoError("PNG encoding: zlib failed");
        idat_.append(reinterpret_cast<const char*>(buffer), sizeof buffer - zlib_.avail_out);
    } while (zlib_.avail_out == 0 || (last && status != Z_STREAM_END));
    flush_idat(last);
}

void PngWriter::flush_idat(bool all) {
    std::size_t at = 0;
    while (idat_.size() - at >= kIdatChunk || (all && at < idat_.size())) {
        const std::size_t size = std::min(kIdatChunk, idat_.size() - at);
        append_chunk(out_, "IDAT", reinterpret_cast<const unsigned char*>(idat_.data()) + at, size);
        at += size;
    }
    idat_.erase(0, at);
}

std::string PngWriter::finish() {
    if (rows_done_ != height_) throw IoError("PNG encoding: rows missing");
    if (!streaming_) {
        libdeflate_compressor* compressor = libdeflate_alloc_compressor(kLibdeflateLevel);
        if (!compressor) throw IoError("PNG encoding: libdeflate could not start");
        // Room for the bound, left unwritten (not a LargeBuffer, whose huge pages would be zeroed
        // 2 MiB at a time for a file of a few tens of KB): only the pages written are touched.
        const std::size_t bound = libdeflate_zlib_compress_bound(compressor, whole_.size());
        const std::unique_ptr<unsigned char[]> compressed(new unsigned char[bound]);
        const std::size_t size =
            libdeflate_zlib_compress(compressor, whole_.data(), whole_.size(), compressed.get(), bound);
        libdeflate_free_compressor(compressor);
        if (size == 0) throw IoError("PNG encoding: libdeflate failed");
        whole_ = LargeBuffer();
        if (colour_ == PngColour::Indexed) out_ += palette_chunks();
        out_.reserve(out_.size() + size + (size / kIdatChunk + 2) * 12);
        for (std::size_t at = 0; at < size; at += kIdatChunk)
            append_chunk(out_, "IDAT", compressed.get() + at, std::min(kIdatChunk, size - at));
    }
    append_chunk(out_, "IEND", {});
    return std::move(out_);
}

} // namespace vexil::render
