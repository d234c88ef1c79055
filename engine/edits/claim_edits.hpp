#pragma once
// The claim edits: everything an encounter must satisfy before it becomes an 837P claim. Each
// failure is a rejection record (claim id, input line, field path, code, message); an encounter
// with any failure is not submitted, and every failure it has is reported at once. Passing
// encounters are normalized into what is submitted (see edit()).

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/codes/code_lists.hpp"
#include "engine/edits/key_set.hpp"
#include "engine/model/claim.hpp"
#include "engine/model/date.hpp"
#include "engine/model/encounter.hpp"
#include "engine/model/rejection.hpp"

namespace clearhouse::edits {

// The kinds of code an encounter carries, which the edits check by format and against a
// --code-set list when one is given (icd9cm, carc and rarc have no field in an encounter).
inline constexpr std::array<codes::CodeKind, 5> kCheckedCodeKinds = {
    codes::CodeKind::icd10cm, codes::CodeKind::cpt, codes::CodeKind::hcpcs, codes::CodeKind::modifier,
    codes::CodeKind::pos};
// The kinds a run warns about when no list was given ("checked by format only").
inline constexpr std::array<codes::CodeKind, 4> kListedCodeKinds = {
    codes::CodeKind::icd10cm, codes::CodeKind::cpt, codes::CodeKind::hcpcs, codes::CodeKind::modifier};

struct EditContext {
  model::Date today;                  // the submission date: no date may be after it
  const codes::CodeLists* code_sets = nullptr;  // --code-set lists; nullptr: formats only
  // True when (payer id, claim id) was submitted before (the ledger); unset = nothing was.
  std::function<bool(std::string_view payer_id, std::string_view claim_id)> submitted_before;
};

struct EditOutcome {
  std::vector<model::Claim> claims;  // one, several after a split, or none when rejected
  std::vector<model::Rejection> rejections;
  bool rejected() const { return !rejections.empty(); }
  bool split() const { return claims.size() > 1; }
};

class ClaimEditor {
 public:
  explicit ClaimEditor(EditContext context) : context_(std::move(context)) {}

  // Edits one encounter. On success the claims are normalized as submitted: diagnoses without
  // dots and upper-case, codes upper-case, ZIP/EIN digits only, lines numbered 1..n, each line's
  // place of service filled from the claim's, missing unit code UN / units 1, missing line
  // control numbers "<claim id>-<line>", the total recomputed from the lines, subscriber
  // demographics dropped when the patient is someone else (the 837P carries them only for a
  // subscriber-patient), the patient's address defaulting to the subscriber's, a rendering
  // provider equal to the billing provider's NPI dropped, a pay-to address equal to the billing
  // address dropped, and more than 50 lines split (claim_splitter.hpp).
  EditOutcome edit(model::Encounter encounter);

  // The same edits in place, for the streaming pipeline (no copy of the claim): appends every
  // failure to `rejections` and returns false when there is one. Otherwise encounter.claim is
  // the claim as submitted, or, when it had more than 50 lines, `parts` receives the claims it
  // was split into (and encounter.claim is left moved-from).
  bool edit_in_place(model::Encounter& encounter, std::vector<model::Rejection>& rejections,
                     std::vector<model::Claim>& parts);

 private:
  // The duplicate check's key of (payer id, claim id), written into key_.
  const std::string& original_key(std::string_view payer_id, std::string_view claim_id);

  EditContext context_;
  KeySet accepted_originals_;  // (payer id, claim id) of every original claim accepted, exactly
  std::string key_;            // reused
};

}  // namespace clearhouse::edits
