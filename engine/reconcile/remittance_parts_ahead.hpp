#pragma once
// Reads an 835 for posting on several threads (`clearhouse post --jobs N`): the input is cut
// into parts at transaction sets and read as parse and validate read it
// (parsers/x12/parallel_reading.hpp). A worker lexes and types the whole 835 sets of a part
// into model::Remittance values; one ordering thread takes the parts in input order (segment
// ordinals shifted by what came before), reads every part that is not regular itself with
// the one RemittanceReader that carries the exact state (envelope errors, stray segments, sets
// cut short, other set types), and hands the sets over in file order. What next() hands over
// -- every Remittance, its findings and positions, the findings outside any set, the count of
// skipped sets, how the input ended -- is what RemittanceReadAhead hands over for the same input.
//
//   RemittancePartsAhead ahead(source, name, jobs);
//   while (const auto* item = ahead.next()) { ...item->remittance...; }
//
// Memory is bounded: jobs + 2 parts of 256 KiB in flight (x12::read_in_parallel) and about
// 512 KiB of input's worth of sets waiting for the poster. Destroying it early stops the threads and waits for them.
// For an input that can be read without waiting (a file, not a pipe).

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/reconcile/remittance_read_ahead.hpp"
#include "parsers/x12/error.hpp"
#include "parsers/x12/parallel_reading.hpp"

namespace clearhouse::reconcile {

class RemittancePartsAhead final : public RemittanceSets {
 public:
  // name is used in messages (a path, or "upload"); jobs >= 2 worker threads.
  RemittancePartsAhead(x12::InputSource& source, const std::string& name, unsigned jobs);
  ~RemittancePartsAhead() override;
  RemittancePartsAhead(const RemittancePartsAhead&) = delete;
  RemittancePartsAhead& operator=(const RemittancePartsAhead&) = delete;

  Item* next() override;
  std::vector<model::Finding>& file_findings() override { return final_findings_; }
  std::uint64_t skipped_transactions() const override { return skipped_; }
  bool fatal() const override { return fatal_; }
  // After next() returned nullptr: how the input was read (parts taken, read in order, streamed).
  const x12::PartsRead& parts_read() const { return how_; }

 private:
  class Parts;     // the 835 side of x12::read_in_parallel
  struct Stopped {};  // thrown on the ordering thread when the poster has gone
  void hand_over(Item item);  // on the ordering thread: waits while enough sets wait
  void read();                // the ordering thread

  x12::InputSource& source_;
  x12::Diagnostics diagnostics_;
  unsigned jobs_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Item> queue_;          // read, in file order, not yet taken
  std::uint64_t queued_bytes_ = 0;  // their input bytes
  Item current_;                    // the one the poster holds
  std::vector<model::Remittance> spent_;  // posted: freed on the ordering thread, not the poster's
  bool done_ = false, stop_ = false;
  std::exception_ptr failure_;
  std::vector<model::Finding> final_findings_;
  std::uint64_t skipped_ = 0;
  bool fatal_ = false;
  x12::PartsRead how_;
  std::thread thread_;
};

}  // namespace clearhouse::reconcile
