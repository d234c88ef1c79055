#include "parsers/x12/parallel_reading.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace clearhouse::x12 {
namespace {

// 2 MiB: with 1 MiB parts, `parse --jobs 2` woke threads twice as often and spent 4% more CPU.
constexpr std::size_t kDefaultPartBytes = 2u << 20;
constexpr std::size_t kMaxPartBytes = 16ull << 20;  // past this without a cut: one stream from there
constexpr std::size_t kFirstPartBytes = 64u << 10;
constexpr std::uint64_t kCutWindow = 64u << 10;  // read before a part's end to find its cut
constexpr std::size_t kIsaWindow = kIsaSearchLimit + 3;

// Parts in flight: one per worker, one being taken, one ready.
std::size_t slots_for(unsigned jobs) { return static_cast<std::size_t>(jobs) + 2; }

// 2 MiB, less with many workers so that the parts in flight stay within 16 MiB.
std::size_t part_bytes_or_default(std::size_t part_bytes, unsigned jobs) {
  if (const char* env = std::getenv("CLEARHOUSE_PART_BYTES")) {
    const long long v = std::atoll(env);
    if (v >= 64) return static_cast<std::size_t>(v);
  }
  const std::size_t most = part_bytes != 0 ? part_bytes : kDefaultPartBytes;
  return std::clamp<std::size_t>((16u << 20) / slots_for(jobs), std::min<std::size_t>(64u << 10, most), most);
}

bool same_interchange(const InterchangeHeader& a, const InterchangeHeader& b) {
  return a.fields == b.fields && a.delimiters.element == b.delimiters.element &&
         a.delimiters.component == b.delimiters.component && a.delimiters.repetition == b.delimiters.repetition &&
         a.delimiters.segment == b.delimiters.segment && a.length == b.length && a.fixed_width == b.fixed_width &&
         a.terminator_on_next_line == b.terminator_on_next_line;
}

// What the ordering thread reads once parts can no longer be cut: the rest of a part, then every
// following part's bytes, then the end (or the read error the splitter met).
class PartStream final : public InputSource {
 public:
  using Next = std::function<bool(PartBytes& bytes, std::string& read_error)>;
  PartStream(std::string name, PartBytes first, std::string read_error, Next next)
      : name_(std::move(name)), current_(std::move(first)), read_error_(std::move(read_error)), next_(std::move(next)) {}

  std::ptrdiff_t read(char* dst, std::size_t n) override {
    while (pos_ == current_.size()) {
      if (!read_error_.empty()) return -1;
      if (ended_ || !next_(current_, read_error_)) {
        ended_ = true;
        current_.clear();
        pos_ = 0;
        return read_error_.empty() ? 0 : -1;
      }
      pos_ = 0;
    }
    const std::size_t k = std::min(n, current_.size() - pos_);
    std::memcpy(dst, current_.data() + pos_, k);
    pos_ += k;
    return static_cast<std::ptrdiff_t>(k);
  }
  const std::string& name() const override { return name_; }
  std::string last_error() const override { return read_error_; }

 private:
  std::string name_;
  PartBytes current_;
  std::size_t pos_ = 0;
  std::string read_error_;
  Next next_;
  bool ended_ = false;
};

// The splitter on one thread, workers on `jobs` threads, parts handed out in input order.
class Pipeline {
 public:
  struct Slot {
    InputPart part;
    std::unique_ptr<PartResult> result;
    bool started = false, done = false;
  };

  Pipeline(TransactionSetSplitter& splitter, PartReader& reader, unsigned jobs)
      : splitter_(splitter), reader_(reader), max_slots_(slots_for(jobs)),
        context_(std::make_shared<const PartContext>()) {
    producer_ = std::thread([this] { produce(); });
    for (unsigned i = 0; i < jobs; ++i) workers_.emplace_back([this] { work(); });
  }
  ~Pipeline() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    space_.notify_all();
    work_.notify_all();
    done_.notify_all();
    producer_.join();
    for (auto& w : workers_) w.join();
  }

  // The next part in input order, its work done (or skipped); nullptr after the last.
  std::unique_ptr<Slot> next() {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return (!slots_.empty() && slots_.front()->done) || (produced_all_ && slots_.empty()); });
    if (slots_.empty()) return nullptr;
    auto slot = std::move(slots_.front());
    slots_.pop_front();
    space_.notify_one();
    return slot;
  }

  void publish(std::shared_ptr<const PartContext> context) {
    {
      std::lock_guard lock(mutex_);
      context_ = std::move(context);
    }
    work_.notify_all();
  }
  // Workers stop reading parts (the rest is read as one stream).
  void stop_work() {
    {
      std::lock_guard lock(mutex_);
      work_enabled_ = false;
    }
    work_.notify_all();
  }

 private:
  void produce() {
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        space_.wait(lock, [&] { return stop_ || slots_.size() < max_slots_; });
        if (stop_) break;
      }
      auto slot = std::make_unique<Slot>();
      const bool more = splitter_.next(slot->part);
      std::lock_guard lock(mutex_);
      if (!more) {
        produced_all_ = true;
        work_.notify_all();
        done_.notify_all();
        break;
      }
      slots_.push_back(std::move(slot));
      work_.notify_one();
    }
  }

  void work() {
    PartBytes own;  // this worker's buffer for parts left in place: it stays in this core's cache
    for (;;) {
      Slot* slot = nullptr;
      std::shared_ptr<const PartContext> context;
      bool enabled = false;
      {
        std::unique_lock lock(mutex_);
        // Until the first part has been read in order there is no envelope to start from: only
        // parts no worker reads (the first, the last, uncut ones) are handed out before.
        auto ready = [&](const Slot& s) {
          return !s.started && (context_->generation != 0 || !work_enabled_ || s.part.index == 0 ||
                                !s.part.at_set || s.part.last);
        };
        work_.wait(lock, [&] {
          if (stop_) return true;
          bool unstarted = false;
          for (auto& s : slots_) {
            if (ready(*s)) return true;
            unstarted = unstarted || !s->started;
          }
          return produced_all_ && !unstarted;
        });
        if (stop_) return;
        for (auto& s : slots_)
          if (ready(*s)) {
            slot = s.get();
            break;
          }
        if (slot == nullptr) return;  // everything produced and taken by workers
        slot->started = true;
        context = context_;
        enabled = work_enabled_;
      }
      std::unique_ptr<PartResult> result;
      if (enabled && context->usable && slot->part.index != 0 && slot->part.at_set && !slot->part.last) {
        InputPart& part = slot->part;
        std::string error;
        const bool in_place = part.in_place;
        // A part that cannot be read here is read in order, where its error is met again.
        if (!in_place || splitter_.load(part, own, error)) {
          if (in_place) part.bytes = std::move(own);
          try {
            result = reader_.work(part, *context);
          } catch (...) {
            result.reset();  // the part is read in order, where what failed fails again at the edge
          }
          if (in_place) own = std::move(part.bytes);  // the part stays in place for anyone else
        }
      }
      std::lock_guard lock(mutex_);
      slot->result = std::move(result);
      slot->done = true;
      if (slots_.front().get() == slot) done_.notify_one();  // the ordering thread waits for the first
    }
  }

  TransactionSetSplitter& splitter_;
  PartReader& reader_;
  std::size_t max_slots_;
  std::mutex mutex_;
  std::condition_variable space_, work_, done_;  // a slot freed, work to do, the first part done
  std::deque<std::unique_ptr<Slot>> slots_;
  bool produced_all_ = false, stop_ = false, work_enabled_ = true;
  std::shared_ptr<const PartContext> context_;
  std::thread producer_;
  std::vector<std::thread> workers_;
};

}  // namespace

unsigned default_jobs() {
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

// --- the splitter ----------------------------------------------------------------------------

TransactionSetSplitter::TransactionSetSplitter(InputSource& input, std::size_t part_bytes)
    : input_(input), part_bytes_(part_bytes_or_default(part_bytes, 1)) {}

bool TransactionSetSplitter::read_more(std::size_t want) {
  while (carry_.size() < want && !eof_) {
    const std::size_t have = carry_.size();
    const std::size_t room = std::max(want, have + 4096) - have;
    // A regular file is read by position throughout: parts left in place move no file offset.
    std::string error;
    const std::ptrdiff_t got = input_.positional() ? input_.read_at(carry_offset_ + have, carry_.room(room), room, error)
                                                   : input_.read(carry_.room(room), room);
    if (got > 0) carry_.commit(static_cast<std::size_t>(got));
    if (got < 0) {
      read_error_ = input_.positional() ? error : input_.last_error();
      if (read_error_.empty()) read_error_ = "read error";
      eof_ = true;
    } else if (got == 0 || (input_.positional() && static_cast<std::size_t>(got) < room)) {
      eof_ = true;
    }
  }
  return !carry_.empty();
}

// Where an ST starts after a terminator (and blanks), not within an ISA's reach.
std::size_t TransactionSetSplitter::find_cut(std::string_view bytes) const {
  const char t = delimiters_.segment, e = delimiters_.element;
  const char* data = bytes.data();
  const std::size_t size = bytes.size();
  std::size_t end = size;
  while (end > 0) {
    const void* hit = memrchr(data, t, end);
    if (hit == nullptr) return std::string::npos;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
    std::size_t s = at + 1;
    while (s < size && (is_blank(data[s]) || data[s] == t)) ++s;
    const bool st = s + 3 <= size && data[s] == 'S' && data[s + 1] == 'T' && data[s + 2] == e;
    // An ISA of the same delimiters also starts a part (read in order: it holds no whole sets
    // alone) so that files of many small interchanges are cut too.
    const bool isa = s + 4 <= size && data[s] == 'I' && data[s + 1] == 'S' && data[s + 2] == 'A' &&
                     data[s + 3] == e;
    if (st || isa) {
      const std::size_t from = s > kIsaWindow ? s - kIsaWindow : 0;
      if (s > kIsaWindow && std::string_view(data + from, s - from).find("ISA") == std::string_view::npos) return s;
    }
    end = at;
  }
  return std::string::npos;
}

void TransactionSetSplitter::recycle(PartBytes bytes) {
  if (bytes.capacity() == 0) return;  // a part left in place, never read into a buffer of ours
  std::lock_guard lock(spare_mutex_);
  if (spare_.size() < 8) spare_.push_back(std::move(bytes));
}

PartBytes TransactionSetSplitter::fresh_buffer() {
  {
    std::lock_guard lock(spare_mutex_);
    if (!spare_.empty()) {
      PartBytes b = std::move(spare_.back());
      spare_.pop_back();
      b.clear();
      return b;
    }
  }
  PartBytes b;
  b.reserve(part_bytes_ + part_bytes_ / 4);
  return b;
}

bool TransactionSetSplitter::load(const InputPart& part, PartBytes& into, std::string& error) const {
  into.clear();
  const auto want = static_cast<std::size_t>(part.size);
  const std::ptrdiff_t got = input_.read_at(part.offset, into.room(want), want, error);
  if (got < 0) return false;
  into.commit(static_cast<std::size_t>(got));
  if (static_cast<std::size_t>(got) == want) return true;
  error = "the file became shorter while it was read";
  return false;
}

// The next part left in place: the last cut before start + part_bytes, looked for in a window
// read before that end (widened toward the start when it holds none). False, and the splitter
// reads bytes again from here, where a part cannot be left in place: the input ends within
// reach (the last part is read whole, as the ordering thread reads it), a read error (it is
// met again where it belongs), or a set longer than a part.
bool TransactionSetSplitter::next_in_place(InputPart& out) {
  const std::uint64_t start = carry_offset_, end = start + part_bytes_;
  for (std::uint64_t window = std::min<std::uint64_t>(kCutWindow, part_bytes_);; window *= 4) {
    const std::uint64_t from = end - start > window ? end - window : start;
    const auto want = static_cast<std::size_t>(end - from);
    window_.clear();
    std::string error;
    const std::ptrdiff_t got = input_.read_at(from, window_.room(want), want, error);
    if (got < 0 || static_cast<std::size_t>(got) < want) break;
    window_.commit(want);
    const std::size_t cut = find_cut(window_.view());
    if (cut != std::string::npos) {
      out.bytes.clear();
      out.offset = start;
      out.size = from + cut - start;
      out.in_place = true;
      out.index = index_++;
      out.at_set = true;
      out.delimiters = delimiters_;
      out.last = false;
      out.read_error.clear();
      carry_offset_ = from + cut;
      return true;
    }
    if (from == start) break;
  }
  in_place_ = false;
  carry_.clear();  // bytes are read from carry_offset_ on
  return false;
}

bool TransactionSetSplitter::next(InputPart& out) {
  if (done_) return false;
  if (in_place_ && next_in_place(out)) return true;
  // The first part is read in order before any worker can start (it holds the envelope they
  // start from): a small one lets them start sooner.
  const std::size_t want = decided_ ? part_bytes_ : std::min(part_bytes_, kFirstPartBytes);
  read_more(want);
  if (!decided_) {
    decided_ = true;
    read_more(std::max(want, kIsaWindow + 64));  // enough to read the first ISA
    std::size_t p = 0;
    while (p < carry_.size() && is_blank(carry_[p])) ++p;
    const std::string_view head = carry_.view().substr(p);
    if (head.size() >= 4 && head.substr(0, 3) == "ISA" && usable_element_separator(head[3])) {
      const IsaReadResult r = read_isa(head, eof_);
      if (r.status == IsaReadResult::Status::ok) {
        delimiters_ = r.header.delimiters;
        cutting_ = true;
      }
    }
    next_at_set_ = cutting_;  // the first part: at_set says it may be read as a part
  }
  std::size_t cut = std::string::npos;
  // At the end of the input too: the last part is read in order after all the others, so the
  // sets before its last one are better left to the workers.
  if (cutting_) {
    for (;;) {
      cut = find_cut(carry_.view());
      if (cut != std::string::npos || eof_ || carry_.size() >= kMaxPartBytes) break;
      read_more(carry_.size() * 2);
    }
  }
  out.offset = carry_offset_;
  out.in_place = false;
  out.index = index_++;
  out.at_set = next_at_set_;
  out.delimiters = delimiters_;
  out.read_error.clear();
  if (cut == std::string::npos) {
    out.bytes = std::move(carry_);
    out.size = out.bytes.size();
    carry_.clear();
    carry_offset_ += out.bytes.size();
    if (eof_) {
      out.last = true;
      out.read_error = read_error_;
      done_ = true;
    } else {
      out.last = false;
      cutting_ = false;  // no set boundary within reach: the rest is one stream
      next_at_set_ = false;
    }
    return true;
  }
  // The part keeps the buffer; only the bytes after the cut (part of one set) are copied.
  PartBytes rest = fresh_buffer();
  rest.assign(carry_.view().substr(cut));
  out.bytes = std::move(carry_);
  out.bytes.truncate(cut);
  out.size = cut;
  carry_ = std::move(rest);
  carry_offset_ += cut;
  out.last = false;
  next_at_set_ = true;
  if (input_.positional() && !eof_) {  // the next parts are left in place
    in_place_ = true;
    carry_.clear();
  }
  return true;
}

// --- the ordering thread ----------------------------------------------------------------------

PartsRead read_in_parallel(InputSource& input, Diagnostics& diagnostics, PartReader& reader, unsigned jobs,
                           std::size_t part_bytes) {
  if (jobs < 1) jobs = 1;
  TransactionSetSplitter splitter(input, part_bytes_or_default(part_bytes, jobs));
  Pipeline pipeline(splitter, reader, jobs);
  MemorySource nothing(std::string_view{}, input.name());
  SegmentReader idle(nothing, diagnostics);
  EnvelopeReader envelope(idle, diagnostics);
  SegmentReaderState state;
  auto published = std::make_shared<const PartContext>();
  std::uint64_t consumed = 0;
  PartsRead how;

  auto publish = [&] {
    auto c = std::make_shared<PartContext>();
    const bool first = published->generation == 0;
    c->usable = state.have_isa && envelope.in_interchange() && envelope.in_group() && !envelope.in_transaction() &&
                !diagnostics.has_fatal();
    c->reader = state;
    c->envelope = envelope.context();
    if (!first && c->usable == published->usable && c->envelope == published->envelope &&
        same_interchange(c->reader.isa, published->reader.isa) &&
        c->reader.wrapped_reported == published->reader.wrapped_reported)
      return;
    c->generation = published->generation + 1;
    published = c;
    pipeline.publish(published);
  };

  // Reads the rest of the input in order as one stream, from `offset` (`first` holds its bytes
  // up to the next part).
  auto stream = [&](std::uint64_t offset, PartBytes first, std::string read_error, bool resume) {
    pipeline.stop_work();
    PartStream rest(input.name(), std::move(first), std::move(read_error),
                    [&](PartBytes& bytes, std::string& error) {
                      auto slot = pipeline.next();
                      if (!slot) return false;
                      if (slot->part.in_place && !splitter.load(slot->part, slot->part.bytes, error)) {
                        bytes = std::move(slot->part.bytes);
                        return true;  // what could be read, then the error
                      }
                      bytes = std::move(slot->part.bytes);
                      error = std::move(slot->part.read_error);
                      return true;
                    });
    SegmentReader segments(rest, diagnostics);
    if (resume) segments.resume(state, offset, /*more_follows=*/false);
    envelope.attach(segments);
    envelope.set_final(true);
    reader.read(envelope);
    envelope.attach(idle);
    while (pipeline.next()) {
    }
    how.bytes = segments.bytes_consumed();
    how.counts = envelope.counts();
    how.streamed_from = offset;
    return how;
  };

  // Reads a part left in place into a buffer of this thread's when its bytes are needed here.
  std::string load_error;
  auto hold = [&](InputPart& part) {
    if (!part.in_place) return true;
    PartBytes bytes = splitter.fresh_buffer();
    const bool ok = splitter.load(part, bytes, load_error);
    part.bytes = std::move(bytes);
    part.in_place = false;
    return ok;
  };

  bool read_any = false;
  while (auto slot = pipeline.next()) {
    InputPart& part = slot->part;
    const bool cut_ok =
        part.index == 0 ? (part.at_set || part.last)
                        : part.at_set && state.have_isa && state.isa.delimiters.segment == part.delimiters.segment &&
                              state.isa.delimiters.element == part.delimiters.element;
    // The rest as one stream from this part's bytes (a read error met here is the stream's).
    auto stream_from_here = [&] {
      std::string error = std::move(part.read_error);
      if (error.empty() && !hold(part)) error = load_error;
      return stream(part.offset, std::move(part.bytes), std::move(error), read_any);
    };
    if (!cut_ok || !part.read_error.empty()) return stream_from_here();
    // A part read in a context that has changed since (the first parts of a file, the sets right
    // after a GS) is read again here in the one that holds now: the same work, on this thread.
    if (published->usable && part.index != 0 && part.at_set && !part.last &&
        (!slot->result || slot->result->generation != published->generation)) {
      if (!hold(part)) return stream_from_here();
      slot->result = reader.work(part, *published);
    }
    if (slot->result && slot->result->regular && published->usable &&
        slot->result->generation == published->generation) {
      auto& sets = slot->result->sets;
      sets.last.ordinal += state.ordinal;
      if (envelope.can_add(sets)) {
        envelope.add(sets);
        const std::uint64_t base = state.ordinal;
        state.ordinal += sets.segments;
        reader.take(*slot->result, base);
        ++how.parts_taken;
        consumed = part.offset + part.size;
        splitter.recycle(std::move(part.bytes));
        read_any = true;
        continue;
      }
    }
    // Read here, in order, with the exact state.
    if (!hold(part)) return stream_from_here();
    ++how.parts_read_in_order;
    MemorySource source(part.bytes, input.name());
    SegmentReader segments(source, diagnostics);
    if (read_any) segments.resume(state, part.offset, !part.last);
    else if (!part.last) segments.read_as_first_part();
    envelope.attach(segments);
    envelope.set_final(part.last);
    reader.read(envelope);
    read_any = true;
    if (diagnostics.has_fatal() && !part.last) {
      pipeline.stop_work();
      // The reader stops at a fatal error: the end of the input as far as it is concerned.
      envelope.set_final(true);
      reader.read(envelope);
      consumed = segments.bytes_consumed();
      envelope.attach(idle);
      while (pipeline.next()) {
      }
      how.bytes = consumed;
      how.counts = envelope.counts();
      return how;
    }
    state = segments.state();
    consumed = segments.bytes_consumed();
    const std::uint64_t cut_at = segments.cut_at();
    envelope.attach(idle);
    if (cut_at != 0) {
      return stream(cut_at, PartBytes(part.bytes.view().substr(static_cast<std::size_t>(cut_at - part.offset))), {}, true);
    }
    splitter.recycle(std::move(part.bytes));
    publish();
  }
  how.bytes = consumed;
  how.counts = envelope.counts();
  return how;
}

}  // namespace clearhouse::x12
