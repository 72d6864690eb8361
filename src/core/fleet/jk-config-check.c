/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-config-check.c: the effective configuration as staff may see it, and its problems by file and line */

#define G_LOG_DOMAIN "jk-config-check"

#include <string.h>

#include "jobkiosk/jk-config.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A feed's address may carry an API key in its query, and a webhook or a
 * private calendar address is itself the credential: their secret parts
 * are left out. hide_path: the path too (only scheme and host stay). */
static char *
redact_url (const char *value,
            gboolean    hide_path)
{
  g_autoptr (GUri) uri = g_uri_parse (value, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr (GString) text = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return hide_path ? g_strdup (JK_CONFIG_VALUE_SET) : g_strdup (value);
  text = g_string_new (g_uri_get_scheme (uri));
  g_string_append_printf (text, "://%s", g_uri_get_host (uri));
  if (g_uri_get_port (uri) > 0)
    g_string_append_printf (text, ":%d", g_uri_get_port (uri));
  if (hide_path)
    {
      g_string_append (text, "/" JK_CONFIG_VALUE_SET);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  g_string_append (text, g_uri_get_path (uri));
  if (g_uri_get_query (uri) != NULL)
    g_string_append (text, "?" JK_CONFIG_VALUE_SET);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
is_secret_address (const JkConfigValue *value)
{
  return (g_str_equal (value->group, "checkin") &&
          (g_str_equal (value->key, "staff-endpoint") || g_str_equal (value->key, "calendars"))) ||
         (g_str_equal (value->group, "usage") && g_str_equal (value->key, "report-endpoint")) ||
         (g_str_has_prefix (value->group, "partner ") && g_str_equal (value->key, "endpoint"));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GPtrArray *
jk_config_check_values (const JkConfig *self)
{
  GPtrArray *values = jk_config_list_values (self);

  for (guint i = 0; i < values->len; i++)
    {
      JkConfigValue *value = values->pdata[i];
      gboolean source_url = g_str_has_prefix (value->group, "source ") && g_str_equal (value->key, "url");
      g_auto (GStrv) parts = NULL;

      if (value->value == NULL || value->value[0] == '\0' || (!source_url && !is_secret_address (value)))
        continue;
      /* calendars is a list: each address on its own. */
      parts = g_strsplit (value->value, ";", -1);
      for (guint p = 0; parts[p] != NULL; p++)
        {
          char *redacted = redact_url (g_strstrip (parts[p]), !source_url);
          g_free (parts[p]);
          parts[p] = redacted;
        }
      g_free (value->value);
      value->value = g_strjoinv (";", parts);
    }
  return values;
}

/* A problem is "FILE:LINE: what", or words alone for a file or folder not
 * read (the words name it). */
GPtrArray *
jk_config_check_problems (const JkConfig *self)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_config_problem_free);
  g_autoptr (GRegex) regex = g_regex_new ("^(.+?):([0-9]+): (.*)$", G_REGEX_DOTALL, 0, NULL);

  for (guint i = 0; i < self->problems->len; i++)
    {
      const char *text = self->problems->pdata[i];
      JkConfigProblem *problem = g_new0 (JkConfigProblem, 1);
      g_autoptr (GMatchInfo) match = NULL;

      if (g_regex_match (regex, text, 0, &match))
        {
          g_autofree char *line = g_match_info_fetch (match, 2);

          problem->file = g_match_info_fetch (match, 1);
          problem->line = (guint) g_ascii_strtoull (line, NULL, 10);
          problem->message = g_match_info_fetch (match, 3);
        }
      else
        problem->message = g_strdup (text);
      g_ptr_array_add (problems, problem);
    }
  return problems;
}

void
jk_config_problem_free (JkConfigProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}
