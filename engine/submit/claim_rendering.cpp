#include "engine/submit/claim_rendering.hpp"

#include <fmt/format.h>

#include "generators/x12/x12_writer.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12_837p/claim_837p_reader.hpp"

namespace clearhouse::submit {

namespace {

// A claim written on its own, as a one-claim transaction set.
std::string write_alone(const model::Claim& claim) {
  x12::X12Writer out(model::Delimiters{'*', ':', '^', '~'});
  x12_837p::Claim837pWriter writer(out);
  writer.keep_written_loops(true);
  writer.keep_claim(true);
  const model::Date date = claim.lines.empty() ? model::Date{2000, 1, 1} : claim.lines.front().service_date;
  writer.open_transaction(x12_837p::TransactionHeader{"0001", "1", date, "0000"}, claim.submitter, claim.receiver);
  writer.write_claim(claim);
  return writer.last_claim_transaction();
}

// The envelope a kept transaction set is read back in (its values are never looked at).
constexpr std::string_view kEnvelopeHead =
    "ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*CLEARHOUSE     *000101*0000*^*00501*000000001*0*P*:~"
    "GS*HC*CLEARHOUSE*CLEARHOUSE*20000101*0000*1*X*005010X222A1~";
constexpr std::string_view kEnvelopeTail = "GE*1*1~IEA*1*000000001~";

}  // namespace

bool keeps_rendering(const model::Claim& claim) { return !claim.other_coverage.empty(); }

std::string claim_rendering(const model::Claim& claim, const x12_837p::Claim837pWriter* written) {
  if (!keeps_rendering(claim)) return {};
  return written != nullptr ? written->last_claim_transaction() : write_alone(claim);
}

std::optional<model::Claim> read_rendered_claim(std::string_view rendering, std::string& error) {
  std::string interchange;
  if (!rendering.starts_with("ISA")) {
    interchange.reserve(kEnvelopeHead.size() + rendering.size() + kEnvelopeTail.size());
    interchange.append(kEnvelopeHead).append(rendering).append(kEnvelopeTail);
    rendering = interchange;
  }
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
