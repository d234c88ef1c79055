#pragma once
// Turns a claim payment (and what it matched) into the Posting the ledger records: the money
// split into buckets at claim and line level, the codes involved, the status it moves the
// claim to. Pure: no ledger access.

#include <string_view>

#include "engine/model/claim_payment.hpp"
#include "engine/model/posting.hpp"
#include "engine/reconcile/claim_matcher.hpp"

namespace clearhouse::reconcile {

model::Posting build_posting(const model::ClaimPayment& payment, const ClaimMatch& match, std::string_view payer_id,
                             int sequence);

}  // namespace clearhouse::reconcile
