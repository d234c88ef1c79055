#include "engine/intake/intake_run.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include "engine/intake/claim_bundle.hpp"
#include "engine/intake/outbound_batch.hpp"
#include "engine/submit/batch_file.hpp"
#include "engine/submit/submission_ledger.hpp"
#include "engine/util/file_names.hpp"
#include "engine/util/sha256.hpp"
#include "engine/util/timestamp.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12_837p/claim_837p_reader.hpp"

namespace clearhouse::intake {
namespace {

namespace fs = std::filesystem;

// Whether the nth set of the nth group of the nth interchange was accepted (A or E) with its
// group and interchange.
bool accepted(const x12::spec::ValidationReport& r, std::size_t interchange, std::size_t group, std::size_t set) {
  if (interchange >= r.interchanges.size()) return false;
  const auto& in = r.interchanges[interchange];
  if (in.ta1.code == 'R' || group >= in.groups.size()) return false;
  const auto& g = in.groups[group];
  if (g.code == 'R' || set >= g.sets.size()) return false;
  return g.sets[set].code == 'A' || g.sets[set].code == 'E';
}

struct SourceSet {
  TransactionBundle bundle;
  model::Delimiters delimiters;
  char usage = 'P';              // ISA15
};

// Reads the input again and cuts the accepted 837 sets into claims.
std::vector<std::unique_ptr<SourceSet>> accepted_sets(const std::string& path, const x12::spec::ValidationReport& r) {
  std::string error;
  auto source = x12::FileSource::open(path, error);
  if (!source) throw std::runtime_error(error);
  x12::Diagnostics diagnostics(path, 100);
  x12::SegmentReader segments(*source, diagnostics);
  x12::EnvelopeReader reader(segments, diagnostics);
  std::vector<std::unique_ptr<SourceSet>> out;
  // Positions counted at each header (a missing trailer must not shift them).
  std::size_t interchange = 0, group = 0, set = 0;
  bool started = false, group_started = false, collecting = false;
  std::vector<std::string> raw;
  while (reader.next()) {
    const x12::Segment& s = reader.segment();
    switch (reader.role()) {
      case x12::SegmentRole::interchange_header:
        if (started) ++interchange;
        started = true;
        group_started = false;
        group = 0;
        break;
      case x12::SegmentRole::group_header:
        if (group_started) ++group;
        group_started = true;
        set = 0;
        break;
      case x12::SegmentRole::transaction_header:
        collecting = reader.in_group() && s[1] == "837" && accepted(r, interchange, group, set);
        if (reader.in_group()) ++set;
        raw.clear();
        if (collecting) raw.emplace_back(s.raw());
        break;
      case x12::SegmentRole::transaction_body:
        if (collecting) raw.emplace_back(s.raw());
        break;
      case x12::SegmentRole::transaction_trailer:
        if (collecting) {
          auto one = std::make_unique<SourceSet>();
          one->delimiters = reader.interchange().delimiters;
          one->bundle = bundle_transaction(raw, one->delimiters);
          one->usage = reader.interchange().field(15) == "T" ? 'T' : 'P';
          out.push_back(std::move(one));
        }
        collecting = false;
        break;
      default:
        break;
    }
  }
  return out;
}

// Writes and syncs a file (the ledger commits only after its batches are on disk).
void write_file(const fs::path& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) throw std::runtime_error("cannot write " + path.string());
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 &&
                  ::fsync(::fileno(f)) == 0;
  if (std::fclose(f) != 0 || !ok) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

IntakeReport run_intake(const IntakeOptions& o, const x12::spec::ValidationReport& validation, ledger::Ledger& ledger) {
  IntakeReport report;
  const auto sets = accepted_sets(o.input, validation);
  const util::LocalTime when = util::local_time(o.now);
  submit::LedgerSubmission submission(ledger);

  // One outbound batch per payer (and BHT06, and delimiters), in the order payers appear.
  std::map<std::string, std::size_t> batch_by_key;
  std::vector<std::unique_ptr<OutboundBatch>> batches;
  std::set<std::pair<std::string, std::string>> seen;  // (payer, claim id) of originals forwarded now
  for (const auto& one : sets) {
    const auto& d = one->delimiters;
    for (const auto& p : one->bundle.problems) report.problems.push_back(p);
    bool forwarded_any = false;
    for (const ClaimUnit& claim : one->bundle.claims) {
      if (claim.payer_id.empty()) continue;
      if (claim.payer_id.size() < 2) {
        // The payer becomes the GS03 receiver: at least 2 characters (the envelope writer
        // refuses what is too long for ISA08).
        report.problems.push_back("claim " + claim.claim_id + ": payer id " + claim.payer_id +
                                  " cannot be a group receiver (GS03: at least 2 characters)");
        continue;
      }
      const bool original = claim.frequency_code.empty() || claim.frequency_code == "1";
      if (original && (seen.count({claim.payer_id, claim.claim_id}) != 0 ||
                       ledger.has_live_claim(claim.payer_id, claim.claim_id))) {
        report.duplicates.push_back(claim.payer_id + "/" + claim.claim_id);
        continue;
      }
      if (original) seen.emplace(claim.payer_id, claim.claim_id);
      const std::string key = fmt::format("{}\x1f{}\x1f{}{}{}{}", claim.payer_id, one->bundle.bht_type, d.element,
                                          d.component, d.repetition, d.segment);
      auto it = batch_by_key.find(key);
      if (it == batch_by_key.end()) {
        OutboundEnvelope env;
        env.submitter = o.clearinghouse;
        env.payer_id = claim.payer_id;
        env.payer_name = claim.payer_name.empty() ? claim.payer_id : claim.payer_name;
        env.bht_purpose = one->bundle.bht_purpose.empty() ? "00" : one->bundle.bht_purpose;
        env.bht_type = one->bundle.bht_type.empty() ? "CH" : one->bundle.bht_type;
        env.interchange_number = ledger.allocate(o.clearinghouse.id, claim.payer_id, ledger::ControlNumberKind::interchange);
        env.date = when.date;
        env.hhmm = when.hhmm;
        env.usage = one->usage;
        it = batch_by_key.emplace(key, batches.size()).first;
        batches.push_back(std::make_unique<OutboundBatch>(std::move(env), d, o.max_claims_per_set));
      }
      OutboundBatch& batch = *batches[it->second];
      const bool added = batch.add_claim(one->bundle, claim, [&] {
        return ledger.allocate(o.clearinghouse.id, batch.envelope().payer_id, ledger::ControlNumberKind::transaction);
      });
      if (!added) {
        // Refused as submit refuses it (the envelope writer names the field); the claim stays
        // with the provider, listed here, and the other payers' claims go on.
        report.problems.push_back(fmt::format("claim {}: not forwarded to payer {}: {}", claim.claim_id, claim.payer_id,
                                              x12::to_string(*batch.error())));
        if (original) seen.erase({claim.payer_id, claim.claim_id});
        continue;
      }
      ++report.claims_forwarded;
      forwarded_any = true;
    }
    report.sets_forwarded += forwarded_any;
  }

  // Write each file aside, stage its claims as read back from it, commit, then publish.
  std::vector<std::pair<int, ledger::BatchRecord>> records;
  std::vector<std::pair<fs::path, fs::path>> renames;
  const std::string now = util::utc_timestamp(o.now);
  for (std::size_t i = 0; i < batches.size(); ++i) {
    OutboundBatch& batch = *batches[i];
    if (batch.claims() == 0) continue;  // its envelope was refused: no file (the claims are in problems)
    const auto& env = batch.envelope();
    const std::string text = batch.finish();
    if (const auto& err = batch.error())  // cannot happen once a claim was added; never write a broken file
      throw std::runtime_error(fmt::format("batch to payer {}: {}", env.payer_id, x12::to_string(*err)));
    const std::string name = fmt::format("{}-{:09}.837", util::file_safe(env.payer_id), env.interchange_number);
    const fs::path final_path = o.out_dir / name, temp_path = o.out_dir / ("." + name + ".tmp");
    if (fs::exists(final_path)) throw std::runtime_error(final_path.string() + " already exists; refusing to overwrite it");
    write_file(temp_path, text);

    ledger::BatchRecord rec;
    rec.file_name = name;
    rec.sha256 = util::sha256_hex(text);
    rec.bytes = text.size();
    rec.sender_id = o.clearinghouse.id;
    rec.receiver_id = env.payer_id;
    rec.interchange_control_number = env.interchange_number;
    rec.group_control_number = env.interchange_number;
    rec.first_transaction_number = batch.first_transaction();
    rec.last_transaction_number = batch.last_transaction();
    rec.transaction_count = batch.transactions();
    rec.created_at = now;
    x12::MemorySource source(text);
    x12::Diagnostics diagnostics(name, 100);
    x12::SegmentReader segments(source, diagnostics);
    x12::EnvelopeReader reader(segments, diagnostics);
    x12_837p::Claim837pReader claims(reader, diagnostics);
    model::Claim claim;
    while (claims.next(claim)) {
      ++rec.claim_count;
      rec.line_count += claim.lines.size();
      rec.billed_cents += claim.total_charge.cents();
      submission.stage(static_cast<int>(i), static_cast<std::int64_t>(rec.claim_count), claim,
                       claims.transaction_control_number(), nullptr);
    }
    if (rec.claim_count != batch.claims())
      throw std::runtime_error(fmt::format("{}: {} claims written but {} read back", name, batch.claims(), rec.claim_count));
    records.emplace_back(static_cast<int>(i), std::move(rec));
    renames.emplace_back(temp_path, final_path);
  }
  if (!records.empty()) {
    try {
      submission.commit(std::move(records), now);  // the point of no return
    } catch (...) {
      std::error_code ec;
      for (const auto& [temp, final_path] : renames) fs::remove(temp, ec);
      throw;
    }
  }
  for (const auto& [temp, final_path] : renames) {
    fs::rename(temp, final_path);
    report.files.push_back(final_path.string());
  }
  if (!renames.empty()) submit::sync_directory(o.out_dir);
  return report;
}

}  // namespace clearhouse::intake
