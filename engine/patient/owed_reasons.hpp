#pragma once
// Why a patient owes, in plain words: each PR (patient responsibility) reason of the payer that
// decided the claim's share, worded from codes/patient_wording.json ("your deductible", "your
// coinsurance (20%)", "your copay"), else from the CARC's description in codes/carc.json, else
// the wording file's fallback. The coinsurance percentage is printed only when it can be
// computed from the allowed amount (see coinsurance_percent). Pure.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/patient_statement.hpp"
#include "engine/patient/claim_share.hpp"
#include "engine/rules/code_tables.hpp"

namespace clearhouse::patient {

// The words for one group + CARC (group other than PR: "" — the patient does not owe it).
// percent: the coinsurance percentage, used when the wording takes one.
std::string reason_words(std::string_view group, std::string_view carc, std::optional<int> percent,
                         const rules::CodeTables& codes);

// The coinsurance percentage of an adjudication, when it can be computed: per line with
// coinsurance (CARC 2 or 248), coinsurance / (allowed - deductible - copay), where allowed is
// AMT*B6 when sent, else (for the primary payer only) paid + patient responsibility; a whole
// percentage within a cent of the coinsurance on every such line, the same on all of them.
// Claim-level coinsurance without lines uses the claim's amounts the same way.
std::optional<int> coinsurance_percent(const PayerAdjudication& adjudication);

// The claim's reasons in words, amounts from share.reasons (the deciding payer's net PR).
std::vector<model::OwedReason> owed_reasons(const ClaimShare& share, const ClaimShareInput& input,
                                            const rules::CodeTables& codes);

}  // namespace clearhouse::patient
