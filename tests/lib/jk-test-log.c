/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-log.c: expected warnings for tests, with structured logging */

#include "jk-test-log.h"

typedef struct {
  char *domain;
  GPatternSpec *pattern;
} Expected;

static GQueue expected = G_QUEUE_INIT;
static GPtrArray *messages;

static void
expected_free (Expected *item)
{
  g_free (item->domain);
  g_pattern_spec_free (item->pattern);
  g_free (item);
}

static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *message = NULL, *domain = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        message = fields[i].value;
      else if (g_str_equal (fields[i].key, "GLIB_DOMAIN") && fields[i].length < 0)
        domain = fields[i].value;
    }
  if (message != NULL)
    g_ptr_array_add (messages, g_strdup (message));

  if ((level & G_LOG_LEVEL_WARNING) && message != NULL && !g_queue_is_empty (&expected))
    {
      Expected *next = g_queue_peek_head (&expected);
      if (g_strcmp0 (next->domain, domain) == 0 && g_pattern_spec_match_string (next->pattern, message))
        {
          expected_free (g_queue_pop_head (&expected));
          return G_LOG_WRITER_HANDLED;
        }
    }
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

void
jk_test_log_init (void)
{
  messages = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (write_log, NULL, NULL);
}

void
jk_test_log_expect_warning (const char *domain,
                            const char *pattern)
{
  Expected *item = g_new0 (Expected, 1);

  item->domain = g_strdup (domain);
  item->pattern = g_pattern_spec_new (pattern);
  g_queue_push_tail (&expected, item);
}

void
jk_test_log_assert_expected (void)
{
  if (!g_queue_is_empty (&expected))
    g_error ("%u expected warning(s) were not logged", g_queue_get_length (&expected));
}

gboolean
jk_test_log_contains (const char *needle)
{
  for (guint i = 0; i < messages->len; i++)
    if (strstr (messages->pdata[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

void
jk_test_log_clear (void)
{
  g_ptr_array_set_size (messages, 0);
}
