/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-settings-form.c: staff mode's Settings: the center's own settings, saved as a drop-in and applied at once */

#define G_LOG_DOMAIN "jk-staff-settings"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-task.h>

#include "shell/jk-window.h"
#include "jk-staff-settings-form.h"

/* The settings in the form's order: each a key of the drop-in and the
 * names of its widgets in the template. */
typedef enum {
  FIELD_CENTER_NAME,
  FIELD_AREA,
  FIELD_LANGUAGE,
  FIELD_IDLE,
  FIELD_VISIT_LIMIT,
  FIELD_DAY_LIMIT,
  FIELD_PRINTER,
  N_FIELDS
} Field;

static const char *const field_keys[N_FIELDS] = {
  "kiosk/center-name", "kiosk/area", "kiosk/language", "kiosk/idle-timeout",
  "print/visit-page-limit", "print/day-page-limit", "print/printer",
};

/* The printer combo's first entry: the CUPS default (no key in the file). */
#define DEFAULT_PRINTER_ID ""

struct _JkStaffSettingsForm
{
  GtkBox parent_instance;

  const JkPageContext *context;
  char *staff_name;
  char *database_path;
  GCancellable *cancellable;
  gboolean busy;

  GtkWidget *fields[N_FIELDS];
  GtkLabel *errors[N_FIELDS];
  GtkLabel *status_label;
  GtkWidget *save_button;
};

G_DEFINE_FINAL_TYPE (JkStaffSettingsForm, jk_staff_settings_form, GTK_TYPE_BOX)

/* What a save hands its worker: the changed values, the configuration's
 * copy to check them against, who saves. */
typedef struct {
  GHashTable *values;   /* "group/key" -> value or NULL */
  const JkConfig *config;
  char *database_path;
  char *actor;
  char *detail;
  gint64 now;
} SaveWork;

static void
save_work_free (gpointer data)
{
  SaveWork *work = data;

  g_hash_table_unref (work->values);
  g_free (work->database_path);
  g_free (work->actor);
  g_free (work->detail);
  g_free (work);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* The value the form holds for field, as the configuration file writes it;
 * NULL for the default printer or an empty text. */
static char *
field_value (JkStaffSettingsForm *self,
             Field            field)
{
  GtkWidget *widget = self->fields[field];

  if (GTK_IS_SPIN_BUTTON (widget))
    {
      gtk_spin_button_update (GTK_SPIN_BUTTON (widget));
      return g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget)));
    }
  if (GTK_IS_COMBO_BOX (widget))
    {
      const char *id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (widget));

      return id != NULL && *id != '\0' ? g_strdup (id) : NULL;
    }
  {
    g_autofree char *text = g_strstrip (g_strdup (gtk_entry_get_text (GTK_ENTRY (widget))));

    return *text != '\0' ? g_steal_pointer (&text) : NULL;
  }
}

/* The running configuration's value of field, as field_value gives it. */
static char *
config_value (const JkConfig *config,
              Field           field)
{
  switch (field)
    {
    case FIELD_CENTER_NAME:
      return config->center_name != NULL && *config->center_name != '\0' ? g_strdup (config->center_name) : NULL;
    case FIELD_AREA:
      return config->area != NULL && *config->area != '\0' ? g_strdup (config->area) : NULL;
    case FIELD_LANGUAGE:
      return g_strdup (config->language != NULL ? config->language : "en");
    case FIELD_IDLE:
      return g_strdup_printf ("%u", config->idle_timeout);
    case FIELD_VISIT_LIMIT:
      return g_strdup_printf ("%u", config->print_visit_limit);
    case FIELD_DAY_LIMIT:
      return g_strdup_printf ("%u", config->print_day_limit);
    case FIELD_PRINTER:
      return config->print_printer != NULL && *config->print_printer != '\0' ? g_strdup (config->print_printer)
                                                                             : NULL;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
set_printer_choices (JkStaffSettingsForm    *self,
                     const char *const  *names)
{
  GtkComboBoxText *combo = GTK_COMBO_BOX_TEXT (self->fields[FIELD_PRINTER]);
  g_autofree char *current = config_value (self->context->config, FIELD_PRINTER);
  gboolean listed = FALSE;

  gtk_combo_box_text_remove_all (combo);
  gtk_combo_box_text_append (combo, DEFAULT_PRINTER_ID, _("The computer's usual printer"));
  for (gsize i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_combo_box_text_append (combo, names[i], names[i]);
      listed = listed || g_strcmp0 (names[i], current) == 0;
    }
  /* A configured printer CUPS does not list now is still the one set. */
  if (current != NULL && !listed)
    gtk_combo_box_text_append (combo, current, current);
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (combo), current != NULL ? current : DEFAULT_PRINTER_ID);
}

/* The form shows what the kiosk runs with now. */
static void
show_current (JkStaffSettingsForm *self)
{
  const JkConfig *config = self->context->config;

  gtk_entry_set_text (GTK_ENTRY (self->fields[FIELD_CENTER_NAME]), config->center_name ? config->center_name : "");
  gtk_entry_set_text (GTK_ENTRY (self->fields[FIELD_AREA]), config->area ? config->area : "");
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->fields[FIELD_LANGUAGE]),
                               config->language != NULL ? config->language : "en");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->fields[FIELD_IDLE]), config->idle_timeout);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->fields[FIELD_VISIT_LIMIT]), config->print_visit_limit);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->fields[FIELD_DAY_LIMIT]), config->print_day_limit);
  set_printer_choices (self, NULL);
  for (int i = 0; i < N_FIELDS; i++)
    {
      gtk_label_set_text (self->errors[i], "");
      gtk_widget_hide (GTK_WIDGET (self->errors[i]));
    }
}

static void
set_busy (JkStaffSettingsForm *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
}

/* ---------------------------------------------------------------------- */
/* Workers                                                                */

static gboolean
list_printers_work (gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GStrv *names = data;

  *names = jk_staff_list_printers ();
  return TRUE;
}

static void
on_printers_listed (gpointer      source,
                    gpointer      data,
                    const GError *error)
{
  JkStaffSettingsForm *self = source;
  GStrv *names = data;

  set_printer_choices (self, (const char *const *) *names);
}

static void
free_names (gpointer data)
{
  GStrv *names = data;

  g_strfreev (*names);
  g_free (names);
}

static gboolean
save_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SaveWork *work = data;
  g_autoptr (GError) audit_error = NULL;

  if (!jk_staff_settings_write (work->config, work->values, error))
    return FALSE;
  /* The change is made: a failed audit line is logged, not undone. */
  if (!jk_audit_add (work->database_path, work->actor, "settings", work->detail, work->now, &audit_error))
    g_warning ("Settings saved but not written to the audit log: %s", audit_error->message);
  return TRUE;
}

static void
on_saved (gpointer      source,
          gpointer      data,
          const GError *error)
{
  JkStaffSettingsForm *self = source;
  SaveWork *work = data;
  g_autoptr (GError) apply_error = NULL;
  /* The page context's configuration is const for pages, which only read
   * it; Settings is the one place the running kiosk's configuration is
   * changed, so what staff saved holds until the next start too. */
  JkConfig *config = (JkConfig *) self->context->config;
  GtkWidget *toplevel;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  if (!jk_staff_settings_apply (config, work->values, &apply_error))
    {
      gtk_label_set_text (self->status_label, apply_error->message);
      return;
    }
  /* The idle time is the visitors': staff mode keeps its own while signed
   * in and gives the kiosk config->idle_timeout back when it ends. */
  toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
  if (JK_IS_WINDOW (toplevel))
    jk_window_set_center_name (JK_WINDOW (toplevel), config->center_name);
  gtk_label_set_text (self->status_label, _("Saved. The kiosk uses the new settings now."));
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_save_clicked (JkStaffSettingsForm *self)
{
  g_autoptr (GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GString) detail = g_string_new (NULL);
  gboolean refused = FALSE;
  SaveWork *work;

  if (self->busy)
    return;
  for (int i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *value = field_value (self, i);
      g_autofree char *current = config_value (self->context->config, i);
      g_autoptr (GError) error = NULL;

      gtk_label_set_text (self->errors[i], "");
      gtk_widget_hide (GTK_WIDGET (self->errors[i]));
      if (g_strcmp0 (value, current) == 0)
        continue;
      if (value != NULL && !jk_staff_settings_check (self->context->config, field_keys[i], value, &error))
        {
          gtk_label_set_text (self->errors[i], error->message);
          gtk_widget_show (GTK_WIDGET (self->errors[i]));
          refused = TRUE;
          continue;
        }
      g_string_append_printf (detail, "%s%s=%s", detail->len > 0 ? "; " : "", field_keys[i],
                              value != NULL ? value : "");
      g_hash_table_insert (values, (gpointer) field_keys[i], g_steal_pointer (&value));
    }
  if (refused)
    {
      gtk_label_set_text (self->status_label, _("Not saved: a setting above cannot be used."));
      return;
    }
  if (g_hash_table_size (values) == 0)
    {
      gtk_label_set_text (self->status_label, _("Nothing was changed."));
      return;
    }
  work = g_new0 (SaveWork, 1);
  work->values = g_steal_pointer (&values);
  work->config = self->context->config;
  work->database_path = g_strdup (self->database_path);
  work->actor = g_strdup (self->staff_name);
  work->detail = g_string_free (g_steal_pointer (&detail), FALSE);
  {
    g_autoptr (GDateTime) now = jk_clock_now_local (self->context->clock);

    work->now = g_date_time_to_unix (now);
  }
  set_busy (self, TRUE);
  gtk_label_set_text (self->status_label, _("Saving…"));
  jk_task_run (self, self->cancellable, "staff-settings-save", save_work, on_saved, work, save_work_free);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_staff_settings_form_map (GtkWidget *widget)
{
  JkStaffSettingsForm *self = JK_STAFF_SETTINGS_FORM (widget);

  GTK_WIDGET_CLASS (jk_staff_settings_form_parent_class)->map (widget);
  if (!self->busy)
    {
      gtk_label_set_text (self->status_label, "");
      show_current (self);
    }
  jk_task_run (self, self->cancellable, "staff-printers", list_printers_work, on_printers_listed,
               g_new0 (GStrv, 1), free_names);
}

static void
jk_staff_settings_form_dispose (GObject *object)
{
  JkStaffSettingsForm *self = JK_STAFF_SETTINGS_FORM (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (jk_staff_settings_form_parent_class)->dispose (object);
}

static void
jk_staff_settings_form_finalize (GObject *object)
{
  JkStaffSettingsForm *self = JK_STAFF_SETTINGS_FORM (object);

  g_free (self->staff_name);
  g_free (self->database_path);
  G_OBJECT_CLASS (jk_staff_settings_form_parent_class)->finalize (object);
}

static void
jk_staff_settings_form_class_init (JkStaffSettingsFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const names[N_FIELDS] = {
    "center_name", "area", "language", "idle", "visit_limit", "day_limit", "printer",
  };

  object_class->dispose = jk_staff_settings_form_dispose;
  object_class->finalize = jk_staff_settings_form_finalize;
  widget_class->map = jk_staff_settings_form_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/staff/jk-staff-settings-form.ui");
  for (int i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *field = g_strdup_printf ("%s_field", names[i]);
      g_autofree char *error = g_strdup_printf ("%s_error", names[i]);

      gtk_widget_class_bind_template_child_full (widget_class, field, FALSE,
                                                 G_STRUCT_OFFSET (JkStaffSettingsForm, fields) + i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, error, FALSE,
                                                 G_STRUCT_OFFSET (JkStaffSettingsForm, errors) + i * sizeof (GtkLabel *));
    }
  gtk_widget_class_bind_template_child (widget_class, JkStaffSettingsForm, status_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffSettingsForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

/* A combo box is drawn as a button inside it: give that button the
 * combo's name, so a screen reader (and the target checks) know it. */
static void
name_inner_button (GtkWidget *child,
                   gpointer   combo)
{
  if (GTK_IS_TOGGLE_BUTTON (child))
    atk_object_set_name (gtk_widget_get_accessible (child),
                         atk_object_get_name (gtk_widget_get_accessible (combo)));
}

/* A combo box asks for the width of its longest choice (a printer's long
 * name in larger text): it shortens them with "…" instead. */
static void
shorten_choices (GtkWidget *combo)
{
  GList *cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (combo));

  for (GList *l = cells; l != NULL; l = l->next)
    if (GTK_IS_CELL_RENDERER_TEXT (l->data))
      g_object_set (l->data, "ellipsize", PANGO_ELLIPSIZE_END, "width-chars", 12, NULL);
  g_list_free (cells);
}

static void
jk_staff_settings_form_init (JkStaffSettingsForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* Languages by their own names, as the kiosk's language switch shows them. */
  gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (self->fields[FIELD_LANGUAGE]), "en", "English");
  gtk_combo_box_text_append (GTK_COMBO_BOX_TEXT (self->fields[FIELD_LANGUAGE]), "es", "Español");
  gtk_container_forall (GTK_CONTAINER (self->fields[FIELD_LANGUAGE]), name_inner_button, self->fields[FIELD_LANGUAGE]);
  gtk_container_forall (GTK_CONTAINER (self->fields[FIELD_PRINTER]), name_inner_button, self->fields[FIELD_PRINTER]);
  shorten_choices (self->fields[FIELD_LANGUAGE]);
  shorten_choices (self->fields[FIELD_PRINTER]);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_staff_settings_form_new (const JkStaffContext *context)
{
  JkStaffSettingsForm *self = g_object_new (JK_TYPE_STAFF_SETTINGS_FORM, NULL);

  self->context = context->context;
  self->staff_name = g_strdup (context->staff_name);
  self->database_path = g_strdup (context->database_path);
  show_current (self);
  return GTK_WIDGET (self);
}

gboolean
jk_staff_settings_form_is_busy (JkStaffSettingsForm *self)
{
  g_return_val_if_fail (JK_IS_STAFF_SETTINGS_FORM (self), FALSE);

  return self->busy;
}

const JkStaffSectionInfo jk_staff_settings_form_section = {
  .name = "settings",
  .title = N_("Settings"),
  .icon = "preferences-system-symbolic",
  .create = jk_staff_settings_form_new,
};
