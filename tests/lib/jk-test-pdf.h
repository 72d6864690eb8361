/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Letter PDF made with cairo, each of its pages with text pdftotext can
 * read: title, then second_line (unless NULL) below it, and "Page N of M"
 * at the foot. */
GBytes      *jk_test_make_pdf            (guint       pages,
                                          const char *title,
                                          const char *second_line);

/* What a PDF tool (pdfinfo, pdftotext, pdffonts…, found in PATH) writes on
 * its standard output; the test fails, with what the tool wrote on its
 * standard error, when it cannot run or exits other than 0. */
char        *jk_test_pdf_tool            (const char *const *argv);
#define JK_TEST_PDF_TOOL(...) jk_test_pdf_tool ((const char *const[]) { __VA_ARGS__, NULL })

/* The text of the PDF at path, laid out as on its pages (pdftotext
 * -layout). */
char        *jk_test_pdf_text            (const char *path);
/* Its number of pages, as pdfinfo reads it. */
guint        jk_test_pdf_page_count      (const char *path);
/* Every font in it is embedded (pdffonts), and it has at least one. */
void         jk_test_pdf_assert_fonts_embedded (const char *path);

/* Where a test writes the PDFs it reads back: JK_DOCUMENT_OUTPUT_DIR when
 * it is set (kept, to look at them), else a new temporary folder named
 * after tmpl ("jk-document-XXXXXX"), which _remove takes away with them. */
char        *jk_test_pdf_output_dir      (const char *tmpl);
void         jk_test_pdf_output_dir_remove (const char *dir);

G_END_DECLS
