// The one Catch2 main for vexil_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
