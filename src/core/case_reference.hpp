#pragma once
// The next enforcement case reference in a workspace's own numbering (ENF/26/0009 -> ENF/26/0010):
// shared by the viewer's intake form, which suggests it, and the workflow, which uses it when no
// reference is typed.

#include <string>
#include <vector>

namespace redline::core {

/// The next free case reference for `year` in the pattern of `existing` (references in the order
/// they were added): PREFIX/YY/NNNN, or PREFIX/YYYY/NNNN, as the most recently added reference of
/// that shape writes it. The number is one more than the highest already used with that prefix
/// and year, zero-padded to the pattern's width (wider when it overflows); 1 for a year with none.
/// Without any reference of that shape the pattern is ENF/YY/NNNN. Pure; never throws.
std::string next_case_reference(const std::vector<std::string>& existing, int year);

} // namespace redline::core
