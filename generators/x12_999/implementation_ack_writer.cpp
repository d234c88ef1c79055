#include "generators/x12_999/implementation_ack_writer.hpp"

#include <fmt/format.h>

#include "generators/x12/envelope_writer.hpp"

namespace clearhouse::x12 {
namespace {

constexpr const char* kVersion = "005010X231A1";

bool has_delimiter(std::string_view v, const Delimiters& d) {
  for (char c : v)
    if (c == d.element || c == d.component || c == d.segment || (d.has_repetition() && c == d.repetition)) return true;
  return false;
}

void write_set(X12Writer& w, const model::TransactionSetAck& set) {
  const Delimiters& d = w.delimiters();
  w.begin("AK2").element(set.type).element(set.control_number);
  if (!set.implementation.empty() && !has_delimiter(set.implementation, d)) w.element(set.implementation);
  w.end();
  for (const auto& seg : set.segments) {
    w.begin("IK3").element(seg.segment_id).element(static_cast<std::int64_t>(seg.position));
    w.element(ik3_loop_id(seg.loop_id)).element(seg.code);
    w.end();
    if (!seg.claim_id.empty() && !has_delimiter(seg.claim_id, d)) {
      w.begin("CTX").composite({"CLM01", seg.claim_id}).end();
    }
    for (const auto& el : seg.elements) {
      w.begin("IK4").begin_composite().component(std::to_string(el.element));
      if (el.component > 0 || el.repetition > 0) w.component(el.component > 0 ? std::to_string(el.component) : "");
      if (el.repetition > 0) w.component(std::to_string(el.repetition));
      w.element(el.data_element).element(el.code);
      // IK404 is a copy of the bad value; one carrying a delimiter cannot be copied.
      if (!el.bad_value.empty() && !has_delimiter(el.bad_value, d)) w.element(el.bad_value);
      w.end();
    }
  }
  w.begin("IK5").element(std::string_view(&set.code, 1));
  for (const auto& code : set.syntax_errors) w.element(code);
  w.end();
}

}  // namespace

std::string ik3_loop_id(const std::string& loop_id) { return loop_id.substr(0, 4); }

std::string write_999(const model::AckParties& parties, const std::vector<model::FunctionalGroupAck>& groups,
                      const AckControlNumbers& numbers, const AckWriteOptions& options,
                      std::optional<WriteError>* error) {
  X12Writer w(options.delimiters, options.line_break);
  EnvelopeWriter env(w);
  env.open_interchange(ack_interchange(parties, numbers, options));
  GroupEnvelope gs;
  gs.functional_id = "FA";
  gs.sender = parties.group_sender.empty() ? parties.sender_id : parties.group_sender;
  gs.receiver = parties.group_receiver.empty() ? parties.receiver_id : parties.group_receiver;
  gs.date = options.date8;
  gs.time = options.time4;
  gs.control_number = std::to_string(numbers.first_group);
  gs.version = kVersion;
  env.open_group(gs);
  std::uint64_t st = numbers.first_transaction;
  for (const auto& g : groups) {
    env.open_transaction("999", fmt::format("{:04d}", st++), kVersion);
    w.begin("AK1").element(g.functional_id).element(g.control_number);
    if (!g.version.empty()) w.element(g.version);
    w.end();
    for (const auto& set : g.sets) write_set(w, set);
    w.begin("AK9")
        .element(std::string_view(&g.code, 1))
        .element(static_cast<std::int64_t>(g.included))
        .element(static_cast<std::int64_t>(g.received))
        .element(static_cast<std::int64_t>(g.accepted));
    for (const auto& code : g.group_errors) w.element(code);
    w.end();
    env.close_transaction();
  }
  env.close_group();
  env.close_interchange();
  if (error != nullptr) *error = w.error();
  return w.take();
}

}  // namespace clearhouse::x12
