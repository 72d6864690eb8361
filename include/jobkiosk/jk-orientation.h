/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-orientation.h: the center's orientation pages: where they are, their list, their Markdown read into blocks */
#pragma once

#include <glib.h>

#include "jk-config.h"

G_BEGIN_DECLS

/* The center writes short pages in Markdown, one folder per language:
 * FOLDER/en/01-offer.md, FOLDER/es/01-offer.md, ... (file names order
 * them). FOLDER is [orientation] folder; unset, "orientation" beside the
 * main configuration file when it exists, else the shipped template
 * (pkgdatadir/orientation).
 *
 * The Markdown read is a small subset, shown natively and never as HTML:
 *
 *   # Heading, ## Heading, ### Heading   (more #'s are level 3)
 *   lines of a paragraph                 joined with spaces
 *   - item, * item, + item               bullets; indented deeper, nested
 *   1. item, 1) item                     numbered
 *   ![words](picture.svg)                a picture, alone on its line, its
 *                                        path beside the page and inside
 *                                        FOLDER (else only its words show)
 *   *x*, _x_, **x**, __x__               emphasis (an unclosed mark is text)
 *   [words](link), `code`, \*           the words only (no link opens), text
 *   <b>, &amp;, anything else            shown as it is written
 *
 * A UTF-8 byte order mark and CRLF line ends are accepted; text that is
 * not UTF-8 is refused with its file and line. */

#define JK_ORIENTATION_ERROR (jk_orientation_error_quark ())

typedef enum {
  JK_ORIENTATION_ERROR_NOT_FOUND,   /* no folder, or no pages in it */
  JK_ORIENTATION_ERROR_READ,        /* a file could not be read, or is too big */
  JK_ORIENTATION_ERROR_ENCODING,    /* "FILE:LINE: not UTF-8 text" */
} JkOrientationError;

/* A page larger than this is refused: these are short pages. */
#define JK_ORIENTATION_MAX_SIZE (256 * 1024)

typedef enum {
  JK_ORIENTATION_HEADING,
  JK_ORIENTATION_PARAGRAPH,
  JK_ORIENTATION_BULLET,
  JK_ORIENTATION_NUMBERED,
  JK_ORIENTATION_IMAGE,
} JkOrientationBlockKind;

typedef struct {
  JkOrientationBlockKind kind;
  guint level;     /* a heading's 1 to 3; a list item's depth from 0 */
  guint number;    /* a numbered item's number as written */
  char *text;      /* plain words: marks taken out, a link's words; an image's words */
  char *markup;    /* the same as Pango markup (escaped; <b>, <i>); NULL for an image */
  char *path;      /* an image's file, absolute; NULL otherwise */
} JkOrientationBlock;

typedef struct {
  char *name;      /* "01-offer.md" */
  char *path;      /* absolute */
  char *title;     /* the first heading's words, else the name without ".md" */
} JkOrientationFile;

GQuark       jk_orientation_error_quark   (void);

/* The orientation folder the configuration names (see above); never NULL. */
char        *jk_orientation_get_root      (const JkConfig *config);
/* root's folder for language ("en", "es"): root/language when it holds a
 * page, else root/en; NULL with NOT_FOUND when neither does. */
char        *jk_orientation_find_folder   (const char     *root,
                                           const char     *language,
                                           GError        **error);
/* The pages (JkOrientationFile *) of a language's folder, by file name;
 * an empty folder is NOT_FOUND. Reads each file's first heading. */
GPtrArray   *jk_orientation_list_pages    (const char     *folder,
                                           GError        **error);
/* Reads a page into blocks (JkOrientationBlock *). root bounds where its
 * pictures may be (NULL: the page's own folder). */
GPtrArray   *jk_orientation_read_page     (const char     *path,
                                           const char     *root,
                                           GError        **error);
/* The same from text (len -1: NUL-terminated); file names the text in
 * errors, page_dir is where relative pictures are looked for. */
GPtrArray   *jk_orientation_parse         (const char     *text,
                                           gssize          len,
                                           const char     *file,
                                           const char     *page_dir,
                                           const char     *root,
                                           GError        **error);
/* A page's words as plain text, one block a line (a picture's words
 * left out): for speech and the readability check. */
char        *jk_orientation_blocks_text   (GPtrArray      *blocks);
/* The first heading's words, or NULL. */
const char  *jk_orientation_blocks_title  (GPtrArray      *blocks);

JkOrientationBlock *jk_orientation_block_copy (const JkOrientationBlock *block);
void         jk_orientation_block_free    (JkOrientationBlock *block);
void         jk_orientation_file_free     (JkOrientationFile  *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkOrientationFile, jk_orientation_file_free)

G_END_DECLS
