#include "vexil/scene.h"

#include <catch2/catch.hpp>

using namespace vexil;

TEST_CASE("dump: groups, clips, fills and strokes, rounded to 4 decimals", "[scene]") {
    Scene scene;
    scene.width = 3;
    scene.height = 2;
    scene.title = "T";
    Group group;
    group.id = "g";
    group.opacity = 0.5;
    group.clip = rect_path({0, 0, 1, 1});
    group.items.push_back(StrokePath{polygon_path({{0, 0}, {1.23456, 0}, {0, -0.00001}}), {1, 1, 1, 1}, 0.2});
    group.items.push_back(FillPath{rect_path({0, 0, 1, 1}), {1, 0, 0, 0.5}, FillRule::EvenOdd});
    scene.groups.push_back(group);
    CHECK(dump(scene) == "scene 3 x 2 \"T\"\n"
                         "group id=g opacity=0.5\n"
                         "  clip M 0 0 L 1 0 L 1 1 L 0 1 Z\n"
                         "  stroke #ffffffff width=0.2 M 0 0 L 1.2346 0 L 0 0 Z\n"
                         "  fill #ff000080 evenodd M 0 0 L 1 0 L 1 1 L 0 1 Z\n");
}
