// See finish.h. qpdf reads the whole file and writes it anew, so the result is a well-formed PDF
// whatever Cairo's layout was (`qpdf --check` holds every vexil PDF to that in the tests).
#include "finish/finish.h"

#include "vexil/diagnostic.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>

namespace vexil::finish {
namespace {

QPDFObjectHandle array_of(const PageBox& box) {
    return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(box.x0, box.y0, box.x1, box.y1));
}

} // namespace

std::string set_page_boxes(const std::string& pdf, const PageBox& trim, const PageBox& bleed) {
    try {
        QPDF document;
        document.setSuppressWarnings(true);
        document.processMemoryFile("vexil output", pdf.data(), pdf.size());
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(document).getAllPages()) {
            QPDFObjectHandle object = page.getObjectHandle();
            object.replaceKey("/TrimBox", array_of(trim));
            object.replaceKey("/BleedBox", array_of(bleed));
        }
        QPDFWriter writer(document);
        writer.setOutputMemory();
        writer.setDeterministicID(true); // the same design gives the same bytes (SOURCE_DATE_EPOCH)
        writer.write();
        const auto buffer = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const std::exception& error) {
        throw IoError(std::string("PDF finishing (qpdf): ") + error.what());
    }
}

} // namespace vexil::finish
