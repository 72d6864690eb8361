/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plain-language.c: the shipped orientation pages and every visitor-facing string at grade 8 or below */

#include <glib/gstdio.h>
#include <jobkiosk/jk-orientation.h>
#include <jobkiosk/jk-readability.h>
#include <string.h>

#include "jk-test.h"

/* The check's bar: a visitor may read at a grade 8 level or below. */
#define MAX_GRADE 8.0
/* A string of fewer words is a label, a button or a name ("Print",
 * "Español", "Individual Training Account"): it is not a sentence a
 * formula can judge, and in Spanish, Fernández Huerta counts each
 * sentence against the text (F), so labels would push a screen's score
 * down for being short. Strings of this many words or more count. */
#define MIN_WORDS 4
#define N_HARDEST 5
/* A screen with fewer words than this in such strings (a slip's line or
 * two) is not scored: the formulas are averages over a passage (Flesch-
 * Kincaid was normed on passages of 100 words and more) and a sentence
 * or two alone says little. Its sentences are still listed in the log. */
#define MIN_FILE_WORDS 30

/* Files in po/POTFILES.in whose strings only staff read: the command line
 * (src/cli/), staff mode (src/ui/staff/, ui/staff/, src/core/staff/, the
 * PIN pad), the program's options (src/jobkiosk.c), and what core says
 * to staff through the log, the CLI or staff mode: configuration problems,
 * imports (calendars, labor market data, training lists, services),
 * feeds, metrics, the database, the printer's queue and history, the
 * outbox, usage counts and their report, the test page, the speech
 * check. Every other file is a screen or a printout a visitor reads. */
static const char *const staff_only[] = {
  "src/cli/",
  "src/ui/staff/",
  "ui/staff/",
  "src/core/staff/",
  "src/ui/widgets/jk-pin-pad.c",
  "src/jobkiosk.c",
  "include/jobkiosk/jk-usage.h",
  "src/core/base/jk-config.c",
  "src/core/base/jk-secret.c",
  "src/core/checkin/jk-appointments.c",
  "src/core/checkin/jk-staff-notify.c",
  "src/core/documents/jk-doc-test-page.c",
  "src/core/documents/jk-doc-usage-report.c",
  "src/core/feeds/",
  "src/core/fleet/",
  "src/core/lmi/jk-lmi-import.c",
  "src/core/lmi/jk-lmi-laus.c",
  "src/core/lmi/jk-lmi-oews.c",
  "src/core/lmi/jk-lmi-onet.c",
  "src/core/lmi/jk-lmi-projections.c",
  "src/core/lmi/jk-lmi-reader.c",
  "src/core/lmi/jk-lmi-requirements.c",
  "src/core/mail/jk-outbox.c",
  "src/core/mail/jk-outbox-post.c",
  "src/core/print/jk-print-cups.c",
  "src/core/print/jk-print-history.c",
  "src/core/resume/jk-resume-json.c",
  "src/core/services/jk-services-import.c",
  "src/core/speech/jk-speaker-spd.c",
  "src/core/store/",
  "src/core/training/jk-training-import.c",
  "src/core/usage/",
};

/* Visitor-facing, but names rather than sentences: the on-screen
 * keyboard's strings name its keys for the screen reader ("E mayúscula
 * con acento", "Shift on: the next letter is a capital"). */
static const char *const names_only[] = {
  "src/ui/shell/jk-keyboard.c",
};

typedef struct {
  char *msgid;
  char *msgstr;
  GPtrArray *files;   /* char *: where xgettext found it */
} Entry;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
entry_free (Entry *entry)
{
  g_free (entry->msgid);
  g_free (entry->msgstr);
  g_ptr_array_unref (entry->files);
  g_free (entry);
}

static gboolean
is_staff_only (const char *file)
{
  for (guint i = 0; i < G_N_ELEMENTS (staff_only); i++)
    if (g_str_has_suffix (staff_only[i], "/") ? g_str_has_prefix (file, staff_only[i])
                                              : g_str_equal (file, staff_only[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (names_only); i++)
    if (g_str_equal (file, names_only[i]))
      return TRUE;
  return FALSE;
}

/* "..." on a line of a PO file, its escapes undone. */
static char *
quoted (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');

  if (start == NULL || end == start)
    return g_strdup ("");
  {
    g_autofree char *raw = g_strndup (start + 1, end - start - 1);

    return g_strcompress (raw);
  }
}

/* The entries of a PO or POT file: msgid (the singular), msgstr (the
 * singular's), the files of its "#:" lines. */
static GPtrArray *
read_po (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  Entry *entry = NULL;
  char **field = NULL;   /* what a '"' line goes on with; NULL: nothing kept */

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (entry == NULL || (entry->msgstr != NULL && (line[0] == '#' || line[0] == '\0')))
        {
          if (entry != NULL)
            g_ptr_array_add (entries, entry);
          entry = g_new0 (Entry, 1);
          entry->files = g_ptr_array_new_with_free_func (g_free);
          field = NULL;
        }
      if (g_str_has_prefix (line, "#:"))
        {
          g_auto (GStrv) refs = g_strsplit (line + 2, " ", -1);

          for (guint r = 0; refs[r] != NULL; r++)
            if (refs[r][0] != '\0')
              {
                char *colon = strrchr (refs[r], ':');

                if (colon != NULL)
                  *colon = '\0';
                g_ptr_array_add (entry->files, g_strdup (refs[r]));
              }
        }
      else if (g_str_has_prefix (line, "msgid "))
        {
          entry->msgid = quoted (line);
          field = &entry->msgid;
        }
      else if (g_str_has_prefix (line, "msgstr ") || g_str_has_prefix (line, "msgstr[0] "))
        {
          entry->msgstr = quoted (line);
          field = &entry->msgstr;
        }
      else if (g_str_has_prefix (line, "msg"))
        field = NULL;
      else if (line[0] == '"' && field != NULL)
        {
          g_autofree char *more = quoted (line);
          char *joined = g_strconcat (*field, more, NULL);

          g_free (*field);
          *field = joined;
        }
    }
  if (entry != NULL)
    g_ptr_array_add (entries, entry);
  return entries;
}

/* What a reader reads of a string: no printf conversions, no markup, no
 * mnemonic underscores. */
static char *
readable (const char *message)
{
  g_autoptr (GRegex) conversions = g_regex_new ("%(\\d+\\$)?[-+ #0']*\\d*(\\.\\d+)?(l|ll|z|h|hh)?[diouxXfFeEgGcsp%]"
                                                "|%\" G_[A-Z0-9_]+ \"|%\"[A-Z0-9_]+\"", 0, 0, NULL);
  g_autoptr (GRegex) tags = g_regex_new ("<[^>]+>", 0, 0, NULL);
  g_autofree char *a = g_regex_replace_literal (conversions, message, -1, 0, "", 0, NULL);
  g_autofree char *b = g_regex_replace_literal (tags, a, -1, 0, "", 0, NULL);

  g_strdelimit (b, "_", ' ');
  return g_steal_pointer (&b);
}

static guint
count_words (const char *text)
{
  g_autoptr (JkReadability) r = jk_readability_measure (text, "en");

  return r->words;
}

static void
report (const char    *what,
        JkReadability *r,
        GString       *failures)
{
  g_autoptr (GString) line = g_string_new (NULL);

  g_string_printf (line, "%s [%s]: grade %.1f (%u words, %u sentences, %u syllables", what, r->language, r->grade,
                   r->words, r->sentences, r->syllables);
  if (g_str_equal (r->language, "es"))
    g_string_append_printf (line, ", Fernández Huerta %.1f", r->score);
  g_string_append (line, ")");
  if (r->words < MIN_FILE_WORDS)
    g_string_append (line, "  (too few words to score)");
  else if (r->grade > MAX_GRADE)
    {
      g_string_append (line, "  ABOVE GRADE 8");
      g_string_append_printf (failures, "%s\n", line->str);
    }
  g_test_message ("%s", line->str);
  for (guint i = 0; i < MIN (N_HARDEST, r->hardest->len); i++)
    {
      const JkReadabilitySentence *s = r->hardest->pdata[i];

      g_test_message ("    %5.1f  %s", s->grade, s->text);
      if (r->grade > MAX_GRADE && r->words >= MIN_FILE_WORDS)
        g_string_append_printf (failures, "    %5.1f  %s\n", s->grade, s->text);
    }
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Every shipped orientation page, in its own language. */
static void
test_shipped_pages (void)
{
  g_autofree char *root = g_build_filename (jk_get_pkgdatadir (), "orientation", NULL);
  g_autoptr (GString) failures = g_string_new (NULL);
  const char *const languages[] = { "en", "es" };
  guint n_pages = 0;

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *folder = g_build_filename (root, languages[l], NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) pages = jk_orientation_list_pages (folder, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < pages->len; i++)
        {
          const JkOrientationFile *page = pages->pdata[i];
          g_autoptr (GPtrArray) blocks = jk_orientation_read_page (page->path, root, &error);
          g_autofree char *text = NULL;
          g_autofree char *what = g_strdup_printf ("%s/%s", languages[l], page->name);
          g_autoptr (JkReadability) r = NULL;

          g_assert_no_error (error);
          text = jk_orientation_blocks_text (blocks);
          r = jk_readability_measure (text, languages[l]);
          g_assert_cmpuint (r->words, >, 50);
          report (what, r, failures);
          n_pages++;
        }
    }
  /* Five pages in each language. */
  g_assert_cmpuint (n_pages, ==, 10);
  if (failures->len > 0)
    g_error ("Pages above grade 8:\n%s", failures->str);
}

/* Every visitor-facing source file's strings, as one text a screen (or a
 * printout) shows, in English (the msgids) and in Spanish (po/es.po). */
static void
test_visitor_strings (void)
{
  const char *top = g_getenv ("JK_SOURCE_ROOT");
  g_autofree char *work = g_dir_make_tmp ("jk-plain-XXXXXX", NULL);
  g_autofree char *pot = g_build_filename (work, "visitor.pot", NULL);
  g_autofree char *es_po = g_build_filename (top, "po", "es.po", NULL);
  g_autoptr (GPtrArray) extracted = NULL;
  g_autoptr (GPtrArray) translated = NULL;
  g_autoptr (GHashTable) spanish = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) failures = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GList) files = NULL;
  int status = 0;
  const char *argv[] = {
    "xgettext", "--from-code=UTF-8", "--no-wrap", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2", "--keyword=jk_ngettext:1,2", "--keyword=jk_pgettext:1c,2", "-f", "po/POTFILES.in",
    "-o", pot, NULL,
  };
  guint n_files = 0;

  g_assert_nonnull (top);
  g_assert_true (g_spawn_sync (top, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  extracted = read_po (pot);
  translated = read_po (es_po);
  for (guint i = 0; i < translated->len; i++)
    {
      Entry *entry = translated->pdata[i];

      if (entry->msgid != NULL && entry->msgid[0] != '\0' && entry->msgstr != NULL)
        g_hash_table_insert (spanish, entry->msgid, entry->msgstr);
    }
  /* Each file's strings, English and Spanish, one a line. */
  for (guint i = 0; i < extracted->len; i++)
    {
      Entry *entry = extracted->pdata[i];
      g_autofree char *english = NULL;
      const char *es;
      g_autofree char *es_text = NULL;

      if (entry->msgid == NULL || entry->msgid[0] == '\0')
        continue;
      english = readable (entry->msgid);
      if (count_words (english) < MIN_WORDS)
        continue;
      es = g_hash_table_lookup (spanish, entry->msgid);
      g_assert_nonnull (es);
      es_text = readable (es);
      for (guint f = 0; f < entry->files->len; f++)
        {
          const char *file = entry->files->pdata[f];
          GString **pair;

          if (is_staff_only (file))
            continue;
          pair = g_hash_table_lookup (texts, file);
          if (pair == NULL)
            {
              pair = g_new0 (GString *, 2);
              pair[0] = g_string_new (NULL);
              pair[1] = g_string_new (NULL);
              g_hash_table_insert (texts, g_strdup (file), pair);
            }
          g_string_append_printf (pair[0], "%s\n", english);
          g_string_append_printf (pair[1], "%s\n", es_text);
        }
    }
  files = g_list_sort (g_hash_table_get_keys (texts), (GCompareFunc) strcmp);
  for (GList *l = files; l != NULL; l = l->next)
    {
      GString **pair = g_hash_table_lookup (texts, l->data);
      g_autoptr (JkReadability) en = jk_readability_measure (pair[0]->str, "en");
      g_autoptr (JkReadability) es = jk_readability_measure (pair[1]->str, "es");

      report (l->data, en, failures);
      report (l->data, es, failures);
      g_string_free (pair[0], TRUE);
      g_string_free (pair[1], TRUE);
      g_free (pair);
      n_files++;
    }
  g_unlink (pot);
  g_rmdir (work);
  /* The screens and printouts are many: a broken extraction finds none. */
  g_assert_cmpuint (n_files, >, 40);
  if (failures->len > 0)
    g_error ("Visitor-facing strings above grade 8:\n%s", failures->str);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plain-language/shipped-pages", test_shipped_pages);
  g_test_add_func ("/plain-language/visitor-strings", test_visitor_strings);
  return g_test_run ();
}
