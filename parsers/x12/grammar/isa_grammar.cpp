// Spirit X3 grammar for the fixed-width ISA. The element separator is only known at run
// time (it is the byte after "ISA"), so the grammar is built around a runtime literal.
#include "parsers/x12/grammar/isa_grammar.hpp"

#include <boost/fusion/include/std_tuple.hpp>
#include <boost/spirit/home/x3.hpp>

namespace clearhouse::x12::grammar {
namespace x3 = boost::spirit::x3;

namespace {

// A field of exactly n characters, none of them the element separator.
auto field(int n, char sep) { return x3::repeat(n)[x3::char_ - x3::lit(sep)]; }

}  // namespace

bool parse_fixed_isa(std::string_view text, FixedIsa& out) {
  if (text.size() < kIsaLength || text.substr(0, 3) != "ISA") return false;
  const char sep = text[3];
  auto first = text.begin();
  const auto last = text.begin() + kIsaLength;
  const auto s = x3::lit(sep);
  std::array<std::string, 16>& f = out.fields;
  for (auto& v : f) v.clear();
  // ISA01..ISA15 are sep-prefixed fixed-width fields; ISA16 (component separator) and the
  // terminator are single bytes that may be any character.
  const auto grammar = x3::lit("ISA") >> s >> field(2, sep) >> s >> field(10, sep) >> s >> field(2, sep) >> s >>
                       field(10, sep) >> s >> field(2, sep) >> s >> field(15, sep) >> s >> field(2, sep) >> s >>
                       field(15, sep) >> s >> field(6, sep) >> s >> field(4, sep) >> s >> field(1, sep) >> s >>
                       field(5, sep) >> s >> field(9, sep) >> s >> field(1, sep) >> s >> field(1, sep) >> s >>
                       x3::char_ >> x3::char_;
  std::tuple<std::string, std::string, std::string, std::string, std::string, std::string, std::string,
             std::string, std::string, std::string, std::string, std::string, std::string, std::string,
             std::string, char, char>
      attr;
  if (!x3::parse(first, last, grammar, attr) || first != last) return false;
  f[0] = std::move(std::get<0>(attr));
  f[1] = std::move(std::get<1>(attr));
  f[2] = std::move(std::get<2>(attr));
  f[3] = std::move(std::get<3>(attr));
  f[4] = std::move(std::get<4>(attr));
  f[5] = std::move(std::get<5>(attr));
  f[6] = std::move(std::get<6>(attr));
  f[7] = std::move(std::get<7>(attr));
  f[8] = std::move(std::get<8>(attr));
  f[9] = std::move(std::get<9>(attr));
  f[10] = std::move(std::get<10>(attr));
  f[11] = std::move(std::get<11>(attr));
  f[12] = std::move(std::get<12>(attr));
  f[13] = std::move(std::get<13>(attr));
  f[14] = std::move(std::get<14>(attr));
  f[15] = std::string(1, std::get<15>(attr));
  out.terminator = std::get<16>(attr);
  return true;
}

}  // namespace clearhouse::x12::grammar
