#pragma once
// One 837P file being written by a submit run: one interchange (one sender/receiver pair) with
// one functional group and up to N claims per transaction set. Bytes go to a hidden temporary
// file in the output directory ("." + name + ".tmp"), hashed as they are written; publish()
// renames it to its final name only after the ledger committed the run.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "engine/ledger/records.hpp"
#include "engine/model/claim.hpp"
#include "engine/util/sha256.hpp"
#include "generators/x12/x12_writer.hpp"
#include "generators/x12_837p/claim_837p_writer.hpp"

namespace clearhouse::submit {

class BatchFile {
 public:
  // Creates the temporary file; throws std::runtime_error when it cannot.
  BatchFile(const std::filesystem::path& dir, std::string file_name, int batch_key, bool line_breaks);
  ~BatchFile();
  BatchFile(const BatchFile&) = delete;
  BatchFile& operator=(const BatchFile&) = delete;

  x12::X12Writer& writer() { return writer_; }
  x12_837p::Claim837pWriter& claims() { return claims_; }
  ledger::BatchRecord& record() { return record_; }
  int batch_key() const { return batch_key_; }
  const std::string& file_name() const { return file_name_; }
  const std::filesystem::path& temp_path() const { return temp_path_; }
  std::filesystem::path final_path() const { return dir_ / file_name_; }

  // Moves what the writer holds to the file when it passes a threshold (or always).
  void flush(bool always = false);
  // Flushes, syncs and closes the file; fills the record's hash and size.
  void finish();
  // Renames the temporary file to its final name.
  void publish();
  // Removes the temporary file (a run that did not commit).
  void abandon();

 private:
  std::filesystem::path dir_;
  std::string file_name_;
  std::filesystem::path temp_path_;
  int batch_key_;
  std::FILE* file_ = nullptr;
  x12::X12Writer writer_;
  x12_837p::Claim837pWriter claims_;
  util::Sha256 hash_;
  std::uint64_t bytes_ = 0;
  ledger::BatchRecord record_;
};

// Syncs a directory so a rename in it is durable.
void sync_directory(const std::filesystem::path& dir);

}  // namespace clearhouse::submit
