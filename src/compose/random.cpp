// random_design: a small grammar of flags — a division of the field, then perhaps a charge — drawn
// with a portable generator (splitmix64, our own arithmetic) so the same seed gives the same flag
// everywhere: std::uniform_*_distribution may differ between standard libraries, so none is used.
#include "vexil/random.h"
#include "vexil/version.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace vexil {
namespace {

class Dice {
  public:
    explicit Dice(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// A whole number in [0, n).
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    /// A number in [low, high], rounded to 3 decimals so the TOML reads cleanly.
    double between(double low, double high) {
        const double unit = static_cast<double>(next() >> 11) / 9007199254740992.0; // 53 bits
        return std::round((low + (high - low) * unit) * 1000) / 1000;
    }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T> const T& pick(const std::vector<T>& items) {
        return items[below(static_cast<int>(items.size()))];
    }

  private:
    std::uint64_t state_;
};

// Colours that flags use, by name in the palette each design writes out.
const std::vector<std::pair<const char*, const char*>> kColours = {
    {"red", "#c8102e"},    {"crimson", "#a6192e"}, {"blue", "#0033a0"},  {"navy", "#012169"},
    {"sky", "#4997d0"},    {"green", "#007a3d"},   {"leaf", "#3a9b36"},  {"gold", "#ffcd00"},
    {"orange", "#ff8200"}, {"black", "#000000"},   {"white", "#ffffff"}, {"maroon", "#7a263a"},
};

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

struct Composer {
    Dice dice;
    std::vector<int> used; // indices into kColours, in the order first used
    std::ostringstream layers;

    /// A colour unlike the ones already chosen (white and gold contrast with anything).
    std::string colour(bool light = false) {
        for (int attempt = 0; attempt < 32; ++attempt) {
            const int i = dice.below(static_cast<int>(kColours.size()));
            const std::string name = kColours[i].first;
            const bool is_light = name == "white" || name == "gold";
            if (light != is_light && attempt < 24) continue;
            if (std::find(used.begin(), used.end(), i) != used.end() && attempt < 30) continue;
            // A colour chosen twice (only on the last attempts) is named once in the palette.
            if (std::find(used.begin(), used.end(), i) == used.end()) used.push_back(i);
            return name;
        }
        return light ? "white" : "red";
    }

    void layer(const std::string& body) { layers << "\n[[layer]]\n" << body; }

    void division() {
        switch (dice.below(7)) {
        case 0:
        case 1: { // bands
            const int n = 2 + dice.below(3);
            std::string colours;
            for (int i = 0; i < n; ++i)
                colours += (i ? ", \"" : "\"") + colour(i % 2 == 1 && dice.chance(60)) + "\"";
            layer(std::string("kind      = \"bands\"\ndirection = \"") +
                  (dice.chance(60) ? "horizontal" : "vertical") + "\"\ncolors    = [" + colours + "]\n");
            break;
        }
        case 2: // Nordic cross
            layer("kind  = \"field\"\ncolor = \"" + colour() + "\"\n");
            layer(
                "kind  = \"cross\"\nat    = [\"W*" + number(dice.between(0.33, 0.4)) +
                "\", \"H/2\"]\nwidth = \"H*" + number(dice.between(0.12, 0.2)) + "\"\ncolor = \"" +
                colour(true) + "\"\n" +
                (dice.chance(40) ? "outline = { color = \"" + colour() + "\", width = \"H*0.03\" }\n" : ""));
            break;
        case 3: // hoist triangle over bands
            layer("kind   = \"bands\"\ncolors = [\"" + colour() + "\", \"" + colour(true) + "\"]\n");
            layer("kind  = \"triangle\"\nfrom  = \"hoist\"\ndepth = \"W*" + number(dice.between(0.3, 0.5)) +
                  "\"\ncolor = \"" + colour() + "\"\n");
            break;
        case 4: // saltire
            layer("kind  = \"field\"\ncolor = \"" + colour() + "\"\n");
            layer("kind  = \"saltire\"\nwidth = \"H*" + number(dice.between(0.1, 0.2)) + "\"\ncolor = \"" +
                  colour(true) + "\"\n");
            break;
        case 5: // bend
            layer("kind   = \"bands\"\ncolors = [\"" + colour() + "\", \"" + colour() + "\"]\n");
            layer("kind  = \"bend\"\nfrom  = \"" +
                  std::string(dice.chance(50) ? "top-hoist" : "bottom-hoist") + "\"\nwidth = \"H*" +
                  number(dice.between(0.15, 0.3)) + "\"\ncolor = \"" + colour(true) + "\"\n");
            break;
        default: // field with a border
            layer("kind  = \"field\"\ncolor = \"" + colour() + "\"\n");
            layer("kind  = \"border\"\nwidth = \"H*" + number(dice.between(0.05, 0.1)) + "\"\ncolor = \"" +
                  colour(true) + "\"\n");
        }
    }

    void charge() {
        const std::string at = dice.chance(60) ? "[\"W/2\", \"H/2\"]" : "[\"W/4\", \"H/4\"]";
        const double size =
            at.find("W/2") != std::string::npos ? dice.between(0.2, 0.3) : dice.between(0.1, 0.16);
        switch (dice.below(4)) {
        case 0:
            static const std::vector<int> kPoints{5, 5, 6, 7, 8};
            layer("kind   = \"star\"\nat     = " + at + "\nradius = \"H*" + number(size) + "\"\npoints = " +
                  std::to_string(dice.pick(kPoints)) + "\ncolor  = \"" + colour(true) + "\"\n");
            break;
        case 1:
            layer("kind   = \"circle\"\nat     = " + at + "\nradius = \"H*" + number(size) +
                  "\"\ncolor  = \"" + colour(true) + "\"\n");
            break;
        case 2: { // woven rings
            static const std::vector<const char*> kPatterns{"flower", "row", "circle"};
            const char* pattern = dice.pick(kPatterns);
            layer("kind    = \"rings\"\npattern = \"" + std::string(pattern) +
                  "\"\ncount   = 3\nat      = " + at + "\nradius  = \"H*" + number(size * 0.6) +
                  "\"\nwidth   = \"H*" + number(std::max(0.01, size * 0.08)) +
                  "\"\ngap     = \"H*0.008\"\ncolors  = [\"" + colour(true) + "\"]\n");
            break;
        }
        default:
            layer("kind   = \"star\"\nat     = " + at + "\nradius = \"H*" + number(size * 0.5) +
                  "\"\ncolor  = \"" + colour(true) + "\"\nrepeat = { pattern = \"circle\", count = " +
                  std::to_string(5 + dice.below(8)) + ", radius = \"H*" + number(size * 1.3) + "\" }\n");
        }
    }
};

} // namespace

std::string random_design(std::uint64_t seed) {
    Composer composer{Dice(seed), {}, {}};
    static const std::vector<std::pair<int, int>> kSizes{{3, 2}, {3, 2}, {2, 1}, {5, 3}, {1, 1}};
    const auto [w, h] = composer.dice.pick(kSizes);
    composer.division();
    if (composer.dice.chance(70)) composer.charge();
    std::ostringstream out;
    out << "# A random flag from vexil " << kVersion << ", seed " << seed << ". Edit freely.\n"
        << "# The same seed gives this same design with this version: vexil random --seed " << seed << "\n\n"
        << "[flag]\ntitle  = \"Random flag " << seed << "\"\nsource = \"vexil random --seed " << seed
        << " (vexil " << kVersion << ")\"\nsize   = [" << w << ", " << h << "]\n\n[colors]\n";
    for (int i : composer.used)
        out << kColours[i].first << " = \"" << kColours[i].second << "\"\n";
    out << composer.layers.str();
    return out.str();
}

} // namespace vexil
