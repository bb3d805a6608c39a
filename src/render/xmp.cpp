// XMP for print PDFs: what the Info dictionary says, and the design's print colours as an Adobe
// swatch group (xmpTPg:SwatchGroups, the form Illustrator and InDesign write), so a prepress tool
// lists the inks without opening the page.
#include "render/print_page.h"
#include "vexil/version.h"

#include <cmath>
#include <cstdio>

namespace vexil::render {
namespace {

std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string language_alternative(const std::string& tag, const std::string& text) {
    return "   <" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escaped(text) +
           "</rdf:li></rdf:Alt></" + tag + ">\n";
}

std::string colorant(const NamedColour& colour) {
    std::string out = "      <rdf:li rdf:parseType=\"Resource\">\n";
    out += "       <xmpG:swatchName>" + escaped(colour.spot.empty() ? colour.name : colour.spot) +
           "</xmpG:swatchName>\n";
    out += std::string("       <xmpG:type>") + (colour.spot.empty() ? "PROCESS" : "SPOT") + "</xmpG:type>\n";
    if (colour.cmyk) {
        const Cmyk& c = *colour.cmyk;
        out += "       <xmpG:mode>CMYK</xmpG:mode>\n       <xmpG:cyan>" + number(c.c * 100) +
               "</xmpG:cyan>\n" + "       <xmpG:magenta>" + number(c.m * 100) +
               "</xmpG:magenta>\n       <xmpG:yellow>" + number(c.y * 100) +
               "</xmpG:yellow>\n       <xmpG:black>" + number(c.k * 100) + "</xmpG:black>\n";
    } else {
        const auto byte = [](double v) { return std::to_string(static_cast<int>(std::lround(v * 255))); };
        out += "       <xmpG:mode>RGB</xmpG:mode>\n       <xmpG:red>" + byte(colour.screen.r) +
               "</xmpG:red>\n" + "       <xmpG:green>" + byte(colour.screen.g) +
               "</xmpG:green>\n       <xmpG:blue>" + byte(colour.screen.b) + "</xmpG:blue>\n";
    }
    out += "       <vexil:colour>" + escaped(colour.name) + "</vexil:colour>\n";
    if (!colour.source.empty()) out += "       <vexil:source>" + escaped(colour.source) + "</vexil:source>\n";
    return out + "      </rdf:li>\n";
}

} // namespace

std::string xmp_packet(const Scene& scene, const RenderOptions& options) {
    std::string out = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                      "  <rdf:Description rdf:about=\"\"\n"
                      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                      "    xmlns:xmpTPg=\"http://ns.adobe.com/xap/1.0/t/pg/\"\n"
                      "    xmlns:xmpG=\"http://ns.adobe.com/xap/1.0/g/\"\n"
                      "    xmlns:vexil=\"https://vexil.example/ns/1.0/\">\n";
    if (!scene.title.empty()) out += language_alternative("dc:title", scene.title);
    if (!scene.author.empty())
        out +=
            "   <dc:creator><rdf:Seq><rdf:li>" + escaped(scene.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!scene.subject.empty()) out += language_alternative("dc:description", scene.subject);
    out += "   <xmp:CreatorTool>vexil " + std::string(kVersion) + "</xmp:CreatorTool>\n";
    if (!options.design_hash.empty()) out += "   <vexil:design>" + options.design_hash + "</vexil:design>\n";
    const std::vector<NamedColour> colours = colours_of(scene);
    if (!colours.empty()) {
        out += "   <xmpTPg:SwatchGroups><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
               "     <xmpG:groupName>" +
               escaped(scene.title.empty() ? std::string("Design") : scene.title) +
               "</xmpG:groupName>\n     <xmpG:groupType>0</xmpG:groupType>\n     <xmpG:Colorants><rdf:Seq>\n";
        for (const NamedColour& colour : colours)
            out += colorant(colour);
        out += "     </rdf:Seq></xmpG:Colorants>\n   </rdf:li></rdf:Seq></xmpTPg:SwatchGroups>\n";
    }
    out += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n";
    return out;
}

} // namespace vexil::render
