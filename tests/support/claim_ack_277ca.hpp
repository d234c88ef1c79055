#pragma once
// Test and benchmark input: writes a 277CA (005010X214) claim acknowledgment as a payer would
// send it back for claims we submitted -- per batch (2000B, its TRN02 our 837's BHT03), per
// billing provider (2000C) and per claim (2000D/2200D, TRN02 our CLM01) -- with the statuses
// given. Deterministic: the same spec gives the same bytes. Streams to an ostream, so the
// benchmark's 100,000-claim file costs no more memory than a small one.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
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

// What a submitted 837 file carries, read from its text: sender, receiver, and per transaction
// set its BHT03 and claims (id, billing NPI, payer id, charge).
struct SentClaim {
  std::string claim_id, npi, payer_id;
  std::int64_t charge_cents = 0;
};
struct SentBatch {
  std::string sender, receiver, bht03;
  std::vector<SentClaim> claims;
};

inline std::vector<SentBatch> read_sent_837(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<SentBatch> out;
  std::string sender, receiver, npi, payer;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('~', at);
    if (end == std::string::npos) end = text.size();
    std::string seg = text.substr(at, end - at);
    at = end + 1;
    while (!seg.empty() && (seg.front() == '\n' || seg.front() == '\r')) seg.erase(0, 1);
    std::vector<std::string> e;
    std::size_t s = 0;
    for (;;) {
      const auto star = seg.find('*', s);
      e.push_back(seg.substr(s, star == std::string::npos ? std::string::npos : star - s));
      if (star == std::string::npos) break;
      s = star + 1;
    }
    auto trim = [](std::string v) {
      while (!v.empty() && v.back() == ' ') v.pop_back();
      return v;
    };
    if (e[0] == "ISA") {
      sender = trim(e[6]);
      receiver = trim(e[8]);
    } else if (e[0] == "BHT") {
      out.push_back({sender, receiver, e[3], {}});
    } else if (e[0] == "NM1" && e[1] == "85") {
      npi = e[9];
    } else if (e[0] == "NM1" && e[1] == "PR") {
      payer = e[9];
    } else if (e[0] == "CLM") {
      const auto dot = e[2].find('.');
      std::int64_t cents = std::stoll(e[2].substr(0, dot)) * 100;
      if (dot != std::string::npos) cents += std::stoll((e[2].substr(dot + 1) + "00").substr(0, 2));
      out.back().claims.push_back({e[1], npi, payer, cents});
    }
  }
  return out;
}

inline Ack277caClaim status_for(const SentClaim& c, std::string status, std::string payer_claim_number = "") {
  Ack277caClaim a;
  a.claim_id = c.claim_id;
  a.status = std::move(status);
  a.payer_claim_number = std::move(payer_claim_number);
  a.charge_cents = c.charge_cents;
  return a;
}

// The 277CA a payer sends back for one submitted batch: statuses[i] for its claims[i].
inline Ack277caSpec answer_to(const SentBatch& b, const std::vector<Ack277caClaim>& statuses, std::uint64_t interchange) {
  Ack277caSpec s;
  s.sender = b.receiver;
  s.receiver = b.sender;
  s.interchange = interchange;
  s.payer_id = b.claims.front().payer_id;
  Ack277caBatch batch;
  batch.trace = b.bht03;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    const auto& npi = b.claims[i].npi;
    if (batch.providers.empty() || batch.providers.back().npi != npi) batch.providers.push_back({npi, "PROVIDER", "", {}});
    batch.providers.back().claims.push_back(statuses[i]);
  }
  s.batches.push_back(std::move(batch));
  return s;
}

}  // namespace clearhouse::testing
