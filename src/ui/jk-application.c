/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-application.c: the GUI's application object: set-up and the pages */

#define G_LOG_DOMAIN "jk-application"

#include "jk-build-config.h"

#include <glib-unix.h>
#include <signal.h>
#include <glib/gi18n-lib.h>
#include <jobkiosk/jk-refresher.h>
#include <jobkiosk/jk-session.h>

#include "jk-application.h"
#include "jk-feed-status.h"
#include "jk-home-page.h"
#include "jk-info-page.h"

struct _JkApplication
{
  GtkApplication parent_instance;

  JkConfig *config;
  JkStore *store;
  JkClock *clock;
  JkSession *session;
  JkRefresher *refresher;
  JkFeedStatus *feed_status; /* on the job search page */
  JkApplicationOptions options;
};

G_DEFINE_FINAL_TYPE (JkApplication, jk_application, GTK_TYPE_APPLICATION)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static const char *const style_resources[] = {
  "/org/jobkiosk/JobKiosk/style.css",
  "/org/jobkiosk/JobKiosk/keyboard.css",
};

/* Links in outside text must never open a browser on a public kiosk. */
static gboolean
refuse_link_cb (GtkLabel   *label,
                const char *uri,
                gpointer    user_data)
{
  g_info ("a link was activated and ignored");
  return TRUE;
}

static void
guard_kiosk_settings (void)
{
  static gsize guarded;

  if (g_once_init_enter (&guarded))
    {
      /* The classes must exist before their handlers can be overridden. */
      g_type_class_ref (GTK_TYPE_LABEL);
      g_type_class_ref (GTK_TYPE_LINK_BUTTON);
      g_signal_override_class_handler ("activate-link", GTK_TYPE_LABEL, G_CALLBACK (refuse_link_cb));
      g_signal_override_class_handler ("activate-link", GTK_TYPE_LINK_BUTTON, G_CALLBACK (refuse_link_cb));
      g_object_set (gtk_settings_get_default (),
                    "gtk-print-backends", "cups",
                    "gtk-error-bell", FALSE,
                    NULL);
      g_once_init_leave (&guarded, 1);
    }
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

/* systemd stops the kiosk with SIGTERM: quit cleanly, database closed. */
static gboolean
on_quit_signal (gpointer user_data)
{
  g_info ("asked to stop");
  g_application_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_feeds_updated (JkApplication *self)
{
  if (self->feed_status != NULL)
    jk_feed_status_update (self->feed_status);
}

static void
on_first_frame (GdkFrameClock *frame_clock,
                GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame, application);
  g_application_quit (application);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (jk_application_parent_class)->startup (application);
  guard_kiosk_settings ();
  jk_application_load_style ();
  g_unix_signal_add (SIGTERM, on_quit_signal, application);
  g_unix_signal_add (SIGINT, on_quit_signal, application);
}

static void
jk_application_activate (GApplication *application)
{
  JkApplication *self = JK_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (jk_application_create_window (self));
  if (!self->options.quit_after_first_frame)
    jk_application_start_refresh (self);
  if (self->options.quit_after_first_frame)
    {
      gtk_widget_realize (GTK_WIDGET (window));
      g_signal_connect_after (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (on_first_frame), application);
    }
  gtk_window_present (window);
}

static void
jk_application_finalize (GObject *object)
{
  JkApplication *self = JK_APPLICATION (object);

  g_clear_object (&self->refresher);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->store, jk_store_free);
  g_clear_pointer (&self->config, jk_config_free);
  G_OBJECT_CLASS (jk_application_parent_class)->finalize (object);
}

static void
jk_application_class_init (JkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jk_application_finalize;
  application_class->startup = jk_application_startup;
  application_class->activate = jk_application_activate;
}

static void
jk_application_init (JkApplication *self)
{
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkApplication *
jk_application_new (JkConfig                   *config,
                    JkStore                    *store,
                    JkClock                    *clock,
                    const JkApplicationOptions *options)
{
  JkApplication *self = g_object_new (JK_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE,
                                      NULL);

  self->config = config;
  self->store = store;
  self->clock = g_object_ref (clock);
  self->options = *options;
  self->session = jk_session_new (config->language, config->start_high_contrast, config->start_large_text);
  return self;
}

void
jk_application_load_style (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (style_resources); i++)
        {
          g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

          gtk_css_provider_load_from_resource (provider, style_resources[i]);
          gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (provider),
                                                     GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
        }
      g_once_init_leave (&loaded, 1);
    }
}

void
jk_application_start_refresh (JkApplication *self)
{
  if (self->refresher == NULL)
    {
      self->refresher = jk_refresher_new (self->config, jk_store_get_path (self->store), self->clock);
      g_signal_connect_swapped (self->refresher, "updated", G_CALLBACK (on_feeds_updated), self);
    }
  jk_refresher_start (self->refresher);
}

JkRefresher *
jk_application_get_refresher (JkApplication *self)
{
  return self->refresher;
}

JkFeedStatus *
jk_application_get_feed_status (JkApplication *self)
{
  return self->feed_status;
}

JkWindow *
jk_application_create_window (JkApplication *self)
{
  JkWindowSetup setup = {
    .center_name = self->config->center_name,
    .idle_timeout = self->config->idle_timeout,
    .idle_warning = self->config->idle_warning,
    .kiosk_mode = self->options.kiosk_mode,
  };
  JkWindow *window = jk_window_new (GTK_APPLICATION (self), self->session, self->clock, &setup);
  JkPage *jobs_page;

  jk_window_add_page (window, "home", jk_home_page_new ());
  jobs_page = jk_info_page_new (N_("Find a job"), "system-search-symbolic", N_("Job search is coming soon"),
                                N_("Soon you can search job openings near you here. For now, please ask staff at the front desk."));
  self->feed_status = JK_FEED_STATUS (jk_feed_status_new (self->store, self->clock));
  gtk_container_add (GTK_CONTAINER (jobs_page), GTK_WIDGET (self->feed_status));
  g_signal_connect_object (self->session, "notify::language", G_CALLBACK (jk_feed_status_update),
                           self->feed_status, G_CONNECT_SWAPPED);
  jk_window_add_page (window, "jobs", jobs_page);
  jk_window_add_page (window, "careers",
                      jk_info_page_new (N_("Pay and careers"), "x-office-spreadsheet-symbolic",
                                        N_("Pay and careers is coming soon"),
                                        N_("Soon you can see what jobs pay here and how to get them. For now, please ask staff at the front desk.")));
  jk_window_add_page (window, "resume",
                      jk_info_page_new (N_("Build a resume"), "x-office-document-symbolic",
                                        N_("The resume builder is coming soon"),
                                        N_("Soon you can build and print a resume here, step by step. For now, please ask staff at the front desk.")));
  jk_window_add_page (window, "checkin",
                      jk_info_page_new (N_("Check in"), "x-office-calendar-symbolic",
                                        N_("Check-in is coming soon"),
                                        N_("Soon you can check in for your appointment here. For now, please tell staff at the front desk that you are here.")));
  jk_window_add_page (window, "help",
                      jk_info_page_new (N_("Help"), "help-browser-symbolic",
                                        N_("Need help? Ask staff at the front desk."),
                                        N_("Touch a big button to start. Use Back to go one step back and Home to start over. When you are done, touch \"Finish and clear my information\" so the next person cannot see what you did.")));
  return window;
}
