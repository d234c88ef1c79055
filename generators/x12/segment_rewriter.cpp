#include "generators/x12/segment_rewriter.hpp"

#include <string>

namespace clearhouse::x12 {

void rewrite_segment(X12Writer& writer, std::span<const std::string_view> elements, const model::Delimiters& from) {
  if (elements.empty()) return;
  const model::Delimiters& to = writer.delimiters();
  const bool isa = elements[0] == "ISA";
  writer.begin(elements[0]);
  std::string translated;
  for (std::size_t i = 1; i < elements.size(); ++i) {
    const std::string_view value = elements[i];
    if (isa && i == 11) {
      // ISA11 is the repetition separator from 00402 on ('U' before, or when there is none).
      const bool had_repetition = value.size() == 1 && from.has_repetition() && value[0] == from.repetition;
      writer.raw_element(had_repetition && to.has_repetition() ? std::string_view(&to.repetition, 1) : value);
      continue;
    }
    if (isa && i == 16) {
      writer.raw_element(std::string_view(&to.component, 1));
      continue;
    }
    translated.clear();
    int component = 1;
    for (char c : value) {
      if (!isa && c == from.component) {
        translated.push_back(to.component);
        ++component;
      } else if (!isa && from.has_repetition() && c == from.repetition && to.has_repetition()) {
        translated.push_back(to.repetition);
        component = 1;
      } else {
        if (c == to.element || c == to.segment || (!isa && c == to.component) ||
            (!isa && to.has_repetition() && c == to.repetition)) {
          writer.fail({std::string(elements[0]), static_cast<int>(i), component,
                       "value contains the delimiter '" + model::Delimiters::describe(c) + "'"});
        }
        translated.push_back(c);
      }
    }
    writer.raw_element(translated);
  }
  writer.end(/*keep_trailing_empty=*/true);
}

}  // namespace clearhouse::x12
