#include "tests/support/x12_samples.hpp"

namespace clearhouse::testing {

std::string isa_segment(const std::string& ctl, const std::string& version) {
  return "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240612*0701*^*" + version + "*" +
         ctl + "*0*P*:~";
}

std::string small_835() {
  return isa_segment() +
         "GS*HP*SENDER*RECEIVER*20240612*0701*905*X*005010X221A1~"
         "ST*835*0001~"
         "BPR*I*100*C*ACH*CCP*01*999999999*DA*123456*1234567890**01*999999999*DA*98765*20240619~"
         "TRN*1*12345*1234567890~"
         "N1*PR*PAYER ONE~"
         "N1*PE*PROVIDER ONE*XX*1234567893~"
         "LX*1~"
         "CLP*PCN1*1*150*100*20*12*CLM1*11*1~"
         "CAS*CO*45*30~"
         "SVC*HC:99213:25*150*100**1~"
         "DTM*472*20240601~"
         "CAS*PR*2*20~"
         "CLP*PCN2*4*80*0**12*CLM2*11*1~"
         "CAS*CO*29*80~"
         "SE*14*0001~"
         "GE*1*905~"
         "IEA*1*000000905~";
}

std::string two_groups_835() {
  return isa_segment("000000906") +
         "GS*HP*SENDER*RECEIVER*20240612*0701*1*X*005010X221A1~"
         "ST*835*0001~BPR*I*0*C*NON************20240619~TRN*1*1*1234567890~SE*4*0001~"
         "GE*1*1~"
         "GS*HP*SENDER*RECEIVER*20240612*0701*2*X*005010X221A1~"
         "ST*835*0001~BPR*I*0*C*NON************20240619~TRN*1*2*1234567890~SE*4*0001~"
         "ST*835*0002~BPR*I*0*C*NON************20240619~TRN*1*3*1234567890~SE*4*0002~"
         "GE*2*2~"
         "IEA*2*000000906~";
}

std::string with_delimiters(const std::string& text, const model::Delimiters& d, const std::string& after_terminator) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char c : text) {
    switch (c) {
      case '*': out.push_back(d.element); break;
      case ':': out.push_back(d.component); break;
      case '^': out.push_back(d.has_repetition() ? d.repetition : 'U'); break;
      case '~':
        out.push_back(d.segment);
        out += after_terminator;
        break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::vector<std::string> segments_of(const std::string& text, char terminator) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == terminator) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace clearhouse::testing
