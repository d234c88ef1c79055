#pragma once
// Reads an 835 on its own thread, one transaction set ahead of the poster: while the database
// works on one set, the next is already being lexed and typed on the other core. Two
// Remittance values take turns (each keeps its storage, as the reader's refill-in-place
// expects), so memory stays at two transaction sets whatever the file's size.
//
//   RemittanceReadAhead ahead(source, name);
//   while (const auto* item = ahead.next()) { ...item->remittance...; }
//   ahead.file_findings(); ahead.skipped_transactions(); ...   // once next() returned nullptr
//
// A failure inside the reading thread is rethrown by next(). Destroying the read-ahead early
// (the poster threw) stops the thread and waits for it. An input whose reads may wait
// indefinitely (stdin from a pipe) is read on the caller's thread instead, set by set, so that
// giving up never waits on the other end of the pipe.

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/model/finding.hpp"
#include "engine/model/remittance.hpp"
#include "parsers/x12/input_source.hpp"

namespace clearhouse::reconcile {

// The 835 sets of an input in file order, as posting pulls them: read one set ahead
// (RemittanceReadAhead) or in parts on several threads (RemittancePartsAhead,
// remittance_parts_ahead.hpp). Both hand over the same values.
class RemittanceSets {
 public:
  struct Item {
    model::Remittance remittance;
    std::vector<model::Finding> file_findings;  // found outside any set before this one was read
    std::uint64_t bytes_consumed = 0;           // of the input, once this set was read
  };
  virtual ~RemittanceSets() = default;

  // The next transaction set, valid until the following call; nullptr at the end of the input.
  virtual Item* next() = 0;

  // After next() returned nullptr: what the reader found outside any set since the last item,
  // how many sets of other types it skipped, and how the input ended.
  virtual std::vector<model::Finding>& file_findings() = 0;
  virtual std::uint64_t skipped_transactions() const = 0;
  virtual bool fatal() const = 0;
};

class RemittanceReadAhead final : public RemittanceSets {
 public:
  // name is used in messages (a path, or "upload").
  RemittanceReadAhead(x12::InputSource& source, const std::string& name);
  ~RemittanceReadAhead() override;
  RemittanceReadAhead(const RemittanceReadAhead&) = delete;
  RemittanceReadAhead& operator=(const RemittanceReadAhead&) = delete;

  Item* next() override;
  std::vector<model::Finding>& file_findings() override { return final_findings_; }
  std::uint64_t skipped_transactions() const override { return skipped_; }
  bool fatal() const override { return fatal_; }
  bool on_own_thread() const { return thread_.joinable(); }

 private:
  struct Reader;  // the lexer, envelope and 835 readers over the source
  bool read_into(Item& item);  // false at the end, after recording how the input ended
  void read_ahead();           // the reading thread

  std::unique_ptr<Reader> reader_;
  Item items_[2];
  std::mutex mutex_;
  std::condition_variable changed_;
  int filled_ = -1;          // the item the reader has handed over and the poster not yet taken
  int in_use_ = -1;          // the item the poster holds
  bool done_ = false;        // the reader reached the end (or failed)
  bool stop_ = false;        // the poster has gone: the reader is to stop
  std::exception_ptr failure_;
  std::vector<model::Finding> final_findings_;
  std::uint64_t skipped_ = 0;
  bool fatal_ = false;
  std::thread thread_;
};

}  // namespace clearhouse::reconcile
