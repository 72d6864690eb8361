/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c: the catalogues, and switching language while threads translate */

#include <jobkiosk/jk-i18n.h>

static void
test_lookups (void)
{
  jk_i18n_set_language ("es");
  g_assert_cmpstr (_("Find a job"), ==, "Buscar trabajo");
  g_assert_cmpstr (jk_ngettext ("Printing %u page…", "Printing %u pages…", 1), ==, "Imprimiendo %u página…");
  g_assert_cmpstr (jk_ngettext ("Printing %u page…", "Printing %u pages…", 2), ==, "Imprimiendo %u páginas…");
  g_assert_cmpstr (C_("abbreviated month", "Jan"), ==, "ene");
  g_assert_cmpstr (_("a message nobody translated"), ==, "a message nobody translated");
  g_assert_cmpstr (jk_i18n_get_language (), ==, "es");

  jk_i18n_set_language ("en");
  g_assert_cmpstr (_("Find a job"), ==, "Find a job");
  g_assert_cmpstr (jk_ngettext ("Printing %u page…", "Printing %u pages…", 0), ==, "Printing %u pages…");
  g_assert_cmpstr (C_("abbreviated month", "Jan"), ==, "Jan");

  jk_i18n_set_language ("en");
}

typedef struct {
  const char *language; /* NULL: follows the visit's language */
  gint *stop;
  guint mixed;          /* translations that were neither language */
  guint wrong;          /* translations in another language than the thread's own */
} Worker;

static gpointer
translate_thread (gpointer user_data)
{
  Worker *worker = user_data;

  jk_i18n_set_thread_language (worker->language);
  while (!g_atomic_int_get (worker->stop))
    {
      const char *text = _("Find a job");

      if (!g_str_equal (text, "Find a job") && !g_str_equal (text, "Buscar trabajo"))
        worker->mixed++;
      if (g_strcmp0 (worker->language, "es") == 0 && !g_str_equal (text, "Buscar trabajo"))
        worker->wrong++;
      if (g_strcmp0 (worker->language, "en") == 0 && !g_str_equal (text, "Find a job"))
        worker->wrong++;
    }
  jk_i18n_set_thread_language (NULL);
  return NULL;
}

/* The visit's language changes for every visitor while render, print,
 * search and sync threads translate: no thread may see a torn state, and
 * a thread given its own language keeps it. */
static void
test_switch_while_threads_translate (void)
{
  gint stop = 0;
  Worker workers[3] = { { NULL, &stop }, { "es", &stop }, { "en", &stop } };
  GThread *threads[G_N_ELEMENTS (workers)];

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    threads[i] = g_thread_new ("translate", translate_thread, &workers[i]);
  for (guint i = 0; i < 20000; i++)
    jk_i18n_set_language (i % 2 == 0 ? "es" : "en");
  g_atomic_int_set (&stop, 1);
  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      g_assert_cmpuint (workers[i].mixed, ==, 0);
      g_assert_cmpuint (workers[i].wrong, ==, 0);
    }
  /* The main thread never had a language of its own. */
  jk_i18n_set_language ("en");
  g_assert_cmpstr (_("Find a job"), ==, "Find a job");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  jk_i18n_init ();
  g_test_add_func ("/i18n/lookups", test_lookups);
  g_test_add_func ("/i18n/switch-while-threads-translate", test_switch_while_threads_translate);
  return g_test_run ();
}
