/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-text.c: a resume as plain text, for pasting into online applications */

#define G_LOG_DOMAIN "jobkiosk-resume"

#include <jobkiosk/jk-i18n.h>
#include <stdlib.h>
#include <string.h>

#include "resume/jk-resume-private.h"

/* Application forms and screening systems show text boxes about this wide. */
#define WIDTH 80

static const char *const months[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

char *
jk_resume_format_date (const char *date)
{
  int month;

  if (date == NULL)
    return NULL;
  if (strlen (date) < 7)
    return g_strndup (date, 4);
  month = atoi (date + 5);
  if (month < 1 || month > 12)
    return g_strndup (date, 4);
  /* TRANSLATORS: a month and a year on a resume: "May 2021" */
  return g_strdup_printf (C_("month year", "%s %.4s"), _(months[month - 1]), date);
}

/* "May 2021 – Present", "2019 – 2021", "2021". */
char *
jk_resume_format_period (const char *start,
                         const char *end,
                         gboolean    open_ended)
{
  g_autofree char *from = jk_resume_format_date (start);
  g_autofree char *to = jk_resume_format_date (end);

  if (from != NULL && to == NULL && open_ended)
    /* TRANSLATORS: the end of a job someone still holds, on a resume: "May 2021 – Present" */
    to = g_strdup (C_("resume period", "Present"));
  if (from != NULL && to != NULL)
    return g_strdup_printf ("%s – %s", from, to);
  return g_strdup (from != NULL ? from : to);
}

/* Appends text wrapped at WIDTH columns (characters), each line starting
 * with first (the first) or rest (the others), ending with a line break. */
static void
append_wrapped (GString    *out,
                const char *text,
                const char *first,
                const char *rest)
{
  g_auto (GStrv) paragraphs = NULL;
  glong rest_width = g_utf8_strlen (rest, -1);

  if (text == NULL || text[0] == '\0')
    return;
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_auto (GStrv) words = NULL;
      const char *indent = p == 0 ? first : rest;
      glong column = g_utf8_strlen (indent, -1);
      gboolean line_empty = TRUE;

      g_strdelimit (paragraphs[p], "\t", ' ');
      words = g_strsplit (paragraphs[p], " ", -1);
      g_string_append (out, indent);
      for (guint w = 0; words[w] != NULL; w++)
        {
          const char *word = words[w];
          glong length = g_utf8_strlen (word, -1);

          if (length == 0)
            continue;
          if (!line_empty && column + 1 + length > WIDTH)
            {
              g_string_append_c (out, '\n');
              g_string_append (out, rest);
              column = rest_width;
              line_empty = TRUE;
            }
          if (!line_empty)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          /* A word longer than a line (a web address) is cut across lines. */
          while (column + length > WIDTH)
            {
              glong room = MAX (WIDTH - column, 1);
              const char *cut = g_utf8_offset_to_pointer (word, room);

              g_string_append_len (out, word, cut - word);
              g_string_append_c (out, '\n');
              g_string_append (out, rest);
              column = rest_width;
              word = cut;
              length -= room;
            }
          g_string_append (out, word);
          column += length;
          line_empty = FALSE;
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_line (GString *out,
             const char *text)
{
  append_wrapped (out, text, "", "");
}

/* Parts joined with separator, the missing ones skipped; NULL when none. */
static char *
join_parts (const char *separator,
            const char *const *parts,
            guint n_parts)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, separator);
      g_string_append (joined, parts[i]);
    }
  if (joined->len == 0)
    {
      g_string_free (joined, TRUE);
      return NULL;
    }
  return g_string_free (joined, FALSE);
}

#define JOIN(separator, ...) \
  join_parts (separator, (const char *const[]) { __VA_ARGS__ }, G_N_ELEMENTS (((const char *const[]) { __VA_ARGS__ })))

static void
append_bullets (GString   *out,
                GPtrArray *items)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    append_wrapped (out, g_ptr_array_index (items, i), "- ", "  ");
}

static void
append_heading (GString    *out,
                const char *heading)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
  append_line (out, heading);
}

static void
append_entry_gap (GString *out,
                  guint    index)
{
  if (index > 0)
    g_string_append_c (out, '\n');
}

static void
append_contact (GString        *out,
                const JkResume *resume)
{
  const JkResumeBasics *b = &resume->basics;
  g_autofree char *place = JOIN (", ", b->city, b->region, b->country_code);
  g_autofree char *reach = JOIN (" | ", b->phone, b->email, b->url);

  append_line (out, b->name);
  append_line (out, b->label);
  append_line (out, place);
  append_line (out, reach);
}

static void
append_summary (GString        *out,
                const JkResume *resume)
{
  if (resume->basics.summary == NULL)
    return;
  append_heading (out, _("SUMMARY"));
  append_line (out, resume->basics.summary);
}

static void
append_skill_list (GString    *out,
                   GPtrArray  *skills,
                   const char *heading)
{
  for (guint i = 0; i < skills->len; i++)
    {
      JkResumeSkill *skill = g_ptr_array_index (skills, i);
      g_autofree char *keywords = NULL;
      g_autofree char *line = NULL;

      if (i == 0)
        append_heading (out, heading);
      if (skill->keywords != NULL && skill->keywords->len > 0)
        {
          g_ptr_array_add (skill->keywords, NULL);
          keywords = g_strjoinv (", ", (char **) skill->keywords->pdata);
          g_ptr_array_remove_index (skill->keywords, skill->keywords->len - 1);
        }
      if (skill->name != NULL && keywords != NULL)
        line = g_strdup_printf ("%s: %s", skill->name, keywords);
      else
        line = g_strdup (skill->name != NULL ? skill->name : keywords);
      append_wrapped (out, line, "", "  ");
    }
}

static void
append_jobs (GString    *out,
             GPtrArray  *jobs,
             const char *heading)
{
  for (guint i = 0; i < jobs->len; i++)
    {
      JkResumeWork *work = g_ptr_array_index (jobs, i);
      g_autofree char *place = JOIN (", ", work->name, work->location);
      g_autofree char *period = jk_resume_format_period (work->start_date, work->end_date, TRUE);

      if (i == 0)
        append_heading (out, heading);
      append_entry_gap (out, i);
      append_line (out, work->position);
      append_line (out, place);
      append_line (out, period);
      append_line (out, work->summary);
      append_bullets (out, work->highlights);
    }
}

static void
append_education (GString        *out,
                  const JkResume *resume)
{
  for (guint i = 0; i < resume->education->len; i++)
    {
      JkResumeEducation *education = g_ptr_array_index (resume->education, i);
      g_autofree char *credential = JOIN (", ", education->study_type, education->area);
      g_autofree char *period = jk_resume_format_period (education->start_date, education->end_date, FALSE);

      if (i == 0)
        append_heading (out, _("EDUCATION"));
      append_entry_gap (out, i);
      append_line (out, credential);
      append_line (out, education->institution);
      append_line (out, period);
      append_bullets (out, education->courses);
    }
}

static void
append_certificates (GString        *out,
                     const JkResume *resume)
{
  for (guint i = 0; i < resume->certificates->len; i++)
    {
      JkResumeCertificate *certificate = g_ptr_array_index (resume->certificates, i);
      g_autofree char *date = jk_resume_format_date (certificate->date);
      g_autofree char *line = JOIN (", ", certificate->name, certificate->issuer, date);

      if (i == 0)
        append_heading (out, _("LICENSES AND CERTIFICATES"));
      append_wrapped (out, line, "", "  ");
    }
}

static void
append_awards (GString        *out,
               const JkResume *resume)
{
  for (guint i = 0; i < resume->awards->len; i++)
    {
      JkResumeAward *award = g_ptr_array_index (resume->awards, i);
      g_autofree char *date = jk_resume_format_date (award->date);
      g_autofree char *line = JOIN (", ", award->title, award->awarder, date);

      if (i == 0)
        append_heading (out, _("AWARDS"));
      append_entry_gap (out, i);
      append_wrapped (out, line, "", "  ");
      append_line (out, award->summary);
    }
}

static void
append_languages (GString        *out,
                  const JkResume *resume)
{
  for (guint i = 0; i < resume->languages->len; i++)
    {
      JkResumeLanguage *language = g_ptr_array_index (resume->languages, i);
      g_autofree char *line = NULL;

      if (i == 0)
        append_heading (out, _("LANGUAGES"));
      if (language->language != NULL && language->fluency != NULL)
        line = g_strdup_printf ("%s (%s)", language->language, language->fluency);
      else
        line = g_strdup (language->language != NULL ? language->language : language->fluency);
      append_line (out, line);
    }
}

/* Always there: "Available on request" when the resume names none. */
static void
append_references (GString        *out,
                   const JkResume *resume)
{
  append_heading (out, _("REFERENCES"));
  if (resume->references->len == 0)
    append_line (out, _("Available on request"));
  for (guint i = 0; i < resume->references->len; i++)
    {
      JkResumeReference *reference = g_ptr_array_index (resume->references, i);

      append_entry_gap (out, i);
      append_line (out, reference->name);
      append_line (out, reference->reference);
    }
}

char *
jk_resume_to_text (const JkResume *resume,
                   JkResumeOrder   order)
{
  GString *out = g_string_new (NULL);

  append_contact (out, resume);
  append_summary (out, resume);
  /* Skills first is the combination format job centers teach; a work
   * history follows either way, as screening software expects one. */
  if (order == JK_RESUME_ORDER_SKILLS_FIRST)
    append_skill_list (out, resume->skills, _("SKILLS"));
  append_jobs (out, resume->work, _("WORK HISTORY"));
  append_education (out, resume);
  append_certificates (out, resume);
  if (order == JK_RESUME_ORDER_CHRONOLOGICAL)
    append_skill_list (out, resume->skills, _("SKILLS"));
  append_jobs (out, resume->volunteer, _("VOLUNTEER AND OTHER EXPERIENCE"));
  append_awards (out, resume);
  append_languages (out, resume);
  append_skill_list (out, resume->interests, _("INTERESTS"));
  append_references (out, resume);
  return g_string_free (out, FALSE);
}
