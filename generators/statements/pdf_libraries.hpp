#pragma once
// Pango's and cairo's functions, looked up when the first statement is rendered as PDF
// (platform::SharedLibrary: clearhouse does not load them and their ~25 dependencies at
// start-up). Only statement_pdf.cpp calls them: `pdf().cairo_create(surface)`.

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

// Every function statement_pdf.cpp calls; a new call is added here.
#define CLEARHOUSE_PDF_FUNCTIONS(X)                                                                       \
  X(cairo_pdf_surface_create_for_stream) X(cairo_pdf_surface_set_metadata) X(cairo_surface_finish)        \
  X(cairo_surface_status) X(cairo_surface_destroy) X(cairo_create) X(cairo_destroy) X(cairo_status)       \
  X(cairo_status_to_string) X(cairo_set_source_rgb) X(cairo_set_line_width) X(cairo_move_to)              \
  X(cairo_line_to) X(cairo_stroke) X(cairo_show_page) X(pango_cairo_create_layout)                        \
  X(pango_cairo_show_layout) X(pango_layout_set_wrap) X(pango_layout_get_size)                            \
  X(pango_layout_set_font_description) X(pango_layout_set_width) X(pango_layout_set_alignment)            \
  X(pango_layout_set_text) X(pango_font_description_new) X(pango_font_description_free)                  \
  X(pango_font_description_set_family) X(pango_font_description_set_absolute_size)                        \
  X(pango_font_description_set_weight) X(g_object_unref) X(g_utf8_validate)

namespace clearhouse::statements {

struct PdfLibraries {
#define CLEARHOUSE_PDF_MEMBER(name) decltype(&::name) name = nullptr;
  CLEARHOUSE_PDF_FUNCTIONS(CLEARHOUSE_PDF_MEMBER)
#undef CLEARHOUSE_PDF_MEMBER
};

// libpangocairo-1.0.so.0 (which brings Pango, cairo, GObject and GLib), opened on the first
// call. Throws std::runtime_error naming the library when it cannot be loaded (Debian:
// libpangocairo-1.0-0).
const PdfLibraries& pdf();

}  // namespace clearhouse::statements
