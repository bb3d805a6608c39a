// See finish.h. qpdf reads the whole file and writes it anew, so the result is a well-formed PDF
// whatever Cairo's layout was (`qpdf --check` holds every vexil PDF to that in the tests).
#include "finish/finish.h"

#include "vexil/diagnostic.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <cstdio>
#include <exception>
#include <memory>
#include <set>

namespace vexil::finish {
namespace {

QPDFObjectHandle array_of(const PageBox& box) {
    return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(box.x0, box.y0, box.x1, box.y1));
}

/// A number as a content stream writes it: up to 6 decimals, trailing zeros dropped.
std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6f", value);
    std::string out = text;
    while (out.back() == '0')
        out.pop_back();
    if (out.back() == '.') out.pop_back();
    return out == "-0" ? "0" : out;
}

QPDFObjectHandle real_array(std::initializer_list<double> values) {
    std::vector<QPDFObjectHandle> items;
    for (double value : values)
        items.push_back(QPDFObjectHandle::newReal(value, 6, true));
    return QPDFObjectHandle::newArray(items);
}

/// [/Separation /NAME /DeviceCMYK tint] with a tint transform from no ink to `cmyk` (a type 2,
/// exponential function with N = 1: linear, as PDF 1.7 8.6.6.4 expects of a spot colour's alternate).
QPDFObjectHandle separation_space(QPDF& document, const Ink& ink) {
    QPDFObjectHandle tint = QPDFObjectHandle::newDictionary();
    tint.replaceKey("/FunctionType", QPDFObjectHandle::newInteger(2));
    tint.replaceKey("/Domain", real_array({0, 1}));
    tint.replaceKey("/C0", real_array({0, 0, 0, 0}));
    const Cmyk cmyk = ink.cmyk.value_or(Cmyk{0, 0, 0, 1});
    tint.replaceKey("/C1", real_array({cmyk.c, cmyk.m, cmyk.y, cmyk.k}));
    tint.replaceKey("/N", QPDFObjectHandle::newInteger(1));
    return document.makeIndirectObject(QPDFObjectHandle::newArray(
        {QPDFObjectHandle::newName("/Separation"), QPDFObjectHandle::newName("/" + ink.separation),
         QPDFObjectHandle::newName("/DeviceCMYK"), tint}));
}

bool matches(const Colour& a, double r, double g, double b) {
    constexpr double kQuarterStep = 0.25 / 255; // Cairo writes 6 decimals; 8-bit colours are 1/255 apart
    return std::abs(a.r - r) < kQuarterStep && std::abs(a.g - g) < kQuarterStep &&
           std::abs(a.b - b) < kQuarterStep;
}

/// Rewrites `r g b rg` (fill) and `r g b RG` (stroke) as the colour's ink: `/SpotN cs 1 scn` for a
/// Separation, `c m y k k` for CMYK. Everything else passes through as it was.
class InkFilter : public QPDFObjectHandle::TokenFilter {
  public:
    InkFilter(const Finishing& finishing, const CmykConverter* converter,
              const std::vector<std::string>& space_names)
        : finishing_(finishing), converter_(converter), space_names_(space_names) {}

    void handleToken(const QPDFTokenizer::Token& token) override {
        const auto type = token.getType();
        if (type == QPDFTokenizer::tt_integer || type == QPDFTokenizer::tt_real ||
            type == QPDFTokenizer::tt_space) {
            pending_.push_back(token);
            return;
        }
        if (type == QPDFTokenizer::tt_word && (token.getValue() == "rg" || token.getValue() == "RG") &&
            rewrite(token.getValue() == "RG"))
            return;
        flush();
        writeToken(token);
    }
    void handleEOF() override { flush(); }

  private:
    void flush() {
        for (const auto& token : pending_)
            writeToken(token);
        pending_.clear();
    }

    bool rewrite(bool stroke) {
        std::vector<double> operands;
        for (const auto& token : pending_)
            if (token.getType() != QPDFTokenizer::tt_space) operands.push_back(std::stod(token.getValue()));
        if (operands.size() != 3) return false;
        const double r = operands[0], g = operands[1], b = operands[2];
        std::string replacement;
        for (std::size_t i = 0; i < finishing_.inks.size(); ++i) {
            const Ink& ink = finishing_.inks[i];
            if (!matches(ink.screen, r, g, b)) continue;
            if (!ink.separation.empty())
                replacement = space_names_[i] + (stroke ? " CS 1 SCN" : " cs 1 scn");
            else
                replacement = cmyk_operator(*ink.cmyk, stroke);
            break;
        }
        if (replacement.empty()) {
            if (!converter_) return false;
            replacement = cmyk_operator(converter_->convert(Colour{r, g, b, 1}), stroke);
        }
        // Keep the space before the operands, so the operator stays apart from what came before.
        if (!pending_.empty() && pending_.front().getType() == QPDFTokenizer::tt_space)
            writeToken(pending_.front());
        pending_.clear();
        write(replacement);
        return true;
    }

    static std::string cmyk_operator(const Cmyk& ink, bool stroke) {
        return number(ink.c) + " " + number(ink.m) + " " + number(ink.y) + " " + number(ink.k) +
               (stroke ? " K" : " k");
    }

    const Finishing& finishing_;
    const CmykConverter* converter_;
    const std::vector<std::string>& space_names_;
    std::vector<QPDFTokenizer::Token> pending_;
};

QPDFObjectHandle resources_of(QPDFObjectHandle holder) {
    QPDFObjectHandle dictionary = holder.isStream() ? holder.getDict() : holder;
    if (!dictionary.getKey("/Resources").isDictionary())
        dictionary.replaceKey("/Resources", QPDFObjectHandle::newDictionary());
    return dictionary.getKey("/Resources");
}

/// Form XObjects that are soft masks: their colours are the mask's values, never inks.
std::set<QPDFObjGen> soft_mask_forms(QPDF& document) {
    std::set<QPDFObjGen> masks;
    for (QPDFObjectHandle object : document.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/SMask").isDictionary()) continue;
        QPDFObjectHandle group = object.getKey("/SMask").getKey("/G");
        if (group.isStream()) masks.insert(group.getObjGen());
    }
    return masks;
}

void rewrite_inks(QPDF& document, const Finishing& finishing, const CmykConverter* converter,
                  std::vector<std::string>& space_names) {
    // Each ink that is a Separation gets one colour space object, named /VexilInkN in every
    // resource dictionary that paints (the page's and each form's), so any of them can use it.
    std::vector<std::pair<std::string, QPDFObjectHandle>> spaces;
    for (std::size_t i = 0; i < finishing.inks.size(); ++i) {
        space_names.push_back("/VexilInk" + std::to_string(i));
        if (!finishing.inks[i].separation.empty())
            spaces.emplace_back(space_names.back(), separation_space(document, finishing.inks[i]));
    }
    const auto add_spaces = [&](QPDFObjectHandle holder) {
        QPDFObjectHandle resources = resources_of(holder);
        if (!resources.getKey("/ColorSpace").isDictionary())
            resources.replaceKey("/ColorSpace", QPDFObjectHandle::newDictionary());
        for (const auto& [name, space] : spaces)
            resources.getKey("/ColorSpace").replaceKey(name, space);
    };
    const auto filter = std::make_shared<InkFilter>(finishing, converter, space_names);
    const std::set<QPDFObjGen> masks = soft_mask_forms(document);
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(document).getAllPages()) {
        add_spaces(page.getObjectHandle());
        page.addContentTokenFilter(filter);
    }
    for (QPDFObjectHandle object : document.getAllObjects()) {
        if (!object.isStream()) continue;
        QPDFObjectHandle dictionary = object.getDict();
        const bool form = dictionary.getKey("/Subtype").isNameAndEquals("/Form");
        const bool tiling = dictionary.getKey("/PatternType").isInteger() &&
                            dictionary.getKey("/PatternType").getIntValue() == 1;
        if ((!form && !tiling) || masks.count(object.getObjGen())) continue;
        add_spaces(object);
        object.addTokenFilter(filter);
        // A transparency group blends in its own colour space: CMYK output blends in CMYK.
        if (converter && dictionary.getKey("/Group").isDictionary())
            dictionary.getKey("/Group").replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
    }
    if (converter)
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(document).getAllPages())
            if (QPDFObjectHandle group = page.getObjectHandle().getKey("/Group"); group.isDictionary())
                group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
}

void add_output_intent(QPDF& document, const CmykConverter& converter) {
    QPDFObjectHandle profile = document.newStream(converter.profile_bytes());
    profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
    QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
    intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
    intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
    intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString("Custom"));
    intent.replaceKey("/OutputCondition", QPDFObjectHandle::newString(converter.description()));
    intent.replaceKey("/Info", QPDFObjectHandle::newString(converter.description()));
    intent.replaceKey("/DestOutputProfile", profile);
    document.getRoot().replaceKey("/OutputIntents",
                                  QPDFObjectHandle::newArray({document.makeIndirectObject(intent)}));
}

void add_metadata(QPDF& document, const std::string& xmp) {
    QPDFObjectHandle metadata = document.newStream(xmp);
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    document.getRoot().replaceKey("/Metadata", metadata);
}

} // namespace

std::string finish_pdf(const std::string& pdf, const Finishing& given) {
    // Inks without CMYK of their own take the profile's conversion of their screen colour.
    std::unique_ptr<CmykConverter> converter;
    if (!given.cmyk_profile.empty()) converter = std::make_unique<CmykConverter>(given.cmyk_profile);
    Finishing finishing = given;
    for (Ink& ink : finishing.inks)
        if (!ink.cmyk && converter) ink.cmyk = converter->convert(ink.screen);
    try {
        QPDF document;
        document.setSuppressWarnings(true);
        document.processMemoryFile("vexil output", pdf.data(), pdf.size());
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(document).getAllPages()) {
            QPDFObjectHandle object = page.getObjectHandle();
            if (finishing.trim) object.replaceKey("/TrimBox", array_of(*finishing.trim));
            if (finishing.bleed) object.replaceKey("/BleedBox", array_of(*finishing.bleed));
            if (finishing.user_unit != 1)
                object.replaceKey("/UserUnit", QPDFObjectHandle::newReal(finishing.user_unit, 4, true));
        }
        std::vector<std::string> space_names;
        if (!finishing.inks.empty() || converter)
            rewrite_inks(document, finishing, converter.get(), space_names);
        if (converter) add_output_intent(document, *converter);
        if (!finishing.xmp.empty()) add_metadata(document, finishing.xmp);
        QPDFWriter writer(document);
        writer.setOutputMemory();
        writer.setDeterministicID(true); // the same design gives the same bytes (SOURCE_DATE_EPOCH)
        if (finishing.user_unit != 1) writer.setMinimumPDFVersion("1.6"); // UserUnit
        writer.write();
        const auto buffer = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const InputError&) {
        throw;
    } catch (const std::exception& error) {
        throw IoError(std::string("PDF finishing (qpdf): ") + error.what());
    }
}

} // namespace vexil::finish
