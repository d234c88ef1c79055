#pragma once
// Test and benchmark input: writes a 277CA (005010X214) claim acknowledgment as a payer would
// send it back for claims we submitted -- per batch (2000B, its TRN02 our 837's BHT03), per
// billing provider (2000C) and per claim (2000D/2200D, TRN02 our CLM01) -- with the statuses
// given. Deterministic: the same spec gives the same bytes. Streams to an ostream, so the
// benchmark's 100,000-claim file costs no more memory than a small one.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

namespace clearhouse::testing {

struct Ack277caClaim {
  std::string claim_id;                 // TRN02: our CLM01
  std::string status = "A2:20";         // STC01 (category:status[:entity])
  std::vector<std::string> more;        // STC10, STC11 composites
  std::string payer_claim_number;       // REF*1K (accepted claims)
  std::int64_t charge_cents = 10000;    // STC04
  std::string service_date = "20240105";  // DTP*472 (D8)
  std::string patient_last = "DOE", patient_first = "JANE", member_id = "M0001";
};

struct Ack277caProvider {
  std::string npi;                      // 2100C NM109 (XX)
  std::string name = "BILLING PROVIDER";
  std::string status;                   // 2200C STC01; empty: no 2200C status
  std::vector<Ack277caClaim> claims;
};

struct Ack277caBatch {
  std::string trace;                    // 2200B TRN02: the 837's BHT03 ("<ISA13>-<ST02>")
  std::string status = "A1:19:PR";      // 2200B STC01
  std::vector<Ack277caProvider> providers;
};

struct Ack277caSpec {
  std::string sender = "PAYER01";       // ISA06/GS02: who answers (the 837's receiver)
  std::string receiver = "CLEARHOUSE";  // ISA08/GS03: us (the 837's sender)
  std::uint64_t interchange = 1;        // ISA13 (also GS06)
  std::string control_number = "0001"; // ST02
  std::string payer_id = "PAYER01";     // 2100A NM109 (PI)
  std::string payer_name = "PAYER";
  std::string receiver_name = "CLEARHOUSE";  // 2100B NM103
  std::string date = "20240110";        // BHT04, STC02, DTP*050/009
  std::vector<Ack277caBatch> batches;
};

inline void write_277ca(std::ostream& out, const Ack277caSpec& s) {
  std::uint64_t segments = 0;
  fmt::memory_buffer b;
  auto seg = [&](std::string_view text) {
    b.append(text);
    b.push_back('~');
    b.push_back('\n');
    ++segments;
    if (b.size() > (1u << 16)) {
      out.write(b.data(), static_cast<std::streamsize>(b.size()));
      b.clear();
    }
  };
  const std::string yymmdd = s.date.substr(2);
  out << fmt::format("ISA*00*          *00*          *ZZ*{:<15}*ZZ*{:<15}*{}*1200*^*00501*{:09}*0*T*:~\n", s.sender,
                     s.receiver, yymmdd, s.interchange);
  out << fmt::format("GS*HN*{}*{}*{}*1200*{}*X*005010X214~\n", s.sender, s.receiver, s.date, s.interchange);
  seg(fmt::format("ST*277*{}*005010X214", s.control_number));
  seg(fmt::format("BHT*0085*08*{}-277*{}*1200*TH", s.control_number, s.date));
  int hl = 0;
  const int source = ++hl;
  seg(fmt::format("HL*{}**20*1", source));
  seg(fmt::format("NM1*PR*2*{}*****PI*{}", s.payer_name, s.payer_id));
  seg(fmt::format("TRN*1*{}", s.control_number));
  seg(fmt::format("DTP*050*D8*{}", s.date));
  seg(fmt::format("DTP*009*D8*{}", s.date));
  for (const auto& batch : s.batches) {
    const int receiver = ++hl;
    seg(fmt::format("HL*{}*{}*21*{}", receiver, source, batch.providers.empty() ? 0 : 1));
    seg(fmt::format("NM1*41*2*{}*****46*{}", s.receiver_name, s.receiver));
    seg(fmt::format("TRN*2*{}", batch.trace));
    std::int64_t total = 0;
    std::size_t count = 0;
    for (const auto& p : batch.providers)
      for (const auto& c : p.claims) {
        total += c.charge_cents;
        ++count;
      }
    const bool batch_rejected = batch.status.rfind("A1", 0) != 0 && batch.status.rfind("A2", 0) != 0;
    seg(fmt::format("STC*{}*{}*{}*{}.{:02}", batch.status, s.date, batch_rejected ? "U" : "WQ", total / 100,
                    total % 100));
    if (!batch_rejected) {
      seg(fmt::format("QTY*90*{}", count));
      seg(fmt::format("AMT*YU*{}.{:02}", total / 100, total % 100));
    }
    for (const auto& p : batch.providers) {
      const int provider = ++hl;
      seg(fmt::format("HL*{}*{}*19*{}", provider, receiver, p.claims.empty() ? 0 : 1));
      seg(fmt::format("NM1*85*2*{}*****XX*{}", p.name, p.npi));
      if (!p.status.empty()) {
        seg(fmt::format("TRN*1*{}", p.npi));
        seg(fmt::format("STC*{}*{}*U", p.status, s.date));
      }
      for (const auto& c : p.claims) {
        const bool accepted = c.status.rfind("A1", 0) == 0 || c.status.rfind("A2", 0) == 0;
        seg(fmt::format("HL*{}*{}*PT", ++hl, provider));
        seg(fmt::format("NM1*QC*1*{}*{}****MI*{}", c.patient_last, c.patient_first, c.member_id));
        seg(fmt::format("TRN*2*{}", c.claim_id));
        std::string stc = fmt::format("STC*{}*{}*{}*{}.{:02}", c.status, s.date, accepted ? "WQ" : "U",
                                      c.charge_cents / 100, c.charge_cents % 100);
        if (!c.more.empty()) {
          stc += "*****";  // STC05-STC09
          for (const auto& m : c.more) stc += "*" + m;
        }
        seg(stc);
        if (!c.payer_claim_number.empty()) seg(fmt::format("REF*1K*{}", c.payer_claim_number));
        seg(fmt::format("DTP*472*D8*{}", c.service_date));
      }
    }
  }
  seg(fmt::format("SE*{}*{}", segments + 1, s.control_number));
  out.write(b.data(), static_cast<std::streamsize>(b.size()));
  out << fmt::format("GE*1*{}~\nIEA*1*{:09}~\n", s.interchange, s.interchange);
}

}  // namespace clearhouse::testing
