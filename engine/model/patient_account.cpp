#include "engine/model/patient_account.hpp"

#include <cstdio>

namespace clearhouse::model {

namespace {

// Upper case, no leading/trailing blanks, inner runs of blanks as one space; '|' (the key's
// separator) as a blank.
std::string normalised(std::string_view text) {
  std::string out;
  bool blank = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '|') {
      blank = !out.empty();
      continue;
    }
    if (blank) out.push_back(' ');
    blank = false;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

bool is_self(std::string_view relationship) { return relationship.empty() || relationship == "18"; }

}  // namespace

std::string guarantor_key(std::string_view last, std::string_view first, std::string_view member_id) {
  return normalised(last) + '|' + normalised(first) + '|' + normalised(member_id);
}

std::string account_number_for_key(std::string_view key) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a, 64 bits
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "PA%012llX", static_cast<unsigned long long>(h & 0xFFFFFFFFFFFFull));
  return buf;
}

GuarantorChoice choose_guarantor(const ClaimPartyNames& p, Date service_date) {
  GuarantorChoice c;
  c.guarantor.last = p.subscriber_last;
  c.guarantor.first = p.subscriber_first;
  c.guarantor.middle = p.subscriber_middle;
  c.guarantor.suffix = p.subscriber_suffix;
  c.guarantor.member_id = p.member_id;
  c.guarantor.birth_date = p.subscriber_birth_date;
  c.patient_is_guarantor = is_self(p.relationship);
  if (c.patient_is_guarantor && !service_date.empty()) {
    const Date born = p.subscriber_birth_date.empty() ? p.patient_birth_date : p.subscriber_birth_date;
    if (born.valid() && service_date.valid()) {
      int age = service_date.year - born.year;
      if (service_date.month < born.month || (service_date.month == born.month && service_date.day < born.day)) --age;
      c.minor_guarantor = age < 18;
    }
  }
  c.key = guarantor_key(p.subscriber_last, p.subscriber_first, p.member_id);
  c.account_number = account_number_for_key(c.key);
  return c;
}

}  // namespace clearhouse::model
