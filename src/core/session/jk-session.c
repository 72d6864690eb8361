/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-session.c: one visitor's state, and the wipe that ends a visit */

#define G_LOG_DOMAIN "jk-session"

#include "jobkiosk/jk-session.h"

struct _JkSession
{
  GObject parent_instance;

  char *default_language;
  gboolean default_high_contrast;
  gboolean default_large_text;

  char *language;
  gboolean high_contrast;
  gboolean large_text;
  GHashTable *items; /* key → Item */
  GHashTable *counts; /* usage key → GINT_TO_POINTER (n) */
  guint visit_number;
};

typedef struct {
  gpointer data;
  GDestroyNotify destroy;
} Item;

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_HIGH_CONTRAST,
  PROP_LARGE_TEXT,
  N_PROPS
};

enum {
  SIGNAL_RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkSession, jk_session, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
free_item (gpointer data)
{
  Item *item = data;

  if (item->destroy != NULL && item->data != NULL)
    item->destroy (item->data);
  g_free (item);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JkSession *self = JK_SESSION (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    case PROP_LARGE_TEXT:
      g_value_set_boolean (value, self->large_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jk_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JkSession *self = JK_SESSION (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      jk_session_set_language (self, g_value_get_string (value));
      break;
    case PROP_HIGH_CONTRAST:
      jk_session_set_high_contrast (self, g_value_get_boolean (value));
      break;
    case PROP_LARGE_TEXT:
      jk_session_set_large_text (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jk_session_finalize (GObject *object)
{
  JkSession *self = JK_SESSION (object);

  g_hash_table_unref (self->items);
  g_hash_table_unref (self->counts);
  g_free (self->language);
  g_free (self->default_language);
  G_OBJECT_CLASS (jk_session_parent_class)->finalize (object);
}

static void
jk_session_class_init (JkSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = jk_session_get_property;
  object_class->set_property = jk_session_set_property;
  object_class->finalize = jk_session_finalize;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LARGE_TEXT] =
    g_param_spec_boolean ("large-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the visitor's things are freed, so pages clear
   * themselves, and before the language and display defaults return. */
  signals[SIGNAL_RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jk_session_init (JkSession *self)
{
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_item);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Unique across restarts of the kiosk, so per-visit print limits and
   * held jobs never mix two visits that had the same number. */
  self->visit_number = (guint) (g_get_real_time () / G_USEC_PER_SEC);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkSession *
jk_session_new (const char *default_language,
                gboolean    default_high_contrast,
                gboolean    default_large_text)
{
  JkSession *self = g_object_new (JK_TYPE_SESSION, NULL);

  self->default_language = g_strdup (default_language != NULL ? default_language : "en");
  self->default_high_contrast = default_high_contrast;
  self->default_large_text = default_large_text;
  self->language = g_strdup (self->default_language);
  self->high_contrast = default_high_contrast;
  self->large_text = default_large_text;
  return self;
}

const char *
jk_session_get_language (JkSession *self)
{
  return self->language;
}

void
jk_session_set_language (JkSession  *self,
                         const char *language)
{
  g_return_if_fail (JK_IS_SESSION (self));
  g_return_if_fail (language != NULL);

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

gboolean
jk_session_get_high_contrast (JkSession *self)
{
  return self->high_contrast;
}

void
jk_session_set_high_contrast (JkSession *self,
                              gboolean   enabled)
{
  enabled = !!enabled;
  if (self->high_contrast == enabled)
    return;
  self->high_contrast = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}

gboolean
jk_session_get_large_text (JkSession *self)
{
  return self->large_text;
}

void
jk_session_set_large_text (JkSession *self,
                           gboolean   enabled)
{
  enabled = !!enabled;
  if (self->large_text == enabled)
    return;
  self->large_text = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LARGE_TEXT]);
}

void
jk_session_set_data (JkSession      *self,
                     const char     *key,
                     gpointer        data,
                     GDestroyNotify  destroy)
{
  Item *item;

  g_return_if_fail (JK_IS_SESSION (self));
  g_return_if_fail (key != NULL);

  if (data == NULL)
    {
      g_hash_table_remove (self->items, key);
      return;
    }
  item = g_new0 (Item, 1);
  item->data = data;
  item->destroy = destroy;
  g_hash_table_replace (self->items, g_strdup (key), item);
}

gpointer
jk_session_get_data (JkSession  *self,
                     const char *key)
{
  Item *item = g_hash_table_lookup (self->items, key);

  return item != NULL ? item->data : NULL;
}

guint
jk_session_get_n_items (JkSession *self)
{
  return g_hash_table_size (self->items);
}

gboolean
jk_session_is_pristine (JkSession *self)
{
  return g_hash_table_size (self->items) == 0 &&
         g_strcmp0 (self->language, self->default_language) == 0 &&
         self->high_contrast == self->default_high_contrast &&
         self->large_text == self->default_large_text;
}

guint
jk_session_get_visit_number (JkSession *self)
{
  return self->visit_number;
}

void
jk_session_count (JkSession  *self,
                  const char *what,
                  guint       n)
{
  guint old;

  g_return_if_fail (JK_IS_SESSION (self));
  g_return_if_fail (what != NULL);

  old = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, what));
  g_hash_table_replace (self->counts, g_strdup (what), GUINT_TO_POINTER (MIN (old + n, (guint) G_MAXINT)));
}

guint
jk_session_get_count (JkSession  *self,
                      const char *what)
{
  g_return_val_if_fail (JK_IS_SESSION (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, what));
}

GHashTable *
jk_session_steal_counts (JkSession *self)
{
  GHashTable *counts;

  g_return_val_if_fail (JK_IS_SESSION (self), NULL);

  counts = g_steal_pointer (&self->counts);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return counts;
}

void
jk_session_reset (JkSession *self)
{
  g_return_if_fail (JK_IS_SESSION (self));

  g_hash_table_remove_all (self->items);
  /* Before the signal: what the pages show once reset (home) is the next
   * visit's. */
  g_hash_table_remove_all (self->counts);
  self->visit_number++;
  g_info ("visit ended; visitor state cleared");
  /* Pages forget the visit first; only then do language and display go
   * back to how visits start, so no page redoes the old visitor's work in
   * the new language. */
  g_signal_emit (self, signals[SIGNAL_RESET], 0);
  jk_session_set_language (self, self->default_language);
  jk_session_set_high_contrast (self, self->default_high_contrast);
  jk_session_set_large_text (self, self->default_large_text);
}
