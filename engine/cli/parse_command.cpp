// clearhouse parse FILE [--format json|summary]: any X12 file -> its envelope tree as JSON,
// or a one-object summary. Streams: memory does not grow with the file.
#include <fmt/format.h>

#include <cstdio>
#include <map>

#include "engine/cli/command.hpp"
#include "engine/cli/diagnostics_json.hpp"
#include "engine/cli/progress.hpp"
#include "generators/render/json_writer.hpp"
#include "engine/command_line/jobs_option.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/parallel_reading.hpp"

namespace clearhouse::cli {
namespace {

constexpr OptionSpec kOptions[] = {
    {.name = "format", .short_name = 'f', .value_name = "json|summary",
     .description = "the whole envelope tree as JSON (default), or one summary object"},
    command_line::kJobsOption,
};

void write_delimiters(render::JsonWriter& json, const x12::Delimiters& d) {
  json.begin_object();
  json.field("element", x12::Delimiters::describe(d.element));
  json.field("component", x12::Delimiters::describe(d.component));
  json.field("repetition", x12::Delimiters::describe(d.repetition));
  json.field("segment", x12::Delimiters::describe(d.segment));
  json.end_object();
}

// One element: a string, an array for a composite, {"repeats":[...]} for repetitions.
void write_element(render::JsonWriter& json, std::string_view value, const x12::Delimiters& d) {
  auto write_repeat = [&](std::string_view v) {
    if (v.find(d.component) == std::string_view::npos) {
      json.string(v);
      return;
    }
    json.begin_array();
    for (auto c : x12::Split(v, d.component)) json.string(c);
    json.end_array();
  };
  if (d.has_repetition() && value.find(d.repetition) != std::string_view::npos) {
    json.begin_object().key("repeats").begin_array();
    for (auto r : x12::Split(value, d.repetition)) write_repeat(r);
    json.end_array().end_object();
    return;
  }
  write_repeat(value);
}

void write_segment(render::JsonWriter& json, const x12::Segment& s) {
  json.begin_object();
  json.field("id", s.id());
  json.key("elements").begin_array();
  const bool isa = s.is("ISA");  // ISA11/ISA16 are the separators themselves: never split
  for (std::size_t i = 1; i <= s.size(); ++i) {
    if (isa) json.string(s[i]);
    else write_element(json, s[i], s.delimiters());
  }
  json.end_array();
  json.end_object();
}

// Mirrors the envelope reader's nesting as JSON objects, closing levels a missing trailer left open.
class TreeWriter {
 public:
  explicit TreeWriter(render::JsonWriter& json) : json_(json), stray_(nullptr) {}
  // A writer of transaction sets only, as items of the array json is in (a part read alone).
  struct SetsOnly {};
  TreeWriter(render::JsonWriter& json, SetsOnly) : TreeWriter(json) { depth_ = 2; groups_open_ = true; }

  void on(const x12::EnvelopeReader& r) {
    const auto& s = r.segment();
    switch (r.role()) {
      case x12::SegmentRole::interchange_header:
        close_to(0);
        json_.begin_object();
        json_.field("control_number", r.interchange().control_number());
        json_.key("delimiters");
        write_delimiters(json_, r.interchange().delimiters);
        json_.key("header");
        write_segment(json_, s);
        depth_ = 1;
        break;
      case x12::SegmentRole::interchange_ack:
        if (!acks_open_) {
          json_.key("acks").begin_array();
          acks_open_ = true;
        }
        write_segment(json_, s);
        break;
      case x12::SegmentRole::group_header:
        close_to(1);
        close_acks();
        if (!groups_open_) {
          json_.key("groups").begin_array();
          groups_open_ = true;
        }
        json_.begin_object();
        json_.field("functional_id", r.group().functional_id);
        json_.field("control_number", r.group().control_number);
        json_.field("version", r.group().version);
        json_.key("header");
        write_segment(json_, s);
        json_.key("transactions").begin_array();
        depth_ = 2;
        break;
      case x12::SegmentRole::transaction_header:
        close_to(2);
        json_.begin_object();
        json_.field("type", r.transaction().type);
        json_.field("control_number", r.transaction().control_number);
        json_.key("segments").begin_array();
        write_segment(json_, s);
        depth_ = 3;
        break;
      case x12::SegmentRole::transaction_body:
        write_segment(json_, s);
        break;
      case x12::SegmentRole::transaction_trailer:
        write_segment(json_, s);
        close_to(2);
        break;
      case x12::SegmentRole::group_trailer:
        close_to(2);
        json_.end_array();  // transactions
        json_.key("trailer");
        write_segment(json_, s);
        json_.end_object();
        depth_ = 1;
        break;
      case x12::SegmentRole::interchange_trailer:
        close_to(1);
        close_acks();
        close_groups();
        json_.key("trailer");
        write_segment(json_, s);
        json_.end_object();
        depth_ = 0;
        break;
      case x12::SegmentRole::stray:
        if (stray_count_ == 0) stray_.begin_array();
        if (stray_count_++ < kMaxStray) write_segment(stray_, s);
        break;
    }
  }

  void finish() {
    close_to(0);
    if (stray_count_ > 0) stray_.end_array();
  }
  // The stray segments as one JSON array (empty when there were none).
  const render::JsonWriter& stray() const { return stray_; }
  std::uint64_t stray_count() const { return stray_count_; }

 private:
  static constexpr std::uint64_t kMaxStray = 10000;

  // Closes open JSON levels down to `level` (0 file, 1 interchange, 2 group).
  void close_to(int level) {
    if (depth_ >= 3 && level < 3) {
      json_.end_array().end_object();  // segments, transaction
      depth_ = 2;
    }
    if (depth_ >= 2 && level < 2) {
      json_.end_array().end_object();  // transactions, group (no trailer)
      depth_ = 1;
    }
    if (depth_ >= 1 && level < 1) {
      close_acks();
      close_groups();
      json_.end_object();  // interchange (no trailer)
      depth_ = 0;
    }
  }
  void close_acks() {
    if (acks_open_) json_.end_array();
    acks_open_ = false;
  }
  void close_groups() {
    if (groups_open_) json_.end_array();
    groups_open_ = false;
  }

  render::JsonWriter& json_;
  render::JsonWriter stray_;
  std::uint64_t stray_count_ = 0;
  int depth_ = 0;
  bool acks_open_ = false, groups_open_ = false;
};

// What parse keeps while it reads: the tree (or only the counts), set types, the delimiters.
struct ParseOutput {
  ParseOutput(render::JsonWriter& json, bool full) : json(json), tree(json), full(full) {}

  void on(const x12::EnvelopeReader& reader) {
    if (reader.role() == x12::SegmentRole::transaction_header) ++types[reader.transaction().type];
    if (full) tree.on(reader);
  }

  render::JsonWriter& json;
  TreeWriter tree;
  bool full;
  std::map<std::string, std::uint64_t> types;
  std::optional<x12::Delimiters> first_delimiters;
};

// A part of whole transaction sets: their JSON (items of a group's "transactions") and types.
struct ParsePart : x12::PartResult {
  std::string sets_json;  // the part's sets as one JSON array, "[...]"
  std::map<std::string, std::uint64_t> types;
};

class ParallelParse final : public x12::PartReader {
 public:
  ParallelParse(ParseOutput& out, Progress& progress) : out_(out), progress_(progress) {}

  std::unique_ptr<x12::PartResult> work(const x12::InputPart& part, const x12::PartContext& context) override {
    auto result = std::make_unique<ParsePart>();
    render::JsonWriter json(nullptr);
    json.begin_array();
    TreeWriter tree(json, TreeWriter::SetsOnly{});
    const bool full = out_.full;
    const bool ok = x12::read_whole_sets(part, context, *result, [&](const x12::EnvelopeReader& reader) {
      if (reader.role() == x12::SegmentRole::transaction_header) ++result->types[reader.transaction().type];
      if (full) tree.on(reader);
    });
    if (!ok) return result;
    json.end_array();
    result->sets_json = json.take();  // moved, not copied; the ordering thread leaves out the brackets
    return result;
  }

  void take(x12::PartResult& result, std::uint64_t) override {
    auto& r = static_cast<ParsePart&>(result);
    for (const auto& [type, n] : r.types) out_.types[type] += n;
    const std::string_view sets = r.sets_json;
    if (out_.full && sets.size() > 2) out_.json.raw_items(sets.substr(1, sets.size() - 2));
    ++parts_;
    if ((parts_ & 15) == 0) progress_.update(r.sets.last.offset, r.sets.last.ordinal);
  }

  void read(x12::EnvelopeReader& reader) override {
    auto& segments = reader.segments();
    while (reader.next()) {
      if (!out_.first_delimiters && segments.interchanges_seen() > 0) out_.first_delimiters = segments.delimiters();
      out_.on(reader);
    }
  }

 private:
  ParseOutput& out_;
  Progress& progress_;
  std::uint64_t parts_ = 0;
};

int run(const Args& args) {
  args.expect_positionals(1, 1, "FILE");
  const std::string format = args.choice("format", {"json", "summary"}, "json");
  const std::string path = args.positionals()[0];
  const unsigned jobs = command_line::jobs_option(args, x12::default_jobs());

  std::string open_error;
  auto source = x12::FileSource::open(path, open_error);
  if (!source) {
    fmt::print(stderr, "clearhouse parse: cannot open {}: {}\n", path, open_error);
    return kExitRejected;
  }
  x12::Diagnostics diagnostics(path);
  Progress progress("parse", file_size_or_zero(path));

  render::JsonWriter json(stdout);
  const bool full = format == "json";
  ParseOutput out(json, full);
  if (full) {
    json.begin_object();
    json.field("file", path);
    json.key("interchanges").begin_array();
  }
  // Both ways end with the counts of one envelope reader that saw (or was given) every segment.
  x12::EnvelopeCounts counts;
  if (jobs > 1) {
    ParallelParse parallel(out, progress);
    // The JSON of a part is about 2.5 times its bytes: smaller parts keep memory flat.
    const auto how = x12::read_in_parallel(*source, diagnostics, parallel, jobs, full ? 256u << 10 : 0);
    counts = how.counts;
    report_parts("parse", how.parts_taken, how.parts_read_in_order,
                 how.streamed_from ? static_cast<std::int64_t>(*how.streamed_from) : -1);
  } else {
    x12::SegmentReader segments(*source, diagnostics);
    x12::EnvelopeReader reader(segments, diagnostics);
    while (reader.next()) {
      if (!out.first_delimiters && segments.interchanges_seen() > 0) out.first_delimiters = segments.delimiters();
      out.on(reader);
      if ((reader.counts().segments & 0xFFFF) == 0) progress.update(segments.bytes_consumed(), reader.counts().segments);
    }
    counts = reader.counts();
  }
  progress.finish();

  const auto& types = out.types;
  auto& tree = out.tree;
  auto write_counts = [&] {
    json.key("interchanges").unsigned_number(counts.interchanges);
    json.key("groups").unsigned_number(counts.groups);
    json.key("transactions").unsigned_number(counts.transactions);
    json.key("segments").unsigned_number(counts.segments);
    json.key("types").begin_object();
    for (const auto& [type, n] : types) json.key(type).unsigned_number(n);
    json.end_object();
    json.key("delimiters");
    if (out.first_delimiters) write_delimiters(json, *out.first_delimiters);
    else json.null();
  };
  if (full) {
    tree.finish();
    json.end_array();
    json.key("stray");
    if (tree.stray_count() > 0) json.raw(tree.stray().text());
    else json.begin_array().end_array();
    json.key("summary").begin_object();
    write_counts();
    json.end_object();
  } else {
    json.begin_object();
    json.field("file", path);
    write_counts();
  }
  write_diagnostics(json, diagnostics);
  json.end_object();
  json.newline();
  json.flush();
  return diagnostics.has_errors() ? kExitRejected : kExitOk;
}

}  // namespace

const Command kParseCommand{
    .name = "parse",
    .summary = "any X12 file -> JSON tree or summary, with every envelope error",
    .synopsis = "FILE [--format json|summary]   (FILE may be - for stdin)",
    .options = kOptions,
    .run = run,
};

}  // namespace clearhouse::cli
