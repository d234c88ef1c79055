#pragma once
// Reads encounters from JSON Lines (one encounter object per line, the shape documented in
// schemas/encounter.schema.json), streaming: one line in memory at a time. A line that is not
// valid JSON, or whose values have the wrong JSON type or text form, yields rejections with
// its line number; reading goes on with the next line. Blank lines are skipped.
//
// The reader only types values (decimal strings to cents, ISO dates to Date fields, numbers to
// exact decimals); whether they are present, real and allowed is for the claim edits. A member
// the schema does not give its object (a misspelt "modifer", a field of another level) is
// read past and reported as an UnknownField: a warning, never a silent drop and never a
// rejection. Which names each object has is a table compiled into the reader, checked against
// the schema by tests/unit/encounter_schema_test.cpp.

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/encounter.hpp"
#include "engine/model/rejection.hpp"

namespace clearhouse::encounter {

// A member of an encounter line that schemas/encounter.schema.json does not define there.
struct UnknownField {
  std::uint64_t line = 0;  // 1-based line of the input
  std::string path;        // JSON path, "service_lines[0].modifer" (control characters as '?', the name cut at 64 bytes)
  friend bool operator==(const UnknownField&, const UnknownField&) = default;
};

// `line 12: unknown field "service_lines[0].modifer" (not in schemas/encounter.schema.json); ignored`
std::string to_warning(const UnknownField& field);

// Every member name the reader knows, at any level (for the test that holds the reader's
// table against the schema).
const std::vector<std::string_view>& known_member_names();

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
  // Members of the line read past as unknown (the encounter is read all the same).
  const std::vector<UnknownField>& unknown_fields() const { return unknown_; }
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
  std::vector<UnknownField> unknown_;
  std::string read_error_;
};

// Parses one JSON text (one line, modified in place: it must be writable and NUL-terminated,
// and the 16 bytes after the NUL must be readable) into out, appending problems. Returns false
// when the text is not a JSON object at all. The padding is read, never written: the string
// scan reads aligned 16-byte blocks and member names are compared a word at a time. Unknown
// members are appended to *unknown when given.
bool parse_encounter_line(char* json, std::uint64_t line_number, model::Encounter& out,
                          std::vector<model::Rejection>& problems, std::vector<UnknownField>* unknown = nullptr);
// Convenience for tests: copies text first.
bool parse_encounter_text(std::string_view text, std::uint64_t line_number, model::Encounter& out,
                          std::vector<model::Rejection>& problems, std::vector<UnknownField>* unknown = nullptr);

}  // namespace clearhouse::encounter
