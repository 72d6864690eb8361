/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-interests.h: the interest quiz: its cards, scoring the answers, the occupations that fit */
#pragma once

#include <glib.h>

#include "jk-lmi.h"
#include "jk-store.h"

G_BEGIN_DECLS

/* A short exploration built on O*NET's interest data, not the O*NET
 * Interest Profiler and not a test.
 *
 * The cards (data/interests/cards.ini, the project's own words) each name
 * an activity of one of Holland's six RIASEC areas. A visitor answers any
 * number of them: like, not sure, not for me.
 *
 * Scores: per area, (cards liked - cards disliked) / cards of that area
 * answered (a "not sure" counts as answered, neither liked nor disliked),
 * from -1 to 1; 0 for an area with no answered card.
 *
 * Fit: the Pearson correlation between the visitor's six scores and an
 * occupation's six O*NET occupational interest (OI) ratings (1-7, from
 * Interests.txt), from -1 to 1. Correlation compares the shape of the two
 * profiles (which areas stand out), not their levels, as O*NET's own
 * Interest Profiler matches on profiles. Occupations are ranked by fit;
 * only those with a fit above 0 are listed.
 *
 * Too little to rank: fewer than JK_INTERESTS_MIN_ANSWERED cards liked or
 * disliked, or the six scores all the same (no variance: a correlation is
 * undefined). Then no occupation is listed and the result has a message. */

#define JK_INTERESTS_MIN_ANSWERED 5

typedef enum {
  JK_INTEREST_REALISTIC,
  JK_INTEREST_INVESTIGATIVE,
  JK_INTEREST_ARTISTIC,
  JK_INTEREST_SOCIAL,
  JK_INTEREST_ENTERPRISING,
  JK_INTEREST_CONVENTIONAL,
  JK_INTEREST_N_AREAS,
} JkInterestArea;

typedef enum {
  JK_INTEREST_UNANSWERED,
  JK_INTEREST_LIKE,       /* "y" */
  JK_INTEREST_NOT_SURE,   /* "?" */
  JK_INTEREST_DISLIKE,    /* "n" */
} JkInterestAnswer;

typedef struct {
  char *id;               /* stable: "fix-engine" */
  JkInterestArea area;
  char *text_en;
  char *text_es;
  char *icon;             /* an icon name of the Adwaita theme */
} JkInterestCard;

/* The cards in quiz order (JkInterestCard), read once from
 * jk_get_pkgdatadir ()/interests/cards.ini; shared, never freed. NULL with
 * error set when the file is missing or wrong. */
const GPtrArray *jk_interest_cards       (GError **error);
/* The card's text in the language given ("es…" Spanish, else English). */
const char  *jk_interest_card_text       (const JkInterestCard *card,
                                          const char           *language);

/* "realistic" … "conventional" */
const char  *jk_interest_area_id         (JkInterestArea area);
/* "Hands-on", translated. */
const char  *jk_interest_area_label      (JkInterestArea area);
/* "You like working with your hands and fixing things", translated. */
const char  *jk_interest_area_sentence   (JkInterestArea area);
/* "Little or no preparation" … "Extensive preparation" for job zones 1-5,
 * translated; NULL for another zone. */
const char  *jk_interest_job_zone_label  (int zone);

/* "y", "n", "?" per card into answers (n_answers long). FALSE, error
 * G_IO_ERROR_INVALID_ARGUMENT, when text has another length or letter. */
gboolean     jk_interests_parse_answers  (const char       *text,
                                          JkInterestAnswer *answers,
                                          guint             n_answers,
                                          GError          **error);

/* The six scores (see above) of the answers to cards (in quiz order); the
 * number of cards liked or disliked in *decided. */
void         jk_interests_score          (const GPtrArray        *cards,
                                          const JkInterestAnswer *answers,
                                          guint                   n_answers,
                                          double                  scores[JK_INTEREST_N_AREAS],
                                          guint                  *decided);
/* Pearson's r of the two profiles; NAN when either has no variance. */
double       jk_interests_fit            (const double a[JK_INTEREST_N_AREAS],
                                          const double b[JK_INTEREST_N_AREAS]);

typedef struct {
  char *soc;
  char *title;
  double fit;             /* -1 to 1 */
  int job_zone;           /* 1-5; 0 when O*NET gave none */
  /* Filled by jk_interests_add_details: */
  double annual_median;   /* NAN when not published: the metro's, else the state's, else the nation's */
  gboolean demo;          /* the pay is demo data */
  gint64 open_jobs;       /* active postings for it; -1 when not counted */
  char *open_jobs_text;   /* what to hand to job search for them */
} JkInterestMatch;

typedef struct {
  double scores[JK_INTEREST_N_AREAS];
  guint decided;          /* cards liked or disliked */
  guint answered;         /* cards answered at all */
  JkInterestArea top[3];  /* the areas scored above 0, best first */
  guint n_top;
  gboolean ranked;        /* FALSE: too little to rank; message says so */
  char *message;          /* translated; NULL when ranked */
  GPtrArray *occupations; /* JkInterestMatch, best fit first, at most the limit asked */
  GPtrArray *activities;  /* char *: O*NET's illustrative activities of the top area (English), may be empty */
  char *onet_release;     /* the O*NET release the profiles are from, for its attribution line; NULL when none */
  gboolean onet_demo;
} JkInterestResult;

void         jk_interest_result_free     (JkInterestResult *result);
JkInterestResult *jk_interest_result_copy (const JkInterestResult *result);

/* Scores the answers and ranks the occupations of the newest release with
 * interest profiles: at most limit (0: 20). One read of lmi_interests. */
JkInterestResult *jk_interests_match     (JkStore                *store,
                                          const JkInterestAnswer *answers,
                                          guint                   n_answers,
                                          guint                   limit,
                                          GError                **error);
/* Pay here and open jobs for each occupation of result. */
gboolean     jk_interests_add_details    (JkStore          *store,
                                          JkInterestResult *result,
                                          const JkLmiPlace *place,
                                          gint64            now,
                                          GError          **error);

/* What the page and the printed sheet both say, in the current (or the
 * thread's) language. */
/* That this is a short exploration, not the O*NET Interest Profiler and not a test. */
const char  *jk_interests_words_about    (void);
/* O*NET's attribution line for the profiles, or that they are the demo's. */
char        *jk_interests_words_attribution (const JkInterestResult *result);
/* "$38,270 a year · 3 jobs open near you now"; the pay left out when not published. */
char        *jk_interests_words_details  (const JkInterestMatch *match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkInterestResult, jk_interest_result_free)

G_END_DECLS
