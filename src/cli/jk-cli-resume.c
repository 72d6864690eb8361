/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-resume.c: jobkioskctl resume validate and resume render */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume.h>
#include <stdio.h>

#include "jk-cli.h"

/* "error: $.work[2].startDate: is not a date like 2021-05 or 2021" */
static void
print_problems (FILE      *stream,
                GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      JkResumeProblem *problem = g_ptr_array_index (problems, i);

      fprintf (stream, "%s: %s: %s\n",
               problem->severity == JK_RESUME_ERROR_PROBLEM ? _("error") : _("warning"),
               problem->path, problem->message);
    }
}

static int
resume_validate (int    argc,
                 char **argv)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) resume = NULL;

  if (!jk_cli_begin ("resume validate", N_("IN.json"), _("Check a JSON Resume: each problem on its own line"), NULL, NULL,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("Usage: jobkioskctl resume validate IN.json\n"));
  resume = jk_resume_load_file (argv[1], &problems, &error);
  if (resume == NULL)
    return jk_cli_fail ("resume", error);
  print_problems (stdout, problems);
  if (jk_resume_problems_have_errors (problems))
    return JK_CLI_EXIT_FAILED;
  if (problems->len == 0)
    g_print ("%s\n", _("No problems found."));
  return JK_CLI_EXIT_OK;
}

static int
resume_render (int    argc,
               char **argv)
{
  g_autofree char *template = NULL, *paper = NULL, *format = NULL, *out = NULL, *language = NULL;
  const GOptionEntry entries[] = {
    { "template", 0, 0, G_OPTION_ARG_STRING, &template, N_("classic, skills (the default) or simple"), N_("NAME") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("letter (the default) or a4"), N_("SIZE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf, txt or json (the default: from --out's name, else pdf)"),
      N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write, or - for the standard output"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language, N_("The language of the headings and dates: en (the default) or es"),
      N_("LANG") },
    { NULL }
  };
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) resume = NULL;
  g_autofree char *text = NULL;
  JkResumeTemplate template_id = JK_RESUME_TEMPLATE_SKILLS;

  if (!jk_cli_begin ("resume render", N_("IN.json"), _("Write a resume as PDF, plain text or JSON Resume"), entries, NULL,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2 || out == NULL)
    return jk_cli_usage (_("Usage: jobkioskctl resume render IN.json [--template classic|skills|simple] "
                           "[--paper letter|a4] [--format pdf|txt|json] --out FILE\n"));
  if (template != NULL && !jk_resume_template_from_string (template, &template_id))
    return jk_cli_usage (_("jobkioskctl resume render: --template is classic, skills or simple, not “%s”\n"), template);
  if (paper != NULL && !g_str_equal (paper, "letter") && !g_str_equal (paper, "a4"))
    return jk_cli_usage (_("jobkioskctl resume render: --paper is letter or a4, not “%s”\n"), paper);
  if (language != NULL && !g_str_equal (language, "en") && !g_str_equal (language, "es"))
    return jk_cli_usage (_("jobkioskctl resume render: --lang is en or es, not “%s”\n"), language);
  if (format == NULL)
    format = g_strdup (g_str_has_suffix (out, ".txt") ? "txt" : g_str_has_suffix (out, ".json") ? "json" : "pdf");
  if (!g_str_equal (format, "pdf") && !g_str_equal (format, "txt") && !g_str_equal (format, "json"))
    return jk_cli_usage (_("jobkioskctl resume render: --format is pdf, txt or json, not “%s”\n"), format);

  resume = jk_resume_load_file (argv[1], &problems, &error);
  if (resume == NULL)
    return jk_cli_fail ("resume", error);
  print_problems (stderr, problems);
  if (jk_resume_problems_have_errors (problems))
    {
      g_printerr ("%s\n", _("jobkioskctl resume: nothing was written: fix the errors above first"));
      return JK_CLI_EXIT_FAILED;
    }
  if (language != NULL)
    jk_i18n_set_language (language);
  if (g_str_equal (format, "pdf"))
    {
      JkResumeDocInput input = { .resume = resume, .template_id = template_id };
      JkDocumentContext context = {
        .paper = g_strcmp0 (paper, "a4") == 0 ? JK_PAPER_A4 : JK_PAPER_LETTER,
        .language = language,
      };
      g_autoptr (JkDocument) document = jk_document_render (&jk_document_resume, &context, &input, &error);
      GBytes *pdf;

      if (document == NULL)
        return jk_cli_fail ("resume", error);
      if (!g_str_equal (out, "-"))
        return jk_document_save (document, out, &error) ? JK_CLI_EXIT_OK : jk_cli_fail ("resume", error);
      pdf = jk_document_get_pdf (document);
      return fwrite (g_bytes_get_data (pdf, NULL), 1, g_bytes_get_size (pdf), stdout) == g_bytes_get_size (pdf)
             && fflush (stdout) == 0 ? JK_CLI_EXIT_OK : JK_CLI_EXIT_FAILED;
    }
  if (g_str_equal (format, "json"))
    text = jk_resume_to_json (resume);
  else
    text = jk_resume_to_text (resume, template_id == JK_RESUME_TEMPLATE_CLASSIC ? JK_RESUME_ORDER_CHRONOLOGICAL
                                                                                : JK_RESUME_ORDER_SKILLS_FIRST);
  if (g_str_equal (out, "-"))
    {
      fputs (text, stdout);
      return fflush (stdout) == 0 ? JK_CLI_EXIT_OK : JK_CLI_EXIT_FAILED;
    }
  if (!g_file_set_contents (out, text, -1, &error))
    return jk_cli_fail ("resume", error);
  return JK_CLI_EXIT_OK;
}

int
jk_cli_resume (JkCli  *cli,
               int     argc,
               char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "validate"))
    return resume_validate (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "render"))
    return resume_render (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "purge"))
    return jk_cli_resume_purge (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "export-saved"))
    return jk_cli_resume_export_saved (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "import-saved"))
    return jk_cli_resume_import_saved (cli, argc - 1, argv + 1);
  return jk_cli_usage (_("Usage: jobkioskctl resume validate IN.json, resume render IN.json --out FILE, resume purge, "
                         "resume export-saved FILE or resume import-saved FILE\n"));
}
