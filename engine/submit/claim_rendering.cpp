#include "engine/submit/claim_rendering.hpp"

#include <fmt/format.h>

#include "generators/x12/x12_writer.hpp"
#include "generators/x12_837p/claim_837p_writer.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12_837p/claim_837p_reader.hpp"

namespace clearhouse::submit {

std::string render_claim(const model::Claim& claim) {
  x12::X12Writer out(model::Delimiters{'*', ':', '^', '~'}, "");
  x12_837p::Claim837pWriter writer(out);
  model::Date date = claim.lines.empty() ? model::Date{} : claim.lines.front().service_date;
  if (date.empty()) date = model::Date{2000, 1, 1};
  x12::InterchangeEnvelope isa;
  isa.sender_id = claim.submitter.id;
  isa.receiver_id = claim.receiver.id;
  isa.date = date.to_ccyymmdd().substr(2);
  isa.time = "0000";
  isa.control_number = "000000001";
  x12::GroupEnvelope gs;
  gs.functional_id = "HC";
  gs.sender = claim.submitter.id;
  gs.receiver = claim.receiver.id;
  gs.date = date.to_ccyymmdd();
  gs.time = "0000";
  gs.control_number = "1";
  gs.version = std::string(x12_837p::kImplementation);
  writer.open_interchange(isa, gs);
  writer.open_transaction(x12_837p::TransactionHeader{"0001", "1", date, "0000"}, claim.submitter, claim.receiver);
  writer.write_claim(claim);
  writer.close_transaction();
  writer.close_interchange();
  return std::string(out.view());
}

std::optional<model::Claim> read_rendered_claim(std::string_view rendering, std::string& error) {
  x12::Diagnostics diagnostics;
  x12::MemorySource source(rendering);
  x12::SegmentReader segments(source, diagnostics);
  x12::EnvelopeReader envelopes(segments, diagnostics);
  x12_837p::Claim837pReader reader(envelopes, diagnostics);
  model::Claim claim;
  if (!reader.next(claim)) {
    error = diagnostics.errors().empty() ? std::string("no claim in the stored rendering")
                                         : diagnostics.errors().front().message();
    return std::nullopt;
  }
  if (diagnostics.has_errors()) {
    error = fmt::format("the stored rendering reads with {} error(s): {}", diagnostics.error_count(),
                        diagnostics.errors().front().message());
    return std::nullopt;
  }
  return claim;
}

}  // namespace clearhouse::submit
