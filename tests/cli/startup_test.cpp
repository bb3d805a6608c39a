// What the program loads when it starts (issue "Speed": start-up at the floor). The heavy libraries
// are plugins, loaded when a design needs them; toml++ and, in a normal build, the C++ runtime are
// compiled in; so the dynamic loader maps and relocates about what a program linking Cairo alone
// does. Read from the program's own ELF header (readelf, binutils), not timed.
#include "support.h"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

using vexil::test::run_tool;

namespace {

/// The shared libraries the program names as NEEDED.
std::set<std::string> needed_libraries() {
    const auto dynamic = run_tool({"readelf", "--dynamic", VEXIL_BINARY});
    REQUIRE(dynamic.status == 0);
    std::set<std::string> names;
    const std::regex needed(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])");
    for (auto it = std::sregex_iterator(dynamic.out.begin(), dynamic.out.end(), needed);
         it != std::sregex_iterator(); ++it)
        names.insert((*it)[1]);
    return names;
}

bool needs(const std::set<std::string>& names, const std::string& prefix) {
    for (const auto& name : names)
        if (name.rfind(prefix, 0) == 0) return true;
    return false;
}

} // namespace

TEST_CASE("startup: the program needs Cairo, but none of the libraries its plugins and loader keep apart",
          "[cli]") {
    const auto names = needed_libraries();
    INFO("NEEDED: " << [&] {
        std::string all;
        for (const auto& name : names)
            all += name + " ";
        return all;
    }());
    CHECK(needs(names, "libcairo.so"));
    for (const char* plugin_only : {"librsvg-2.so", "libqpdf.so", "liblcms2.so", "libpango-1.0.so",
                                    "libpangocairo-1.0.so", "libharfbuzz.so", "libgio-2.0.so"})
        CHECK_FALSE(needs(names, plugin_only));
    CHECK_FALSE(needs(names, "libtomlplusplus.so")); // compiled into the loader (header-only)
#if VEXIL_STATIC_CXX_RUNTIME_LINKED
    CHECK_FALSE(needs(names, "libstdc++.so")); // linked into the program
    CHECK_FALSE(needs(names, "libgcc_s.so"));
#endif
}
