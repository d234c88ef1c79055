#include "engine/ledger/submission_recorder.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string_view>

#include "engine/ledger/claim_parties_codec.hpp"
#include "engine/ledger/sql/batch_insert.hpp"

namespace clearhouse::ledger {
namespace {

// A staged claim is encoded as its fields back to back: integers as 8 bytes, text as a 4-byte
// length and its bytes. Only this file writes and reads the encoding, within one run.
class RecordWriter {
 public:
  explicit RecordWriter(std::string& out) : out_(out) {}
  void integer(std::int64_t v) {
    char b[sizeof v];
    std::memcpy(b, &v, sizeof v);
    out_.append(b, sizeof v);
  }
  void text(std::string_view s) {
    if (s.size() > UINT32_MAX) throw LedgerError("submission recorder: text too long to stage");
    const auto n = static_cast<std::uint32_t>(s.size());
    char b[sizeof n];
    std::memcpy(b, &n, sizeof n);
    out_.append(b, sizeof n);
    out_.append(s);
  }

 private:
  std::string& out_;
};

class RecordReader {
 public:
  explicit RecordReader(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}
  bool done() const { return p_ == end_; }
  const char* position() const { return p_; }
  std::int64_t integer() {
    std::int64_t v;
    take(&v, sizeof v);
    return v;
  }
  std::string_view text() {
    std::uint32_t n;
    take(&n, sizeof n);
    if (static_cast<std::size_t>(end_ - p_) < n) throw LedgerError("submission recorder: staged record truncated");
    const std::string_view s(p_, n);
    p_ += n;
    return s;
  }

 private:
  void take(void* v, std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) throw LedgerError("submission recorder: staged record truncated");
    std::memcpy(v, p_, n);
    p_ += n;
  }
  const char* p_;
  const char* end_;
};

// An unlinked file in $TMPDIR (or /tmp): it vanishes with the process, even after a crash.
std::FILE* open_spill_file() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/clearhouse-staging-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) throw LedgerError(fmt::format("cannot create a staging file in {}: {}", path, std::strerror(errno)));
  ::unlink(path.c_str());
  std::FILE* f = ::fdopen(fd, "w+b");
  if (f == nullptr) {
    ::close(fd);
    throw LedgerError(fmt::format("cannot open a staging file: {}", std::strerror(errno)));
  }
  return f;
}

}  // namespace

// What is staged: per batch key, the encoded claims still in memory and the chunks of them
// already moved to the spill file (in staging order: chunks first, then memory).
struct SubmissionRecorder::Staging {
  struct Batch {
    std::string bytes;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> chunks;  // (offset, size) in the spill file
  };
  std::map<int, Batch> batches;
  std::size_t in_memory = 0;
  std::FILE* spill = nullptr;
  std::uint64_t spill_size = 0;

  ~Staging() {
    if (spill != nullptr) std::fclose(spill);
  }

  void spill_all() {
    if (spill == nullptr) spill = open_spill_file();
    for (auto& [key, batch] : batches) {
      if (batch.bytes.empty()) continue;
      if (std::fwrite(batch.bytes.data(), 1, batch.bytes.size(), spill) != batch.bytes.size())
        throw LedgerError(fmt::format("cannot write the staging file: {}", std::strerror(errno)));
      batch.chunks.emplace_back(spill_size, batch.bytes.size());
      spill_size += batch.bytes.size();
      std::string().swap(batch.bytes);  // give the memory back
    }
    in_memory = 0;
  }

  void read_chunk(std::pair<std::uint64_t, std::uint64_t> chunk, std::string& out) {
    out.resize(chunk.second);
    if (std::fflush(spill) != 0 || ::fseeko(spill, static_cast<off_t>(chunk.first), SEEK_SET) != 0 ||
        std::fread(out.data(), 1, out.size(), spill) != out.size())
      throw LedgerError(fmt::format("cannot read the staging file: {}", std::strerror(errno)));
    ::fseeko(spill, 0, SEEK_END);
  }
};

SubmissionRecorder::SubmissionRecorder(sql::Connection& c, std::size_t memory_bound)
    : c_(c),
      memory_bound_(memory_bound),
      staging_(std::make_unique<Staging>()),
      insert_claims_(std::make_unique<sql::BatchInsert>(
          c, "claims",
          std::vector<std::string>{"batch_id", "batch_sequence", "claim_id", "payer_id", "payer_name", "billing_npi",
                                   "frequency_code", "original_claim_number", "billed_cents", "line_count",
                                   "service_date_from", "service_date_to", "transaction_control_number", "status",
                                   "submitted_at", "payer_level", "follows_claim_row"})),
      insert_lines_(std::make_unique<sql::BatchInsert>(
          c, "service_lines",
          std::vector<std::string>{"claim_row", "line_number", "line_control_number", "procedure_code", "modifiers",
                                   "charge_cents", "units", "unit_code", "service_date"})) {}

SubmissionRecorder::~SubmissionRecorder() {
  try {
    pause();
  } catch (...) {
    // Nothing to do: the transaction ends with the connection.
  }
}

void SubmissionRecorder::stage(int batch_key, std::int64_t batch_sequence, const ClaimRecord& claim) {
  if (!reading_) {
    c_.begin(false);  // deferred: takes a read snapshot at the next lookup, never the write lock
    reading_ = true;
  }
  auto& bytes = staging_->batches[batch_key].bytes;
  const std::size_t before = bytes.size();
  RecordWriter w(bytes);
  w.integer(batch_sequence);
  w.text(claim.claim_id);
  w.text(claim.payer_id);
  w.text(claim.payer_name);
  w.text(claim.billing_npi);
  w.text(claim.frequency_code);
  w.text(claim.original_claim_number);
  w.integer(claim.billed_cents);
  w.text(claim.service_date_from);
  w.text(claim.service_date_to);
  w.text(claim.transaction_control_number);
  w.text(claim.payer_level);
  w.integer(claim.follows_claim_row);
  w.text(claim.rendering);
  w.integer(static_cast<std::int64_t>(claim.lines.size()));
  for (const auto& line : claim.lines) {
    w.integer(line.line_number);
    w.text(line.line_control_number);
    w.text(line.procedure_code);
    w.text(line.modifiers);
    w.integer(line.charge_cents);
    w.text(line.units);
    w.text(line.unit_code);
    w.text(line.service_date);
  }
  parties_.clear();
  pack_claim_parties(claim.parties, parties_);
  w.text(parties_);
  staging_->in_memory += bytes.size() - before;
  ++staged_claims_;
  if (staging_->in_memory > memory_bound_) staging_->spill_all();
}

namespace {

// One staged claim, decoded: views into the staged bytes.
struct DecodedClaim {
  std::int64_t batch_sequence = 0;
  std::string_view claim_id, payer_id, payer_name, billing_npi, frequency_code, original_claim_number;
  std::int64_t billed_cents = 0;
  std::string_view service_date_from, service_date_to, transaction_control_number;
  std::string_view payer_level;
  std::int64_t follows_claim_row = 0;
  std::string_view rendering;
  std::int64_t line_count = 0;
  std::string_view lines;  // the encoded lines
  std::string_view parties;  // packed (claim_parties_codec.hpp)
  std::int64_t row_id = 0;
};

struct DecodedLine {
  std::int64_t line_number = 0;
  std::string_view line_control_number, procedure_code, modifiers;
  std::int64_t charge_cents = 0;
  std::string_view units, unit_code, service_date;
};

DecodedLine read_line(RecordReader& r) {
  DecodedLine l;
  l.line_number = r.integer();
  l.line_control_number = r.text();
  l.procedure_code = r.text();
  l.modifiers = r.text();
  l.charge_cents = r.integer();
  l.units = r.text();
  l.unit_code = r.text();
  l.service_date = r.text();
  return l;
}


}  // namespace

// Inserts the claims encoded in bytes and their lines, kClaimsPerInsert claims at a time (their
// row ids are looked up before their lines go in), through multi-row statements (COPY on
// PostgreSQL): SQLite's cost per statement run (transaction check, cursors on the table and
// each index, reset) is larger than its cost per row.
void SubmissionRecorder::insert_records(std::string_view bytes, std::int64_t batch_id,
                                        const std::string& submitted_at) {
  RecordReader r(bytes);
  std::vector<DecodedClaim> group;
  group.reserve(kClaimsPerInsert);
  while (!r.done()) {
    group.clear();
    while (!r.done() && group.size() < kClaimsPerInsert) {
      DecodedClaim c;
      c.batch_sequence = r.integer();
      c.claim_id = r.text();
      c.payer_id = r.text();
      c.payer_name = r.text();
      c.billing_npi = r.text();
      c.frequency_code = r.text();
      c.original_claim_number = r.text();
      c.billed_cents = r.integer();
      c.service_date_from = r.text();
      c.service_date_to = r.text();
      c.transaction_control_number = r.text();
      c.payer_level = r.text();
      c.follows_claim_row = r.integer();
      c.rendering = r.text();
      c.line_count = r.integer();
      const char* lines_begin = r.position();
      for (std::int64_t k = 0; k < c.line_count; ++k) read_line(r);
      c.lines = std::string_view(lines_begin, static_cast<std::size_t>(r.position() - lines_begin));
      c.parties = r.text();
      group.push_back(c);
    }

    // The claims, sent before their ids are looked up.
    auto& claims = *insert_claims_;
    for (const DecodedClaim& c : group) {
      claims.row()
          .value(batch_id)
          .value(c.batch_sequence)
          .value(c.claim_id)
          .value(c.payer_id)
          .value(c.payer_name)
          .value(c.billing_npi)
          .value(c.frequency_code);
      if (c.original_claim_number.empty()) claims.null();
      else claims.value(c.original_claim_number);
      claims.value(c.billed_cents)
          .value(c.line_count)
          .value(c.service_date_from)
          .value(c.service_date_to)
          .value(c.transaction_control_number)
          .value("submitted")
          .value(submitted_at)
          .value(c.payer_level);
      if (c.follows_claim_row == 0) claims.null();
      else claims.value(c.follows_claim_row);
    }
    claims.flush();

    // Their row ids, by position in the batch.
    std::int64_t low = group.front().batch_sequence, high = low;
    for (const auto& c : group) {
      low = std::min(low, c.batch_sequence);
      high = std::max(high, c.batch_sequence);
    }
    if (!claim_rows_)
      claim_rows_ = c_.prepare(
          "SELECT batch_sequence, id FROM claims WHERE batch_id = ? AND batch_sequence >= ? AND batch_sequence <= ?");
    claim_rows_->bind(1, batch_id).bind(2, low).bind(3, high);
    while (claim_rows_->step()) {
      const std::int64_t sequence = claim_rows_->column_int(0);
      for (auto& c : group)
        if (c.batch_sequence == sequence) c.row_id = claim_rows_->column_int(1);
    }
    claim_rows_->reset();

    // The lines, now that their claims' row ids are known.
    auto& lines = *insert_lines_;
    for (const auto& c : group) {
      if (c.row_id == 0) throw LedgerError("submission recorder: a claim just inserted was not found");
      RecordReader lr(c.lines);
      for (std::int64_t k = 0; k < c.line_count; ++k) {
        const DecodedLine l = read_line(lr);
        lines.row()
            .value(c.row_id)
            .value(l.line_number)
            .value(l.line_control_number)
            .value(l.procedure_code)
            .value(l.modifiers)
            .value(l.charge_cents)
            .value(l.units)
            .value(l.unit_code)
            .value(l.service_date);
      }
    }
    lines.flush();

    // Who each claim was for (what a 276 names), packed.
    if (!insert_parties_)
      insert_parties_ =
          std::make_unique<sql::BatchInsert>(c_, "claim_parties", std::vector<std::string>{"claim_row", "parties"});
    auto& parties = *insert_parties_;
    for (const auto& c : group) parties.row().value(c.row_id).value(c.parties);
    parties.flush();

    // Claims naming other coverage: the claim as written (what the next payer's claim is built from).
    bool any_rendering = false;
    for (const auto& c : group) any_rendering = any_rendering || !c.rendering.empty();
    if (any_rendering) {
      if (!insert_renderings_)
        insert_renderings_ =
            std::make_unique<sql::BatchInsert>(c_, "claim_renderings", std::vector<std::string>{"claim_row", "x12"});
      for (const auto& c : group)
        if (!c.rendering.empty()) insert_renderings_->row().value(c.row_id).value(c.rendering);
      insert_renderings_->flush();
    }
  }
}

void SubmissionRecorder::pause() {
  if (reading_) {
    reading_ = false;
    c_.commit();
  }
}

std::vector<BatchRecord> SubmissionRecorder::commit(std::vector<std::pair<int, BatchRecord>> batches,
                                                    const std::string& submitted_at) {
  pause();
  sql::Transaction tx(c_);
  auto out = insert(std::move(batches), submitted_at);
  tx.commit();
  finish(out);
  return out;
}

std::vector<BatchRecord> SubmissionRecorder::insert(std::vector<std::pair<int, BatchRecord>> batches,
                                                    const std::string& submitted_at) {
  std::vector<BatchRecord> out;
  if (!insert_batch_)
    insert_batch_ = c_.prepare(
        "INSERT INTO batches (file_name, sha256, bytes, sender_id, receiver_id, interchange_control_number, "
        "group_control_number, first_transaction_number, last_transaction_number, transaction_count, claim_count, "
        "line_count, billed_cents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  std::string chunk;
  for (auto& [key, batch] : batches) {
    insert_batch_->bind(1, batch.file_name)
        .bind(2, batch.sha256)
        .bind(3, batch.bytes)
        .bind(4, batch.sender_id)
        .bind(5, batch.receiver_id)
        .bind(6, batch.interchange_control_number)
        .bind(7, batch.group_control_number)
        .bind(8, batch.first_transaction_number)
        .bind(9, batch.last_transaction_number)
        .bind(10, batch.transaction_count)
        .bind(11, batch.claim_count)
        .bind(12, batch.line_count)
        .bind(13, batch.billed_cents)
        .bind(14, batch.created_at);
    const auto id = insert_batch_->single_int();
    if (!id) throw LedgerError("batch insert returned no id");
    batch.row_id = *id;
    if (const auto it = staging_->batches.find(key); it != staging_->batches.end()) {
      for (const auto& c : it->second.chunks) {
        staging_->read_chunk(c, chunk);
        insert_records(chunk, batch.row_id, submitted_at);
      }
      insert_records(it->second.bytes, batch.row_id, submitted_at);
    }
    out.push_back(batch);
  }
  return out;
}

void SubmissionRecorder::finish(const std::vector<BatchRecord>& recorded) {
  discard();
  refresh_statistics(recorded);
}

// A large run changes the tables enough that plans made from the old statistics go wrong (a
// post right after a large submit matched claims 30x slower on PostgreSQL).
void SubmissionRecorder::refresh_statistics(const std::vector<BatchRecord>& batches) {
  constexpr std::int64_t kLargeRun = 1000;  // claims
  std::int64_t claims = 0;
  for (const auto& b : batches) claims += b.claim_count;
  if (claims >= kLargeRun) c_.refresh_statistics("batches, claims, service_lines");
}

void SubmissionRecorder::discard() {
  pause();
  staging_ = std::make_unique<Staging>();
  staged_claims_ = 0;
}

}  // namespace clearhouse::ledger
