#pragma once
// vexil's PNG writer: rows of a Cairo image surface in, a PNG file out. Flags are long runs of one
// colour and many identical rows, so each row is filtered with SUB (a flat run becomes zeros) or UP
// (a row like the one above becomes all zeros), whichever leaves less, and an opaque image is
// written as RGB, three bytes a pixel.
//
// Two ways to deflate, one stream each: an image drawn in one piece is deflated whole by
// libdeflate, several times faster than zlib at the same size; an image too large to draw at once
// comes a band of rows at a time and streams through zlib (libdeflate cannot stream), so it needs
// memory for one band and the compressed file only.

#include <cairo.h>
#include <zlib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vexil::render {

class PngWriter {
  public:
    /// `opaque`: every pixel will have alpha 255 (written as RGB); otherwise RGBA. `dpi` is
    /// recorded in a pHYs chunk when given.
    /// `streaming`: rows come in bands and are deflated as they come (zlib), else all at once at
    /// finish (libdeflate).
    PngWriter(int width, int height, bool opaque, std::optional<double> dpi, bool streaming = false);
    ~PngWriter();
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    /// Adds the next `rows` rows of an ARGB32 image surface (premultiplied, as Cairo keeps it),
    /// starting at its row `first`. Returns false, having added nothing, when a pixel is not opaque
    /// in an image declared opaque: the caller starts again with opaque = false.
    bool add_rows(cairo_surface_t* image, int first, int rows);
    /// The whole file. All `height` rows must have been added.
    std::string finish();

  private:
    /// The source row as PNG bytes, in current_.
    void unpremultiply(const std::uint32_t* pixels);
    /// current_ filtered against previous_ into `row` (filter byte first); current_ becomes previous_.
    void filter_row(unsigned char* row);
    unsigned char* next_row(); ///< the next row's place in whole_
    void stream_row(bool last);
    void flush_idat(bool all);

    int width_, height_, rows_done_ = 0;
    bool opaque_;
    bool streaming_;
    std::size_t channels_;
    std::vector<unsigned char> previous_, current_, filtered_;
    std::vector<unsigned char> last_source_; ///< the last row added, as the surface held it
    z_stream zlib_{};
    std::string out_;
    std::string idat_;                 ///< compressed bytes not yet framed in an IDAT chunk
    std::vector<unsigned char> whole_; ///< every filtered row, when not streaming
};

/// Appends a PNG chunk (length, type, data, CRC) to `png`.
void append_chunk(std::string& png, const char* type, const std::string& data);

} // namespace vexil::render
