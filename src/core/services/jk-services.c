/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-services.c: the nine categories, and searching the services directory in English and Spanish */

#define G_LOG_DOMAIN "jk-services"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-search.h>
#include <math.h>
#include <string.h>

#include "jobkiosk/jk-services.h"
#include "services/jk-services-private.h"
#include "store/jk-store-private.h"

typedef struct {
  const char *key;
  const char *name;        /* msgid: the tile's words */
  const char *codes[4];    /* AIRS / 211 LA taxonomy code prefixes */
  const char *words[24];   /* word beginnings in a term's name or a list's cell (lower case) */
  const char *search;      /* indexed with each service in the key: what visitors type, English and Spanish */
} Category;

/* In the tiles' order; the first whose words a term has wins, so the
 * narrow ones (childcare, disability, legal) come before the broad. */
static const Category categories[] = {
  { "childcare", N_("Child care"), { "PH-1250", NULL },
    { "childcare", "child care", "daycare", "day care", "preschool", "head start", "babysit", "cuidado de niños",
      "guardería", "guarderia", NULL },
    "childcare child care daycare preschool babysitting kids children cuidado niños guardería infantil" },
  { "transportation", N_("Getting to work"), { "BT", NULL },
    { "transport", "transit", "bus", "ride", "getting to work", "car repair", "gas card", "transporte", "autobús",
      "autobus", NULL },
    "transportation getting to work bus pass ride rides transit car gas transporte autobús camión viaje" },
  { "food", N_("Food"), { "BD", NULL },
    { "food", "meal", "pantry", "pantries", "nutrition", "grocer", "snap", "wic", "soup kitchen", "comida",
      "alimento", "despensa", NULL },
    "food pantry meals groceries nutrition comida alimentos despensa" },
  { "housing", N_("Housing"), { "BH", NULL },
    { "housing", "shelter", "rent", "homeless", "eviction", "vivienda", "albergue", "refugio", "alquiler", NULL },
    "housing shelter rent homeless eviction vivienda albergue refugio renta alquiler casa" },
  { "health", N_("Health"), { "L", NULL },
    { "health", "medical", "dental", "clinic", "mental", "doctor", "salud", "clínica", "clinica", "médic", NULL },
    "health clinic medical doctor dental mental salud clínica médico dentista" },
  { "education", N_("Education and GED"), { "H", NULL },
    { "education", "ged", "literacy", "esl", "english class", "adult basic", "class", "school", "educación",
      "educacion", "clases", NULL },
    "education ged classes literacy english school diploma educación clases inglés escuela diploma" },
  { "disability", N_("Disability services"), { "LR", NULL },
    { "disabilit", "disabled", "deaf", "blind", "wheelchair", "discapacidad", NULL },
    "disability disabilities disabled accessible discapacidad discapacidades" },
  { "legal", N_("Legal help"), { "F", NULL },
    { "legal", "lawyer", "attorney", "court", "expunge", "abogado", NULL },
    "legal help lawyer attorney court law ayuda legal abogado corte ley" },
  { "money", N_("Money and benefits"), { "BV", "N", NULL },
    { "money", "benefit", "financ", "tax", "utilit", "cash", "income", "dinero", "beneficio", "impuesto", NULL },
    "money benefits financial taxes utility bills cash dinero beneficios impuestos ayuda financiera" },
};

/* Narrow before broad when a term's words are looked at. */
static const guint word_order[] = { 0, 6, 7, 2, 3, 1, 5, 4, 8 };

/* The statements read_details runs for each service found, prepared once
 * a search. */
typedef struct {
  sqlite3_stmt *place;
  sqlite3_stmt *phone;
  sqlite3_stmt *languages;
  sqlite3_stmt *keys;
  sqlite3_stmt *eligible;
  sqlite3_stmt *schedules;
} Details;

G_DEFINE_QUARK (jk-services-error-quark, jk_services_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static const Category *
find_category (const char *key)
{
  for (gsize i = 0; key != NULL && i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i].key, key))
      return &categories[i];
  return NULL;
}

/* Whether word begins a word of text (both lower case). */
static gboolean
has_word (const char *text,
          const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if (p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
      {
        /* A short word ("ged", "bus", "tax") only whole, or plural. */
        gunichar after = g_utf8_get_char (p + length);

        if (length > 3 || !g_unichar_isalpha (after) || after == 's' || after == 'e')
          return TRUE;
      }
  return FALSE;
}

/* The code's letters before its first "-" or ".", when it is an AIRS code. */
static gboolean
code_matches (const char *code,
              const char *prefix)
{
  gsize length = strlen (prefix);

  if (strncmp (code, prefix, length) != 0)
    return FALSE;
  /* "L" is health, "LR" disability: the prefix must end at a boundary
   * or be followed by more of a longer prefix given separately. */
  return code[length] == '\0' || code[length] == '-' || code[length] == '.' || strchr (prefix, '-') != NULL ||
         (length == 1 && g_ascii_isupper (code[length]) && g_ascii_isupper (code[0]));
}

static void
append_array (GPtrArray *array,
              const char *text)
{
  g_ptr_array_add (array, g_strdup (text));
}

static GStrv
strv_from (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (GStrv) g_ptr_array_free (array, FALSE);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The schedules of a service, else its place's. */
static GPtrArray *
read_schedules (sqlite3_stmt *stmt,
                gint64        service,
                gint64        location)
{
  GPtrArray *schedules = g_ptr_array_new_with_free_func (g_free);

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, service);
  sqlite3_bind_int64 (stmt, 2, location);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JkServiceSchedule *s = g_new0 (JkServiceSchedule, 1);
      const char *from = (const char *) sqlite3_column_text (stmt, 3);
      const char *to = (const char *) sqlite3_column_text (stmt, 4);

      s->days = jk_services_parse_days ((const char *) sqlite3_column_text (stmt, 0));
      s->opens = jk_services_parse_time ((const char *) sqlite3_column_text (stmt, 1));
      s->closes = jk_services_parse_time ((const char *) sqlite3_column_text (stmt, 2));
      g_strlcpy (s->valid_from, from != NULL ? from : "", sizeof s->valid_from);
      g_strlcpy (s->valid_to, to != NULL ? to : "", sizeof s->valid_to);
      s->closed = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (schedules, s);
    }
  return schedules;
}

/* Fills in a found service's place, phone, languages, categories,
 * eligibility and hours. */
static void
details_clear (Details *details)
{
  g_clear_pointer (&details->place, sqlite3_finalize);
  g_clear_pointer (&details->phone, sqlite3_finalize);
  g_clear_pointer (&details->languages, sqlite3_finalize);
  g_clear_pointer (&details->keys, sqlite3_finalize);
  g_clear_pointer (&details->eligible, sqlite3_finalize);
  g_clear_pointer (&details->schedules, sqlite3_finalize);
}

static gboolean
details_prepare (JkStore  *store,
                 Details  *details,
                 GError  **error)
{
  details->place = jk_store_prepare (store,
                                     "SELECT l.id, l.address, l.city, l.state, l.postal_code,"
                                     "  jk_distance_miles (?2, ?3, l.latitude, l.longitude) AS d"
                                     " FROM service_at_location a JOIN service_locations l ON l.id = a.location_id"
                                     " WHERE a.service_id = ?1 ORDER BY d IS NULL, d, l.id LIMIT 1", error);
  if (details->place == NULL)
    return FALSE;
  details->phone = jk_store_prepare (store,
                                     "SELECT number, extension FROM service_phones WHERE service_id = ?1"
                                     " OR (service_id IS NULL AND location_id = ?2)"
                                     " OR (service_id IS NULL AND location_id IS NULL AND organization_id = ?3)"
                                     " ORDER BY service_id IS NULL, location_id IS NULL, id LIMIT 1", error);
  if (details->phone == NULL)
    return FALSE;
  details->languages = jk_store_prepare (store, "SELECT DISTINCT language FROM service_languages"
                                                " WHERE service_id = ?1 OR (service_id IS NULL AND location_id = ?2)"
                                                " ORDER BY rowid", error);
  if (details->languages == NULL)
    return FALSE;
  details->keys = jk_store_prepare (store, "SELECT category FROM service_categories WHERE service_id = ?1", error);
  if (details->keys == NULL)
    return FALSE;
  details->eligible = jk_store_prepare (store, "SELECT group_concat (description, ' ') FROM service_eligibility"
                                               " WHERE service_id = ?1", error);
  if (details->eligible == NULL)
    return FALSE;
  details->schedules = jk_store_prepare (store, "SELECT byday, opens_at, closes_at, valid_from, valid_to, closed"
                                                " FROM service_schedules WHERE service_id = ?1"
                                                " OR (service_id IS NULL AND location_id = ?2) ORDER BY id", error);
  return details->schedules != NULL;
}

/* Fills in a found service's place, phone, languages, categories,
 * eligibility and hours. */
static void
read_details (Details    *details,
              JkService  *service,
              gint64      organization,
              gboolean    has_origin,
              double      latitude,
              double      longitude,
              const char *hours_text,
              GDateTime  *now)
{
  sqlite3_stmt *place = details->place, *phone = details->phone, *languages = details->languages;
  sqlite3_stmt *keys = details->keys, *eligible = details->eligible;
  g_autoptr (GPtrArray) schedules = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GDateTime) until = NULL;
  gint64 location = 0;
  guint have = 0;

  sqlite3_reset (place);
  sqlite3_clear_bindings (place);
  sqlite3_bind_int64 (place, 1, service->id);
  if (has_origin)
    {
      sqlite3_bind_double (place, 2, latitude);
      sqlite3_bind_double (place, 3, longitude);
    }
  if (sqlite3_step (place) == SQLITE_ROW)
    {
      location = sqlite3_column_int64 (place, 0);
      service->address = column_text (place, 1);
      service->city = column_text (place, 2);
      service->state = column_text (place, 3);
      service->postal_code = column_text (place, 4);
      if (sqlite3_column_type (place, 5) != SQLITE_NULL)
        service->distance_miles = sqlite3_column_double (place, 5);
    }

  sqlite3_reset (phone);
  sqlite3_bind_int64 (phone, 1, service->id);
  sqlite3_bind_int64 (phone, 2, location);
  sqlite3_bind_int64 (phone, 3, organization);
  if (sqlite3_step (phone) == SQLITE_ROW)
    {
      const char *extension = (const char *) sqlite3_column_text (phone, 1);

      service->phone = extension != NULL && *extension != '\0'
        ? g_strdup_printf ("%s ext. %s", sqlite3_column_text (phone, 0), extension)
        : column_text (phone, 0);
    }

  sqlite3_reset (languages);
  sqlite3_bind_int64 (languages, 1, service->id);
  sqlite3_bind_int64 (languages, 2, location);
  list = g_ptr_array_new ();
  while (sqlite3_step (languages) == SQLITE_ROW)
    append_array (list, (const char *) sqlite3_column_text (languages, 0));
  service->languages = strv_from (g_steal_pointer (&list));

  sqlite3_reset (keys);
  sqlite3_bind_int64 (keys, 1, service->id);
  list = g_ptr_array_new ();
  while (sqlite3_step (keys) == SQLITE_ROW)
    for (gsize i = 0; i < G_N_ELEMENTS (categories); i++)
      if (g_strcmp0 ((const char *) sqlite3_column_text (keys, 0), categories[i].key) == 0)
        have |= 1u << i;
  /* In the tiles' order. */
  for (gsize i = 0; i < G_N_ELEMENTS (categories); i++)
    if (have & (1u << i))
      append_array (list, categories[i].key);
  service->categories = strv_from (g_steal_pointer (&list));

  sqlite3_reset (eligible);
  sqlite3_bind_int64 (eligible, 1, service->id);
  if (sqlite3_step (eligible) == SQLITE_ROW)
    service->eligibility = column_text (eligible, 0);

  schedules = read_schedules (details->schedules, service->id, location);
  service->open_now = jk_services_open_at (schedules, now, &until, NULL);
  service->hours = jk_services_hours_words (schedules, hours_text, now);
  service->week_hours = jk_services_week_words (schedules);
}

static GPtrArray *
search (JkStore    *store,
        const char *text,
        const char *category,
        gboolean    has_origin,
        double      latitude,
        double      longitude,
        gint64      id,
        GDateTime  *now,
        guint       limit,
        GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *match = NULL;
  Details details = { 0 };
  int rc;

  if (category != NULL && find_category (category) == NULL)
    {
      g_set_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_FORMAT, _("“%s” is not a category"), category);
      return NULL;
    }
  if (text != NULL && *text != '\0')
    {
      match = jk_search_build_match (text, FALSE, NULL);
      /* Words that are all function words ("the") narrow nothing. */
    }
  stmt = jk_store_prepare (store,
                           "SELECT s.id, s.name, s.description, s.url, s.email, s.fees, s.hours_text, o.name,"
                           "  s.organization_id, jk_distance_miles (?3, ?4, s.latitude, s.longitude) AS d"
                           " FROM services s LEFT JOIN service_organizations o ON o.id = s.organization_id"
                           " WHERE (?1 IS NULL OR s.id IN (SELECT rowid FROM services_fts WHERE services_fts MATCH ?1))"
                           "  AND (?2 IS NULL OR s.id IN (SELECT service_id FROM service_categories"
                           "   WHERE category = ?2))"
                           "  AND (?6 IS NULL OR s.id = ?6)"
                           " ORDER BY d IS NULL, d, s.name COLLATE NOCASE, s.id LIMIT ?5", error);
  if (stmt == NULL || !details_prepare (store, &details, error))
    {
      details_clear (&details);
      return NULL;
    }
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  if (category != NULL)
    sqlite3_bind_text (stmt, 2, category, -1, SQLITE_STATIC);
  if (has_origin)
    {
      sqlite3_bind_double (stmt, 3, latitude);
      sqlite3_bind_double (stmt, 4, longitude);
    }
  sqlite3_bind_int64 (stmt, 5, limit > 0 ? (gint64) limit : -1);
  if (id > 0)
    sqlite3_bind_int64 (stmt, 6, id);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_service_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JkService *service = g_new0 (JkService, 1);
      g_autofree char *hours_text = column_text (stmt, 6);

      service->id = sqlite3_column_int64 (stmt, 0);
      service->name = column_text (stmt, 1);
      service->description = column_text (stmt, 2);
      service->url = column_text (stmt, 3);
      service->email = column_text (stmt, 4);
      service->fees = column_text (stmt, 5);
      service->organization = column_text (stmt, 7);
      service->distance_miles = NAN;
      g_ptr_array_add (found, service);
      read_details (&details, service, sqlite3_column_int64 (stmt, 8), has_origin, latitude, longitude, hours_text,
                    now);
    }
  details_clear (&details);
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot search the services");
      return NULL;
    }
  return g_steal_pointer (&found);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const char *const *
jk_services_categories (void)
{
  static const char *const keys[] = { "childcare", "transportation", "food", "housing", "health", "education",
                                       "disability", "legal", "money", NULL };

  return keys;
}

gboolean
jk_services_is_category (const char *key)
{
  return find_category (key) != NULL;
}

const char *
jk_services_category_name (const char *key)
{
  const Category *category = find_category (key);

  return category != NULL ? _(category->name) : NULL;
}

const char *
jk_services_category_for (const char *code,
                          const char *name)
{
  if (code != NULL && *code != '\0')
    {
      /* Longer prefixes first: LR (disability) inside L (health), PH-1250. */
      static const struct { const char *prefix; const char *key; } airs[] = {
        { "PH-1250", "childcare" }, { "LR", "disability" }, { "BD", "food" }, { "BH", "housing" },
        { "BT", "transportation" }, { "BV", "money" }, { "F", "legal" }, { "H", "education" }, { "L", "health" },
        { "N", "money" },
      };

      if (find_category (code) != NULL)
        return find_category (code)->key;
      for (gsize i = 0; i < G_N_ELEMENTS (airs); i++)
        if (code_matches (code, airs[i].prefix))
          return airs[i].key;
    }
  if (name != NULL && *name != '\0')
    {
      g_autofree char *folded = g_utf8_strdown (name, -1);

      g_strstrip (folded);
      if (find_category (folded) != NULL)
        return find_category (folded)->key;
      /* The tiles' own words, in English or Spanish. */
      for (gsize i = 0; i < G_N_ELEMENTS (categories); i++)
        {
          g_autofree char *english = g_utf8_strdown (categories[i].name, -1);
          g_autofree char *spanish = g_utf8_strdown (_(categories[i].name), -1);

          if (g_str_equal (folded, english) || g_str_equal (folded, spanish))
            return categories[i].key;
        }
      for (gsize o = 0; o < G_N_ELEMENTS (word_order); o++)
        {
          const Category *category = &categories[word_order[o]];

          for (gsize w = 0; category->words[w] != NULL; w++)
            if (has_word (folded, category->words[w]))
              return category->key;
        }
    }
  return NULL;
}

char *
jk_services_category_words (const char *keys)
{
  g_auto (GStrv) list = g_strsplit (keys != NULL ? keys : "", " ", -1);
  g_autoptr (GString) words = g_string_new (NULL);

  for (guint i = 0; list[i] != NULL; i++)
    {
      const Category *category = find_category (list[i]);

      if (category != NULL)
        g_string_append_printf (words, "%s%s", words->len > 0 ? " " : "", category->search);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

void
jk_service_free (JkService *service)
{
  if (service == NULL)
    return;
  g_free (service->organization);
  g_free (service->name);
  g_free (service->description);
  g_free (service->address);
  g_free (service->city);
  g_free (service->state);
  g_free (service->postal_code);
  g_free (service->phone);
  g_free (service->url);
  g_free (service->email);
  g_free (service->eligibility);
  g_free (service->fees);
  g_free (service->hours);
  g_free (service->week_hours);
  g_strfreev (service->languages);
  g_strfreev (service->categories);
  g_free (service);
}

JkService *
jk_service_copy (const JkService *service)
{
  JkService *copy = g_new0 (JkService, 1);

  *copy = *service;
  copy->organization = g_strdup (service->organization);
  copy->name = g_strdup (service->name);
  copy->description = g_strdup (service->description);
  copy->address = g_strdup (service->address);
  copy->city = g_strdup (service->city);
  copy->state = g_strdup (service->state);
  copy->postal_code = g_strdup (service->postal_code);
  copy->phone = g_strdup (service->phone);
  copy->url = g_strdup (service->url);
  copy->email = g_strdup (service->email);
  copy->eligibility = g_strdup (service->eligibility);
  copy->fees = g_strdup (service->fees);
  copy->hours = g_strdup (service->hours);
  copy->week_hours = g_strdup (service->week_hours);
  copy->languages = g_strdupv (service->languages);
  copy->categories = g_strdupv (service->categories);
  return copy;
}

char *
jk_services_format_place (const JkService *service)
{
  g_autoptr (GString) place = g_string_new (NULL);

  if (service->address != NULL)
    g_string_append (place, service->address);
  if (service->city != NULL)
    g_string_append_printf (place, "%s%s", place->len > 0 ? ", " : "", service->city);
  if (service->state != NULL)
    g_string_append_printf (place, "%s%s", place->len > 0 ? ", " : "", service->state);
  if (service->postal_code != NULL)
    g_string_append_printf (place, "%s%s", place->len > 0 ? " " : "", service->postal_code);
  return place->len > 0 ? g_string_free (g_steal_pointer (&place), FALSE) : NULL;
}

GPtrArray *
jk_services_search (JkStore    *store,
                    const char *text,
                    const char *category,
                    GDateTime  *now,
                    guint       limit,
                    GError    **error)
{
  return search (store, text, category, FALSE, NAN, NAN, 0, now, limit, error);
}

GPtrArray *
jk_services_search_near (JkStore    *store,
                         const char *text,
                         const char *category,
                         double      latitude,
                         double      longitude,
                         GDateTime  *now,
                         guint       limit,
                         GError    **error)
{
  return search (store, text, category, !isnan (latitude) && !isnan (longitude), latitude, longitude, 0, now,
                 limit, error);
}

JkService *
jk_services_get (JkStore    *store,
                 gint64      id,
                 GDateTime  *now,
                 GError    **error)
{
  g_autoptr (GPtrArray) found = NULL;

  g_return_val_if_fail (id > 0, NULL);
  found = search (store, NULL, NULL, FALSE, NAN, NAN, id, now, 1, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_NOT_FOUND, "No service %" G_GINT64_FORMAT, id);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

gint64
jk_services_count (JkStore *store,
                   GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "SELECT count(*) FROM services", error);

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot count the services");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
