#include "engine/edits/claim_edits.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/codes/code_formats.hpp"
#include "engine/codes/ndc.hpp"
#include "engine/codes/npi.hpp"
#include "engine/edits/claim_splitter.hpp"
#include "engine/edits/edit_code.hpp"
#include "engine/edits/field_formats.hpp"

namespace clearhouse::edits {
namespace {

using codes::CodeKind;
using model::Address;
using model::Claim;
using model::Date;
using model::Rejection;

constexpr std::size_t kMaxClaimIdLength = 20;          // CLM01 allows 38; payers keep 20
constexpr std::size_t kMaxLineControlNumberLength = 30; // REF*6R allows 50; clearhouse keeps 30

// In place: no allocation on the hot path.
void upper(std::string& s) {
  for (char& ch : s)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
}

// A field path, formatted only when something fails: group[index].field.
struct Field {
  std::string_view group = {};
  int index = -1;
  std::string_view field = {};

  std::string str() const {
    std::string out(group);
    if (index >= 0) out += fmt::format("[{}]", index);
    if (!field.empty()) {
      if (!out.empty()) out.push_back('.');
      out.append(field);
    }
    return out;
  }
};

class Checker {
 public:
  Checker(const model::Encounter& e, const EditContext& ctx, std::vector<Rejection>& out)
      : e_(e), ctx_(ctx), out_(out) {}

  void fail(const Field& f, EditCode code, std::string message) {
    out_.push_back(Rejection{e_.claim.claim_id, e_.source_line, f.str(), std::string(edit_code_name(code)),
                             std::move(message)});
  }

  // Text: required or not, length limits, X12 characters.
  bool text(const Field& f, const std::string& v, std::size_t max, bool required, std::size_t min = 1) {
    if (v.empty()) {
      if (required) fail(f, EditCode::missing_field, "required");
      return false;
    }
    if (v.size() > max) {
      fail(f, EditCode::too_long, fmt::format("at most {} characters", max));
      return false;
    }
    if (v.size() < min) {
      fail(f, EditCode::too_short, fmt::format("at least {} characters", min));
      return false;
    }
    if (!is_x12_text(v)) {
      fail(f, EditCode::invalid_character, "only printable ASCII without * : ^ ~");
      return false;
    }
    return true;
  }

  bool npi(const Field& f, const std::string& v, bool required) {
    if (v.empty()) {
      if (required) fail(f, EditCode::missing_field, "required");
      return false;
    }
    if (!codes::is_valid_npi(v)) {
      fail(f, EditCode::invalid_npi, "not a valid NPI (10 digits, the last a check digit): " + codes::npi_problem(v));
      return false;
    }
    return true;
  }

  // A date that must be real and not after today.
  bool date(const Field& f, const Date& d, bool required) {
    if (d.empty()) {
      if (required) fail(f, EditCode::missing_field, "required");
      return false;
    }
    if (!d.valid()) {
      fail(f, EditCode::invalid_date, "not a real calendar date");
      return false;
    }
    if (ctx_.today.valid() && d > ctx_.today) {
      fail(f, EditCode::future_date, "must not be after the submission date");
      return false;
    }
    return true;
  }

  // Place of service: two digits, and on the list when --code-set pos= gave one.
  void place_of_service(const Field& f, const std::string& v, bool required) {
    if (v.empty()) {
      if (required) fail(f, EditCode::missing_field, "required");
    } else if (!codes::is_place_of_service_format(v)) {
      fail(f, EditCode::invalid_place_of_service, "expected two digits");
    } else if (const codes::CodeList* list = ctx_.code_sets ? ctx_.code_sets->find(CodeKind::pos) : nullptr;
               list && !list->contains(v)) {
      fail(f, EditCode::unknown_place_of_service, "not in the place of service code set given");
    }
  }

  void gender(const Field& f, const std::string& v) {
    if (v.empty()) fail(f, EditCode::missing_field, "required");
    else if (!is_gender(v)) fail(f, EditCode::invalid_gender, "expected M, F or U");
  }

  void taxonomy(const Field& f, const std::string& v) {
    if (!v.empty() && !is_taxonomy(v)) fail(f, EditCode::invalid_taxonomy, "expected a 10-character NUCC taxonomy code ending in X");
  }

  // US street address; zip9: the guide wants all nine digits for this address.
  void address(std::string_view group, Address& a, bool zip9) {
    text({group, -1, "line1"}, a.line1, 55, true);
    text({group, -1, "line2"}, a.line2, 55, false);
    text({group, -1, "city"}, a.city, 30, true, 2);
    if (!a.country.empty() && a.country != "US") {
      fail({group, -1, "country"}, EditCode::foreign_address, "only US addresses are supported");
      return;
    }
    a.country.clear();
    upper(a.state);
    if (a.state.empty()) fail({group, -1, "state"}, EditCode::missing_field, "required");
    else if (!is_us_state(a.state)) fail({group, -1, "state"}, EditCode::invalid_state, "expected a US state code");
    if (a.postal_code.empty()) {
      fail({group, -1, "zip"}, EditCode::missing_field, "required");
    } else if (!is_zip(a.postal_code)) {
      fail({group, -1, "zip"}, EditCode::invalid_zip, "expected 5 or 9 digits");
    } else {
      if (a.postal_code.size() == 10) a.postal_code = normalize_zip(a.postal_code);
      if (zip9 && a.postal_code.size() != 9)
        fail({group, -1, "zip"}, EditCode::invalid_zip, "this address needs the full 9-digit ZIP code");
    }
  }

  void provider_name(std::string_view group, const model::Provider& p) {
    if (p.entity == model::EntityType::organization) {
      text({group, -1, "name"}, p.name, 60, true);
    } else {
      text({group, -1, "last"}, p.name, 60, true);
      text({group, -1, "first"}, p.first, 35, false);
      text({group, -1, "middle"}, p.middle, 25, false);
      text({group, -1, "suffix"}, p.suffix, 10, false);
    }
  }

  void person_name(std::string_view group, const model::PersonName& n) {
    text({group, -1, "last"}, n.last, 60, true);
    text({group, -1, "first"}, n.first, 35, false);
    text({group, -1, "middle"}, n.middle, 25, false);
    text({group, -1, "suffix"}, n.suffix, 10, false);
  }

  const model::Encounter& e_;
  const EditContext& ctx_;
  std::vector<Rejection>& out_;
};

// The supplemental information of the claim and its lines: attachments (PWK), notes (NTE), the
// CLIA number (REF*X4), the ambulance transport (CR1, CRC, 2310E/F), line authorizations
// (2400 REF*G1/9F), drugs (2410) and anesthesia minutes. Paths are built only for claims
// that carry these, and formatted only on failure.
bool is_one_of(std::string_view v, std::initializer_list<std::string_view> codes) {
  return std::find(codes.begin(), codes.end(), v) != codes.end();
}

void edit_attachments(Checker& check, const std::string& group, std::vector<model::Attachment>& attachments) {
  if (attachments.size() > 10)
    check.fail({group}, EditCode::too_many_attachments, "at most 10 attachments (PWK)");
  for (std::size_t k = 0; k < attachments.size(); ++k) {
    auto& a = attachments[k];
    const int ak = static_cast<int>(k);
    upper(a.report_type);
    upper(a.transmission);
    if (a.report_type.empty())
      check.fail({group, ak, "report_type"}, EditCode::missing_field, "required");
    else if (!is_one_of(a.report_type, {"03", "04", "05", "06", "07", "08", "09", "10", "11", "13", "15", "21", "A3",
                                        "A4", "AM", "AS", "B2", "B3", "B4", "BR", "BS", "BT", "CB", "CK", "CT", "D2",
                                        "DA", "DB", "DG", "DJ", "DS", "EB", "HC", "HR", "I5", "IR", "LA", "M1", "MT",
                                        "NN", "OB", "OC", "OD", "OE", "OX", "OZ", "P4", "P5", "PE", "PN", "PO", "PQ",
                                        "PY", "PZ", "RB", "RR", "RT", "RX", "SG", "V5", "XP"}))
      check.fail({group, ak, "report_type"}, EditCode::invalid_code, "not a PWK01 attachment report type code");
    if (a.transmission.empty())
      check.fail({group, ak, "transmission"}, EditCode::missing_field, "required");
    else if (!is_one_of(a.transmission, {"AA", "BM", "EL", "EM", "FT", "FX"}))
      check.fail({group, ak, "transmission"}, EditCode::invalid_code, "expected AA, BM, EL, EM, FT or FX");
    // The guide asks for PWK05/PWK06 whenever the paperwork travels (anything but AA).
    if (a.control_number.empty() && !a.transmission.empty() && a.transmission != "AA")
      check.fail({group, ak, "control_number"}, EditCode::missing_field,
                 "required unless transmission is AA (available on request): the payer matches the paperwork by it");
    else
      check.text({group, ak, "control_number"}, a.control_number, 80, false, 2);
  }
}

void edit_note(Checker& check, const std::string& group, model::Note& note,
               std::initializer_list<std::string_view> codes, std::string_view expected) {
  upper(note.code);
  if (note.code.empty()) check.fail({group, -1, "code"}, EditCode::missing_field, "required");
  else if (!is_one_of(note.code, codes)) check.fail({group, -1, "code"}, EditCode::invalid_code, std::string(expected));
  check.text({group, -1, "text"}, note.text, 80, true);
}

void edit_ambulance(Checker& check, model::AmbulanceTransport& a) {
  upper(a.transport_reason);
  if (a.transport_reason.empty())
    check.fail({"ambulance", -1, "transport_reason"}, EditCode::missing_field, "required");
  else if (!is_one_of(a.transport_reason, {"A", "B", "C", "D", "E"}))
    check.fail({"ambulance", -1, "transport_reason"}, EditCode::invalid_code, "expected A, B, C, D or E");
  if (a.distance.is_negative())
    check.fail({"ambulance", -1, "distance"}, EditCode::invalid_units, "must not be negative");
  else if (a.distance.to_string().size() > 15)
    check.fail({"ambulance", -1, "distance"}, EditCode::too_long, "at most 15 characters");
  if (a.patient_weight && a.patient_weight->coefficient <= 0)
    check.fail({"ambulance", -1, "patient_weight"}, EditCode::invalid_units, "must be greater than 0");
  else if (a.patient_weight && a.patient_weight->to_string().size() > 10)
    check.fail({"ambulance", -1, "patient_weight"}, EditCode::too_long, "at most 10 characters");
  check.text({"ambulance", -1, "round_trip_purpose"}, a.round_trip_purpose, 80, false);
  check.text({"ambulance", -1, "stretcher_purpose"}, a.stretcher_purpose, 80, false);
  if (a.certifications.size() > 3)
    check.fail({"ambulance", -1, "certifications"}, EditCode::invalid_code, "at most 3 certifications (CRC)");
  for (std::size_t k = 0; k < a.certifications.size(); ++k) {
    auto& c = a.certifications[k];
    const Field f{"ambulance.certifications", static_cast<int>(k), "conditions"};
    if (c.answer != "Y" && c.answer != "N")
      check.fail({"ambulance.certifications", static_cast<int>(k), "answer"}, EditCode::invalid_code, "expected true/false");
    if (c.conditions.empty() || c.conditions.size() > 5)
      check.fail(f, EditCode::invalid_code, "expected 1-5 condition codes");
    for (std::size_t i = 0; i < c.conditions.size(); ++i) {
      if (!is_one_of(c.conditions[i], {"01", "04", "05", "06", "07", "08", "09", "12"}))
        check.fail(f, EditCode::invalid_code, "expected condition codes 01, 04, 05, 06, 07, 08, 09 or 12");
      else if (std::find(c.conditions.begin(), c.conditions.begin() + static_cast<std::ptrdiff_t>(i), c.conditions[i]) !=
               c.conditions.begin() + static_cast<std::ptrdiff_t>(i))
        check.fail(f, EditCode::invalid_code, "the same condition code is listed twice");
    }
  }
  check.address("ambulance.pick_up.address", a.pick_up, false);
  check.text({"ambulance.drop_off", -1, "name"}, a.drop_off_name, 60, false);
  check.address("ambulance.drop_off.address", a.drop_off, false);
}

[[gnu::noinline]] void edit_line_supplements(Checker& check, int li, model::LineSupplements& l) {
  const std::string_view g = "service_lines";
  check.text({g, li, "prior_authorization"}, l.prior_authorization, 50, false);
  check.text({g, li, "referral_number"}, l.referral_number, 50, false);
  const std::string line = fmt::format("service_lines[{}]", li);
  if (!l.attachments.empty()) edit_attachments(check, line + ".attachments", l.attachments);
  if (l.note) edit_note(check, line + ".note", *l.note, {"ADD", "DCP"}, "expected ADD or DCP");
  if (l.drug) {
    auto& d = *l.drug;
    const std::string group = line + ".drug";
    codes::normalize_ndc(d.ndc);
    upper(d.unit);
    if (d.ndc.empty()) check.fail({group, -1, "ndc"}, EditCode::missing_field, "required");
    else if (!codes::is_ndc11(d.ndc)) check.fail({group, -1, "ndc"}, EditCode::invalid_ndc, codes::ndc_problem(d.ndc));
    if (d.quantity.coefficient <= 0)
      check.fail({group, -1, "quantity"}, EditCode::invalid_units, "must be greater than 0");
    else if (d.quantity.to_string().size() > 15)
      check.fail({group, -1, "quantity"}, EditCode::too_long, "at most 15 characters");
    if (d.unit.empty())
      check.fail({group, -1, "unit"}, EditCode::missing_field, "required: F2, GR, ME, ML or UN");
    else if (!is_one_of(d.unit, {"F2", "GR", "ME", "ML", "UN"}))
      check.fail({group, -1, "unit"}, EditCode::invalid_unit_code,
                 "expected F2 (international unit), GR (gram), ME (milligram), ML (milliliter) or UN (unit)");
    check.text({group, -1, "prescription_number"}, d.prescription_number, 50, false);
  }
}

[[gnu::noinline]] void edit_claim_supplements(Checker& check, Claim& c) {
  if (!c.clia_number.empty()) {
    upper(c.clia_number);
    const auto& n = c.clia_number;
    if (n.size() != 10 || n[2] != 'D' || !all_digits(std::string_view(n).substr(0, 2)) ||
        !all_digits(std::string_view(n).substr(3)))
      check.fail({"", -1, "clia_number"}, EditCode::invalid_clia_number, "expected 2 digits, D and 7 digits (12D3456789)");
  }
  if (!c.attachments.empty()) edit_attachments(check, "attachments", c.attachments);
  if (c.note)
    edit_note(check, "note", *c.note, {"ADD", "CER", "DCP", "DGN", "TPO"}, "expected ADD, CER, DCP, DGN or TPO");
  if (c.ambulance) edit_ambulance(check, *c.ambulance);
}

// The claim's other payers (2320/2330A/2330B), in payment order after the claim's own payer:
// each with its payer (name, id, filing indicator), its subscriber (name, member id) and the
// patient's relationship to that subscriber; distinct payer ids, none the claim's own; SBR01
// the next code after the claim's own in the order P, S, T, A-H (filled in when missing).
// Demographics of an other subscriber are checked and not kept: 2330A has no DMG, as the
// 2010BA of a subscriber who is not the patient has none.
void edit_other_coverage(Checker& check, Claim& c) {
  static constexpr std::string_view kOrder = "PSTABCDEFGH";  // SBR01 payment order
  if (c.other_coverage.size() > model::kMaxOtherPayers) {
    check.fail({"other_coverage"}, EditCode::too_many_other_payers, "at most 10 other payers (2320)");
    return;
  }
  std::size_t previous = kOrder.find(c.subscriber.payer_responsibility);
  for (std::size_t i = 0; i < c.other_coverage.size(); ++i) {
    model::OtherCoverage& o = c.other_coverage[i];
    const int oi = static_cast<int>(i);
    const std::string payer = fmt::format("other_coverage[{}].payer", i);
    const std::string subscriber = fmt::format("other_coverage[{}].subscriber", i);
    check.text({payer, -1, "name"}, o.payer.name, 60, true);
    if (check.text({payer, -1, "id"}, o.payer.id, 80, true, 2)) {
      if (o.payer.id == c.payer.id)
        check.fail({payer, -1, "id"}, EditCode::duplicate_payer, "the claim's own payer cannot also be an other payer");
      for (std::size_t j = 0; j < i; ++j)
        if (c.other_coverage[j].payer.id == o.payer.id)
          check.fail({payer, -1, "id"}, EditCode::duplicate_payer,
                     fmt::format("the same payer as other_coverage[{}]", j));
    }
    if (o.payer.claim_filing_indicator.empty())
      check.fail({payer, -1, "claim_filing_indicator"}, EditCode::missing_field, "required");
    else if (!is_claim_filing_indicator(o.payer.claim_filing_indicator))
      check.fail({payer, -1, "claim_filing_indicator"}, EditCode::invalid_code, "not an SBR09 claim filing indicator code");
    if (o.payer.address) check.address(payer + ".address", *o.payer.address, false);

    model::Subscriber& s = o.subscriber;
    check.person_name(subscriber, s.name);
    check.text({subscriber, -1, "member_id"}, s.member_id, 80, true, 2);
    check.text({subscriber, -1, "group_number"}, s.group_number, 50, false);
    check.text({subscriber, -1, "group_name"}, s.group_name, 60, false);
    if (!s.group_number.empty()) s.group_name.clear();  // SBR04 only without SBR03
    if (!s.insurance_type_code.empty() && (s.insurance_type_code.size() != 2 || !is_x12_text(s.insurance_type_code)))
      check.fail({subscriber, -1, "insurance_type_code"}, EditCode::invalid_code, "expected a 2-character SBR05 code");
    const std::size_t expected = previous == std::string_view::npos || previous + 1 >= kOrder.size()
                                     ? std::string_view::npos
                                     : previous + 1;
    if (s.payer_responsibility.empty() && expected != std::string_view::npos)
      s.payer_responsibility = std::string(1, kOrder[expected]);
    if (!is_payer_responsibility(s.payer_responsibility)) {
      check.fail({subscriber, -1, "payer_responsibility"}, EditCode::invalid_code, "expected S, T or A-H");
    } else if (expected == std::string_view::npos || s.payer_responsibility[0] != kOrder[expected]) {
      check.fail({subscriber, -1, "payer_responsibility"}, EditCode::payer_responsibility_order,
                 expected == std::string_view::npos
                     ? std::string("no payer can follow the one before it in P, S, T, A-H order")
                     : fmt::format("expected {}: other payers follow the claim's payer in P, S, T, A-H order",
                                   kOrder[expected]));
    }
    // The next entry follows this one's code, or the code this one should have had (one
    // misplaced or mistyped code is one rejection, not one per entry after it).
    const std::size_t given = s.payer_responsibility.size() == 1 ? kOrder.find(s.payer_responsibility[0]) : std::string_view::npos;
    previous = given != std::string_view::npos ? given : expected;
    if (!s.birth_date.empty()) check.date({subscriber, -1, "dob"}, s.birth_date, false);
    if (!s.gender.empty()) {
      upper(s.gender);
      check.gender({subscriber, -1, "gender"}, s.gender);
    }
    s.birth_date = Date{};
    s.gender.clear();
    if (s.address != Address{}) check.address(subscriber + ".address", s.address, false);
    if (o.relationship.empty())
      check.fail({"other_coverage", oi, "relationship"}, EditCode::missing_field, "required");
    else if (o.relationship != model::kRelationshipSelf && !is_patient_relationship(o.relationship))
      check.fail({"other_coverage", oi, "relationship"}, EditCode::invalid_code,
                 "expected 18 (self), 01, 19, 20, 21, 39, 40, 53 or G8");
    // OI03/OI06: the patient's assignment of benefits and release of information are the claim's.
    o.benefits_assignment = c.benefits_assignment;
    o.release_of_information = c.release_of_information;
  }
}

void normalize_codes(Claim& c) {
  for (auto& d : c.diagnoses) codes::normalize_code(CodeKind::icd10cm, d);
  for (auto& l : c.lines) {
    codes::normalize_code(CodeKind::cpt, l.procedure_code);
    for (auto& m : l.modifiers) codes::normalize_code(CodeKind::modifier, m);
    upper(l.unit_code);
  }
  upper(c.billing_provider.provider.taxonomy);
  if (c.rendering_provider) upper(c.rendering_provider->taxonomy);
  upper(c.subscriber.gender);
  upper(c.patient.gender);
  if (c.billing_provider.tax_id.size() == 10 && c.billing_provider.tax_id[2] == '-')
    c.billing_provider.tax_id = normalize_ein(c.billing_provider.tax_id);
}

}  // namespace

const std::string& ClaimEditor::original_key(std::string_view payer_id, std::string_view claim_id) {
  // The payer id's length leads, so the key is one pair only, whatever bytes the ids hold.
  key_.clear();
  key_.append(std::to_string(payer_id.size()));
  key_.push_back(':');
  key_.append(payer_id);
  key_.append(claim_id);
  return key_;
}

EditOutcome ClaimEditor::edit(model::Encounter encounter) {
  EditOutcome outcome;
  if (edit_in_place(encounter, outcome.rejections, outcome.claims) && outcome.claims.empty())
    outcome.claims.push_back(std::move(encounter.claim));
  return outcome;
}

bool ClaimEditor::edit_in_place(model::Encounter& encounter, std::vector<Rejection>& rejections,
                                std::vector<Claim>& parts) {
  const std::size_t failures_before = rejections.size();
  Claim& c = encounter.claim;
  Checker check(encounter, context_, rejections);
  normalize_codes(c);

  // Claim header.
  if (check.text({"", -1, "claim_id"}, c.claim_id, kMaxClaimIdLength, true)) {
  }
  if (c.frequency_code.empty()) c.frequency_code = "1";
  const bool replaces = c.frequency_code == "7" || c.frequency_code == "8";
  if (c.frequency_code != "1" && !replaces)
    check.fail({"", -1, "frequency_code"}, EditCode::invalid_frequency, "expected 1 (original), 7 (replacement) or 8 (void)");
  if (replaces && c.original_claim_number.empty())
    check.fail({"", -1, "original_claim_number"}, EditCode::original_claim_required,
               "frequency 7 or 8 needs the payer's claim number of the original claim");
  if (c.frequency_code == "1" && !c.original_claim_number.empty())
    check.fail({"", -1, "original_claim_number"}, EditCode::original_claim_forbidden,
               "an original claim (frequency 1) must not name an original claim number");
  check.text({"", -1, "original_claim_number"}, c.original_claim_number, 50, false);
  check.text({"", -1, "prior_authorization"}, c.prior_authorization, 50, false);
  check.text({"", -1, "referral_number"}, c.referral_number, 50, false);
  check.place_of_service({"", -1, "place_of_service"}, c.place_of_service, true);
  if (!c.clia_number.empty() || !c.attachments.empty() || c.note || c.ambulance) [[unlikely]]
    edit_claim_supplements(check, c);
  if (c.provider_signature != "Y" && c.provider_signature != "N")
    check.fail({"", -1, "provider_signature_on_file"}, EditCode::invalid_code, "expected true/false");
  if (c.assignment != "A" && c.assignment != "B" && c.assignment != "C")
    check.fail({"", -1, "assignment"}, EditCode::invalid_code, "expected A, B or C");
  if (c.benefits_assignment != "Y" && c.benefits_assignment != "N" && c.benefits_assignment != "W")
    check.fail({"", -1, "benefits_assigned"}, EditCode::invalid_code, "expected true/false (or W)");
  if (c.release_of_information != "Y" && c.release_of_information != "I")
    check.fail({"", -1, "release_of_information"}, EditCode::invalid_code, "expected true (Y) or false (I)");
  check.date({"", -1, "onset_date"}, c.onset_date, false);
  if (c.accident) {
    auto& a = *c.accident;
    upper(a.state);
    if (a.cause != "AA" && a.cause != "EM" && a.cause != "OA")
      check.fail({"accident", -1, "cause"}, EditCode::invalid_code, "expected AA (auto), EM (employment) or OA (other)");
    check.date({"accident", -1, "date"}, a.date, true);
    if (a.cause == "AA" && a.state.empty())
      check.fail({"accident", -1, "state"}, EditCode::missing_field, "an auto accident needs the state it happened in");
    else if (!a.state.empty() && !is_us_state(a.state))
      check.fail({"accident", -1, "state"}, EditCode::invalid_state, "expected a US state code");
    if (!a.country.empty() && a.country != "US")
      check.fail({"accident", -1, "country"}, EditCode::foreign_address, "only US accidents are supported");
    a.country.clear();
  }

  // Submitter and receiver (resolved from the encounter, flags or defaults before the edits).
  check.text({"submitter", -1, "name"}, c.submitter.name, 60, true);
  check.text({"submitter", -1, "id"}, c.submitter.id, 15, true, 2);
  check.text({"submitter", -1, "contact_name"}, c.submitter.contact_name, 60, false);
  if (c.submitter.phone.empty() && c.submitter.email.empty())
    check.fail({"submitter", -1, "phone"}, EditCode::missing_field, "the submitter needs a phone number or an email");
  if (!c.submitter.phone.empty() && (!all_digits(c.submitter.phone) || c.submitter.phone.size() < 10 ||
                                     c.submitter.phone.size() > 15))
    check.fail({"submitter", -1, "phone"}, EditCode::invalid_code, "expected 10 digits (area code and number)");
  check.text({"submitter", -1, "email"}, c.submitter.email, 80, false);
  check.text({"receiver", -1, "name"}, c.receiver.name, 60, true);
  check.text({"receiver", -1, "id"}, c.receiver.id, 15, true, 2);

  // Payer.
  check.text({"payer", -1, "name"}, c.payer.name, 60, true);
  check.text({"payer", -1, "id"}, c.payer.id, 80, true, 2);
  if (c.payer.claim_filing_indicator.empty())
    check.fail({"payer", -1, "claim_filing_indicator"}, EditCode::missing_field, "required");
  else if (!is_claim_filing_indicator(c.payer.claim_filing_indicator))
    check.fail({"payer", -1, "claim_filing_indicator"}, EditCode::invalid_code, "not an SBR09 claim filing indicator code");
  if (c.payer.address) check.address("payer.address", *c.payer.address, false);

  // Billing provider.
  auto& bp = c.billing_provider;
  check.provider_name("billing_provider", bp.provider);
  check.npi({"billing_provider", -1, "npi"}, bp.provider.npi, true);
  if (bp.tax_id.empty()) check.fail({"billing_provider", -1, "tax_id"}, EditCode::missing_field, "required");
  else if (!is_ein(bp.tax_id)) check.fail({"billing_provider", -1, "tax_id"}, EditCode::invalid_ein, "expected a 9-digit EIN");
  check.taxonomy({"billing_provider", -1, "taxonomy"}, bp.provider.taxonomy);
  check.address("billing_provider.address", bp.address, true);
  if (is_po_box(bp.address.line1) || is_po_box(bp.address.line2))
    check.fail({"billing_provider.address", -1, "line1"}, EditCode::po_box_billing_address,
               "the billing provider's address must be a street address (send a PO box as pay_to_address)");
  if (c.pay_to_address) {
    check.address("pay_to_address", *c.pay_to_address, false);
    if (*c.pay_to_address == bp.address) c.pay_to_address.reset();  // not different: not sent
  }

  // Other providers.
  if (c.rendering_provider) {
    auto& r = *c.rendering_provider;
    check.provider_name("rendering_provider", r);
    check.npi({"rendering_provider", -1, "npi"}, r.npi, true);
    check.taxonomy({"rendering_provider", -1, "taxonomy"}, r.taxonomy);
    if (r.npi == bp.provider.npi) c.rendering_provider.reset();  // the billing provider rendered it
  }
  if (c.referring_provider) {
    auto& r = *c.referring_provider;
    r.entity = model::EntityType::person;  // NM1*DN is always a person
    r.taxonomy.clear();
    check.provider_name("referring_provider", r);
    check.npi({"referring_provider", -1, "npi"}, r.npi, false);
  }
  if (c.service_facility) {
    auto& f = *c.service_facility;
    check.text({"service_facility", -1, "name"}, f.name, 60, true);
    check.npi({"service_facility", -1, "npi"}, f.npi, false);
    check.address("service_facility.address", f.address, true);
  }

  // Subscriber and patient.
  auto& s = c.subscriber;
  auto& p = c.patient;
  check.person_name("subscriber", s.name);
  check.text({"subscriber", -1, "member_id"}, s.member_id, 80, true, 2);
  check.text({"subscriber", -1, "group_number"}, s.group_number, 50, false);
  check.text({"subscriber", -1, "group_name"}, s.group_name, 60, false);
  if (!s.group_number.empty()) s.group_name.clear();  // SBR04 only without SBR03
  if (s.payer_responsibility.empty()) s.payer_responsibility = "P";
  if (!is_payer_responsibility(s.payer_responsibility))
    check.fail({"subscriber", -1, "payer_responsibility"}, EditCode::invalid_code, "expected P, S, T or A-H, U");
  if (!s.insurance_type_code.empty() && (s.insurance_type_code.size() != 2 || !is_x12_text(s.insurance_type_code)))
    check.fail({"subscriber", -1, "insurance_type_code"}, EditCode::invalid_code, "expected a 2-character SBR05 code");
  if (p.relationship.empty()) p.relationship = std::string(model::kRelationshipSelf);
  Date first_service;
  for (const auto& l : c.lines)
    if (l.service_date.valid() && (first_service.empty() || l.service_date < first_service)) first_service = l.service_date;
  auto birth = [&](std::string_view group, const Date& dob) {
    if (check.date({group, -1, "dob"}, dob, true) && !first_service.empty() && dob > first_service)
      check.fail({group, -1, "dob"}, EditCode::birth_date_after_service, "born after the first date of service");
  };
  if (p.is_subscriber()) {
    birth("subscriber", s.birth_date);
    check.gender({"subscriber", -1, "gender"}, s.gender);
    check.address("subscriber.address", s.address, false);
    p = model::Patient{};  // relationship 18, nothing else is sent
  } else {
    if (!is_patient_relationship(p.relationship))
      check.fail({"patient", -1, "relationship"}, EditCode::invalid_code,
                 "expected 18 (self), 01, 19, 20, 21, 39, 40, 53 or G8");
    check.person_name("patient", p.name);
    birth("patient", p.birth_date);
    check.gender({"patient", -1, "gender"}, p.gender);
    if (p.address.line1.empty() && p.address.city.empty()) p.address = s.address;  // lives with the subscriber
    check.address("patient.address", p.address, false);
    // The 837P sends the subscriber's address and demographics only for a subscriber-patient.
    s.birth_date = Date{};
    s.gender.clear();
    s.address = Address{};
  }

  if (!c.other_coverage.empty()) [[unlikely]]
    edit_other_coverage(check, c);

  // Diagnoses.
  const codes::CodeLists* sets = context_.code_sets;
  const codes::CodeList* icd10cm = sets ? sets->find(CodeKind::icd10cm) : nullptr;
  const codes::CodeList* modifiers = sets ? sets->find(CodeKind::modifier) : nullptr;
  if (c.diagnoses.empty()) check.fail({"", -1, "diagnoses"}, EditCode::missing_field, "at least one diagnosis");
  if (c.diagnoses.size() > model::kMaxDiagnoses)
    check.fail({"", -1, "diagnoses"}, EditCode::too_many_diagnoses, "at most 12 diagnoses");
  for (std::size_t i = 0; i < c.diagnoses.size(); ++i) {
    const auto& d = c.diagnoses[i];
    const Field f{"diagnoses", static_cast<int>(i)};
    if (!codes::is_icd10cm_format(d))
      check.fail(f, EditCode::invalid_icd10cm,
                 fmt::format("not an ICD-10-CM code: expected {}", codes::expected_format(CodeKind::icd10cm)));
    else if (icd10cm && !icd10cm->contains(d))
      check.fail(f, EditCode::unknown_icd10cm, "not in the ICD-10-CM code set given");
    if (i == 0 && !d.empty() && d[0] >= 'V' && d[0] <= 'Y')
      check.fail(f, EditCode::external_cause_principal,
                 "an external-cause code (V00-Y99) cannot be the principal diagnosis; list it after the injury");
    if (std::find(c.diagnoses.begin(), c.diagnoses.begin() + static_cast<std::ptrdiff_t>(i), d) !=
        c.diagnoses.begin() + static_cast<std::ptrdiff_t>(i))
      check.fail(f, EditCode::duplicate_diagnosis, "the same diagnosis is listed twice");
  }

  // Service lines.
  if (c.lines.empty()) check.fail({"", -1, "service_lines"}, EditCode::missing_field, "at least one service line");
  model::Money sum;
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    auto& l = c.lines[i];
    const int li = static_cast<int>(i);
    l.line_number = li + 1;
    const std::string_view g = "service_lines";
    if (l.procedure_code.empty()) {
      check.fail({g, li, "procedure_code"}, EditCode::missing_field, "required");
    } else if (const auto kind = codes::procedure_code_kind(l.procedure_code); !kind) {
      check.fail({g, li, "procedure_code"}, EditCode::invalid_procedure_code,
                 fmt::format("expected {}", codes::expected_procedure_format()));
    } else if (const codes::CodeList* list = sets ? sets->find(*kind) : nullptr; list && !list->contains(l.procedure_code)) {
      check.fail({g, li, "procedure_code"}, EditCode::unknown_procedure_code,
                 *kind == CodeKind::cpt ? "not in the CPT code set given" : "not in the HCPCS code set given");
    }
    if (l.modifiers.size() > 4) check.fail({g, li, "modifiers"}, EditCode::too_many_modifiers, "at most 4 modifiers");
    for (const auto& m : l.modifiers) {
      if (!codes::is_modifier_format(m))
        check.fail({g, li, "modifiers"}, EditCode::invalid_modifier, "a modifier is 2 letters or digits");
      else if (modifiers && !modifiers->contains(m))
        check.fail({g, li, "modifiers"}, EditCode::unknown_modifier, "not in the modifier code set given");
    }
    if (l.charge.cents() <= 0) check.fail({g, li, "charge"}, EditCode::invalid_charge, "must be greater than 0");
    sum += l.charge;
    if (l.units.coefficient <= 0) check.fail({g, li, "units"}, EditCode::invalid_units, "must be greater than 0");
    else if (l.units.to_string().size() > 15) check.fail({g, li, "units"}, EditCode::too_long, "at most 15 characters");
    if (l.unit_code.empty()) l.unit_code = "UN";
    if (l.unit_code != "UN" && l.unit_code != "MJ")
      check.fail({g, li, "unit_code"}, EditCode::invalid_unit_code, "expected UN (units) or MJ (minutes)");
    if (l.units.scale > 0 && l.unit_code == "MJ" && l.units.normalized().scale > 0)
      check.fail({g, li, "units"}, EditCode::invalid_units, "anesthesia time (unit code MJ) is whole minutes");
    if (l.supplements) [[unlikely]]
      edit_line_supplements(check, li, l.supplements.edit());
    if (l.place_of_service.empty()) l.place_of_service = c.place_of_service;
    else check.place_of_service({g, li, "place_of_service"}, l.place_of_service, false);
    if (check.date({g, li, "date"}, l.service_date, true) && !l.service_date_end.empty()) {
      if (check.date({g, li, "date_end"}, l.service_date_end, false) && l.service_date_end < l.service_date)
        check.fail({g, li, "date_end"}, EditCode::date_range_reversed, "ends before it starts");
      if (l.service_date_end == l.service_date) l.service_date_end = Date{};
    }
    const auto& ptrs = l.diagnosis_pointers;
    bool pointers_ok = !ptrs.empty() && ptrs.size() <= 4;
    for (std::size_t k = 0; k < ptrs.size() && pointers_ok; ++k) {
      if (ptrs[k] < 1 || static_cast<std::size_t>(ptrs[k]) > c.diagnoses.size() ||
          static_cast<std::size_t>(ptrs[k]) > model::kMaxDiagnoses)
        pointers_ok = false;
      for (std::size_t j = 0; j < k; ++j)
        if (ptrs[j] == ptrs[k]) pointers_ok = false;
    }
    if (!pointers_ok)
      check.fail({g, li, "diagnosis_pointers"}, EditCode::invalid_diagnosis_pointer,
                 "expected 1-4 distinct pointers, each within the claim's diagnoses");
    if (l.line_control_number.empty()) l.line_control_number = fmt::format("{}-{}", c.claim_id, li + 1);
    if (l.line_control_number.size() > kMaxLineControlNumberLength)
      check.fail({g, li, "line_control_number"}, EditCode::too_long, "at most 30 characters");
    else if (!is_x12_text(l.line_control_number))
      check.fail({g, li, "line_control_number"}, EditCode::invalid_character, "only printable ASCII without * : ^ ~");
    for (std::size_t j = 0; j < i; ++j)
      if (c.lines[j].line_control_number == l.line_control_number) {
        check.fail({g, li, "line_control_number"}, EditCode::duplicate_line_control_number,
                   "another line of this claim has the same line control number");
        break;
      }
  }
  c.total_charge = sum;
  if (encounter.declared_total && *encounter.declared_total != sum)
    check.fail({"", -1, "total_charge"}, EditCode::total_mismatch,
               fmt::format("total_charge {} differs from the sum of the line charges {}",
                           model::to_x12_amount(*encounter.declared_total), model::to_x12_amount(sum)));

  // Split ids, then duplicates (of every claim the encounter becomes). The usual encounter is
  // one claim, whose id is the claim id: no list of ids is built for it.
  const bool split = c.lines.size() > model::kMaxLinesPerClaim;
  std::vector<std::string> split_ids;
  if (split) split_ids = split_claim_ids(c.claim_id, c.lines.size());
  if (split_ids.size() > 1 && split_ids.back().size() > kMaxClaimIdLength)
    check.fail({"", -1, "claim_id"}, EditCode::split_claim_id_too_long,
               fmt::format("{} lines need {} claims, and the split claim ids would pass 20 characters",
                           c.lines.size(), split_ids.size()));
  // Every original claim the encounter becomes (one, or the parts of a split).
  const std::size_t originals = replaces || c.claim_id.empty() ? 0 : split ? split_ids.size() : 1;
  auto original_id = [&](std::size_t part) -> const std::string& { return split ? split_ids[part] : c.claim_id; };
  for (std::size_t part = 0; part < originals; ++part) {
    const std::string& id = original_id(part);
    if (accepted_originals_.contains(original_key(c.payer.id, id))) {
      check.fail({"", -1, "claim_id"}, EditCode::duplicate_claim_in_batch,
                 fmt::format("claim {} for this payer appears earlier in this input", id));
    } else if (context_.submitted_before && context_.submitted_before(c.payer.id, id)) {
      check.fail({"", -1, "claim_id"}, EditCode::duplicate_claim_in_ledger,
                 fmt::format("claim {} was already submitted to this payer and not rejected at the front door; send a "
                             "replacement (frequency 7) or void (8) with its payer claim number",
                             id));
    }
  }
  if (rejections.size() != failures_before) return false;

  for (std::size_t part = 0; part < originals; ++part) accepted_originals_.insert(original_key(c.payer.id, original_id(part)));
  if (c.lines.size() > model::kMaxLinesPerClaim) parts = split_claim(std::move(c));
  return true;
}

}  // namespace clearhouse::edits
