// Renders a flag through the installed library: prints the SVG's size in bytes, or the error.
#include <vexil/vexil.h>

#include <iostream>

int main() {
    try {
        const vexil::Design design =
            vexil::load_design_text("[flag]\nsize = [3, 2]\n[[layer]]\nkind = \"field\"\ncolor = "
                                    "\"white\"\n[[layer]]\nkind = \"circle\"\n"
                                    "radius = 0.6\ncolor = \"#bc002d\"\n",
                                    "consumer.toml");
        const std::string svg = vexil::render_bytes(vexil::build_scene(design, vexil::load_resources(design)),
                                                    vexil::Format::Svg, {});
        std::cout << "svg " << svg.size() << " bytes from vexil " << vexil::kVersion << '\n';
        return svg.find("<svg") == std::string::npos;
    } catch (const std::exception& error) {
        std::cerr << error.what() << '\n';
        return 1;
    }
}
