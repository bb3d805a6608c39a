// See png.h. The file layout is PNG 1.2's (ISO/IEC 15948): signature, IHDR, pHYs, IDAT…, IEND.
#include "render/png.h"

#include "vexil/diagnostic.h"

#include <libdeflate.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

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

void put32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((value >> shift) & 0xff);
}

} // namespace

void append_chunk(std::string& png, const char* type, const std::string& data) {
    put32(png, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = png.size();
    png.append(type, 4);
    png += data;
    const auto* typed = reinterpret_cast<const Bytef*>(png.data() + start);
    put32(png,
          static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0), typed, static_cast<uInt>(4 + data.size()))));
}

PngWriter::PngWriter(int width, int height, bool opaque, std::optional<double> dpi, bool streaming)
    : width_(width), height_(height), opaque_(opaque), streaming_(streaming), channels_(opaque ? 3 : 4) {
    const std::size_t row = static_cast<std::size_t>(width) * channels_;
    previous_.assign(row, 0);
    current_.assign(row, 0);
    filtered_.assign(row + 1, 0);
    if (streaming && deflateInit2(&zlib_, kZlibLevel, Z_DEFLATED, 15, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK)
        throw IoError("PNG encoding: zlib could not start");
    if (!streaming) whole_.reserve((row + 1) * static_cast<std::size_t>(height));
    out_ = "\x89PNG\r\n\x1a\n";
    std::string header;
    put32(header, static_cast<std::uint32_t>(width));
    put32(header, static_cast<std::uint32_t>(height));
    header += '\x08';                   // 8 bits a channel
    header += opaque ? '\x02' : '\x06'; // colour type: RGB, or RGB with alpha
    header.append("\x00\x00\x00", 3);   // deflate, adaptive filtering, no interlace
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
    // A row the same as the one before it (most of a flag's rows) needs no work: UP makes it zeros.
    const auto same_as_before = [&](int y) {
        const unsigned char* before =
            y > first ? row(y - 1) : (rows_done_ > 0 ? last_source_.data() : nullptr);
        return before && std::memcmp(row(y), before, row_bytes) == 0;
    };
    // Check the whole band before adding any of it, so that a refusal leaves the writer unchanged.
    if (opaque_)
        for (int y = first; y < first + rows; ++y) {
            if (same_as_before(y)) continue;
            const auto* pixels = reinterpret_cast<const std::uint32_t*>(row(y));
            for (int x = 0; x < width_; ++x)
                if ((pixels[x] >> 24) != 0xff) return false;
        }
    for (int y = first; y < first + rows; ++y) {
        const bool same = same_as_before(y);
        ++rows_done_;
        unsigned char* out = streaming_ ? filtered_.data() : next_row();
        if (same) {
            out[0] = kUp;
            std::memset(out + 1, 0, current_.size());
        } else {
            unpremultiply(reinterpret_cast<const std::uint32_t*>(row(y)));
            filter_row(out);
        }
        if (streaming_) stream_row(rows_done_ == height_);
    }
    last_source_.assign(row(first + rows - 1), row(first + rows - 1) + row_bytes);
    return true;
}

unsigned char* PngWriter::next_row() {
    const std::size_t size = current_.size() + 1;
    whole_.resize(whole_.size() + size);
    return whole_.data() + whole_.size() - size;
}

void PngWriter::unpremultiply(const std::uint32_t* pixels) {
    unsigned char* to = current_.data();
    for (int x = 0; x < width_; ++x) {
        const std::uint32_t pixel = pixels[x];
        const std::uint32_t alpha = pixel >> 24;
        const std::uint32_t r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;
        if (opaque_) {
            *to++ = static_cast<unsigned char>(r);
            *to++ = static_cast<unsigned char>(g);
            *to++ = static_cast<unsigned char>(b);
        } else if (alpha == 0) {
            to[0] = to[1] = to[2] = to[3] = 0;
            to += 4;
        } else {
            // Cairo keeps colour premultiplied; PNG's is straight. Rounded exactly as Cairo's own
            // PNG writer rounds (cairo-png.c, unpremultiply_data), so the files decode alike.
            *to++ = static_cast<unsigned char>((r * 255 + alpha / 2) / alpha);
            *to++ = static_cast<unsigned char>((g * 255 + alpha / 2) / alpha);
            *to++ = static_cast<unsigned char>((b * 255 + alpha / 2) / alpha);
            *to++ = static_cast<unsigned char>(alpha);
        }
    }
}

void PngWriter::filter_row(unsigned char* row) {
    const std::size_t n = current_.size(), bpp = channels_;
    unsigned char* out = row + 1;
    {
        // SUB (each byte less the one a pixel to its left) or UP (less the one above), whichever
        // leaves the smaller sum of magnitudes: libpng's heuristic for choosing a filter.
        std::uint64_t none = 0, sub = 0, up = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto s = static_cast<signed char>(current_[i] - (i >= bpp ? current_[i - bpp] : 0));
            const auto u = static_cast<signed char>(current_[i] - previous_[i]);
            none += static_cast<std::uint64_t>(std::abs(static_cast<signed char>(current_[i])));
            sub += static_cast<std::uint64_t>(std::abs(s));
            up += static_cast<std::uint64_t>(std::abs(u));
        }
        Filter filter = none <= sub ? kNone : kSub;
        if (rows_done_ > 1 && up < std::min(none, sub)) filter = kUp;
        row[0] = filter;
        for (std::size_t i = 0; i < n; ++i) {
            const unsigned char before = filter == kUp                ? previous_[i]
                                         : filter == kSub && i >= bpp ? current_[i - bpp]
                                                                      : 0;
            out[i] = static_cast<unsigned char>(current_[i] - before);
        }
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
        append_chunk(out_, "IDAT", idat_.substr(at, size));
        at += size;
    }
    idat_.erase(0, at);
}

std::string PngWriter::finish() {
    if (rows_done_ != height_) throw IoError("PNG encoding: rows missing");
    if (!streaming_) {
        libdeflate_compressor* compressor = libdeflate_alloc_compressor(kLibdeflateLevel);
        if (!compressor) throw IoError("PNG encoding: libdeflate could not start");
        idat_.resize(libdeflate_zlib_compress_bound(compressor, whole_.size()));
        const std::size_t size =
            libdeflate_zlib_compress(compressor, whole_.data(), whole_.size(), idat_.data(), idat_.size());
        libdeflate_free_compressor(compressor);
        if (size == 0) throw IoError("PNG encoding: libdeflate failed");
        idat_.resize(size);
        std::vector<unsigned char>().swap(whole_);
        flush_idat(true);
    }
    append_chunk(out_, "IEND", {});
    return std::move(out_);
}

} // namespace vexil::render
