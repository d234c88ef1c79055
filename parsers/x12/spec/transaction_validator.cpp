#include "parsers/x12/spec/transaction_validator.hpp"

#include <algorithm>

namespace clearhouse::x12::spec {
namespace {

std::string node_label(const NodeSpec& node) {
  const SegmentSpec& s = node.entry();
  std::string label = s.id;
  if (s.match.element != 0 && s.match.codes.size() == 1) label += "*" + s.match.codes.front();
  if (node.is_loop()) return "loop " + node.loop->id + " (" + label + ")";
  return "segment " + label + (s.name.empty() ? "" : " (" + s.name + ")");
}

}  // namespace

TransactionValidator::TransactionValidator(const TransactionSpec& spec, const codes::CodeLists* code_lists,
                                           bool strict_code_sets, std::size_t finding_limit)
    : spec_(spec), walker_(spec), hierarchy_(spec), code_sets_(code_lists, strict_code_sets), sink_(finding_limit) {
  is_claim_ = spec.transaction_set == "837";
  is_remittance_ = spec.transaction_set == "835";
}

std::string_view TransactionValidator::loop_id(const LoopSpec* loop) const {
  return loop == nullptr || loop == spec_.body ? std::string_view{} : std::string_view(loop->id);
}

void TransactionValidator::begin(const Segment& st, const TransactionIds& ids) {
  type_ = std::string(st[1]);
  control_number_ = std::string(st[2]);
  implementation_ = std::string(st[3]);
  claim_id_.clear();
  syntax_errors_.clear();
  sink_.clear();
  sink_.begin(ids.interchange, ids.group, control_number_);
  walker_.start();
  hierarchy_.start();
  claims_.start();
  remittance_.start();
  SegmentContext ctx{st, &spec_.header, 1, {}, {}};
  report_elements(ctx);
}

void TransactionValidator::report_structure(const SegmentContext& ctx) {
  for (const StructureEvent& ev : walker_.events()) {
    switch (ev.kind) {
      case StructureEventKind::missing: {
        SegmentRef where = ctx.ref();
        where.id = ev.node->entry().id;
        where.loop_id = std::string(ev.node->is_loop() ? std::string_view(ev.node->loop->id) : loop_id(ev.loop));
        where.claim_id = claim_id_;
        sink_.segment_finding(where, "3", model::SnipLevel::implementation,
                              "required " + node_label(*ev.node) + " is missing" +
                                  (loop_id(ev.loop).empty() ? std::string() : " in loop " + std::string(loop_id(ev.loop))));
        break;
      }
      case StructureEventKind::over_max:
        sink_.segment_finding(ctx.ref(), ev.node->is_loop() ? "4" : "5", model::SnipLevel::implementation,
                              ev.node->is_loop()
                                  ? "loop " + ev.node->loop->id + " occurs more than " + std::to_string(ev.node->max) + " times"
                                  : node_label(*ev.node) + " used more than " + std::to_string(ev.node->max) + " times");
        break;
      case StructureEventKind::not_used:
        sink_.segment_finding(ctx.ref(), "I4", model::SnipLevel::implementation,
                              node_label(*ev.node) + " is marked not used in this implementation guide");
        break;
      case StructureEventKind::unrecognized:
        sink_.segment_finding(ctx.ref(), "1", model::SnipLevel::syntax,
                              "segment " + std::string(ctx.segment.id()) + " is not part of the " + spec_.id + " transaction set");
        break;
      case StructureEventKind::out_of_order:
        sink_.segment_finding(ctx.ref(), "7", model::SnipLevel::implementation,
                              "segment " + std::string(ctx.segment.id()) + " is out of sequence");
        break;
      case StructureEventKind::unexpected:
        sink_.segment_finding(ctx.ref(), "2", model::SnipLevel::implementation,
                              "segment " + std::string(ctx.segment.id()) + " is not expected here" +
                                  (ctx.loop_id.empty() ? std::string() : " (in loop " + std::string(ctx.loop_id) + ")"));
        break;
      case StructureEventKind::loop_opened:
      case StructureEventKind::loop_closed:
        break;
    }
  }
}

void TransactionValidator::notify_loops(const SegmentContext& ctx) {
  for (const StructureEvent& ev : walker_.events()) {
    if (ev.kind == StructureEventKind::loop_closed) {
      if (is_claim_) claims_.on_loop_closed(ev.loop->id, sink_);
      if (is_remittance_) remittance_.on_loop_closed(ev.loop->id, sink_);
      if (ev.loop->id == "2300") claim_id_.clear();
    } else if (ev.kind == StructureEventKind::loop_opened && is_claim_) {
      claims_.on_loop_opened(ev.loop->id, ctx, sink_);
    }
  }
}

void TransactionValidator::report_elements(const SegmentContext& ctx) {
  // X12 syntax forbids trailing element separators ("REF*EI*123456789*~"); IG validators reject
  // the set for it (IK304 8).
  const std::string_view raw = ctx.segment.raw();
  if (!raw.empty() && raw.back() == ctx.segment.delimiters().element)
    sink_.segment_finding(ctx.ref(), "8", model::SnipLevel::syntax, "segment ends with an element separator");
  if (ctx.spec == nullptr) return;
  problems_.clear();
  elements_.validate(ctx.segment, *ctx.spec, problems_);
  for (const ElementProblem& p : problems_) {
    ElementRef what{p.element, p.component, p.repetition, p.spec != nullptr ? p.spec->data_element : std::string()};
    const bool echo = p.spec != nullptr && !p.value.empty() && !is_sensitive(*p.spec, ctx.segment.id());
    std::string message = std::string(p.what);
    if (p.spec != nullptr) message += ": " + p.spec->ref + (p.spec->name.empty() ? "" : " " + p.spec->name);
    sink_.element_finding(ctx.ref(), what, p.code,
                          std::string_view(p.code) == "4" || std::string_view(p.code) == "5" ||
                                  std::string_view(p.code) == "6" || std::string_view(p.code) == "3" ||
                                  std::string_view(p.code) == "8" || std::string_view(p.code) == "9"
                              ? model::SnipLevel::syntax
                              : model::SnipLevel::implementation,
                          echo ? p.value : std::string_view{}, std::move(message));
  }
}

void TransactionValidator::segment(const Segment& segment, std::uint64_t position) {
  const StepResult step = walker_.step(segment);
  const std::string_view loop = loop_id(step.loop);
  // Events first: they belong to what came before this segment (claims that closed...). Most
  // segments open or close nothing.
  if (!walker_.events().empty()) notify_loops(SegmentContext{segment, step.segment, position, loop, claim_id_, step.key});
  if (step.segment != nullptr && step.segment->key == segment_key("CLM") && loop == "2300")
    claim_id_ = std::string(segment[1]);
  SegmentContext ctx{segment, step.segment, position, loop, claim_id_, step.key};
  if (!walker_.events().empty()) report_structure(ctx);
  report_elements(ctx);
  hierarchy_.on_segment(ctx, sink_);
  if (is_claim_) claims_.on_segment(ctx, sink_);
  if (is_remittance_) remittance_.on_segment(ctx, sink_);
  code_sets_.on_segment(ctx, sink_);
}

void TransactionValidator::end(const Segment* se, std::uint64_t position) {
  walker_.finish();
  if (se != nullptr) {
    SegmentContext ctx{*se, &spec_.trailer, position, {}, {}};
    notify_loops(ctx);
    report_structure(ctx);
    report_elements(ctx);
  } else {
    // No SE: loops still close (their rules run); structure findings need a segment to sit on.
    for (const StructureEvent& ev : walker_.events()) {
      if (ev.kind != StructureEventKind::loop_closed) continue;
      if (is_claim_) claims_.on_loop_closed(ev.loop->id, sink_);
      if (is_remittance_) remittance_.on_loop_closed(ev.loop->id, sink_);
    }
  }
  claim_id_.clear();
  hierarchy_.finish(sink_);
  if (is_remittance_) remittance_.finish(sink_);
}

void TransactionValidator::envelope_error(std::string ik5_code, std::string message, std::uint64_t position) {
  if (std::find(syntax_errors_.begin(), syntax_errors_.end(), ik5_code) == syntax_errors_.end())
    syntax_errors_.push_back(ik5_code);
  sink_.transaction_finding(std::move(message), position);
}

void TransactionValidator::stray_segment(const Segment& segment, std::uint64_t position) {
  SegmentRef where;
  where.id = std::string(segment.id());
  where.position = position;
  where.file_segment = segment.ordinal();
  where.offset = segment.offset();
  sink_.segment_finding(where, "6", model::SnipLevel::syntax,
                        "segment " + where.id + " after SE belongs to no transaction set");
}

model::TransactionSetAck TransactionValidator::acknowledgment() const {
  model::TransactionSetAck ack;
  ack.type = type_;
  ack.control_number = control_number_;
  ack.implementation = implementation_;
  bool any_error = !syntax_errors_.empty(), any_warning = false, any_syntax = false;
  for (const auto& f : sink_.findings()) {
    (f.is_error() ? any_error : any_warning) = true;
    if (f.level == model::SnipLevel::syntax) any_syntax = true;
    if (f.segment_code.empty()) continue;
    // One IK3 per segment (position + id + code); element notes gather under the code 8 one.
    auto it = std::find_if(ack.segments.begin(), ack.segments.end(), [&](const model::SegmentNote& n) {
      return n.position == f.position && n.segment_id == f.segment_id && n.code == f.segment_code;
    });
    if (it == ack.segments.end()) {
      model::SegmentNote note;
      note.segment_id = f.segment_id;
      note.position = f.position;
      note.loop_id = f.loop_id;
      note.code = f.segment_code;
      note.claim_id = f.claim_id;
      ack.segments.push_back(std::move(note));
      it = ack.segments.end() - 1;
    }
    if (!f.element_code.empty() && it->elements.size() < 99) {
      model::ElementNote e;
      e.element = f.element;
      e.component = f.component;
      e.repetition = f.repetition;
      e.data_element = f.data_element;
      e.code = f.element_code;
      e.bad_value = f.bad_value;
      it->elements.push_back(std::move(e));
    }
  }
  // The 999 allows any number of IK3s, but a runaway file should not make a runaway 999.
  if (ack.segments.size() > 10000) ack.segments.resize(10000);
  ack.syntax_errors = syntax_errors_;
  if (any_error) {
    ack.code = 'R';
  } else if (any_warning) {
    ack.code = 'E';
  }
  if (ack.code != 'A' && ack.syntax_errors.empty()) ack.syntax_errors.push_back(any_syntax ? "5" : "I5");
  if (ack.syntax_errors.size() > 5) ack.syntax_errors.resize(5);
  return ack;
}

}  // namespace clearhouse::x12::spec
