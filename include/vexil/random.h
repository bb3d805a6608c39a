#pragma once
/// @file random.h
/// Seeded random designs: plausible flags composed from vexil's kinds, written as TOML a person can
/// edit further. The same seed and version give the same text, on every machine.

#include <cstdint>
#include <string>

namespace vexil {

/// The design for `seed`, as TOML text that records the seed and vexil's version.
std::string random_design(std::uint64_t seed);

} // namespace vexil
