/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-interests.c: the interest quiz: its cards, scoring the answers, the occupations that fit */

#define G_LOG_DOMAIN "jk-interests"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-lmi-words.h>
#include <jobkiosk/jk-pay-chart.h>

#include "jobkiosk/jk-interests.h"
#include "lmi/jk-lmi-query-private.h"
#include "store/jk-store-private.h"

#define NATION "0000000"
#define N_ACTIVITIES 3

static const char *const area_ids[JK_INTEREST_N_AREAS] = {
  "realistic", "investigative", "artistic", "social", "enterprising", "conventional",
};

typedef struct {
  GPtrArray *cards;
  GError *error;
} Cards;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
card_free (JkInterestCard *card)
{
  g_free (card->id);
  g_free (card->text_en);
  g_free (card->text_es);
  g_free (card->icon);
  g_free (card);
}

static int
area_for_id (const char *id)
{
  for (int i = 0; i < JK_INTEREST_N_AREAS; i++)
    if (g_strcmp0 (id, area_ids[i]) == 0)
      return i;
  return -1;
}

static gpointer
load_cards (gpointer data)
{
  Cards *cards = g_new0 (Cards, 1);
  g_autofree char *path = g_build_filename (jk_get_pkgdatadir (), "interests", "cards.ini", NULL);
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_auto (GStrv) groups = NULL;

  cards->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_free);
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &cards->error))
    {
      g_prefix_error (&cards->error, "%s: ", path);
      return cards;
    }
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      JkInterestCard *card = g_new0 (JkInterestCard, 1);
      g_autofree char *area = g_key_file_get_string (file, groups[i], "area", NULL);
      int index = area_for_id (area);

      card->id = g_strdup (groups[i]);
      card->text_en = g_key_file_get_string (file, groups[i], "text", NULL);
      card->text_es = g_key_file_get_locale_string (file, groups[i], "text", "es", NULL);
      card->icon = g_key_file_get_string (file, groups[i], "icon", NULL);
      g_ptr_array_add (cards->cards, card);
      /* A card without its area or either language would skew the scores or show nothing. */
      if (index < 0 || card->text_en == NULL || card->text_es == NULL ||
          g_str_equal (card->text_en, card->text_es))
        {
          g_set_error (&cards->error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "%s: card “%s” needs an area and its text in English and Spanish", path, groups[i]);
          return cards;
        }
      card->area = index;
    }
  if (cards->cards->len == 0)
    g_set_error (&cards->error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_NOT_FOUND, "%s: no cards", path);
  return cards;
}

static void
match_free (JkInterestMatch *match)
{
  g_free (match->soc);
  g_free (match->title);
  g_free (match->open_jobs_text);
  g_free (match);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const JkInterestMatch *ma = *(JkInterestMatch *const *) a, *mb = *(JkInterestMatch *const *) b;

  if (ma->fit != mb->fit)
    return ma->fit > mb->fit ? -1 : 1;
  return g_strcmp0 (ma->title, mb->title);
}

/* The areas above 0, best first (ties in RIASEC order), at most three. */
static void
find_top (JkInterestResult *result)
{
  gboolean used[JK_INTEREST_N_AREAS] = { FALSE };

  result->n_top = 0;
  while (result->n_top < G_N_ELEMENTS (result->top))
    {
      int best = -1;

      for (int i = 0; i < JK_INTEREST_N_AREAS; i++)
        if (!used[i] && result->scores[i] > 0 && (best < 0 || result->scores[i] > result->scores[best]))
          best = i;
      if (best < 0)
        break;
      used[best] = TRUE;
      result->top[result->n_top++] = best;
    }
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static gboolean
read_activities (JkStore           *store,
                 JkInterestResult  *result,
                 gint64             release_id,
                 GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (result->n_top == 0)
    return TRUE;
  stmt = jk_store_prepare (store,
                           "SELECT activity FROM lmi_interest_activities WHERE release_id = ?1 AND area = ?2"
                           " ORDER BY rowid LIMIT ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, release_id);
  sqlite3_bind_text (stmt, 2, area_ids[result->top[0]], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, N_ACTIVITIES);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result->activities, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the interest activities");
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const GPtrArray *
jk_interest_cards (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const Cards *cards = g_once (&once, load_cards, NULL);

  if (cards->error != NULL)
    {
      g_propagate_error (error, g_error_copy (cards->error));
      return NULL;
    }
  return cards->cards;
}

const char *
jk_interest_card_text (const JkInterestCard *card,
                       const char           *language)
{
  return language != NULL && g_str_has_prefix (language, "es") ? card->text_es : card->text_en;
}

const char *
jk_interest_area_id (JkInterestArea area)
{
  g_return_val_if_fail (area < JK_INTEREST_N_AREAS, NULL);
  return area_ids[area];
}

const char *
jk_interest_area_label (JkInterestArea area)
{
  static const char *const labels[JK_INTEREST_N_AREAS] = {
    /* TRANSLATORS: the six interest areas (Holland's RIASEC), in a word or two */
    N_("Hands-on"), N_("Finding things out"), N_("Creating"), N_("Helping people"), N_("Leading and selling"),
    N_("Organizing"),
  };

  g_return_val_if_fail (area < JK_INTEREST_N_AREAS, NULL);
  return _(labels[area]);
}

const char *
jk_interest_area_sentence (JkInterestArea area)
{
  static const char *const sentences[JK_INTEREST_N_AREAS] = {
    N_("You like working with your hands and fixing things."),
    N_("You like finding out how things work and solving problems."),
    N_("You like making things and showing your own ideas."),
    N_("You like helping, teaching and taking care of people."),
    N_("You like leading people, selling and starting things."),
    N_("You like keeping things in order and working with numbers."),
  };

  g_return_val_if_fail (area < JK_INTEREST_N_AREAS, NULL);
  return _(sentences[area]);
}

const char *
jk_interest_job_zone_label (int zone)
{
  /* O*NET's Job Zones 1-5 in plain words. */
  static const char *const labels[] = {
    N_("Little or no preparation"), N_("Some preparation"), N_("Medium preparation"),
    N_("Considerable preparation"), N_("Extensive preparation"),
  };

  if (zone < 1 || zone > 5)
    return NULL;
  return _(labels[zone - 1]);
}

gboolean
jk_interests_parse_answers (const char       *text,
                            JkInterestAnswer *answers,
                            guint             n_answers,
                            GError          **error)
{
  if (strlen (text) != n_answers)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%u answers given, the quiz has %u cards: one of y, n or ? for each", (guint) strlen (text),
                   n_answers);
      return FALSE;
    }
  for (guint i = 0; i < n_answers; i++)
    switch (g_ascii_tolower (text[i]))
      {
      case 'y':
        answers[i] = JK_INTEREST_LIKE;
        break;
      case 'n':
        answers[i] = JK_INTEREST_DISLIKE;
        break;
      case '?':
        answers[i] = JK_INTEREST_NOT_SURE;
        break;
      default:
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     "answer %u is “%c”: one of y, n or ? for each card", i + 1, text[i]);
        return FALSE;
      }
  return TRUE;
}

void
jk_interests_score (const GPtrArray        *cards,
                    const JkInterestAnswer *answers,
                    guint                   n_answers,
                    double                  scores[JK_INTEREST_N_AREAS],
                    guint                  *decided)
{
  int net[JK_INTEREST_N_AREAS] = { 0 };
  int answered[JK_INTEREST_N_AREAS] = { 0 };

  *decided = 0;
  for (guint i = 0; i < MIN (n_answers, cards->len); i++)
    {
      const JkInterestCard *card = cards->pdata[i];

      if (answers[i] == JK_INTEREST_UNANSWERED)
        continue;
      answered[card->area]++;
      if (answers[i] == JK_INTEREST_LIKE)
        net[card->area]++;
      else if (answers[i] == JK_INTEREST_DISLIKE)
        net[card->area]--;
      if (answers[i] != JK_INTEREST_NOT_SURE)
        (*decided)++;
    }
  for (int a = 0; a < JK_INTEREST_N_AREAS; a++)
    scores[a] = answered[a] > 0 ? (double) net[a] / answered[a] : 0.0;
}

double
jk_interests_fit (const double a[JK_INTEREST_N_AREAS],
                  const double b[JK_INTEREST_N_AREAS])
{
  double mean_a = 0, mean_b = 0, sab = 0, saa = 0, sbb = 0;

  for (int i = 0; i < JK_INTEREST_N_AREAS; i++)
    {
      mean_a += a[i] / JK_INTEREST_N_AREAS;
      mean_b += b[i] / JK_INTEREST_N_AREAS;
    }
  for (int i = 0; i < JK_INTEREST_N_AREAS; i++)
    {
      sab += (a[i] - mean_a) * (b[i] - mean_b);
      saa += (a[i] - mean_a) * (a[i] - mean_a);
      sbb += (b[i] - mean_b) * (b[i] - mean_b);
    }
  /* A flat profile says nothing about which areas stand out. */
  if (saa < 1e-12 || sbb < 1e-12)
    return NAN;
  return sab / sqrt (saa * sbb);
}

void
jk_interest_result_free (JkInterestResult *result)
{
  if (result == NULL)
    return;
  g_free (result->message);
  g_clear_pointer (&result->occupations, g_ptr_array_unref);
  g_clear_pointer (&result->activities, g_ptr_array_unref);
  g_free (result->onet_release);
  g_free (result);
}

JkInterestResult *
jk_interests_match (JkStore                *store,
                    const JkInterestAnswer *answers,
                    guint                   n_answers,
                    guint                   limit,
                    GError                **error)
{
  g_autoptr (JkInterestResult) result = g_new0 (JkInterestResult, 1);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const GPtrArray *cards = jk_interest_cards (error);
  gint64 release_id = 0;
  double variance = 0, mean = 0;
  int rc;

  if (cards == NULL)
    return NULL;
  result->occupations = g_ptr_array_new_with_free_func ((GDestroyNotify) match_free);
  result->activities = g_ptr_array_new_with_free_func (g_free);
  jk_interests_score (cards, answers, n_answers, result->scores, &result->decided);
  for (guint i = 0; i < n_answers; i++)
    result->answered += answers[i] != JK_INTEREST_UNANSWERED;
  find_top (result);
  for (int a = 0; a < JK_INTEREST_N_AREAS; a++)
    mean += result->scores[a] / JK_INTEREST_N_AREAS;
  for (int a = 0; a < JK_INTEREST_N_AREAS; a++)
    variance += (result->scores[a] - mean) * (result->scores[a] - mean);

  stmt = jk_store_prepare (store,
                           "SELECT r.id, r.name, r.demo FROM lmi_releases r"
                           " WHERE r.id = (SELECT max (release_id) FROM lmi_interests)",
                           error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      release_id = sqlite3_column_int64 (stmt, 0);
      result->onet_release = column_text (stmt, 1);
      result->onet_demo = sqlite3_column_int (stmt, 2) != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot find the interest profiles");
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!read_activities (store, result, release_id, error))
    return NULL;

  if (result->decided < JK_INTERESTS_MIN_ANSWERED || variance < 1e-12)
    {
      result->message = g_strdup (_("We can't tell yet. Answer a few more cards with “I'd like it” or “Not for me”, "
                                    "and we will show jobs that may suit you."));
      return g_steal_pointer (&result);
    }
  result->ranked = TRUE;
  if (release_id == 0)
    return g_steal_pointer (&result);

  stmt = jk_store_prepare (store,
                           "SELECT i.soc, coalesce (o.title, i.soc), o.job_zone, i.realistic, i.investigative,"
                           " i.artistic, i.social, i.enterprising, i.conventional"
                           " FROM lmi_interests i LEFT JOIN lmi_occupations o ON o.soc = i.soc WHERE i.release_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, release_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double profile[JK_INTEREST_N_AREAS];
      JkInterestMatch *match;
      double fit;
      gboolean whole = TRUE;

      for (int a = 0; a < JK_INTEREST_N_AREAS; a++)
        {
          whole &= sqlite3_column_type (stmt, 3 + a) != SQLITE_NULL;
          profile[a] = sqlite3_column_double (stmt, 3 + a);
        }
      fit = whole ? jk_interests_fit (result->scores, profile) : NAN;
      if (!(fit > 0))
        continue;
      match = g_new0 (JkInterestMatch, 1);
      match->soc = column_text (stmt, 0);
      match->title = column_text (stmt, 1);
      match->job_zone = sqlite3_column_int (stmt, 2);
      match->fit = fit;
      match->annual_median = NAN;
      match->open_jobs = -1;
      g_ptr_array_add (result->occupations, match);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the interest profiles");
      return NULL;
    }
  g_ptr_array_sort (result->occupations, compare_matches);
  limit = limit > 0 ? limit : 20;
  if (result->occupations->len > limit)
    g_ptr_array_set_size (result->occupations, limit);
  return g_steal_pointer (&result);
}

gboolean
jk_interests_add_details (JkStore          *store,
                          JkInterestResult *result,
                          const JkLmiPlace *place,
                          gint64            now,
                          GError          **error)
{
  g_autofree char *state = jk_lmi_state_area_code (place != NULL ? place->state : NULL);
  g_autofree char *metro = jk_lmi_metro_area_code (place != NULL ? place->metro : NULL);
  g_autoptr (sqlite3_stmt) pay = NULL;

  /* The pay the lists show: the newest of the metro, else the state, else the nation. */
  pay = jk_store_prepare (store,
                          "SELECT w.annual_median, r.demo FROM lmi_wages w JOIN lmi_releases r ON r.id = w.release_id"
                          " WHERE w.soc = ?1 AND w.area_code IN (?2, ?3, '" NATION "') AND w.annual_median IS NOT NULL"
                          " ORDER BY w.area_code = ?2 DESC, w.area_code = ?3 DESC, w.release_id DESC LIMIT 1",
                          error);
  if (pay == NULL)
    return FALSE;
  for (guint i = 0; i < result->occupations->len; i++)
    {
      JkInterestMatch *match = result->occupations->pdata[i];
      int rc;

      sqlite3_reset (pay);
      sqlite3_bind_text (pay, 1, match->soc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (pay, 2, metro != NULL ? metro : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (pay, 3, state != NULL ? state : NATION, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (pay);
      if (rc == SQLITE_ROW)
        {
          match->annual_median = sqlite3_column_double (pay, 0);
          match->demo = sqlite3_column_int (pay, 1) != 0;
        }
      else if (rc != SQLITE_DONE)
        {
          jk_store_set_error (store, error, "Cannot read the pay");
          return FALSE;
        }
      g_clear_pointer (&match->open_jobs_text, g_free);
      match->open_jobs = jk_lmi_count_open_jobs (store, match->soc, now, &match->open_jobs_text, error);
      if (match->open_jobs < 0)
        return FALSE;
      if (match->open_jobs_text == NULL)
        match->open_jobs_text = g_strdup (match->title);
    }
  return TRUE;
}

JkInterestResult *
jk_interest_result_copy (const JkInterestResult *result)
{
  JkInterestResult *copy = g_memdup2 (result, sizeof *result);

  copy->message = g_strdup (result->message);
  copy->onet_release = g_strdup (result->onet_release);
  copy->occupations = g_ptr_array_new_with_free_func ((GDestroyNotify) match_free);
  for (guint i = 0; i < result->occupations->len; i++)
    {
      JkInterestMatch *match = g_memdup2 (result->occupations->pdata[i], sizeof (JkInterestMatch));

      match->soc = g_strdup (match->soc);
      match->title = g_strdup (match->title);
      match->open_jobs_text = g_strdup (match->open_jobs_text);
      g_ptr_array_add (copy->occupations, match);
    }
  copy->activities = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < result->activities->len; i++)
    g_ptr_array_add (copy->activities, g_strdup (result->activities->pdata[i]));
  return copy;
}

const char *
jk_interests_words_about (void)
{
  return _("This is a short exploration built from O*NET data. It is not the official O*NET Interest Profiler, "
           "and it is not a test: there are no right or wrong answers.");
}

char *
jk_interests_words_attribution (const JkInterestResult *result)
{
  g_autofree char *database = NULL;

  if (result->onet_release == NULL)
    return NULL;
  if (result->onet_demo)
    return g_strdup (_("The occupations' interest profiles are demo figures made up for this kiosk."));
  if (g_str_has_prefix (result->onet_release, "O*NET"))
    database = g_strdup (result->onet_release);
  else
    database = g_strdup_printf ("O*NET %s Database", result->onet_release);
  /* TRANSLATORS: O*NET's attribution line, required where its data is shown (CC BY 4.0) */
  return g_strdup_printf (_("This page includes information from the %s by the U.S. Department of Labor, Employment "
                            "and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."),
                          database);
}

char *
jk_interests_words_details (const JkInterestMatch *match)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (isfinite (match->annual_median))
    {
      g_autofree char *pay = jk_pay_chart_format (match->annual_median, FALSE, FALSE);

      /* TRANSLATORS: the median pay in a list of occupations */
      g_ptr_array_add (parts, g_strdup_printf (_("%s a year"), pay));
    }
  if (match->open_jobs >= 0)
    g_ptr_array_add (parts, jk_lmi_words_open_jobs (match->open_jobs));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (GStrv) parts->pdata);
}
