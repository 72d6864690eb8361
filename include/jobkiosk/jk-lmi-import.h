/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jk-store.h"

G_BEGIN_DECLS

/* Labor market information in its published formats: BLS OEWS (time-series
 * flat files or spreadsheets saved as CSV), LAUS flat files, Employment
 * Projections CSVs, O*NET database text files, and the center's hiring
 * requirements CSV. Files are read as a stream; each release (the files of
 * one kind given together) is written in one transaction that replaces an
 * earlier import of the same release, or not at all. */

#define JK_LMI_IMPORT_ERROR (jk_lmi_import_error_quark ())

typedef enum {
  JK_LMI_IMPORT_ERROR_UNKNOWN, /* not a file the import knows */
  JK_LMI_IMPORT_ERROR_FORMAT,  /* malformed or partial: "FILE:LINE: reason" */
  JK_LMI_IMPORT_ERROR_READ,    /* cannot be read */
} JkLmiImportError;

/* Rows left out on purpose, by why. */
typedef enum {
  JK_LMI_SKIP_OTHER_AREAS,   /* other states, their metros and counties */
  JK_LMI_SKIP_INDUSTRIES,    /* figures of one industry, not all industries */
  JK_LMI_SKIP_GROUPS,        /* occupation groups (major, minor, broad, summary) */
  JK_LMI_SKIP_FIGURES,       /* figures the kiosk does not show (standard errors, other measures, levels) */
  JK_LMI_SKIP_OTHER_YEARS,   /* another year than the release's */
  JK_LMI_SKIP_ADJUSTED,      /* seasonally adjusted series (the unadjusted ones are kept) */
  JK_LMI_SKIP_N,
} JkLmiSkip;

typedef struct {
  char *kind;        /* oews, laus, projections, onet, requirements */
  char *name;        /* "May 2024", "2023-2033", "29.1" */
  char *source;      /* who published it */
  gboolean demo;     /* from a folder with DEMO-DATA.txt */
  gboolean replaced; /* an earlier import of this release was replaced */
  char *files;       /* the files read, by name, comma-separated */
  gint64 taken;      /* rows written */
  gint64 skipped[JK_LMI_SKIP_N];
} JkLmiRelease;

typedef struct {
  const char *state; /* 2-digit FIPS ("39"): its figures, its metros' and counties' are kept */
  const char *metro; /* the kiosk's metro (CBSA "18140"), kept even if outside the state; or NULL */
} JkLmiImportOptions;

GQuark        jk_lmi_import_error_quark (void);

/* Imports paths (files, or folders read with their subfolders). Each
 * release imported is added to releases (a GPtrArray made with
 * jk_lmi_release_list_new), in the order written. Stops at the first
 * release refused, with error: the releases before it stay imported, the
 * refused one's earlier import keeps serving. */
gboolean      jk_lmi_import             (JkStore                  *store,
                                         const char *const        *paths,
                                         const JkLmiImportOptions *options,
                                         GPtrArray                *releases,
                                         GError                  **error);

/* Imports path when the database holds no labor market information yet:
 * a kiosk's bundled or first data, at start-up ([lmi] data). TRUE when
 * there was nothing to do. */
gboolean      jk_lmi_import_if_empty    (JkStore                  *store,
                                         const char               *path,
                                         const JkLmiImportOptions *options,
                                         GError                  **error);
GPtrArray    *jk_lmi_release_list_new   (void);
void          jk_lmi_release_free       (JkLmiRelease *release);
/* "5,812,402 rows of other states and areas skipped", in the visit's
 * language; NULL when none were. */
char         *jk_lmi_describe_skip      (const JkLmiRelease *release,
                                         JkLmiSkip           why);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkLmiRelease, jk_lmi_release_free)

G_END_DECLS
