/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-history.c: a resume step that is a list of entries: jobs, schools, other experience */

#define G_LOG_DOMAIN "jk-resume-history"

#include <jobkiosk/jk-i18n.h>
#include <stdlib.h>

#include "shell/jk-retranslate.h"
#include "widgets/jk-chip-picker.h"
#include "jk-resume-history.h"

/* Resume bullets: enough to show the work, few enough to read. */
#define MAX_DUTIES 8
#define SUGGEST_DELAY_MS 300

struct _JkResumeHistory
{
  GtkBox parent_instance;

  GtkBox *entries_box;
  GtkButton *add_button;
  GtkBox *form;
  GtkLabel *kind_label;
  GtkBox *kind_chips_box;
  GtkLabel *name_label;
  GtkEntry *name_entry;
  GtkLabel *position_label;
  GtkEntry *position_entry;
  GtkBox *position_chips_box;
  GtkLabel *location_label;
  GtkEntry *location_entry;
  GtkBox *start_box;
  GtkComboBoxText *start_month;
  GtkEntry *start_year;
  GtkLabel *end_label;
  GtkComboBoxText *end_month;
  GtkEntry *end_year;
  GtkToggleButton *current_check;
  GtkLabel *duties_label;
  GtkBox *duty_chips_box;
  GtkBox *duties_box;
  GtkButton *save_button;
  GtkButton *cancel_button;
  GtkLabel *error_label;

  JkChipPicker *choice_chips;  /* credentials (education) or kinds of experience (other) */
  JkChipPicker *duty_chips;
  JkResumeHistoryKind kind;
  GPtrArray *entries;          /* JkResumeWork or JkResumeEducation */
  int editing;                 /* index of the entry in the form, or -1 for a new one */
  JkResumeSuggestFunc suggest;
  gpointer suggest_data;
  guint suggest_id;
  gboolean filling;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkResumeHistory, jk_resume_history, GTK_TYPE_BOX)

static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
is_work (JkResumeHistory *self)
{
  return self->kind != JK_RESUME_HISTORY_EDUCATION;
}

static void
entry_free (JkResumeHistory *self,
            gpointer         entry)
{
  if (is_work (self))
    jk_resume_work_free (entry);
  else
    jk_resume_education_free (entry);
}

static gpointer
entry_copy (JkResumeHistory *self,
            gconstpointer    entry)
{
  return is_work (self) ? (gpointer) jk_resume_work_copy (entry) : (gpointer) jk_resume_education_copy (entry);
}

static char *
text_of (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_entry_get_text (entry)));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
emit_changed (JkResumeHistory *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
fill_months (GtkComboBoxText *combo)
{
  gtk_combo_box_text_remove_all (combo);
  gtk_combo_box_text_append (combo, "", _("Month"));
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      char id[4];

      g_snprintf (id, sizeof id, "%02u", i + 1);
      gtk_combo_box_text_append (combo, id, _(month_names[i]));
    }
  gtk_combo_box_set_active_id (GTK_COMBO_BOX (combo), "");
}

/* "2021-05", "2021", or NULL; error when the year is not one. */
static gboolean
read_date (GtkComboBoxText *month,
           GtkEntry        *year,
           char           **date)
{
  g_autofree char *text = text_of (year);
  const char *month_id = gtk_combo_box_get_active_id (GTK_COMBO_BOX (month));
  guint64 value;

  *date = NULL;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1940, 2100, &value, NULL) || strlen (text) != 4)
    return FALSE;
  *date = month_id != NULL && month_id[0] != '\0' ? g_strdup_printf ("%s-%s", text, month_id) : g_strdup (text);
  return TRUE;
}

static void
write_date (GtkComboBoxText *month,
            GtkEntry        *year,
            const char      *date)
{
  gtk_entry_set_text (year, date != NULL ? date : "");
  if (date != NULL && strlen (date) >= 4)
    {
      g_autofree char *y = g_strndup (date, 4);

      gtk_entry_set_text (year, y);
    }
  if (date != NULL && strlen (date) >= 7)
    {
      g_autofree char *m = g_strndup (date + 5, 2);

      gtk_combo_box_set_active_id (GTK_COMBO_BOX (month), m);
    }
  else
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (month), "");
}

static GPtrArray *
duty_entries (JkResumeHistory *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->duties_box));
  GPtrArray *entries = g_ptr_array_new ();

  for (GList *l = children; l != NULL; l = l->next)
    g_ptr_array_add (entries, l->data);
  g_list_free (children);
  return entries;
}

static void ensure_empty_duty (JkResumeHistory *self);

static void
on_duty_changed (JkResumeHistory *self)
{
  if (self->filling)
    return;
  ensure_empty_duty (self);
  emit_changed (self);
}

static GtkEntry *
duty_entry_new (JkResumeHistory *self,
                const char      *text)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autoptr (GPtrArray) entries = duty_entries (self);
  g_autofree char *name = g_strdup_printf (_("What you did, line %u"), entries->len + 1);

  gtk_entry_set_text (GTK_ENTRY (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Something you did there, in your own words"));
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_NO_EMOJI | GTK_INPUT_HINT_SPELLCHECK);
  /* The page's spelling chips follow the focus into fields marked so. */
  g_object_set_data (G_OBJECT (entry), "jk-spell", GINT_TO_POINTER (TRUE));
  atk_object_set_name (gtk_widget_get_accessible (entry), name);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_duty_changed), self);
  gtk_widget_show (entry);
  gtk_container_add (GTK_CONTAINER (self->duties_box), entry);
  return GTK_ENTRY (entry);
}

/* Always one empty line to write in, up to MAX_DUTIES. */
static void
ensure_empty_duty (JkResumeHistory *self)
{
  g_autoptr (GPtrArray) entries = duty_entries (self);

  for (guint i = 0; i < entries->len; i++)
    if (gtk_entry_get_text (entries->pdata[i])[0] == '\0')
      return;
  if (entries->len < MAX_DUTIES)
    duty_entry_new (self, NULL);
}

static void
clear_duties (JkResumeHistory *self)
{
  g_autoptr (GPtrArray) entries = duty_entries (self);

  for (guint i = 0; i < entries->len; i++)
    gtk_widget_destroy (entries->pdata[i]);
}

static GPtrArray *
read_duties (JkResumeHistory *self)
{
  g_autoptr (GPtrArray) entries = duty_entries (self);
  GPtrArray *duties = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < entries->len; i++)
    {
      char *text = text_of (entries->pdata[i]);

      if (text != NULL)
        g_ptr_array_add (duties, text);
    }
  return duties;
}

/* The form as an entry; NULL when it holds nothing. *valid is FALSE when
 * a year cannot be read (and with show_errors the error label says why:
 * not while a year is half typed). */
static gpointer
read_form (JkResumeHistory *self,
           gboolean         show_errors,
           gboolean        *valid)
{
  g_autofree char *name = text_of (self->name_entry);
  g_autofree char *position = text_of (self->position_entry);
  g_autofree char *location = text_of (self->location_entry);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr (GPtrArray) duties = read_duties (self);
  const char *problem = NULL;

  *valid = TRUE;
  if (!read_date (self->start_month, self->start_year, &start))
    problem = _("The year you started needs four numbers, like 2019.");
  else if (!read_date (self->end_month, self->end_year, &end))
    problem = _("The year you ended needs four numbers, like 2021.");
  else if (start != NULL && end != NULL && strcmp (end, start) < 0)
    problem = _("The end comes before the start. Please check the years.");
  if (problem != NULL)
    *valid = FALSE;
  if (show_errors || problem == NULL)
    {
      gtk_label_set_text (self->error_label, problem != NULL ? problem : "");
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL);
    }
  if (!*valid || (name == NULL && position == NULL))
    return NULL;
  if (is_work (self))
    {
      JkResumeWork *work = g_new0 (JkResumeWork, 1);

      work->name = g_steal_pointer (&name);
      work->position = g_steal_pointer (&position);
      work->location = g_steal_pointer (&location);
      work->start_date = g_steal_pointer (&start);
      if (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->current_check)))
        work->end_date = g_steal_pointer (&end);
      if (duties->len > 0)
        work->highlights = g_steal_pointer (&duties);
      return work;
    }
  else
    {
      JkResumeEducation *education = g_new0 (JkResumeEducation, 1);

      education->institution = g_steal_pointer (&name);
      education->study_type = g_steal_pointer (&position);
      education->end_date = g_steal_pointer (&end);
      return education;
    }
}

static void
suggest_duties (JkResumeHistory *self)
{
  g_autofree char *title = text_of (self->position_entry);
  g_autoptr (GPtrArray) duties = NULL;
  g_autoptr (GPtrArray) taken = read_duties (self);

  if (self->suggest == NULL || self->kind != JK_RESUME_HISTORY_WORK)
    return;
  duties = self->suggest (title != NULL ? title : "", self->suggest_data);
  self->filling = TRUE;
  jk_chip_picker_set_items (self->duty_chips, (const char * const *) duties->pdata, duties->len);
  for (guint i = 0; i < taken->len; i++)
    jk_chip_picker_set_active (self->duty_chips, taken->pdata[i], TRUE);
  self->filling = FALSE;
}

static gboolean
suggest_cb (gpointer user_data)
{
  JkResumeHistory *self = user_data;

  self->suggest_id = 0;
  suggest_duties (self);
  return G_SOURCE_REMOVE;
}

static void
fill_form (JkResumeHistory *self,
           gconstpointer    entry)
{
  const JkResumeWork *work = is_work (self) ? entry : NULL;
  const JkResumeEducation *education = is_work (self) ? NULL : entry;

  self->filling = TRUE;
  gtk_entry_set_text (self->name_entry, "");
  gtk_entry_set_text (self->position_entry, "");
  gtk_entry_set_text (self->location_entry, "");
  write_date (self->start_month, self->start_year, NULL);
  write_date (self->end_month, self->end_year, NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->current_check), FALSE);
  clear_duties (self);
  jk_chip_picker_unpress_all (self->choice_chips);
  jk_chip_picker_unpress_all (self->duty_chips);
  if (work != NULL)
    {
      gtk_entry_set_text (self->name_entry, work->name != NULL ? work->name : "");
      gtk_entry_set_text (self->position_entry, work->position != NULL ? work->position : "");
      gtk_entry_set_text (self->location_entry, work->location != NULL ? work->location : "");
      write_date (self->start_month, self->start_year, work->start_date);
      write_date (self->end_month, self->end_year, work->end_date);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->current_check),
                                    work->start_date != NULL && work->end_date == NULL);
      for (guint i = 0; work->highlights != NULL && i < work->highlights->len && i < MAX_DUTIES; i++)
        duty_entry_new (self, work->highlights->pdata[i]);
    }
  if (education != NULL)
    {
      gtk_entry_set_text (self->name_entry, education->institution != NULL ? education->institution : "");
      gtk_entry_set_text (self->position_entry, education->study_type != NULL ? education->study_type : "");
      write_date (self->end_month, self->end_year, education->end_date);
    }
  /* The entry's credential or kind shows pressed. */
  jk_chip_picker_set_active (self->choice_chips, gtk_entry_get_text (self->position_entry), TRUE);
  ensure_empty_duty (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->filling = FALSE;
  suggest_duties (self);
}

static char *
entry_summary (JkResumeHistory *self,
               gconstpointer    entry)
{
  const char *parts[3] = { NULL, NULL, NULL };
  g_autofree char *when = NULL;
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();

  if (is_work (self))
    {
      const JkResumeWork *work = entry;

      parts[0] = work->position;
      parts[1] = work->name;
      when = jk_resume_format_period (work->start_date, work->end_date, TRUE);
    }
  else
    {
      const JkResumeEducation *education = entry;

      parts[0] = education->study_type;
      parts[1] = education->institution;
      when = jk_resume_format_period (education->start_date, education->end_date, FALSE);
    }
  parts[2] = when;
  for (guint i = 0; i < 3; i++)
    if (parts[i] != NULL)
      g_ptr_array_add (shown, (gpointer) parts[i]);
  g_ptr_array_add (shown, NULL);
  return g_strjoinv (" · ", (char **) shown->pdata);
}

static void show_entries (JkResumeHistory *self);

static void
show_form (JkResumeHistory *self,
           int              editing)
{
  self->editing = editing;
  fill_form (self, editing >= 0 ? self->entries->pdata[editing] : NULL);
  jk_retranslate_set_button (self->save_button,
                             editing >= 0 ? N_("Save changes")
                             : self->kind == JK_RESUME_HISTORY_WORK ? N_("Add this job")
                             : self->kind == JK_RESUME_HISTORY_EDUCATION ? N_("Add this school")
                                                                      : N_("Add this"));
  gtk_widget_show (GTK_WIDGET (self->form));
  gtk_widget_hide (GTK_WIDGET (self->add_button));
  /* Cancel only makes sense when there is a list to go back to. */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->entries->len > 0);
  show_entries (self);
}

static void
on_change_clicked (GtkButton       *button,
                   JkResumeHistory *self)
{
  show_form (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jk-index")));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
on_remove_clicked (GtkButton       *button,
                   JkResumeHistory *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jk-index"));

  g_ptr_array_remove_index (self->entries, (guint) index);
  if (self->editing == index)
    self->editing = -1;
  else if (self->editing > index)
    self->editing--;
  show_entries (self);
  if (self->entries->len == 0)
    show_form (self, -1);
  emit_changed (self);
}

static GtkWidget *
small_button (const char *label,
              const char *name,
              int         index,
              GCallback   callback,
              gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  atk_object_set_name (gtk_widget_get_accessible (button), name);
  g_object_set_data (G_OBJECT (button), "jk-index", GINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* One row per entry added; the one in the form is not listed. */
static void
show_entries (JkResumeHistory *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->entries_box));

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
  for (guint i = 0; i < self->entries->len; i++)
    {
      g_autofree char *summary = NULL;
      g_autofree char *change_name = NULL;
      g_autofree char *remove_name = NULL;
      GtkWidget *row, *label;

      if ((int) i == self->editing && gtk_widget_get_visible (GTK_WIDGET (self->form)))
        continue;
      summary = entry_summary (self, self->entries->pdata[i]);
      /* TRANSLATORS: the accessible name of a button beside an entry of the resume */
      change_name = g_strdup_printf (_("Change %s"), summary);
      remove_name = g_strdup_printf (_("Remove %s"), summary);
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      label = gtk_label_new (summary);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_style_context_add_class (gtk_widget_get_style_context (label), "body-text");
      gtk_container_add (GTK_CONTAINER (row), label);
      gtk_container_add (GTK_CONTAINER (row), small_button (_("Change"), change_name, (int) i,
                                                            G_CALLBACK (on_change_clicked), self));
      gtk_container_add (GTK_CONTAINER (row), small_button (_("Remove"), remove_name, (int) i,
                                                            G_CALLBACK (on_remove_clicked), self));
      gtk_style_context_add_class (gtk_widget_get_style_context (row), "card");
      gtk_widget_show_all (row);
      gtk_container_add (GTK_CONTAINER (self->entries_box), row);
    }
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_field_changed (JkResumeHistory *self,
                  GtkWidget       *field)
{
  if (self->filling)
    return;
  if (field == GTK_WIDGET (self->position_entry) && self->kind == JK_RESUME_HISTORY_WORK)
    {
      g_clear_handle_id (&self->suggest_id, g_source_remove);
      self->suggest_id = g_timeout_add (SUGGEST_DELAY_MS, suggest_cb, self);
    }
  emit_changed (self);
}

static void
on_current_toggled (JkResumeHistory *self)
{
  gboolean current = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->current_check));

  gtk_widget_set_sensitive (GTK_WIDGET (self->end_month), !current);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_year), !current);
  emit_changed (self);
}

static void
on_choice_toggled (JkResumeHistory *self,
                   const char      *text,
                   gboolean         active)
{
  g_autoptr (GPtrArray) chosen = jk_chip_picker_get_active (self->choice_chips);

  /* One choice at a time: it names the entry's credential or kind. */
  self->filling = TRUE;
  for (guint i = 0; i < chosen->len; i++)
    if (!g_str_equal (chosen->pdata[i], text))
      jk_chip_picker_set_active (self->choice_chips, chosen->pdata[i], FALSE);
  self->filling = FALSE;
  if (active)
    gtk_entry_set_text (self->position_entry, text);
}

static void
on_duty_chip_toggled (JkResumeHistory *self,
                      const char      *text,
                      gboolean         active)
{
  g_autoptr (GPtrArray) entries = duty_entries (self);

  if (self->filling)
    return;
  for (guint i = 0; i < entries->len; i++)
    {
      const char *typed = gtk_entry_get_text (entries->pdata[i]);

      if (!active && g_str_equal (typed, text))
        {
          gtk_widget_destroy (entries->pdata[i]);
          ensure_empty_duty (self);
          emit_changed (self);
          return;
        }
      if (active && typed[0] == '\0')
        {
          gtk_entry_set_text (entries->pdata[i], text);
          return;
        }
    }
  if (active && entries->len < MAX_DUTIES)
    duty_entry_new (self, text);
  else if (active)
    jk_chip_picker_set_active (self->duty_chips, text, FALSE);
}

static void
on_add_clicked (JkResumeHistory *self)
{
  show_form (self, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
on_save_clicked (JkResumeHistory *self)
{
  if (jk_resume_history_commit (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static void
on_cancel_clicked (JkResumeHistory *self)
{
  self->editing = -1;
  gtk_widget_hide (GTK_WIDGET (self->form));
  gtk_widget_show (GTK_WIDGET (self->add_button));
  show_entries (self);
  emit_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_resume_history_finalize (GObject *object)
{
  JkResumeHistory *self = JK_RESUME_HISTORY (object);

  g_clear_handle_id (&self->suggest_id, g_source_remove);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  G_OBJECT_CLASS (jk_resume_history_parent_class)->finalize (object);
}

static void
jk_resume_history_class_init (JkResumeHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jk_resume_history_finalize;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/resume/jk-resume-history.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, JkResumeHistory, name)
  CHILD (entries_box);
  CHILD (add_button);
  CHILD (form);
  CHILD (kind_label);
  CHILD (kind_chips_box);
  CHILD (name_label);
  CHILD (name_entry);
  CHILD (position_label);
  CHILD (position_entry);
  CHILD (position_chips_box);
  CHILD (location_label);
  CHILD (location_entry);
  CHILD (start_box);
  CHILD (start_month);
  CHILD (start_year);
  CHILD (end_label);
  CHILD (end_month);
  CHILD (end_year);
  CHILD (current_check);
  CHILD (duties_label);
  CHILD (duty_chips_box);
  CHILD (duties_box);
  CHILD (save_button);
  CHILD (cancel_button);
  CHILD (error_label);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_current_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
jk_resume_history_init (JkResumeHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editing = -1;
  fill_months (self->start_month);
  fill_months (self->end_month);
  self->choice_chips = JK_CHIP_PICKER (jk_chip_picker_new ());
  self->duty_chips = JK_CHIP_PICKER (jk_chip_picker_new ());
  g_signal_connect_swapped (self->choice_chips, "toggled", G_CALLBACK (on_choice_toggled), self);
  g_signal_connect_swapped (self->duty_chips, "toggled", G_CALLBACK (on_duty_chip_toggled), self);
  for (GtkEntry **e = (GtkEntry *[]) { self->name_entry, self->position_entry, NULL }; *e != NULL; e++)
    g_object_set_data (G_OBJECT (*e), "jk-spell", GINT_TO_POINTER (TRUE));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static void
set_label (GtkLabel   *label,
           GtkEntry   *entry,
           const char *msgid)
{
  jk_retranslate_set_label (label, msgid);
  if (entry != NULL)
    jk_retranslate_set_a11y_name (GTK_WIDGET (entry), msgid);
}

GtkWidget *
jk_resume_history_new (JkResumeHistoryKind kind)
{
  JkResumeHistory *self = g_object_new (JK_TYPE_RESUME_HISTORY, NULL);
  gboolean work = kind == JK_RESUME_HISTORY_WORK;
  gboolean other = kind == JK_RESUME_HISTORY_OTHER;

  self->kind = kind;
  self->entries = g_ptr_array_new_with_free_func (work || other ? (GDestroyNotify) jk_resume_work_free
                                                                : (GDestroyNotify) jk_resume_education_free);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), other);
  gtk_widget_set_visible (GTK_WIDGET (self->location_label), work);
  gtk_widget_set_visible (GTK_WIDGET (self->location_entry), work);
  gtk_widget_set_visible (GTK_WIDGET (self->start_box), !(kind == JK_RESUME_HISTORY_EDUCATION));
  gtk_widget_set_visible (GTK_WIDGET (self->current_check), !(kind == JK_RESUME_HISTORY_EDUCATION));
  gtk_widget_set_visible (GTK_WIDGET (self->end_month), !(kind == JK_RESUME_HISTORY_EDUCATION));
  gtk_widget_set_visible (GTK_WIDGET (self->duties_label), !(kind == JK_RESUME_HISTORY_EDUCATION));
  gtk_widget_set_visible (GTK_WIDGET (self->duties_box), !(kind == JK_RESUME_HISTORY_EDUCATION));
  if (work)
    {
      gtk_container_add (GTK_CONTAINER (self->duty_chips_box), GTK_WIDGET (self->duty_chips));
      jk_retranslate_set_button (self->add_button, N_("Add another job"));
    }
  else if (other)
    {
      gtk_container_add (GTK_CONTAINER (self->kind_chips_box), GTK_WIDGET (self->choice_chips));
      set_label (self->name_label, self->name_entry, N_("Where, or for whom (if you like)"));
      set_label (self->position_label, self->position_entry, N_("What you did"));
      set_label (self->duties_label, NULL, N_("Tell more, one thing per line (if you like)"));
      jk_retranslate_set_button (GTK_BUTTON (self->current_check), N_("I still do this"));
      jk_retranslate_set_button (self->add_button, N_("Add more experience"));
    }
  else
    {
      gtk_container_add (GTK_CONTAINER (self->position_chips_box), GTK_WIDGET (self->choice_chips));
      set_label (self->name_label, self->name_entry, N_("School or program"));
      set_label (self->position_label, self->position_entry, N_("Diploma or certificate"));
      set_label (self->end_label, self->end_year, N_("Year finished (if you like)"));
      jk_retranslate_set_button (self->add_button, N_("Add another school"));
    }
  show_form (self, -1);
  return GTK_WIDGET (self);
}

void
jk_resume_history_set_suggest (JkResumeHistory     *self,
                               JkResumeSuggestFunc  func,
                               gpointer             user_data)
{
  self->suggest = func;
  self->suggest_data = user_data;
}

void
jk_resume_history_suggest_now (JkResumeHistory *self)
{
  suggest_duties (self);
}

void
jk_resume_history_set_choices (JkResumeHistory *self,
                               GPtrArray       *choices)
{
  jk_chip_picker_set_items (self->choice_chips, (const char * const *) choices->pdata, choices->len);
}

void
jk_resume_history_collect (JkResumeHistory *self,
                           GPtrArray       *into)
{
  gboolean valid;
  gpointer draft = gtk_widget_get_visible (GTK_WIDGET (self->form)) ? read_form (self, FALSE, &valid) : NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      if ((int) i == self->editing && draft != NULL)
        g_ptr_array_add (into, g_steal_pointer (&draft));
      else
        g_ptr_array_add (into, entry_copy (self, self->entries->pdata[i]));
    }
  if (draft != NULL)
    g_ptr_array_add (into, draft);
}

void
jk_resume_history_set_entries (JkResumeHistory *self,
                               GPtrArray       *entries)
{
  g_ptr_array_set_size (self->entries, 0);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    g_ptr_array_add (self->entries, entry_copy (self, entries->pdata[i]));
  self->editing = -1;
  if (self->entries->len > 0)
    on_cancel_clicked (self);
  else
    show_form (self, -1);
}

gboolean
jk_resume_history_commit (JkResumeHistory *self)
{
  gboolean valid;
  gpointer entry;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->form)))
    return TRUE;
  entry = read_form (self, TRUE, &valid);
  if (!valid)
    return FALSE;
  if (entry == NULL)
    {
      /* An empty form is nothing to add. */
      if (self->entries->len > 0)
        on_cancel_clicked (self);
      return TRUE;
    }
  if (self->editing >= 0)
    {
      entry_free (self, self->entries->pdata[self->editing]);
      self->entries->pdata[self->editing] = entry;
    }
  else
    g_ptr_array_add (self->entries, entry);
  self->editing = -1;
  gtk_widget_hide (GTK_WIDGET (self->form));
  gtk_widget_show (GTK_WIDGET (self->add_button));
  show_entries (self);
  emit_changed (self);
  return TRUE;
}

void
jk_resume_history_clear (JkResumeHistory *self)
{
  jk_resume_history_set_entries (self, NULL);
}

GtkEntry *
jk_resume_history_get_entry (JkResumeHistory *self,
                             const char      *field)
{
  if (g_str_equal (field, "name"))
    return self->name_entry;
  if (g_str_equal (field, "position"))
    return self->position_entry;
  if (g_str_equal (field, "location"))
    return self->location_entry;
  if (g_str_equal (field, "start-year"))
    return self->start_year;
  if (g_str_equal (field, "end-year"))
    return self->end_year;
  if (g_str_equal (field, "duty"))
    {
      g_autoptr (GPtrArray) entries = duty_entries (self);

      return entries->len > 0 ? entries->pdata[0] : NULL;
    }
  return NULL;
}

guint
jk_resume_history_get_n_entries (JkResumeHistory *self)
{
  return self->entries->len;
}
