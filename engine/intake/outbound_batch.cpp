#include "engine/intake/outbound_batch.hpp"

#include <fmt/format.h>

namespace clearhouse::intake {
namespace {

std::string padded(std::string_view v, std::size_t width) {
  std::string s(v.substr(0, width));
  s.resize(width, ' ');
  return s;
}

}  // namespace

OutboundBatch::OutboundBatch(OutboundEnvelope envelope, const model::Delimiters& d, std::uint64_t max_claims_per_set)
    : env_(std::move(envelope)), d_(d), max_claims_per_set_(max_claims_per_set == 0 ? 5000 : max_claims_per_set) {
  const char e = d_.element;
  const std::string isa13 = fmt::format("{:09}", env_.interchange_number);
  text_ = fmt::format("ISA{0}00{0}{1}{0}00{0}{1}{0}ZZ{0}{2}{0}ZZ{0}{3}{0}{4}{0}{5}{0}{6}{0}00501{0}{7}{0}0{0}{8}{0}{9}{10}\n",
                      e, std::string(10, ' '), padded(env_.submitter.id, 15), padded(env_.payer_id, 15), env_.yymmdd,
                      env_.hhmm, env_.repetition_field, isa13, env_.usage, d_.component, d_.segment);
  segment(fmt::format("GS{0}HC{0}{1}{0}{2}{0}{3}{0}{4}{0}{5}{0}X{0}005010X222A1", e, env_.submitter.id, env_.payer_id,
                      env_.ccyymmdd, env_.hhmm, env_.interchange_number));
}

void OutboundBatch::segment(std::string_view raw) {
  text_.append(raw);
  text_.push_back(d_.segment);
  text_.push_back('\n');
  ++segments_in_set_;
}

void OutboundBatch::open_transaction(std::uint64_t st) {
  const char e = d_.element;
  st02_ = fmt::format("{:04}", st);
  if (transactions_ == 0) first_st_ = st;
  last_st_ = st;
  ++transactions_;
  segments_in_set_ = 0;
  claims_in_set_ = 0;
  next_hl_ = 0;
  open_chain_.clear();
  segment(fmt::format("ST{0}837{0}{1}{0}005010X222A1", e, st02_));
  segment(fmt::format("BHT{0}0019{0}{1}{0}{2:09}-{3}{0}{4}{0}{5}{0}{6}", e, env_.bht_purpose, env_.interchange_number,
                      st02_, env_.ccyymmdd, env_.hhmm, env_.bht_type));
  const auto& s = env_.submitter;
  segment(fmt::format("NM1{0}41{0}2{0}{1}{0}{0}{0}{0}{0}46{0}{2}", e, s.name, s.id));
  std::string per = fmt::format("PER{0}IC{0}{1}{0}TE{0}{2}", e, s.contact_name, s.phone);
  if (!s.email.empty()) per += fmt::format("{0}EM{0}{1}", e, s.email);
  segment(per);
  segment(fmt::format("NM1{0}40{0}2{0}{1}{0}{0}{0}{0}{0}46{0}{2}", e, env_.payer_name, env_.payer_id));
}

void OutboundBatch::close_transaction() {
  if (st02_.empty()) return;
  const char e = d_.element;
  segment(fmt::format("SE{0}{1}{0}{2}", e, segments_in_set_ + 1, st02_));
  st02_.clear();
}

void OutboundBatch::add_claim(const TransactionBundle& source, const ClaimUnit& claim,
                              const std::function<std::uint64_t()>& next_st02) {
  if (st02_.empty() || claims_in_set_ >= max_claims_per_set_) {
    close_transaction();
    open_transaction(next_st02());
  }
  const char e = d_.element;
  // Keep the HL loops this claim shares with the one before it; write the rest anew.
  std::size_t keep = 0;
  while (keep < claim.chain.size() && keep < open_chain_.size() &&
         open_chain_[keep].first == &source.blocks[claim.chain[keep]])
    ++keep;
  open_chain_.resize(keep);
  for (std::size_t depth = keep; depth < claim.chain.size(); ++depth) {
    const HlBlock& block = source.blocks[claim.chain[depth]];
    const int id = ++next_hl_;
    const std::string parent = depth == 0 ? std::string() : std::to_string(open_chain_[depth - 1].second);
    std::string hl = fmt::format("HL{0}{1}{0}{2}{0}{3}", e, id, parent, block.level);
    if (!block.child_code.empty()) hl += fmt::format("{0}{1}", e, block.child_code);
    segment(hl);
    for (std::size_t i = 1; i < block.segments.size(); ++i) segment(block.segments[i]);
    open_chain_.emplace_back(&block, id);
  }
  for (const auto& s : claim.segments) segment(s);
  ++claims_in_set_;
  ++claims_;
}

std::string OutboundBatch::finish() {
  close_transaction();
  const char e = d_.element;
  text_ += fmt::format("GE{0}{1}{0}{2}{3}\n", e, transactions_, env_.interchange_number, d_.segment);
  text_ += fmt::format("IEA{0}1{0}{1:09}{2}\n", e, env_.interchange_number, d_.segment);
  return std::move(text_);
}

}  // namespace clearhouse::intake
