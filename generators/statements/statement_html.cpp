#include "generators/statements/statement_html.hpp"

#include <fmt/format.h>

#include "generators/statements/statement_text.hpp"

namespace clearhouse::statements {

namespace {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

constexpr std::string_view kStyle = R"(body{font-family:Helvetica,Arial,sans-serif;font-size:11pt;color:#111;margin:0}
section.statement{max-width:8in;margin:0 auto;padding:0.5in;page-break-after:always;break-after:page}
section.statement:last-child{page-break-after:auto;break-after:auto}
header{display:flex;justify-content:space-between;gap:2em}
h1{font-size:16pt;margin:0 0 0.2em}
h2{font-size:12pt;margin:1.2em 0 0.4em}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ccc;padding:0.25em 0.4em;text-align:left;vertical-align:top}
td.amount,th.amount{text-align:right;white-space:nowrap}
.pending{color:#555;font-style:italic}
.summary td{border:none}
.summary tr.due td{font-weight:bold;font-size:13pt;border-top:2px solid #111}
.message{border:1px solid #111;padding:0.5em;margin-top:1em}
@media print{body{font-size:10pt}section.statement{padding:0.3in}})";

void lines(std::string& out, const std::vector<std::string>& ls) {
  for (const auto& l : ls) fmt::format_to(std::back_inserter(out), "{}<br>", esc(l));
}

void visit_row(std::string& out, const model::StatementVisit& v) {
  std::string services;
  for (const auto& s : v.services) services += esc(service_text(s)) + " (" + esc(money_text(s.billed)) + ")<br>";
  std::string payers;
  for (const auto& p : v.payers)
    payers += fmt::format("{} paid {}, adjusted {}<br>", esc(p.payer_name), esc(money_text(p.paid)), esc(money_text(p.adjusted)));
  if (v.payers.empty()) payers = "No payer has decided yet<br>";
  std::string why;
  for (const auto& r : v.reasons) why += fmt::format("{}: {}<br>", esc(r.words), esc(money_text(r.amount)));
  if (!v.patient_paid.is_zero()) why += fmt::format("you paid: {}<br>", esc(money_text(v.patient_paid)));
  if (!v.patient_adjustments.is_zero()) why += fmt::format("adjusted by us: {}<br>", esc(money_text(v.patient_adjustments)));
  fmt::format_to(std::back_inserter(out),
                 "<tr{}><td>{}</td><td>{}<br><small>Patient: {}</small></td><td>{}</td><td class=\"amount\">{}</td>"
                 "<td>{}</td><td class=\"amount\">{}</td><td>{}</td><td class=\"amount\">{}</td></tr>\n",
                 v.pending_insurance ? " class=\"pending\"" : "", esc(date_text(v.date)), esc(v.provider),
                 esc(v.patient_name), services, esc(money_text(v.billed)), payers,
                 esc(money_text(v.insurance_adjustments)), why,
                 v.pending_insurance ? "Pending insurance" : esc(money_text(v.owed)));
}

void statement(std::string& out, const model::PatientStatement& s) {
  out += "<section class=\"statement\">\n<header><div>";
  fmt::format_to(std::back_inserter(out), "<h1>{}</h1>", esc(s.practice.name));
  lines(out, address_lines(s.practice.address));
  if (!s.practice.phone.empty()) fmt::format_to(std::back_inserter(out), "Phone: {}<br>", esc(s.practice.phone));
  out += "</div><div>";
  fmt::format_to(std::back_inserter(out),
                 "<h1>Statement</h1>Account: {}<br>Statement date: {}<br>Due date: {}<br>Statement number: {}</div></header>\n",
                 esc(s.account_number), esc(date_text(s.statement_date)), esc(date_text(s.due_date)), s.statement_number);
  out += "<p>";
  fmt::format_to(std::back_inserter(out), "{}<br>", esc(guarantor_name(s.guarantor)));
  lines(out, address_lines(s.guarantor.address));
  out += "</p>\n<h2>Your visits</h2>\n<table>\n<tr><th>Date</th><th>Provider</th><th>Services</th>"
         "<th class=\"amount\">Billed</th><th>Insurance</th><th class=\"amount\">Insurance adjustments</th>"
         "<th>Why you owe</th><th class=\"amount\">You owe</th></tr>\n";
  for (const auto& v : s.visits) visit_row(out, v);
  out += "</table>\n<h2>Summary</h2>\n<table class=\"summary\">\n";
  auto row = [&](std::string_view label, model::Money m, const char* cls = "") {
    fmt::format_to(std::back_inserter(out), "<tr{}><td>{}</td><td class=\"amount\">{}</td></tr>\n", cls, esc(label),
                   esc(money_text(m)));
  };
  row("Previous balance", s.previous_balance);
  row("New charges (your share after insurance)", s.new_charges);
  row("Payments received", -s.payments_received);
  if (!s.adjustments.is_zero()) row("Adjustments", s.adjustments);
  if (s.in_credit())
    row(amount_due_label(s), s.credit(), " class=\"due\"");
  else
    row(amount_due_label(s), s.amount_due, " class=\"due\"");
  if (!s.pending_insurance.is_zero()) row("Waiting on insurance (not due yet)", s.pending_insurance);
  out += "</table>\n";
  if (!s.in_credit())
    fmt::format_to(std::back_inserter(out), "<p>Please pay {} by {}.</p>\n", esc(money_text(s.amount_due)),
                   esc(date_text(s.due_date)));
  if (!s.message.empty()) fmt::format_to(std::back_inserter(out), "<p class=\"message\">{}</p>\n", esc(s.message));
  fmt::format_to(std::back_inserter(out), "<p><small>Questions about this statement? Call {}{}.</small></p>\n",
                 esc(s.practice.name), s.practice.phone.empty() ? "" : " at " + esc(s.practice.phone));
  out += "</section>\n";
}

}  // namespace

std::string_view statement_style_text() {
  static const std::string text = "\n" + std::string(kStyle) + "\n";
  return text;
}

std::string statements_html(std::span<const model::PatientStatement> statements) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Statements</title>\n<style>";
  out += statement_style_text();
  out += "</style>\n</head>\n<body>\n";
  for (const auto& s : statements) statement(out, s);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace clearhouse::statements
