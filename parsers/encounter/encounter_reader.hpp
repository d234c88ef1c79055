#pragma once
// Reads encounters from JSON Lines (one encounter object per line, the shape documented in
// schemas/encounter.schema.json), streaming: one line in memory at a time. A line that is not
// valid JSON, or whose values have the wrong JSON type or text form, yields rejections with
// its line number; reading goes on with the next line. Blank lines are skipped.
//
// The reader only types values (decimal strings to cents, ISO dates to Date fields, numbers to
// exact decimals); whether they are present, real and allowed is for the claim edits.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/encounter.hpp"
#include "engine/model/rejection.hpp"

namespace clearhouse::encounter {

class EncounterReader {
 public:
  // "-" reads stdin. nullptr with error set when the file cannot be opened.
  static std::unique_ptr<EncounterReader> open(const std::string& path, std::string& error);
  // Reads from an open stream; closes it at destruction when owned.
  EncounterReader(std::FILE* in, bool owned);
  ~EncounterReader();
  EncounterReader(const EncounterReader&) = delete;
  EncounterReader& operator=(const EncounterReader&) = delete;

  // Reads the next non-blank line. False at the end of the input. After true: when problems()
  // is empty, encounter() is fully typed; otherwise the line is rejected (encounter() holds
  // what could be read, e.g. its claim id).
  bool next();
  const model::Encounter& encounter() const { return encounter_; }
  model::Encounter& encounter() { return encounter_; }  // to move from
  const std::vector<model::Rejection>& problems() const { return problems_; }
  std::uint64_t line_number() const { return line_number_; }
  std::uint64_t bytes_consumed() const { return consumed_; }
  // An I/O error reading the input (not a content problem); empty when none.
  const std::string& read_error() const { return read_error_; }

 private:
  bool fill();

  std::FILE* in_;
  bool owned_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  std::uint64_t line_number_ = 0;
  std::uint64_t consumed_ = 0;
  model::Encounter encounter_;
  std::vector<model::Rejection> problems_;
  std::string read_error_;
};

// Parses one JSON text (one line, modified in place: it must be writable and NUL-terminated,
// and the 16 bytes after the NUL must be readable) into out, appending problems. Returns false
// when the text is not a JSON object at all. The padding is read, never written: the string
// scan reads aligned 16-byte blocks and member names are compared a word at a time.
bool parse_encounter_line(char* json, std::uint64_t line_number, model::Encounter& out,
                          std::vector<model::Rejection>& problems);
// Convenience for tests: copies text first.
bool parse_encounter_text(std::string_view text, std::uint64_t line_number, model::Encounter& out,
                          std::vector<model::Rejection>& problems);

}  // namespace clearhouse::encounter
