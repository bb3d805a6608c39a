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

#include "render/large_buffer.h"

#include <cairo.h>
#include <zlib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vexil::render {

/// How a PNG holds its pixels. Indexed (a palette of at most 256 colours, one byte a pixel) is a
/// third of RGB's bytes to deflate, and deflating is most of a PNG's cost; a flag drawn with few
/// colours and their anti-aliased edges often fits.
enum class PngColour { Indexed, Rgb, Rgba };

class PngWriter {
  public:
    /// `colour`: Rgb when every pixel will have alpha 255; Indexed when the image will have at most
    /// 256 colours (any alpha); Rgba always fits. `dpi` is recorded in a pHYs chunk when given.
    /// `streaming`: rows come in bands and are deflated as they come (zlib), else all at once at
    /// finish (libdeflate). An indexed image cannot stream: its palette comes before its rows.
    PngWriter(int width, int height, PngColour colour, std::optional<double> dpi, bool streaming = false);
    ~PngWriter();
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    /// Adds the next `rows` rows of an ARGB32 image surface (premultiplied, as Cairo keeps it),
    /// starting at its row `first`. Returns false when the image does not fit the colour type (a
    /// pixel not opaque in Rgb, a 257th colour in Indexed); the writer is then spent, and the
    /// caller starts again with another colour type.
    bool add_rows(cairo_surface_t* image, int first, int rows);
    /// The whole file. All `height` rows must have been added.
    std::string finish();

  private:
    /// The source row as PNG bytes, in current_; false if it does not fit the colour type.
    bool convert_row(const std::uint32_t* pixels);
    bool index_row(const std::uint32_t* pixels); ///< convert_row for Indexed
    std::string palette_chunks() const;          ///< PLTE, and tRNS when a colour is translucent
    /// current_ filtered against previous_ into `row` (filter byte first); current_ becomes previous_.
    void filter_row(unsigned char* row);
    unsigned char* next_row(); ///< the next row's place: in whole_, or filtered_ when streaming
    void stream_row(bool last);
    void flush_idat(bool all);

    int width_, height_, rows_done_ = 0;
    PngColour colour_;
    bool streaming_;
    std::size_t channels_;
    std::vector<unsigned char> previous_, current_, filtered_;
    std::vector<unsigned char> last_source_; ///< the last row added, as the surface held it
    z_stream zlib_{};
    std::string out_;
    std::string idat_;  ///< compressed bytes not yet framed in an IDAT chunk
    LargeBuffer whole_; ///< every filtered row, when not streaming (zero until written)
    // Indexed: the colours in order of first use (as Cairo holds them: premultiplied ARGB), and an
    // open-addressed table from colour to index, twice the palette's size so probes stay short.
    std::vector<std::uint32_t> palette_;
    std::vector<std::uint32_t> slot_colour_;
    std::vector<std::int16_t> slot_index_; ///< -1: empty
};

/// Appends a PNG chunk (length, type, data, CRC) to `png`.
void append_chunk(std::string& png, const char* type, const unsigned char* data, std::size_t size);
void append_chunk(std::string& png, const char* type, const std::string& data);

} // namespace vexil::render
