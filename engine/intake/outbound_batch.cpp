#include "engine/intake/outbound_batch.hpp"

#include <fmt/format.h>

namespace clearhouse::intake {

OutboundBatch::OutboundBatch(OutboundEnvelope envelope, const model::Delimiters& d, std::uint64_t max_claims_per_set)
    : env_(std::move(envelope)),
      writer_(d, "\n"),
      claims_writer_(writer_),
      max_claims_per_set_(max_claims_per_set == 0 ? 5000 : max_claims_per_set) {
  const std::string ccyymmdd = env_.date.to_ccyymmdd();
  x12::InterchangeEnvelope isa;
  isa.sender_id = env_.submitter.id;
  isa.receiver_id = env_.payer_id;
  isa.date = ccyymmdd.substr(2);
  isa.time = env_.hhmm;
  isa.control_number = fmt::format("{:09}", env_.interchange_number);
  isa.usage = std::string(1, env_.usage);
  x12::GroupEnvelope gs;
  gs.functional_id = "HC";
  gs.sender = env_.submitter.id;
  gs.receiver = env_.payer_id;
  gs.date = ccyymmdd;
  gs.time = env_.hhmm;
  gs.control_number = std::to_string(env_.interchange_number);
  gs.version = std::string(x12_837p::kImplementation);
  claims_writer_.open_interchange(isa, gs);
}

void OutboundBatch::open_transaction(std::uint64_t st) {
  if (transactions_ == 0) first_st_ = st;
  last_st_ = st;
  ++transactions_;
  claims_in_set_ = 0;
  next_hl_ = 0;
  open_chain_.clear();
  x12_837p::TransactionHeader header;
  header.control_number = x12_837p::transaction_control_number(st);
  header.reference = fmt::format("{:09}-{}", env_.interchange_number, header.control_number);
  header.created = env_.date;
  header.time = env_.hhmm;
  header.purpose = env_.bht_purpose;
  header.type = env_.bht_type;
  claims_writer_.open_transaction(header, env_.submitter, model::Receiver{env_.payer_name, env_.payer_id});
}

bool OutboundBatch::add_claim(const TransactionBundle& source, const ClaimUnit& claim,
                              const std::function<std::uint64_t()>& next_st02) {
  if (error()) return false;
  if (!claims_writer_.transaction_open() || claims_in_set_ >= max_claims_per_set_) {
    if (claims_writer_.transaction_open()) claims_writer_.close_transaction();
    open_transaction(next_st02());
    if (error()) return false;  // the clearinghouse's own 1000A/1000B data did not fit
  }
  // Keep the HL loops this claim shares with the one before it; write the rest anew.
  std::size_t keep = 0;
  while (keep < claim.chain.size() && keep < open_chain_.size() &&
         open_chain_[keep].first == &source.blocks[claim.chain[keep]])
    ++keep;
  open_chain_.resize(keep);
  for (std::size_t depth = keep; depth < claim.chain.size(); ++depth) {
    const HlBlock& block = source.blocks[claim.chain[depth]];
    const int id = ++next_hl_;
    writer_.begin("HL").element(std::int64_t{id});
    if (depth == 0) writer_.empty();
    else writer_.element(std::int64_t{open_chain_[depth - 1].second});
    writer_.element(block.level).element(block.child_code);
    writer_.end();
    for (std::size_t i = 1; i < block.segments.size(); ++i) writer_.raw_segment(block.segments[i]);
    open_chain_.emplace_back(&block, id);
  }
  for (const auto& s : claim.segments) writer_.raw_segment(s);
  ++claims_in_set_;
  ++claims_;
  return true;
}

std::string OutboundBatch::finish() {
  claims_writer_.close_interchange();
  return writer_.take();
}

}  // namespace clearhouse::intake
