#include "engine/reconcile/remittance_parts_ahead.hpp"

#include <utility>

#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12_835/remittance_reader.hpp"

namespace clearhouse::reconcile {
namespace {

// The typed values of a set take about 15 times its bytes: parts of 256 KiB (not parse's 1 MiB)
// and sets of at most 512 KiB of input waiting for the poster (at least one set) keep what is
// in flight to about 25 MB with two workers.
constexpr std::size_t kPartBytes = 256u << 10;
constexpr std::uint64_t kMaxQueuedBytes = 512u << 10;

// A part's whole 835 sets, read on a worker (segment ordinals counted from the part's start).
struct RemittancePart : x12::PartResult {
  std::vector<model::Remittance> remittances;
  std::uint64_t skipped = 0;  // sets of other types
};

// Ordinals counted from a part's start, counted from the input's: `base` segments came before.
void shift_ordinals(model::Remittance& r, std::uint64_t base) {
  auto shift = [base](std::uint64_t& ordinal) {
    if (ordinal != 0) ordinal += base;
  };
  shift(r.segment);
  shift(r.payment.segment);
  for (auto& c : r.claims) {
    shift(c.segment);
    for (auto& l : c.lines) shift(l.segment);
  }
  for (auto& p : r.provider_adjustments) shift(p.segment);
  for (auto& f : r.findings) shift(f.location.segment);
}

std::uint64_t input_bytes(const RemittanceSets::Item& item) { return item.remittance.byte_length + 256; }

}  // namespace

class RemittancePartsAhead::Parts final : public x12::PartReader {
 public:
  explicit Parts(RemittancePartsAhead& owner) : owner_(owner) {}

  // On a worker: the part's sets, typed; regular only when read_whole_sets says so.
  std::unique_ptr<x12::PartResult> work(const x12::InputPart& part, const x12::PartContext& context) override {
    auto result = std::make_unique<RemittancePart>();
    x12::Diagnostics none;  // a part with any diagnostic is not regular: read in order, where they are reported
    std::optional<x12_835::RemittanceReader> reader;
    model::Remittance current;
    const bool ok = x12::read_whole_sets(part, context, *result, [&](x12::EnvelopeReader& envelope) {
      if (!reader) reader.emplace(envelope, none);
      reader->push(current, [&](model::Remittance& r) {
        result->remittances.push_back(std::move(r));
        r = model::Remittance{};
      });
    });
    if (!ok || !reader) {
      result->regular = false;
      return result;
    }
    for (const auto& r : result->remittances)
      if (!r.complete) result->regular = false;
    result->skipped = reader->skipped_transactions();
    return result;
  }

  // On the ordering thread: a regular part's sets, in order.
  void take(x12::PartResult& result, std::uint64_t ordinal_base) override {
    auto& part = static_cast<RemittancePart&>(result);
    skipped_ += part.skipped;
    for (auto& r : part.remittances) {
      shift_ordinals(r, ordinal_base);
      Item item;
      item.bytes_consumed = r.offset + r.byte_length;
      item.remittance = std::move(r);
      // What the reader found outside any set since the last set it handed over (a part read in
      // order before this one) goes with this set, as one reader would have handed it.
      if (ordered_) item.file_findings = ordered_->take_file_findings();
      owner_.hand_over(std::move(item));
    }
  }

  // On the ordering thread: a part (or the rest of the input) read segment by segment by the
  // one reader that carries the state across parts.
  void read(x12::EnvelopeReader& envelope) override {
    if (!ordered_) ordered_.emplace(envelope, owner_.diagnostics_);
    auto deliver = [&](model::Remittance& r) {
      Item item;
      item.remittance = std::move(r);
      r = model::Remittance{};
      item.file_findings = ordered_->take_file_findings();
      item.bytes_consumed = envelope.segments().bytes_consumed();
      owner_.hand_over(std::move(item));
    };
    while (envelope.next()) ordered_->push(current_, deliver);
    if (envelope.is_final() && !ended_) {
      ended_ = true;
      ordered_->push_end(current_, deliver);
    }
  }

  // Once the input is read: what the reader found after the last set, and the sets skipped.
  std::vector<model::Finding> final_findings() { return ordered_ ? ordered_->take_file_findings() : std::vector<model::Finding>{}; }
  std::uint64_t skipped() const { return skipped_ + (ordered_ ? ordered_->skipped_transactions() : 0); }

 private:
  RemittancePartsAhead& owner_;
  std::optional<x12_835::RemittanceReader> ordered_;  // over the ordering thread's envelope reader
  model::Remittance current_;
  std::uint64_t skipped_ = 0;  // in parts taken from workers
  bool ended_ = false;
};

RemittancePartsAhead::RemittancePartsAhead(x12::InputSource& source, const std::string& name, unsigned jobs)
    : source_(source), diagnostics_(name), jobs_(jobs < 2 ? 2 : jobs) {
  thread_ = std::thread([this] { read(); });
}

RemittancePartsAhead::~RemittancePartsAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void RemittancePartsAhead::hand_over(Item item) {
  const std::uint64_t bytes = input_bytes(item);
  std::vector<model::Remittance> spent;
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stop_ || queue_.empty() || queued_bytes_ + bytes <= kMaxQueuedBytes; });
  if (stop_) throw Stopped{};
  queue_.push_back(std::move(item));
  queued_bytes_ += bytes;
  spent.swap(spent_);
  lock.unlock();
  changed_.notify_all();
  // spent goes here: freeing a set's claims and lines is this thread's work, not the poster's.
}

void RemittancePartsAhead::read() {
  try {
    Parts parts(*this);
    const x12::PartsRead how = x12::read_in_parallel(source_, diagnostics_, parts, jobs_, kPartBytes);
    auto findings = parts.final_findings();
    std::lock_guard lock(mutex_);
    final_findings_ = std::move(findings);
    skipped_ = parts.skipped();
    fatal_ = diagnostics_.has_fatal();
    how_ = how;
    done_ = true;
  } catch (const Stopped&) {
    return;
  } catch (...) {
    std::lock_guard lock(mutex_);
    failure_ = std::current_exception();
    done_ = true;
  }
  changed_.notify_all();
}

RemittanceSets::Item* RemittancePartsAhead::next() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !queue_.empty() || done_; });
  if (queue_.empty()) {
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    return nullptr;
  }
  if (current_.remittance.claims.capacity() != 0) spent_.push_back(std::move(current_.remittance));
  current_ = std::move(queue_.front());
  queue_.pop_front();
  queued_bytes_ -= input_bytes(current_);
  lock.unlock();
  changed_.notify_all();
  return &current_;
}

}  // namespace clearhouse::reconcile
