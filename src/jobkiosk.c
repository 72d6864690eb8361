/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobkiosk.c: the kiosk program's main() */

#define G_LOG_DOMAIN "jobkiosk"

#include "jk-build-config.h"

#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-log.h>
#include <jobkiosk/jk-store.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "jk-uninstalled.h"
#include "shell/jk-application.h"
#include "shell/jk-out-of-service.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
quit_cb (gpointer user_data)
{
  gtk_main_quit ();
  return G_SOURCE_REMOVE;
}

/* The kiosk cannot work (its database cannot be used, already logged): it
 * stays up with a screen that sends visitors to staff, instead of exiting
 * into a dark screen and a restart loop. It ends when the service stops. */
static int
run_out_of_service (gboolean kiosk_mode)
{
  GtkWidget *window;

  jk_application_load_style ();
  window = jk_out_of_service_new ();
  if (kiosk_mode)
    gtk_window_fullscreen (GTK_WINDOW (window));
  g_unix_signal_add (SIGTERM, quit_cb, NULL);
  g_unix_signal_add (SIGINT, quit_cb, NULL);
  gtk_widget_show (window);
  gtk_main ();
  gtk_widget_destroy (window);
  return 0;
}

/* ---------------------------------------------------------------------- */
/* main                                                                   */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config_file = NULL;
  g_autofree char *db_file = NULL;
  g_autofree char *db_path = NULL;
  gboolean kiosk = FALSE, windowed = FALSE, verbose = FALSE, version = FALSE, quit_after_first_frame = FALSE;
  const GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_file, N_("Read the configuration from FILE"), N_("FILE") },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_file, N_("Use the database FILE"), N_("FILE") },
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, &kiosk, N_("Full screen, no window frame (the default when configured)"), NULL },
    { "windowed", 0, 0, G_OPTION_ARG_NONE, &windowed, N_("Run in a window, for development"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Log more"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &quit_after_first_frame, NULL, NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (JkApplication) application = NULL;
  JkApplicationOptions options = { 0 };
  char *no_args[] = { argv[0], NULL };
  int status;

  jk_uninstalled_setup ();
  jk_i18n_init ();
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Job Kiosk: the self-service job search kiosk."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("jobkiosk: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("jobkiosk %s\n", PACKAGE_VERSION);
      return 0;
    }
  jk_log_init (verbose);

  config = jk_config_load (config_file, &error);
  if (config == NULL)
    {
      g_printerr ("jobkiosk: %s\n", error->message);
      return 1;
    }

  jk_config_override_database (config, db_file);
  db_path = jk_config_get_database_path (config);
  store = jk_store_open (db_path, &error);
  /* Logged once, here; the screen below says the rest to visitors. */
  if (store == NULL)
    g_warning ("The kiosk is out of service: %s", error->message);

  /* The kiosk draws nothing with OpenGL; without this GDK probes GLX at
   * start-up, which loads Mesa and LLVM (about 50 MB and 100 ms). */
  g_setenv ("GDK_GL", "disable", FALSE);
  if (!gtk_init_check (NULL, NULL))
    {
      g_printerr ("jobkiosk: %s\n",
                  _("No display was found. Job Kiosk needs a screen: start it from a desktop session, "
                    "under the cage kiosk compositor, or with DISPLAY or WAYLAND_DISPLAY set."));
      return 1;
    }

  options.kiosk_mode = windowed ? FALSE : (kiosk || (config->mode == JK_CONFIG_MODE_CONFIGURED && config->fullscreen));
  options.quit_after_first_frame = quit_after_first_frame;
  if (store == NULL)
    return run_out_of_service (options.kiosk_mode);
  application = jk_application_new (g_steal_pointer (&config), g_steal_pointer (&store),
                                    jk_clock_get_default (), &options);
  status = g_application_run (G_APPLICATION (application), 1, no_args);
  return status;
}
