/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-application.c: the GUI's application object: the composition root */

#define G_LOG_DOMAIN "jk-application"

#include "jk-build-config.h"

#include <glib-unix.h>
#include <signal.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-calendar-refresher.h>
#include <jobkiosk/jk-refresher.h>
#include <jobkiosk/jk-headphone-watch.h>
#include <jobkiosk/jk-session.h>
#include <jobkiosk/jk-speaker-spd.h>

#include "jobs/jk-search-page.h"
#include "mail/jk-mail-flow.h"
#include "print/jk-print-flow.h"
#include "print/jk-print-page.h"
#include "jk-application.h"
#include "jk-page-registry.h"
#include "staff/jk-staff-page.h"

struct _JkApplication
{
  GtkApplication parent_instance;

  JkConfig *config;
  JkStore *store;
  JkClock *clock;
  JkSession *session;
  JkRefresher *refresher;
  JkCalendarRefresher *calendars;
  JkPrintFlow *print_flow;
  JkMailFlow *mail_flow;
  JkSpeech *speech;
  JkHeadphoneWatch *headphones;
  JkApplicationOptions options;
  JkWindow *window;
};

G_DEFINE_FINAL_TYPE (JkApplication, jk_application, GTK_TYPE_APPLICATION)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static const char *const style_resources[] = {
  "/org/jobkiosk/JobKiosk/shell/style.css",
  "/org/jobkiosk/JobKiosk/shell/keyboard.css",
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

static void
on_headphones_plugged (JkApplication *self)
{
  g_info ("headphones plugged in: speech on");
  jk_speech_set_active (self->speech, TRUE);
}

/* Headphones plugged in start speech (402.2.1), where the configuration
 * names the jack's input device; without it, Listen and the keypad do. */
static void
watch_headphones (JkApplication *self)
{
  g_autoptr (GError) error = NULL;

  if (self->config->speech_headphones == NULL)
    return;
  self->headphones = jk_headphone_watch_new (self->config->speech_headphones, &error);
  if (self->headphones == NULL)
    {
      g_warning ("Headphones will not start speech: %s", error->message);
      return;
    }
  g_signal_connect_swapped (self->headphones, "plugged", G_CALLBACK (on_headphones_plugged), self);
}

static void
update_printer_badge (JkApplication *self)
{
  if (self->window != NULL)
    jk_window_set_printer_badge (self->window, jk_print_flow_get_printer_text (self->print_flow),
                                 jk_print_flow_get_printer_ready (self->print_flow));
}

static void
on_printer_changed (JkApplication *self)
{
  /* A printout is part of the visit: Finish asks before it wipes one. */
  if (jk_print_flow_is_printing (self->print_flow))
    jk_session_set_data (self->session, "jk-printed", GINT_TO_POINTER (1), NULL);
  update_printer_badge (self);
}

/* The badge speaks the visit's language from the moment it is switched,
 * not from the next printer check. Connected after the window's own
 * handler, which has switched the catalogue by then. */
/* Staff mode starts on a clean kiosk: whatever the visitor left is wiped
 * first, as if they had pressed Finish. */
static void
on_staff_requested (JkApplication *self)
{
  jk_window_finish_visit (self->window);
  jk_window_go_home (self->window);
  jk_window_show_page (self->window, &jk_staff_page_info);
}

static void
on_language_changed (JkApplication *self)
{
  update_printer_badge (self);
}

/* systemd stops the kiosk with SIGTERM: quit cleanly, database closed. */
static gboolean
on_quit_signal (gpointer user_data)
{
  g_info ("asked to stop");
  g_application_quit (user_data);
  return G_SOURCE_CONTINUE;
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
    {
      jk_application_start_refresh (self);
      jk_print_flow_start (self->print_flow);
      jk_mail_flow_start (self->mail_flow);
    }
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
  g_clear_object (&self->calendars);
  g_clear_object (&self->print_flow);
  g_clear_object (&self->mail_flow);
  g_clear_object (&self->headphones);
  g_clear_object (&self->speech);
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
  g_autoptr (JkSpeaker) speaker = options->speaker != NULL ? g_object_ref (options->speaker)
                                                           : JK_SPEAKER (jk_speaker_spd_new (config->speech_module));

  self->config = config;
  self->store = store;
  self->clock = g_object_ref (clock);
  self->options = *options;
  self->options.speaker = NULL;
  self->session = jk_session_new (config->language, config->start_high_contrast, config->start_large_text);
  self->speech = jk_speech_new (self->session, speaker, config->speech_rate, config->speech_volume);
  watch_headphones (self);
  self->refresher = jk_refresher_new (config, jk_store_get_path (store), self->clock);
  self->calendars = jk_calendar_refresher_new (config, jk_store_get_path (store), self->clock);
  self->print_flow = jk_print_flow_new (config, jk_store_get_path (store), self->clock, self->session);
  g_signal_connect_swapped (self->print_flow, "changed", G_CALLBACK (on_printer_changed), self);
  self->mail_flow = jk_mail_flow_new (config, jk_store_get_path (store), self->clock, self->session);
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
  jk_refresher_start (self->refresher);
  jk_calendar_refresher_start (self->calendars);
}

JkRefresher *
jk_application_get_refresher (JkApplication *self)
{
  return self->refresher;
}

JkPrintPage *
jk_application_get_print_page (JkApplication *self)
{
  return JK_PRINT_PAGE (jk_window_get_page (self->window, &jk_print_page_info));
}

JkSpeech *
jk_application_get_speech (JkApplication *self)
{
  return self->speech;
}

JkPrintFlow *
jk_application_get_print_flow (JkApplication *self)
{
  return self->print_flow;
}

JkStore *
jk_application_get_store (JkApplication *self)
{
  return self->store;
}

JkMailFlow *
jk_application_get_mail_flow (JkApplication *self)
{
  return self->mail_flow;
}

JkFeedStatus *
jk_application_get_feed_status (JkApplication *self)
{
  return jk_search_page_get_feed_status (JK_SEARCH_PAGE (jk_window_get_page (self->window, &jk_search_page_info)));
}

JkWindow *
jk_application_create_window (JkApplication *self)
{
  JkWindowSetup setup = {
    .center_name = self->config->center_name,
    .idle_timeout = self->config->idle_timeout,
    .idle_warning = self->config->idle_warning,
    .kiosk_mode = self->options.kiosk_mode,
    .speech = self->speech,
    .keypad_keys = self->config->merged,
    .database_path = self->store != NULL ? jk_store_get_path (self->store) : NULL,
  };
  JkPageContext context = {
    .config = self->config,
    .store = self->store,
    .clock = self->clock,
    .session = self->session,
    .refresher = self->refresher,
    .print_flow = self->print_flow,
    .mail_flow = self->mail_flow,
  };
  const JkPageInfo *const *pages = jk_page_registry_get ();

  self->window = jk_window_new (GTK_APPLICATION (self), self->session, self->clock, &setup);
  /* Home and the pages with start-up work at once; the others when they
   * are first shown, so start-up pays only for what it shows. */
  for (gsize i = 0; pages[i] != NULL; i++)
    {
      if ((pages[i]->flags & (JK_PAGE_HOME | JK_PAGE_AT_START)) != 0)
        jk_window_add_page (self->window, pages[i], pages[i]->create (pages[i], &context));
      else
        jk_window_defer_page (self->window, pages[i], &context);
    }
  g_signal_connect_object (self->session, "notify::language", G_CALLBACK (on_language_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->window, "staff-requested", G_CALLBACK (on_staff_requested), self, G_CONNECT_SWAPPED);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.staff",
                                         (const char *const[]) { "<Control><Alt>s", NULL });
  update_printer_badge (self);
  return self->window;
}
