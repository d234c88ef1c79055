#include "generators/statements/statement_pdf.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "generators/statements/pdf_libraries.hpp"
#include "generators/statements/statement_text.hpp"

namespace clearhouse::statements {

namespace {

constexpr double kPageWidth = 612, kPageHeight = 792;  // US Letter, points
constexpr double kMargin = 36;
constexpr double kWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - 14;  // room for the page footer

// Text that is not valid UTF-8 is read as Latin-1 (X12 names may carry such bytes).
std::string utf8(std::string_view s) {
  if (pdf().g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr)) return std::string(s);
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

struct Deleter {
  void operator()(cairo_surface_t* s) const { pdf().cairo_surface_destroy(s); }
  void operator()(cairo_t* c) const { pdf().cairo_destroy(c); }
  void operator()(PangoLayout* l) const { pdf().g_object_unref(l); }
  void operator()(PangoFontDescription* f) const { pdf().pango_font_description_free(f); }
};

// Lays text out top-down, starting a new page when the next block does not fit.
class Page {
 public:
  Page(cairo_t* cr, const model::PatientStatement& s) : cr_(cr), s_(s) {
    layout_.reset(pdf().pango_cairo_create_layout(cr));
    pdf().pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
  }

  // Height of text in a column of this width.
  double measure(std::string_view text, double width, double size, bool bold = false) {
    set(text, width, size, bold, PANGO_ALIGN_LEFT);
    int w = 0, h = 0;
    pdf().pango_layout_get_size(layout_.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  void draw(std::string_view text, double x, double width, double size, bool bold = false,
            PangoAlignment align = PANGO_ALIGN_LEFT) {
    set(text, width, size, bold, align);
    pdf().cairo_move_to(cr_, kMargin + x, y_);
    pdf().pango_cairo_show_layout(cr_, layout_.get());
  }
  // One line of text across the page; returns its height.
  void line(std::string_view text, double size = 10, bool bold = false, double indent = 0) {
    const double h = measure(text, kWidth - indent, size, bold);
    room(h);
    draw(text, indent, kWidth - indent, size, bold);
    y_ += h;
  }
  void gap(double h) { y_ += h; }
  void rule() {
    room(4);
    pdf().cairo_set_line_width(cr_, 0.5);
    pdf().cairo_move_to(cr_, kMargin, y_ + 2);
    pdf().cairo_line_to(cr_, kMargin + kWidth, y_ + 2);
    pdf().cairo_stroke(cr_);
    y_ += 4;
  }
  // Ensures h points fit on this page, else starts the next one.
  void room(double h) {
    if (y_ + h <= kBottom) return;
    footer();
    pdf().cairo_show_page(cr_);
    ++page_;
    y_ = kMargin;
    line(fmt::format("{} - account {} - continued", s_.practice.name, s_.account_number), 9);
    gap(6);
  }
  void footer() {
    const double saved = y_;
    y_ = kPageHeight - kMargin;
    draw(fmt::format("Account {} - page {}", s_.account_number, page_), 0, kWidth, 8, false, PANGO_ALIGN_RIGHT);
    y_ = saved;
  }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }

 private:
  void set(std::string_view text, double width, double size, bool bold, PangoAlignment align) {
    std::unique_ptr<PangoFontDescription, Deleter> font(pdf().pango_font_description_new());
    pdf().pango_font_description_set_family(font.get(), "Sans");
    pdf().pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
    pdf().pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pdf().pango_layout_set_font_description(layout_.get(), font.get());
    pdf().pango_layout_set_width(layout_.get(), static_cast<int>(width * PANGO_SCALE));
    pdf().pango_layout_set_alignment(layout_.get(), align);
    const std::string t = utf8(text);
    pdf().pango_layout_set_text(layout_.get(), t.c_str(), static_cast<int>(t.size()));
  }

  cairo_t* cr_;
  const model::PatientStatement& s_;
  std::unique_ptr<PangoLayout, Deleter> layout_;
  double y_ = kMargin;
  int page_ = 1;
};

struct Column {
  double x, width;
  bool right;
};
constexpr Column kColumns[] = {{0, 58, false},     {62, 110, false},  {176, 150, false},
                               {330, 56, true},    {392, 96, false},  {490, 50, true}};

void row(Page& p, const std::vector<std::string>& cells, double size, bool bold) {
  double h = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) h = std::max(h, p.measure(cells[i], kColumns[i].width, size, bold));
  p.room(h);
  for (std::size_t i = 0; i < cells.size(); ++i)
    p.draw(cells[i], kColumns[i].x, kColumns[i].width, size, bold, kColumns[i].right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  p.gap(h + 2);
}

void render(cairo_t* cr, const model::PatientStatement& s) {
  Page p(cr, s);
  // Practice (left) and statement facts (right).
  std::string practice;
  for (const auto& l : address_lines(s.practice.address)) practice += (practice.empty() ? "" : "\n") + l;
  if (!s.practice.phone.empty()) practice += (practice.empty() ? "" : "\n") + std::string("Phone: ") + s.practice.phone;
  const std::string facts = fmt::format("STATEMENT\nAccount: {}\nStatement date: {}\nDue date: {}\nStatement number: {}",
                                        s.account_number, date_text(s.statement_date), date_text(s.due_date),
                                        s.statement_number);
  const double top = p.y();
  p.draw(s.practice.name, 0, kWidth / 2, 13, true);
  const double name_height = p.measure(s.practice.name, kWidth / 2, 13, true);
  p.set_y(top + name_height);
  p.draw(practice, 0, kWidth / 2, 10);
  const double h1 = name_height + p.measure(practice, kWidth / 2, 10);
  p.set_y(top);
  p.draw(facts, kWidth / 2, kWidth / 2, 10, false, PANGO_ALIGN_RIGHT);
  const double h2 = p.measure(facts, kWidth / 2, 10);
  p.set_y(top + std::max(h1, h2) + 18);
  p.line(guarantor_name(s.guarantor), 11, true);
  for (const auto& l : address_lines(s.guarantor.address)) p.line(l, 11);
  p.gap(14);

  p.line("Your visits", 12, true);
  row(p, {"Date", "Provider", "Services", "Billed", "Insurance", "You owe"}, 9, true);
  p.rule();
  for (const auto& v : s.visits) {
    std::string services;
    for (const auto& sv : v.services) services += (services.empty() ? "" : "\n") + service_text(sv);
    std::string insurance;
    for (const auto& r : v.payers)
      insurance += (insurance.empty() ? "" : "\n") +
                   fmt::format("{}: paid {}, adjusted {}", r.payer_name, money_text(r.paid), money_text(r.adjusted));
    if (v.payers.empty()) insurance = "Not decided yet";
    row(p, {date_text(v.date), v.provider + "\nPatient: " + v.patient_name, services, money_text(v.billed), insurance,
            v.pending_insurance ? "Pending insurance" : money_text(v.owed)},
        9, false);
    std::string why;
    if (v.pending_insurance)
      why = "Waiting for your insurance to decide: not due yet.";
    else if (!v.reasons.empty())
      why = "Why you owe: " + reasons_text(v.reasons) + ".";
    if (!v.patient_paid.is_zero()) why += (why.empty() ? "" : " ") + fmt::format("You paid {}.", money_text(v.patient_paid));
    if (!v.patient_adjustments.is_zero())
      why += (why.empty() ? "" : " ") + fmt::format("Adjusted by us: {}.", money_text(v.patient_adjustments));
    if (!why.empty()) p.line(why, 9, false, kColumns[1].x);
    p.rule();
  }
  p.gap(10);
  p.line("Summary", 12, true);
  auto summary = [&](std::string_view label, model::Money m, bool bold = false) {
    const double h = p.measure(label, 300, 10, bold);
    p.room(h);
    p.draw(label, 200, 240, 10, bold);
    p.draw(money_text(m), 440, 100, 10, bold, PANGO_ALIGN_RIGHT);
    p.gap(h + 2);
  };
  summary("Previous balance", s.previous_balance);
  summary("New charges (your share after insurance)", s.new_charges);
  summary("Payments received", -s.payments_received);
  if (!s.adjustments.is_zero()) summary("Adjustments", s.adjustments);
  summary(amount_due_label(s), s.in_credit() ? s.credit() : s.amount_due, true);
  if (!s.pending_insurance.is_zero()) summary("Waiting on insurance (not due yet)", s.pending_insurance);
  p.gap(10);
  if (!s.in_credit()) p.line(fmt::format("Please pay {} by {}.", money_text(s.amount_due), date_text(s.due_date)), 11, true);
  if (!s.message.empty()) p.line(s.message, 10, true);
  p.gap(6);
  p.line(fmt::format("Questions about this statement? Call {}{}.", s.practice.name,
                     s.practice.phone.empty() ? "" : " at " + s.practice.phone),
         9);
  p.footer();
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::optional<std::string> statement_pdf(const model::PatientStatement& statement, std::string& error) {
  try {
    pdf();
  } catch (const std::runtime_error& e) {
    error = e.what();
    return std::nullopt;
  }
  std::string out;
  {
    std::unique_ptr<cairo_surface_t, Deleter> surface(
        pdf().cairo_pdf_surface_create_for_stream(append, &out, kPageWidth, kPageHeight));
    pdf().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "Statement");
    std::unique_ptr<cairo_t, Deleter> cr(pdf().cairo_create(surface.get()));
    pdf().cairo_set_source_rgb(cr.get(), 0, 0, 0);
    render(cr.get(), statement);
    pdf().cairo_show_page(cr.get());
    const cairo_status_t status = pdf().cairo_status(cr.get());
    if (status != CAIRO_STATUS_SUCCESS) {
      error = fmt::format("cairo: {}", pdf().cairo_status_to_string(status));
      return std::nullopt;
    }
    pdf().cairo_surface_finish(surface.get());
    const cairo_status_t finished = pdf().cairo_surface_status(surface.get());
    if (finished != CAIRO_STATUS_SUCCESS) {
      error = fmt::format("cairo: {}", pdf().cairo_status_to_string(finished));
      return std::nullopt;
    }
  }
  return out;
}

bool write_statement_pdf(const model::PatientStatement& statement, const std::string& path, std::string& error) {
  const auto pdf = statement_pdf(statement, error);
  if (!pdf) return false;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!f) {
    error = fmt::format("cannot write {}", path);
    return false;
  }
  if (std::fwrite(pdf->data(), 1, pdf->size(), f.get()) != pdf->size()) {
    error = fmt::format("cannot write {}", path);
    return false;
  }
  return true;
}

}  // namespace clearhouse::statements
