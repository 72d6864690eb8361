/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-lmi-import.h>

#include "store/jk-store-private.h"

G_BEGIN_DECLS

/* The import's shared parts: lines read as a stream, fields by header
 * name, numbers, and the release being written. Each format's reader
 * (jk-lmi-oews.c, jk-lmi-laus.c, …) is given a JkLmiImport. */

/* ---- Lines ------------------------------------------------------------ */

/* A file read in large blocks; a line is handed out in place, NUL-ended,
 * its CR (CRLF copies) dropped. Never the whole file in memory. */
typedef struct {
  int fd;
  const char *path;  /* as given: what an error names */
  char *buf;
  gsize size, start, end;
  gboolean eof;
  gint64 line;       /* number of the line last handed out, from 1 */
  gboolean unterminated; /* the last line handed out had no line end */
} JkLmiLines;

gboolean  jk_lmi_lines_open   (JkLmiLines  *lines,
                               const char  *path,
                               GError     **error);
/* The next line (writable, NUL-ended), or NULL at the end or on error
 * (error set). length may be NULL. */
char     *jk_lmi_lines_next   (JkLmiLines  *lines,
                               gsize       *length,
                               GError     **error);
void      jk_lmi_lines_close  (JkLmiLines  *lines);

/* ---- Fields ----------------------------------------------------------- */

#define JK_LMI_MAX_FIELDS 96

typedef struct {
  char *field[JK_LMI_MAX_FIELDS];
  guint n;
  GString *scratch;  /* a CSV record's unquoted text */
  GArray *offsets;
} JkLmiRow;

void      jk_lmi_row_init     (JkLmiRow    *row);
void      jk_lmi_row_clear    (JkLmiRow    *row);
/* Splits a line of tab-separated fields in place, trimming the padding
 * spaces and the quotes some copies put around fields. */
void      jk_lmi_row_split_tsv (JkLmiRow   *row,
                                char       *line);
/* Reads the next CSV record (quoted fields may hold commas, quotes and
 * line ends); fields trimmed. FALSE at the end or on error. */
gboolean  jk_lmi_row_read_csv (JkLmiRow    *row,
                               JkLmiLines  *lines,
                               GError     **error);
/* The column named name (any case, trimmed), or -1. */
int       jk_lmi_row_find     (const JkLmiRow *row,
                               const char     *name);
/* The first column whose name holds every one of the words (any case),
 * or -1. words ends with NULL. */
int       jk_lmi_row_find_words (const JkLmiRow *row,
                                 int             from,
                                 ...) G_GNUC_NULL_TERMINATED;
/* The field, or "" when the row is short or column is -1. */
const char *jk_lmi_row_get    (const JkLmiRow *row,
                               int             column);

/* ---- Values ----------------------------------------------------------- */

/* A number as the files write it ("1,234.5", " 17.25 ", "$3"). FALSE if
 * text is not one (empty text is not one either). */
gboolean  jk_lmi_parse_number (const char  *text,
                               double      *value);
/* "29-1141" from "29-1141", "291141", "29-1141.00" or "11-1011.03"; FALSE
 * if text is none of these. soc holds 8 bytes. */
gboolean  jk_lmi_parse_soc    (const char  *text,
                               char        *soc);

/* ---- The release being written ---------------------------------------- */

typedef struct {
  JkStore *store;
  sqlite3 *db;
  char state[3];        /* "39" */
  const char *state_abbr;   /* "OH" */
  const char *state_name;   /* "Ohio" */
  char metro[8];        /* "0018140", or "" */
  JkLmiRelease *release;
  gint64 release_id;
  GHashTable *titles;   /* soc → title from OEWS or projections: lmi_occupations where O*NET has none */
} JkLmiImport;

/* Sets error to "PATH:LINE: reason" (a translated printf format). */
void      jk_lmi_fail         (GError     **error,
                               JkLmiLines  *lines,
                               const char  *format,
                               ...) G_GNUC_PRINTF (3, 4);
/* Fails for a missing column. */
void      jk_lmi_fail_column  (GError     **error,
                               JkLmiLines  *lines,
                               const char  *column);
/* Fails for a row with too few fields. */
void      jk_lmi_fail_short   (GError     **error,
                               JkLmiLines  *lines,
                               guint        found,
                               guint        expected);
/* Fails for a value that is not a number. */
void      jk_lmi_fail_number  (GError     **error,
                               JkLmiLines  *lines,
                               const char  *text);
gboolean  jk_lmi_step         (JkLmiImport  *import,
                               sqlite3_stmt *stmt,
                               GError      **error);
void      jk_lmi_bind_number  (sqlite3_stmt *stmt,
                               int           index,
                               gboolean      present,
                               double        value);
void      jk_lmi_bind_text    (sqlite3_stmt *stmt,
                               int           index,
                               const char   *text);
/* Writes an area (replacing its name). */
gboolean  jk_lmi_add_area     (JkLmiImport  *import,
                               const char   *code,
                               const char   *name,
                               const char   *type,
                               const char   *state,
                               GError      **error);
/* Remembers a title for soc, written at the end where nothing better is. */
void      jk_lmi_add_title    (JkLmiImport  *import,
                               const char   *soc,
                               const char   *title);
/* The state a 2-letter postal code is, "39" for "OH"; NULL if none. */
const char *jk_lmi_state_fips_for_abbr (const char *abbr);
/* Whether a metro's title ("Cincinnati, OH-KY-IN") names abbr among its states. */
gboolean  jk_lmi_title_in_state (const char *title,
                                 const char *abbr);

/* What each reader reads: the files of one release, and what they say
 * about it (name, source) set on import->release before the rows. A
 * reader only names the release (sets name) in its peek: the release row
 * is written before the rows, replacing the earlier one. */
typedef struct {
  const char *kind;
  /* Reads enough to name the release (a header, the first row). */
  gboolean (*peek) (JkLmiImport *import, GPtrArray *paths, char **name, char **source, GError **error);
  gboolean (*run)  (JkLmiImport *import, GPtrArray *paths, GError **error);
} JkLmiFormat;

extern const JkLmiFormat jk_lmi_format_oews_flat;
extern const JkLmiFormat jk_lmi_format_oews_csv;
extern const JkLmiFormat jk_lmi_format_laus;
extern const JkLmiFormat jk_lmi_format_projections;
extern const JkLmiFormat jk_lmi_format_projections_state;
extern const JkLmiFormat jk_lmi_format_onet;
extern const JkLmiFormat jk_lmi_format_requirements;

G_END_DECLS
