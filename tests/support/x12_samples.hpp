#pragma once
// Small hand-written X12 interchanges for lexer and envelope tests, written with '*', ':', '^'
// and '~' and translated to any other delimiter set on demand.

#include <string>
#include <vector>

#include "engine/model/delimiters.hpp"

namespace clearhouse::testing {

// A valid ISA (106 characters with its terminator) with control number ctl.
std::string isa_segment(const std::string& ctl = "000000905", const std::string& version = "00501");

// A small valid 835 interchange: one GS, one ST with a paid claim and a denied claim.
std::string small_835();
// The same claims in two ST sets, in two GS groups of one interchange.
std::string two_groups_835();

// Replaces '*', ':', '^', '~' by d's delimiters (the texts above use no such bytes as data),
// and appends after_terminator after each terminator (e.g. "\r\n").
std::string with_delimiters(const std::string& text, const model::Delimiters& d, const std::string& after_terminator = "");

// Splits a '~'-terminated text into its segments (for expectations).
std::vector<std::string> segments_of(const std::string& text, char terminator = '~');

}  // namespace clearhouse::testing
