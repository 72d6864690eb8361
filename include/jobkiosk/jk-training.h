/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-training.h: training programs near the kiosk: the state's Eligible Training Provider List and the CIP-SOC crosswalk */
#pragma once

#include <glib.h>

#include "jk-lmi.h"
#include "jk-store.h"

G_BEGIN_DECLS

/* The tables are migration 19's (training_imports, training_programs,
 * training_cip_soc in jk-store.c). Two files feed them, each a CSV (RFC
 * 4180; UTF-8 with or without a byte order mark, else read as
 * Windows-1252), told apart by their header:
 *
 * - the state's Eligible Training Provider List (ETPL), one row a
 *   program. Columns are found by name: a header is compared with the
 *   built-in names of each field below (case, spaces and punctuation
 *   aside: "Program Length (Weeks)" is "program length weeks"), or with
 *   the header a map file gives it. provider, program and cip are
 *   required; the rest may be absent.
 * - the NCES/BLS CIP 2020 - SOC 2018 crosswalk: CIP2020Code, CIP2020Title,
 *   SOC2018Code, SOC2018Title (a header with a CIP and a SOC column and no
 *   provider). Its "no match" rows (99.9999, 99-9999) are skipped.
 *
 * Importing either replaces what the kiosk had of that kind, in one
 * transaction; a file that cannot be read whole (no required column, a
 * quote left open, a record with more or fewer fields than the header, a
 * CIP or SOC code that is not one, an amount or rate that is not a number)
 * is refused with JK_TRAINING_ERROR_FORMAT, "FILE:LINE: reason", and the
 * earlier list stays.
 *
 * Values: a cost "$1,200.00", "1200" or "1,200" is kept in cents; empty,
 * "N/A", "TBD", "Varies" and the like are not known (NULL). A rate "85%",
 * "85" or "0.85" is kept as 0-100 (a bare number of 1 or less is a
 * fraction: "1" is 100 %). Median earnings are kept as the list gives
 * them (WIOA reports earnings in the second quarter after exit). Outcomes
 * the list does not give stay unknown (NAN here, null in JSON).
 *
 * The map file: lines "our-name = their header" (# begins a comment), our
 * names being the field names below (provider, program, cip, credential,
 * weeks, hours, cost, mode, schedule, address, city, state, postal_code,
 * phone, url, completion_rate, employment_rate, median_earnings). A mapped
 * header wins over the built-in names. */

#define JK_TRAINING_ERROR (jk_training_error_quark ())

typedef enum {
  JK_TRAINING_ERROR_FORMAT, /* the file (or the map) is not one the kiosk can read: FILE:LINE: reason */
  JK_TRAINING_ERROR_EMPTY,  /* nothing to import at the path */
} JkTrainingError;

GQuark       jk_training_error_quark   (void);

/* "11.0701", "110701", "11.07" (a series: "11.0700"), "1.0101" (a
 * spreadsheet's lost zero: "01.0101") → "NN.NNNN"; NULL when text is no
 * CIP code. */
char        *jk_training_normalize_cip (const char *text);

typedef enum {
  JK_TRAINING_FILE_ETPL,
  JK_TRAINING_FILE_CROSSWALK,
} JkTrainingFileKind;

typedef struct {
  JkTrainingFileKind kind;
  char *source;       /* the file's name */
  gint64 rows;        /* programs, or crosswalk pairs, kept */
  gint64 skipped;     /* crosswalk rows saying "no match" */
  gboolean demo;      /* the file's folder holds DEMO-DATA.txt */
} JkTrainingImport;

void         jk_training_import_free   (JkTrainingImport *import);

/* Imports one file (its kind from its header), or every .csv file in a
 * folder (crosswalks first). map_path (or NULL) is the column map for an
 * ETPL. Appends a JkTrainingImport per file to imports (may be NULL).
 * Each file is its own transaction: on an error the files before it stay
 * imported, that one and the rest are not. */
gboolean     jk_training_import        (JkStore     *store,
                                        const char  *path,
                                        const char  *map_path,
                                        GPtrArray   *imports,
                                        GError     **error);
/* jk_training_import when the database has no programs yet (start-up:
 * [training] data and map); TRUE at once for a NULL path. */
gboolean     jk_training_import_if_empty (JkStore    *store,
                                          const char *path,
                                          const char *map_path,
                                          GError    **error);
/* Whether the list the kiosk has is demo data (the newest ETPL import's
 * folder held DEMO-DATA.txt); FALSE when it has none. */
gboolean     jk_training_is_demo       (JkStore    *store);

/* ---------------------------------------------------------------------- */
/* Searching                                                              */

typedef struct {
  gint64 id;
  char *provider;
  char *program;
  char *cip;            /* NN.NNNN, or NULL */
  char *credential;
  double weeks;         /* as the list says; NAN when it gives none */
  double hours;         /* NAN when it gives none */
  gint64 cost_cents;    /* -1 when not known */
  char *mode, *schedule;
  char *address, *city, *state, *postal_code, *phone, *url;
  double completion_rate;  /* 0-100; NAN when not given */
  double employment_rate;  /* 0-100; NAN when not given */
  double median_earnings;  /* dollars; NAN when not given */
  double distance_miles;   /* from the kiosk to the provider's ZIP centroid; NAN when either is unknown */
  char *soc;            /* short programs: the occupation it leads to that pays best here; else NULL */
  char *occupation;     /* that occupation's title; NULL when not known */
  double pay;           /* short programs: its median annual pay here; else NAN */
  gboolean demo;
} JkTrainingProgram;

void         jk_training_program_free  (JkTrainingProgram *program);

/* A program's length in weeks for ordering and "short": its weeks, else
 * its hours at 40 a week (full time); NAN when the list gives neither. */
double       jk_training_program_length (const JkTrainingProgram *program);

typedef struct {
  const char *soc;      /* the occupation ("31-1131"); NULL: every program */
  gboolean has_origin;  /* measure distances from here */
  double latitude;
  double longitude;
  guint limit;          /* 0: all */
} JkTrainingQuery;

/* The programs that lead to query->soc through the crosswalk (one row per
 * program, however many of its occupations it leads to), nearest first
 * (programs whose distance is not known last), then shortest (length as
 * jk_training_program_length; unknown last), then by program name. An
 * array (maybe empty) of JkTrainingProgram, or NULL with error. */
GPtrArray   *jk_training_search        (JkStore               *store,
                                        const JkTrainingQuery *query,
                                        GError               **error);
/* How many programs lead to soc (jk_training_search's rows without a limit). */
gint64       jk_training_count         (JkStore    *store,
                                        const char *soc,
                                        GError    **error);
/* One program by its id, its distance measured from the query's origin
 * (query->soc and limit are not used; query may be NULL). NULL with
 * JK_TRAINING_ERROR_EMPTY when there is no such program. */
JkTrainingProgram *jk_training_get     (JkStore               *store,
                                        gint64                 id,
                                        const JkTrainingQuery *query,
                                        GError               **error);

/* "Short programs that raise pay", precisely:
 *
 * - An occupation's pay here is its median annual wage (OEWS) for the
 *   kiosk's metro, else its state, else the nation: the newest release
 *   that publishes the figure for that area.
 * - The bar is the median of that pay over the occupations whose typical
 *   entry education is "No formal educational credential" (BLS's
 *   projections: the state's, else any area's, newest release), or, for an
 *   occupation BLS gives no education for, whose most common O*NET
 *   Required Level of Education is category 1 (less than high school).
 *   The median of an even count is the mean of the two middle pays.
 * - A short program is one whose length (jk_training_program_length) is
 *   26 weeks or less.
 * - Listed: each short program leading (through the crosswalk) to an
 *   occupation whose pay is strictly above the bar, with that occupation
 *   (the best paid when it leads to several) in soc, occupation and pay;
 *   nearest first, then shortest, then by name.
 *
 * out_bar (may be NULL) gets the bar, NAN when there is none (no pay for
 * any such occupation): the list is then empty. query->soc is not used. */
GPtrArray   *jk_training_short_programs (JkStore               *store,
                                         const JkLmiPlace      *place,
                                         const JkTrainingQuery *query,
                                         double                *out_bar,
                                         GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkTrainingImport, jk_training_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkTrainingProgram, jk_training_program_free)

G_END_DECLS
