#include "parsers/x12/spec/file_validator.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>

#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/parallel_reading.hpp"
#include "parsers/x12/spec/element_validator.hpp"
#include "parsers/x12/spec/transaction_validator.hpp"

namespace clearhouse::x12::spec {
namespace {

// TA105 note codes for ISA fields in error (ISA01 -> 010 ...).
const char* isa_note(int field) {
  switch (field) {
    case 1: return "010";
    case 2: return "011";
    case 3: return "012";
    case 4: return "013";
    case 5: return "005";
    case 6: return "006";
    case 7: return "007";
    case 8: return "008";
    case 9: return "014";
    case 10: return "015";
    case 11: return "026";
    case 12: return "017";
    case 13: return "018";
    case 14: return "019";
    case 15: return "020";
    case 16: return "027";
    default: return "022";
  }
}

std::uint64_t to_count(std::string_view s, std::uint64_t fallback) {
  std::uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc{} && p == s.data() + s.size() && !s.empty() ? v : fallback;
}

class FileValidator {
 public:
  FileValidator(const SpecCatalog& catalog, const ValidationOptions& options) : catalog_(catalog), options_(options) {}

  ValidationReport run(InputSource& input) {
    Diagnostics diagnostics(input.name(), 1u << 20);
    if (options_.jobs > 1) {
      Parts parts(*this, diagnostics);
      const PartsRead how = read_in_parallel(input, diagnostics, parts, options_.jobs);
      if (options_.parts_read != nullptr) *options_.parts_read = how;
      return finish(diagnostics, how.counts, how.bytes);
    }
    SegmentReader segments(input, diagnostics);
    EnvelopeReader reader(segments, diagnostics);
    while (reader.next()) step(reader, diagnostics);
    return finish(diagnostics, reader.counts(), segments.bytes_consumed());
  }

 private:
  // One segment the envelope reader stands on.
  void step(const EnvelopeReader& reader, const Diagnostics& diagnostics) {
    const SegmentRole role = reader.role();
    // Most segments: a set's body, nothing new from the reader, nothing waiting to be settled.
    if (role == SegmentRole::transaction_body && transaction_ != nullptr && pending_ == nullptr &&
        !duplicate_pending_ && seen_ == diagnostics.errors().size()) [[likely]] {
      transaction_->segment(reader.segment(), reader.position_in_transaction());
      return;
    }
    const Segment& s = reader.segment();
    // A header or trailer of an outer envelope ends a set that had no SE: end it first so
    // that the reader's "missing SE" lands on it.
    if (transaction_ != nullptr && role != SegmentRole::transaction_body && role != SegmentRole::transaction_trailer &&
        role != SegmentRole::stray)
      end_transaction(nullptr);
    seen_ = absorb(diagnostics, seen_, &reader, role);
    if (role == SegmentRole::interchange_header && reader.counts().interchanges == 1) skipped_text(diagnostics);
    settle_pending();
    on_segment(reader, role, s);
    if (duplicate_pending_ && transaction_ != nullptr) {
      transaction_->envelope_error("23", duplicate_message_, 1);
      duplicate_pending_ = false;
    }
  }

  ValidationReport finish(const Diagnostics& diagnostics, const EnvelopeCounts& counts, std::uint64_t bytes) {
    if (transaction_ != nullptr) end_transaction(nullptr);
    seen_ = absorb(diagnostics, seen_, nullptr, SegmentRole::stray, /*at_end=*/true);
    settle_pending();
    if (group_) close_group();
    if (interchange_) close_interchange();
    report_.segments = counts.segments;
    report_.bytes = bytes;
    if (diagnostics.has_fatal() || counts.interchanges == 0) {
      report_.readable = false;
      for (const auto& e : diagnostics.errors()) file_finding(e.message(), e);
    }
    return std::move(report_);
  }

  // --- reading in parts on threads (parsers/x12/parallel_reading.hpp) ---------------------
  struct PartFindings : PartResult {
    ValidationReport report;  // the part's findings (ordinals from the part's start), counts
    std::vector<model::TransactionSetAck> sets;
  };

  class Parts final : public PartReader {
   public:
    Parts(FileValidator& v, const Diagnostics& diagnostics) : v_(v), diagnostics_(diagnostics) {
      worker_options_ = v.options_;
      worker_options_.on_transaction = nullptr;
      worker_options_.jobs = 1;
    }

    std::unique_ptr<PartResult> work(const InputPart& part, const PartContext& context) override {
      auto result = std::make_unique<PartFindings>();
      FileValidator w(v_.catalog_, worker_options_);
      w.interchange_ = std::make_unique<InterchangeResult>();
      w.interchange_->ta1.control_number = context.envelope.interchange_control;
      w.group_ = std::make_unique<model::FunctionalGroupAck>();
      w.group_->functional_id = context.envelope.group.functional_id;
      w.group_->control_number = context.envelope.group.control_number;
      w.group_->version = context.envelope.group.version;
      static const Diagnostics none;
      if (!read_whole_sets(part, context, *result, [&](const EnvelopeReader& reader) { w.step(reader, none); }))
        return result;
      w.settle_pending();
      result->report = std::move(w.report_);
      result->sets = std::move(w.group_->sets);
      return result;
    }

    void take(PartResult& result, std::uint64_t ordinal_base) override {
      auto& r = static_cast<PartFindings&>(result);
      v_.settle_pending();  // the last set of a part read in order
      auto& report = v_.report_;
      for (auto& f : r.report.findings) {
        if (report.findings.size() >= v_.options_.finding_limit) break;
        if (f.file_segment != 0) f.file_segment += ordinal_base;
        report.findings.push_back(std::move(f));
      }
      report.error_count += r.report.error_count;
      report.warning_count += r.report.warning_count;
      report.transactions += r.report.transactions;
      report.accepted += r.report.accepted;
      report.accepted_with_errors += r.report.accepted_with_errors;
      report.rejected += r.report.rejected;
      for (auto& ack : r.sets) {
        if (v_.options_.on_transaction) v_.options_.on_transaction(ack, v_.group_ ? v_.group_->control_number : std::string());
        if (v_.group_) v_.group_->sets.push_back(std::move(ack));
      }
      v_.last_set_ = nullptr;
    }

    void read(EnvelopeReader& reader) override {
      while (reader.next()) v_.step(reader, diagnostics_);
    }

   private:
    FileValidator& v_;
    const Diagnostics& diagnostics_;
    ValidationOptions worker_options_;
  };

  // --- envelope bookkeeping --------------------------------------------------------------
  void on_segment(const EnvelopeReader& reader, SegmentRole role, const Segment& s) {
    switch (role) {
      case SegmentRole::interchange_header: open_interchange(reader, s); break;
      case SegmentRole::interchange_trailer:
        check_envelope_segment(s, "IEA");
        close_interchange();
        break;
      case SegmentRole::group_header: open_group(reader, s); break;
      case SegmentRole::group_trailer:
        if (group_) group_->included = to_count(s[1], group_->sets.size());
        check_envelope_segment(s, "GE");
        close_group();
        break;
      case SegmentRole::transaction_header: begin_transaction(reader, s); break;
      case SegmentRole::transaction_body:
        if (transaction_) transaction_->segment(s, reader.position_in_transaction());
        break;
      case SegmentRole::transaction_trailer:
        if (transaction_) {
          last_position_ = reader.position_in_transaction();
          end_transaction(&s);
        }
        break;
      case SegmentRole::interchange_ack:
        check_envelope_segment(s, "TA1");
        break;
      case SegmentRole::stray:
        stray(reader, s);
        break;
    }
  }

  void open_interchange(const EnvelopeReader& reader, const Segment& s) {
    if (interchange_) close_interchange();
    interchange_ = std::make_unique<InterchangeResult>();
    const auto& isa = reader.interchange();
    interchange_->ta1.control_number = std::string(isa.control_number());
    interchange_->ta1.date = isa.field(9);
    interchange_->ta1.time = isa.field(10);
    interchange_->version = std::string(isa.version());
    auto trim = [](std::string v) {
      while (!v.empty() && v.back() == ' ') v.pop_back();
      return v;
    };
    // The acknowledgment goes back: its sender is this interchange's receiver.
    interchange_->parties.sender_qualifier = isa.field(7);
    interchange_->parties.sender_id = trim(isa.field(8));
    interchange_->parties.receiver_qualifier = isa.field(5);
    interchange_->parties.receiver_id = trim(isa.field(6));
    check_envelope_segment(s, "ISA");
  }

  void interchange_error(const std::string& note, std::string message, const Segment* s = nullptr) {
    if (!interchange_) return;
    if (interchange_->ta1.code != 'R') {
      interchange_->ta1.code = 'R';
      interchange_->ta1.note_code = note;
    }
    model::ValidationFinding f;
    f.level = model::SnipLevel::syntax;
    f.interchange_control = interchange_->ta1.control_number;
    if (s != nullptr) {
      f.file_segment = s->ordinal();
      f.offset = s->offset();
      f.segment_id = std::string(s->id());
    }
    f.message = "TA1 " + note + ": " + std::move(message);
    add_finding(std::move(f));
  }

  void group_error(const std::string& code, std::string message, const Segment* s = nullptr) {
    if (!group_) return;
    if (group_->group_errors.size() < 5 &&
        std::find(group_->group_errors.begin(), group_->group_errors.end(), code) == group_->group_errors.end())
      group_->group_errors.push_back(code);
    model::ValidationFinding f;
    f.level = model::SnipLevel::syntax;
    f.interchange_control = interchange_ ? interchange_->ta1.control_number : std::string();
    f.group_control = group_->control_number;
    if (s != nullptr) {
      f.file_segment = s->ordinal();
      f.offset = s->offset();
      f.segment_id = std::string(s->id());
    }
    f.message = "AK905 " + code + ": " + std::move(message);
    add_finding(std::move(f));
  }

  // ISA, GS, GE, IEA, TA1 elements against the envelope spec.
  void check_envelope_segment(const Segment& s, const char* id) {
    const SegmentSpec* spec = catalog_.envelope().find(id);
    if (spec == nullptr) return;
    problems_.clear();
    validator_.validate(s, *spec, problems_);
    for (const auto& p : problems_) {
      const std::string ref = p.spec != nullptr ? p.spec->ref : std::string(id) + std::to_string(p.element);
      std::string message = std::string(p.what) + ": " + ref;
      if (std::string_view(id) == "ISA") {
        interchange_error(isa_note(p.element), std::move(message), &s);
      } else if (std::string_view(id) == "GS" && p.element == 6) {
        interchange_error("024", std::move(message), &s);
      } else {
        interchange_error("024", std::move(message), &s);
      }
    }
  }

  void open_group(const EnvelopeReader& reader, const Segment& s) {
    if (group_) close_group();
    group_ = std::make_unique<model::FunctionalGroupAck>();
    const auto& gs = reader.group();
    group_->functional_id = gs.functional_id;
    group_->control_number = gs.control_number;
    group_->version = gs.version;
    if (interchange_ && interchange_->groups.empty()) {
      interchange_->parties.group_sender = gs.receiver;
      interchange_->parties.group_receiver = gs.sender;
    }
    check_envelope_segment(s, "GS");
    if (!catalog_.supports_group(gs.functional_id)) {
      group_error("1", "functional group " + gs.functional_id + " is not supported", &s);
    } else if (catalog_.find_for_group(gs.functional_id, gs.version) == nullptr) {
      group_error("2", "version " + gs.version + " is not supported for functional group " + gs.functional_id, &s);
    }
  }

  void close_group() {
    if (!group_) return;
    if (transaction_) end_transaction(nullptr);
    auto& g = *group_;
    g.received = g.sets.size();
    if (g.included == 0) g.included = g.received;
    std::uint64_t accepted = 0;
    for (const auto& t : g.sets) accepted += t.code == 'A' || t.code == 'E';
    g.accepted = accepted;
    bool any_e = false;
    for (const auto& t : g.sets) any_e = any_e || t.code == 'E';
    if (!g.group_errors.empty() || accepted == 0) g.code = 'R';
    else if (accepted < g.received) g.code = 'P';
    else g.code = any_e ? 'E' : 'A';
    if (g.code == 'R' && g.received == 0 && g.group_errors.empty()) g.group_errors.push_back("5");
    if (interchange_) interchange_->groups.push_back(std::move(g));
    group_.reset();
  }

  void close_interchange() {
    if (group_) close_group();
    if (!interchange_) return;
    report_.interchanges.push_back(std::move(*interchange_));
    interchange_.reset();
  }

  // --- transaction sets -------------------------------------------------------------------
  void begin_transaction(const EnvelopeReader& reader, const Segment& s) {
    const std::string version = reader.transaction().implementation.empty() ? reader.group().version
                                                                            : reader.transaction().implementation;
    // ST03 names the implementation guide of the set (it may differ from GS08); without it,
    // GS08 does.
    const TransactionSpec* spec = catalog_.find(reader.transaction().type, version);
    ++report_.transactions;
    if (spec == nullptr) {
      // Not supported: IK5 I6 when the guide named by ST03 is not one we have for a set type we
      // support under the group's version, else 1 (transaction set not supported).
      const bool other_guide = !reader.transaction().implementation.empty() &&
                               catalog_.find(reader.transaction().type, reader.group().version) != nullptr;
      model::TransactionSetAck ack;
      ack.type = std::string(s[1]);
      ack.control_number = std::string(s[2]);
      ack.implementation = reader.transaction().implementation;
      ack.code = 'R';
      ack.syntax_errors.push_back(other_guide ? "I6" : "1");
      model::ValidationFinding f;
      f.interchange_control = interchange_ ? interchange_->ta1.control_number : std::string();
      f.group_control = group_ ? group_->control_number : std::string();
      f.transaction_control = ack.control_number;
      f.position = 1;
      f.file_segment = s.ordinal();
      f.segment_id = "ST";
      f.message = "transaction set " + ack.type + " (" + std::string(s[3].empty() ? std::string_view(reader.group().version) : s[3]) +
                  ") is not supported";
      add_finding(std::move(f));
      finish_set(std::move(ack));
      return;
    }
    auto& slot = validators_[spec];
    if (!slot) slot = std::make_unique<TransactionValidator>(*spec, options_.code_sets, options_.strict_code_sets);
    transaction_ = slot.get();
    TransactionIds ids{interchange_ ? interchange_->ta1.control_number : std::string(),
                       group_ ? group_->control_number : std::string(), reader.group().version};
    transaction_->begin(s, ids);
  }

  void end_transaction(const Segment* se) {
    TransactionValidator* t = transaction_;
    transaction_ = nullptr;
    t->end(se, se != nullptr ? last_position_ : 0);
    stray_position_ = last_position_;
    pending_ = t;
  }

  // Called once the diagnostics for the SE (or the end) are in.
  void settle_pending() {
    if (pending_ == nullptr) return;
    TransactionValidator* t = pending_;
    pending_ = nullptr;
    for (const auto& f : t->findings()) add_finding(f);
    // Findings past the set's own limit still count.
    report_.error_count += t->error_count() - count_errors(t->findings());
    report_.warning_count += t->warning_count() - count_warnings(t->findings());
    last_set_ = t;
    finish_set(t->acknowledgment());
  }

  static std::uint64_t count_errors(const std::vector<model::ValidationFinding>& v) {
    std::uint64_t n = 0;
    for (const auto& f : v) n += f.is_error();
    return n;
  }
  static std::uint64_t count_warnings(const std::vector<model::ValidationFinding>& v) { return v.size() - count_errors(v); }

  void finish_set(model::TransactionSetAck ack) {
    switch (ack.code) {
      case 'A': ++report_.accepted; break;
      case 'E': ++report_.accepted_with_errors; break;
      default: ++report_.rejected; break;
    }
    if (options_.on_transaction) options_.on_transaction(ack, group_ ? group_->control_number : std::string());
    if (group_) group_->sets.push_back(std::move(ack));
  }

  void stray(const EnvelopeReader& reader, const Segment& s) {
    if (reader.in_group() && !reader.in_transaction() && last_set_ != nullptr && group_ && !group_->sets.empty()) {
      // A segment after SE: charged to the set it follows.
      ++stray_position_;
      last_set_->stray_segment(s, stray_position_);
      const auto& f = last_set_->findings().back();
      add_finding(f);
      auto& ack = group_->sets.back();
      if (ack.code != 'R') {
        (ack.code == 'A' ? report_.accepted : report_.accepted_with_errors) -= 1;
        ++report_.rejected;
      }
      ack = last_set_->acknowledgment();
      ack.code = 'R';
    } else if (reader.in_group()) {
      group_error("1", "segment " + std::string(s.id()) + " outside any transaction set", &s);
    } else if (reader.in_interchange()) {
      interchange_error("024", "segment " + std::string(s.id()) + " outside any functional group", &s);
    }
  }

  // Maps the envelope reader's new diagnostics onto TA1 / AK9 / IK5 codes.
  // reader: nullptr at the end of the input (role stray).
  std::size_t absorb(const Diagnostics& d, std::size_t seen, const EnvelopeReader* reader, SegmentRole role,
                     bool at_end = false) {
    const auto& errors = d.errors();
    for (; seen < errors.size(); ++seen) {
      const X12Error& e = errors[seen];
      switch (e.code) {
        case X12Errc::control_number_mismatch:
        case X12Errc::count_mismatch:
        case X12Errc::invalid_value:
          if (e.segment_id == "SE") envelope_for_set(e.code == X12Errc::control_number_mismatch ? "3" : "4", e);
          else if (e.segment_id == "GE") group_error(e.code == X12Errc::control_number_mismatch ? "4" : "5", e.message());
          else if (e.segment_id == "IEA") interchange_error(e.code == X12Errc::control_number_mismatch ? "001" : "021", e.message());
          break;
        case X12Errc::duplicate_control_number:
          // Reported at the ST that repeats the number: it belongs to the set about to begin.
          duplicate_pending_ = true;
          duplicate_message_ = e.message();
          break;
        case X12Errc::missing_trailer:
          if (e.expected == "SE") envelope_for_current("2", e);
          else if (e.expected == "GE") group_error("3", e.message());
          else if (e.expected == "IEA") interchange_error("023", e.message());
          break;
        case X12Errc::isa_bad_delimiters:
          interchange_error("026", e.message());
          break;
        case X12Errc::isa_invalid_field:
          interchange_error(isa_note(e.element), e.message());
          break;
        case X12Errc::bad_segment_id:
          // Inside a transaction set the walker reports it (IK3 code 1); elsewhere it is content.
          if (role == SegmentRole::stray || (!reader->in_transaction() && role != SegmentRole::transaction_trailer))
            interchange_error("024", e.message());
          break;
        case X12Errc::trailer_without_header:
        case X12Errc::segment_outside_envelope:
          if (!interchange_ && !at_end) file_finding(e.message(), e);
          break;
        default:
          break;
      }
    }
    return seen;
  }

  void envelope_for_set(const char* code, const X12Error& e) {
    // SE problems arrive while the set is pending (its SE was just read).
    TransactionValidator* t = pending_ != nullptr ? pending_ : transaction_;
    if (t != nullptr) t->envelope_error(code, e.message(), 0);
  }
  void envelope_for_current(const char* code, const X12Error& e) {
    TransactionValidator* t = transaction_ != nullptr ? transaction_ : pending_;
    if (t != nullptr) t->envelope_error(code, e.message(), 0);
    else if (group_) group_error("1", e.message());
  }

  // Text before the first ISA was not validated: the reader's warning becomes the file's.
  void skipped_text(const Diagnostics& d) {
    for (const auto& w : d.warnings())
      if (w.code == X12Errc::text_before_isa) {
        file_finding(w.message(), w, model::FindingSeverity::warning);
        ++report_.reading_notes;
      }
  }

  void file_finding(std::string message, const X12Error& e,
                    model::FindingSeverity severity = model::FindingSeverity::error) {
    model::ValidationFinding f;
    f.severity = severity;
    f.level = model::SnipLevel::syntax;
    f.file_segment = e.segment;
    f.offset = e.offset;
    f.segment_id = e.segment_id;
    f.message = std::move(message);
    add_finding(std::move(f));
  }

  void add_finding(model::ValidationFinding f) {
    (f.is_error() ? report_.error_count : report_.warning_count) += 1;
    if (report_.findings.size() < options_.finding_limit) report_.findings.push_back(std::move(f));
  }

  const SpecCatalog& catalog_;
  const ValidationOptions& options_;
  ValidationReport report_;
  std::unique_ptr<InterchangeResult> interchange_;
  std::unique_ptr<model::FunctionalGroupAck> group_;
  std::map<const TransactionSpec*, std::unique_ptr<TransactionValidator>> validators_;
  TransactionValidator* transaction_ = nullptr;
  TransactionValidator* pending_ = nullptr;
  TransactionValidator* last_set_ = nullptr;
  std::uint64_t last_position_ = 0, stray_position_ = 0;
  bool duplicate_pending_ = false;
  std::string duplicate_message_;
  std::size_t seen_ = 0;  // diagnostics absorbed so far
  ElementValidator validator_;
  std::vector<ElementProblem> problems_;
};

}  // namespace

bool ValidationReport::interchanges_accepted() const {
  for (const auto& i : interchanges)
    if (i.ta1.code == 'R') return false;
  return true;
}

ValidationReport validate_x12(InputSource& input, const SpecCatalog& catalog, const ValidationOptions& options) {
  FileValidator v(catalog, options);
  return v.run(input);
}

}  // namespace clearhouse::x12::spec
