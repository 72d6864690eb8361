/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-resume.c: a resume on paper: three single-column templates with standard headings, nothing in
 * the page margins, breaks between entries */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>
#include <string.h>

#include "documents/jk-layout-private.h"

#define BULLET_INDENT 16.0
#define SECTION_GAP   12.0
#define ENTRY_GAP     7.0   /* between jobs, schools */
#define LINE_GAP      2.0   /* between the lines of a list: skills, languages */

typedef struct {
  const char *family;
  double sizes[STYLE_SLIP_CODE - STYLE_RESUME_NAME];  /* from STYLE_RESUME_NAME on */
  gboolean monochrome;
  gboolean centered_contact;
  gboolean heading_rule;
} TemplateLook;

/* Skills first and Classic look like the rest of the kiosk's printouts
 * (Classic in a serif); Simple is one family of sizes in black with no
 * rules, which any printer and any screening system reads. */
static const TemplateLook looks[] = {
  [JK_RESUME_TEMPLATE_SKILLS] = { "Cantarell, DejaVu Sans", { 22, 12.5, 12, 11.5, 11, 11 }, FALSE, FALSE, TRUE },
  [JK_RESUME_TEMPLATE_CLASSIC] = { "DejaVu Serif", { 20, 12, 11.5, 11, 10.5, 10.5 }, TRUE, TRUE, TRUE },
  [JK_RESUME_TEMPLATE_SIMPLE] = { "DejaVu Sans", { 15, 11, 11, 11, 10.5, 10.5 }, TRUE, FALSE, FALSE },
};

static const char *const template_names[] = {
  [JK_RESUME_TEMPLATE_SKILLS] = "skills",
  [JK_RESUME_TEMPLATE_CLASSIC] = "classic",
  [JK_RESUME_TEMPLATE_SIMPLE] = "simple",
};

/* One paragraph of an entry, ready to draw: what it takes in height is
 * known before anything is drawn, so an entry moves to the next page whole. */
typedef struct {
  PangoLayout *layout;
  PangoLayout *marker;   /* a bullet, or NULL */
  Style style;
  double indent;
  double space_before;
} Block;

typedef struct {
  GArray *blocks;        /* Block */
} Entry;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
is_emoji (gunichar ch)
{
  return (ch >= 0x1F000 && ch <= 0x1FAFF) || ch == 0xFE0F || ch == 0xFE0E || ch == 0x20E3
         || (ch >= 0xE0020 && ch <= 0xE007F);
}

/* Emoji go: no printer font has them, they would print as boxes of hex
 * digits, and screening software stumbles on them. A joiner between two
 * of them goes with them (one in Arabic or Indic text stays). */
static char *
drop_emoji (const char *text)
{
  g_autoptr (GString) out = g_string_sized_new (strlen (text));
  gboolean after_emoji = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_emoji (ch) || (ch == 0x200D && (after_emoji || is_emoji (g_utf8_get_char (g_utf8_next_char (p))))))
        {
          after_emoji = TRUE;
          continue;
        }
      after_emoji = FALSE;
      g_string_append_unichar (out, ch);
    }
  return g_strdup (out->str);
}

static gboolean
has_right_to_left (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if ((ch >= 0x0590 && ch <= 0x08FF) || (ch >= 0xFB1D && ch <= 0xFDFF) || (ch >= 0xFE70 && ch <= 0xFEFF)
          || (ch >= 0x10800 && ch <= 0x10FFF) || (ch >= 0x1E800 && ch <= 0x1EFFF))
        return TRUE;
    }
  return FALSE;
}

/* A right-to-left part isolated (FSI … PDI), so it reads right to left
 * inside a left-to-right line without pulling the dates and commas
 * around it into its order. */
static void
append_part (GString    *out,
             const char *part)
{
  gboolean isolate = has_right_to_left (part);

  if (isolate)
    g_string_append (out, "\u2068");
  g_string_append (out, part);
  if (isolate)
    g_string_append (out, "\u2069");
}

/* Parts joined with separator, the empty ones skipped; NULL when none. */
static char *
join_parts (const char        *separator,
            const char *const *parts,
            guint              n_parts)
{
  g_autoptr (GString) joined = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (!has_text (parts[i]))
        continue;
      if (joined->len > 0)
        g_string_append (joined, separator);
      append_part (joined, parts[i]);
    }
  return joined->len > 0 ? g_strdup (joined->str) : NULL;
}

#define JOIN(separator, ...) \
  join_parts (separator, (const char *const[]) { __VA_ARGS__ }, \
              G_N_ELEMENTS (((const char *const[]) { __VA_ARGS__ })))

static Entry *
entry_new (void)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  for (guint i = 0; i < entry->blocks->len; i++)
    {
      Block *block = &g_array_index (entry->blocks, Block, i);

      g_clear_object (&block->layout);
      g_clear_object (&block->marker);
    }
  g_array_unref (entry->blocks);
  g_free (entry);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Entry, entry_free)

/* Text in the document's direction (render_resume makes it left to
 * right): a right-to-left name stays a run inside a left-to-right line
 * instead of turning the line around. No hyphen is added where a long
 * word or an address is cut: the text stays as it was written. */
static PangoLayout *
make_layout (Composer   *c,
             Style       style,
             const char *text,
             double      width)
{
  PangoLayout *layout = jk_layout_create_text (c, style, text, width);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_auto_dir (layout, FALSE);
  return layout;
}

/* text, its first bold_length bytes in bold (an attribute, never markup). */
static void
entry_add (Composer   *c,
           Entry      *entry,
           Style       style,
           const char *text,
           gsize       bold_length,
           gboolean    bullet,
           double      space_before)
{
  Block block = { 0 };
  double indent = bullet ? BULLET_INDENT : 0;
  g_autofree char *head = NULL;
  g_autofree char *bold_part = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *clean = NULL;

  if (!has_text (text))
    return;
  bold_length = MIN (bold_length, strlen (text));
  head = g_strndup (text, bold_length);
  bold_part = drop_emoji (head);
  rest = drop_emoji (text + bold_length);
  clean = g_strconcat (bold_part, rest, NULL);
  if (!has_text (clean))
    return;
  text = clean;
  bold_length = strlen (bold_part);
  block.layout = make_layout (c, style, text, c->right - c->left - indent);
  block.style = style;
  block.indent = indent;
  block.space_before = entry->blocks->len > 0 ? space_before : 0;
  if (bold_length > 0)
    {
      PangoAttrList *attrs = pango_attr_list_copy (pango_layout_get_attributes (block.layout));
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = bold_length;
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (block.layout, attrs);
      pango_attr_list_unref (attrs);
    }
  if (bullet)
    block.marker = make_layout (c, style, "•", -1);
  g_array_append_val (entry->blocks, block);
}

static void
entry_add_bullets (Composer  *c,
                   Entry     *entry,
                   GPtrArray *items)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    entry_add (c, entry, STYLE_RESUME_BODY, g_ptr_array_index (items, i), 0, TRUE, 2);
}

/* Adds entry to entries when it has anything to print, else frees it. */
static void
keep_entry (GPtrArray *entries,
            Entry     *entry)
{
  if (entry->blocks->len > 0)
    g_ptr_array_add (entries, entry);
  else
    entry_free (entry);
}

static double
measure_entry (const Entry *entry)
{
  double height = 0;

  for (guint i = 0; i < entry->blocks->len; i++)
    {
      const Block *block = &g_array_index (entry->blocks, Block, i);

      height += block->space_before + jk_layout_measure_height (block->layout);
    }
  return height;
}

static void
draw_entry (Composer    *c,
            const Entry *entry)
{
  double height = measure_entry (entry);

  /* Whole on one page when it fits on one; a longer one flows line by line. */
  if (height <= c->bottom - c->top)
    jk_composer_need (c, height);
  for (guint i = 0; i < entry->blocks->len; i++)
    {
      const Block *block = &g_array_index (entry->blocks, Block, i);

      jk_composer_space (c, block->space_before);
      jk_composer_flow (c, block->layout, block->style, c->left + block->indent, block->marker, c->left + 4);
    }
}

/* A heading with its entries; nothing at all when there are none. The
 * heading never ends a page: it goes on with its first entry. */
static void
draw_section (Composer           *c,
              const TemplateLook *look,
              const char         *heading,
              GPtrArray          *entries,
              double              gap)
{
  g_autoptr (PangoLayout) layout = NULL;
  double heading_height;
  double first;

  if (entries->len == 0)
    return;
  layout = make_layout (c, STYLE_RESUME_HEADING, heading, c->right - c->left);
  heading_height = jk_layout_measure_height (layout) + (look->heading_rule ? 8 : 4);
  first = MIN (measure_entry (entries->pdata[0]), c->bottom - c->top - heading_height);
  jk_composer_space (c, SECTION_GAP);
  jk_composer_need (c, heading_height + first);
  jk_composer_flow (c, layout, STYLE_RESUME_HEADING, c->left, NULL, 0);
  if (look->heading_rule)
    {
      c->y += 2.5;
      jk_layout_draw_rule (c->cr, c->left, c->right, c->y, 0.75, c->monochrome ? INK_TEXT : INK_ACCENT);
      c->y += 5.5;
    }
  else
    c->y += 4;
  for (guint i = 0; i < entries->len; i++)
    {
      if (i > 0)
        jk_composer_space (c, gap);
      draw_entry (c, entries->pdata[i]);
    }
}

/* ---------------------------------------------------------------------- */
/* The sections                                                           */

static GPtrArray *
new_entries (void)
{
  return g_ptr_array_new_with_free_func (entry_free);
}

static void
draw_contact (Composer           *c,
              const TemplateLook *look,
              const JkResume     *resume)
{
  const JkResumeBasics *b = &resume->basics;
  g_autofree char *place = JOIN (", ", b->city, b->region, b->country_code);
  g_autofree char *reach = JOIN ("  |  ", place, b->phone, b->email, b->url);
  g_autoptr (Entry) entry = entry_new ();

  entry_add (c, entry, STYLE_RESUME_NAME, b->name, 0, FALSE, 0);
  entry_add (c, entry, STYLE_RESUME_LABEL, b->label, 0, FALSE, 2);
  entry_add (c, entry, STYLE_RESUME_BODY, reach, 0, FALSE, 4);
  for (guint i = 0; look->centered_contact && i < entry->blocks->len; i++)
    pango_layout_set_alignment (g_array_index (entry->blocks, Block, i).layout, PANGO_ALIGN_CENTER);
  draw_entry (c, entry);
}

static void
draw_summary (Composer           *c,
              const TemplateLook *look,
              const JkResume     *resume)
{
  g_autoptr (GPtrArray) entries = new_entries ();
  Entry *entry = entry_new ();

  entry_add (c, entry, STYLE_RESUME_BODY, resume->basics.summary, 0, FALSE, 0);
  keep_entry (entries, entry);
  draw_section (c, look, _("SUMMARY"), entries, ENTRY_GAP);
}

/* "Patient care: bathing, dressing", the name in bold; one line each. */
static void
draw_skills (Composer           *c,
             const TemplateLook *look,
             GPtrArray          *skills,
             const char         *heading)
{
  g_autoptr (GPtrArray) entries = new_entries ();
  Entry *entry = entry_new ();

  for (guint i = 0; skills != NULL && i < skills->len; i++)
    {
      JkResumeSkill *skill = g_ptr_array_index (skills, i);
      g_autoptr (GString) keywords = g_string_new (NULL);
      g_autofree char *line = NULL;
      gsize bold = 0;

      for (guint k = 0; skill->keywords != NULL && k < skill->keywords->len; k++)
        {
          const char *keyword = g_ptr_array_index (skill->keywords, k);

          if (!has_text (keyword))
            continue;
          if (keywords->len > 0)
            g_string_append (keywords, ", ");
          g_string_append (keywords, keyword);
        }
      if (has_text (skill->name) && keywords->len > 0)
        {
          line = g_strdup_printf ("%s: %s", skill->name, keywords->str);
          bold = strlen (skill->name) + 1;
        }
      else
        line = g_strdup (has_text (skill->name) ? skill->name : keywords->str);
      /* Skills are short lines: a page may break between them. */
      entry_add (c, entry, STYLE_RESUME_BODY, line, bold, TRUE, 2);
      keep_entry (entries, entry);
      entry = entry_new ();
    }
  entry_free (entry);
  draw_section (c, look, heading, entries, LINE_GAP);
}

static void
draw_jobs (Composer           *c,
           const TemplateLook *look,
           GPtrArray          *jobs,
           const char         *heading)
{
  g_autoptr (GPtrArray) entries = new_entries ();

  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    {
      JkResumeWork *work = g_ptr_array_index (jobs, i);
      g_autofree char *place = JOIN (", ", work->name, work->location);
      g_autofree char *period = jk_resume_format_period (work->start_date, work->end_date, TRUE);
      g_autofree char *meta = NULL;
      Entry *entry = entry_new ();

      if (has_text (work->position))
        {
          entry_add (c, entry, STYLE_RESUME_ENTRY, work->position, 0, FALSE, 0);
          meta = JOIN ("  |  ", place, period);
        }
      else
        {
          entry_add (c, entry, STYLE_RESUME_ENTRY, place, 0, FALSE, 0);
          meta = g_strdup (period);
        }
      entry_add (c, entry, STYLE_RESUME_META, meta, 0, FALSE, 1);
      entry_add (c, entry, STYLE_RESUME_BODY, work->summary, 0, FALSE, 3);
      entry_add_bullets (c, entry, work->highlights);
      keep_entry (entries, entry);
    }
  draw_section (c, look, heading, entries, ENTRY_GAP);
}

static void
draw_education (Composer           *c,
                const TemplateLook *look,
                const JkResume     *resume)
{
  g_autoptr (GPtrArray) entries = new_entries ();

  for (guint i = 0; i < resume->education->len; i++)
    {
      JkResumeEducation *education = g_ptr_array_index (resume->education, i);
      g_autofree char *credential = JOIN (", ", education->study_type, education->area);
      g_autofree char *period = jk_resume_format_period (education->start_date, education->end_date, FALSE);
      g_autofree char *meta = NULL;
      Entry *entry = entry_new ();

      if (credential != NULL)
        {
          entry_add (c, entry, STYLE_RESUME_ENTRY, credential, 0, FALSE, 0);
          meta = JOIN ("  |  ", education->institution, period);
        }
      else
        {
          entry_add (c, entry, STYLE_RESUME_ENTRY, education->institution, 0, FALSE, 0);
          meta = g_strdup (period);
        }
      entry_add (c, entry, STYLE_RESUME_META, meta, 0, FALSE, 1);
      entry_add_bullets (c, entry, education->courses);
      keep_entry (entries, entry);
    }
  draw_section (c, look, _("EDUCATION"), entries, ENTRY_GAP);
}

/* "Name, issuer, June 2019" with the name in bold: one line each. */
static void
add_titled_line (Composer   *c,
                 GPtrArray  *entries,
                 const char *title,
                 const char *rest,
                 const char *summary)
{
  g_autofree char *line = NULL;
  gsize bold = 0;
  Entry *entry = entry_new ();

  if (has_text (title) && rest != NULL)
    {
      line = g_strdup_printf ("%s, %s", title, rest);
      bold = strlen (title);
    }
  else
    line = g_strdup (has_text (title) ? title : rest);
  entry_add (c, entry, STYLE_RESUME_BODY, line, bold, FALSE, 0);
  entry_add (c, entry, STYLE_RESUME_BODY, summary, 0, FALSE, 2);
  keep_entry (entries, entry);
}

static void
draw_certificates (Composer           *c,
                   const TemplateLook *look,
                   const JkResume     *resume)
{
  g_autoptr (GPtrArray) entries = new_entries ();

  for (guint i = 0; i < resume->certificates->len; i++)
    {
      JkResumeCertificate *certificate = g_ptr_array_index (resume->certificates, i);
      g_autofree char *date = jk_resume_format_date (certificate->date);
      g_autofree char *rest = JOIN (", ", certificate->issuer, date);

      add_titled_line (c, entries, certificate->name, rest, NULL);
    }
  draw_section (c, look, _("LICENSES AND CERTIFICATES"), entries, LINE_GAP);
}

static void
draw_awards (Composer           *c,
             const TemplateLook *look,
             const JkResume     *resume)
{
  g_autoptr (GPtrArray) entries = new_entries ();

  for (guint i = 0; i < resume->awards->len; i++)
    {
      JkResumeAward *award = g_ptr_array_index (resume->awards, i);
      g_autofree char *date = jk_resume_format_date (award->date);
      g_autofree char *rest = JOIN (", ", award->awarder, date);

      add_titled_line (c, entries, award->title, rest, award->summary);
    }
  draw_section (c, look, _("AWARDS"), entries, LINE_GAP);
}

static void
draw_languages (Composer           *c,
                const TemplateLook *look,
                const JkResume     *resume)
{
  g_autoptr (GPtrArray) entries = new_entries ();

  for (guint i = 0; i < resume->languages->len; i++)
    {
      JkResumeLanguage *language = g_ptr_array_index (resume->languages, i);
      g_autofree char *line = NULL;
      Entry *entry = entry_new ();

      if (has_text (language->language) && has_text (language->fluency))
        {
          g_autofree char *name = JOIN ("", language->language);
          g_autofree char *fluency = JOIN ("", language->fluency);

          line = g_strdup_printf ("%s (%s)", name, fluency);
        }
      else
        line = JOIN ("", language->language, language->fluency);
      entry_add (c, entry, STYLE_RESUME_BODY, line, 0, FALSE, 0);
      keep_entry (entries, entry);
    }
  draw_section (c, look, _("LANGUAGES"), entries, LINE_GAP);
}

/* Always there, as job centers teach: "Available on request" when the
 * resume names none. */
static void
draw_references (Composer           *c,
                 const TemplateLook *look,
                 const JkResume     *resume)
{
  g_autoptr (GPtrArray) entries = new_entries ();

  for (guint i = 0; i < resume->references->len; i++)
    {
      JkResumeReference *reference = g_ptr_array_index (resume->references, i);
      Entry *entry = entry_new ();

      entry_add (c, entry, STYLE_RESUME_ENTRY, reference->name, 0, FALSE, 0);
      entry_add (c, entry, STYLE_RESUME_BODY, reference->reference, 0, FALSE, 1);
      keep_entry (entries, entry);
    }
  if (entries->len == 0)
    {
      Entry *entry = entry_new ();

      entry_add (c, entry, STYLE_RESUME_BODY, _("Available on request"), 0, FALSE, 0);
      keep_entry (entries, entry);
    }
  draw_section (c, look, _("REFERENCES"), entries, ENTRY_GAP);
}

/* The template's family and sizes over the composer's resume styles. */
static void
apply_look (Composer           *c,
            const TemplateLook *look)
{
  for (int style = STYLE_RESUME_NAME; style < STYLE_SLIP_CODE; style++)
    {
      pango_font_description_set_family (c->fonts[style], look->family);
      pango_font_description_set_size (c->fonts[style],
                                        (int) (look->sizes[style - STYLE_RESUME_NAME] * PANGO_SCALE));
    }
  c->monochrome = look->monochrome;
}

static JkResumeTemplate
valid_template (JkResumeTemplate template_id)
{
  return (guint) template_id < G_N_ELEMENTS (looks) ? template_id : JK_RESUME_TEMPLATE_SKILLS;
}

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_resume (const JkDocumentContext *context,
               gconstpointer            data,
               GError                 **error)
{
  const JkResumeDocInput *input = data;
  const JkResume *resume = input->resume;
  JkResumeTemplate template_id = valid_template (input->template_id);
  const TemplateLook *look = &looks[template_id];
  Composer c;

  /* TRANSLATORS: the title of a printed resume in the print history and the PDF's properties */
  jk_composer_init_bare (&c, context, _("Resume"));
  pango_context_set_base_dir (c.pango, PANGO_DIRECTION_LTR);
  apply_look (&c, look);
  draw_contact (&c, look, resume);
  draw_summary (&c, look, resume);
  /* The order of jk_resume_to_text: skills first is the combination
   * format job centers teach; a work history follows either way, as
   * screening software expects one. */
  if (template_id != JK_RESUME_TEMPLATE_CLASSIC)
    draw_skills (&c, look, resume->skills, _("SKILLS"));
  draw_jobs (&c, look, resume->work, _("WORK HISTORY"));
  draw_education (&c, look, resume);
  draw_certificates (&c, look, resume);
  if (template_id == JK_RESUME_TEMPLATE_CLASSIC)
    draw_skills (&c, look, resume->skills, _("SKILLS"));
  draw_jobs (&c, look, resume->volunteer, _("VOLUNTEER AND OTHER EXPERIENCE"));
  draw_awards (&c, look, resume);
  draw_languages (&c, look, resume);
  draw_skills (&c, look, resume->interests, _("INTERESTS"));
  draw_references (&c, look, resume);
  return jk_composer_finish (&c, jk_document_resume.id, error);
}

static char *
render_resume_text (const JkDocumentContext *context,
                    gconstpointer            data)
{
  const JkResumeDocInput *input = data;

  return jk_resume_to_text (input->resume, valid_template (input->template_id) == JK_RESUME_TEMPLATE_CLASSIC
                                             ? JK_RESUME_ORDER_CHRONOLOGICAL
                                             : JK_RESUME_ORDER_SKILLS_FIRST);
}

static gpointer
copy_resume_input (gconstpointer data)
{
  const JkResumeDocInput *input = data;
  JkResumeDocInput *copy = g_new0 (JkResumeDocInput, 1);

  copy->resume = jk_resume_copy (input->resume);
  copy->template_id = input->template_id;
  return copy;
}

static void
free_resume_input (gpointer data)
{
  JkResumeDocInput *input = data;

  jk_resume_free ((JkResume *) input->resume);
  g_free (input);
}

const JkDocumentKind jk_document_resume = {
  .id = "resume",
  .title = N_("Resume"),
  .render = render_resume,
  .copy_input = copy_resume_input,
  .free_input = free_resume_input,
  .render_text = render_resume_text,
};

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const char *
jk_resume_template_to_string (JkResumeTemplate template_id)
{
  return template_names[valid_template (template_id)];
}

gboolean
jk_resume_template_from_string (const char       *text,
                                JkResumeTemplate *template_id)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (template_names); i++)
    if (g_str_equal (text, template_names[i]))
      {
        *template_id = i;
        return TRUE;
      }
  return FALSE;
}
