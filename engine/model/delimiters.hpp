#pragma once
// The four X12 delimiters, learned from each interchange's ISA header (a plain value shared
// by the readers and the writers).

#include <string>

namespace clearhouse::model {

struct Delimiters {
  char element = '*';
  char component = ':';
  char repetition = '^';  // '\0' when the interchange has none (ISA12 < 00402 or ISA11 = 'U')
  char segment = '~';

  bool has_repetition() const { return repetition != '\0'; }
  // True when two delimiters are the same byte (no reader can split such a file).
  bool collide() const;
  // A delimiter as people read it: "*", "\n", "0x1D".
  static std::string describe(char c);

  friend bool operator==(const Delimiters&, const Delimiters&) = default;
};

inline bool Delimiters::collide() const {
  return element == component || element == segment || component == segment ||
         (has_repetition() && (repetition == element || repetition == component || repetition == segment));
}

inline std::string Delimiters::describe(char c) {
  switch (c) {
    case '\0': return "";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: break;
  }
  const auto u = static_cast<unsigned char>(c);
  if (u < 0x20 || u >= 0x7F || c == ' ') {
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string{'0', 'x', kHex[u >> 4], kHex[u & 0xF]};
  }
  return std::string(1, c);
}

}  // namespace clearhouse::model
