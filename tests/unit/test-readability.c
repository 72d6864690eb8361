/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-readability.c: syllables, Flesch-Kincaid and Fernández Huerta on texts counted by hand */

#include <jobkiosk/jk-readability.h>

#include "jk-test.h"

typedef struct {
  const char *word;
  guint syllables;
} Word;

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_syllables_en (void)
{
  const Word words[] = {
    { "cat", 1 }, { "the", 1 }, { "make", 1 }, { "table", 2 }, { "people", 2 }, { "while", 1 },
    { "worked", 1 }, { "needed", 2 }, { "boxes", 2 }, { "makes", 1 }, { "places", 2 }, { "agree", 2 },
    { "center", 2 }, { "application", 4 }, { "tomorrow", 3 }, { "yes", 1 }, { "by", 1 }, { "job", 1 },
    { "don't", 1 }, { "résumé", 3 }, { "free", 1 }, { "TABLE", 2 }, { "a", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_test_message ("%s", words[i].word);
      g_assert_cmpuint (jk_readability_syllables_en (words[i].word), ==, words[i].syllables);
    }
}

static void
test_syllables_es (void)
{
  const Word words[] = {
    { "gato", 2 }, { "día", 2 }, { "ciudad", 2 }, { "trabajo", 3 }, { "que", 1 }, { "guerra", 2 },
    { "pingüino", 3 }, { "hoy", 1 }, { "y", 1 }, { "leer", 2 }, { "poeta", 3 }, { "aeropuerto", 5 },
    { "búsqueda", 3 }, { "empleo", 3 }, { "país", 2 }, { "Reúne", 3 }, { "muy", 1 }, { "buey", 1 },
    { "oficina", 4 }, { "cuidado", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_test_message ("%s", words[i].word);
      g_assert_cmpuint (jk_readability_syllables_es (words[i].word), ==, words[i].syllables);
    }
}

/* Two sentences, counted by hand:
 *   "The cat sat on the mat."               6 words, 6 syllables
 *   "We help people find good jobs today."  7 words: we 1, help 1, peo-ple 2,
 *                                           find 1, good 1, jobs 1, to-day 2 = 9
 * 13 words, 2 sentences, 15 syllables:
 *   0.39 * 13 / 2 + 11.8 * 15 / 13 - 15.59 = 2.535 + 13.6154 - 15.59 = 0.5604
 * Each alone: the first 0.39 * 6 + 11.8 - 15.59 = -1.45; the second
 *   0.39 * 7 + 11.8 * 9 / 7 - 15.59 = 2.73 + 15.1714 - 15.59 = 2.3114,
 * so the second is the harder. */
static void
test_flesch_kincaid (void)
{
  g_autoptr (JkReadability) r = jk_readability_measure ("The cat sat on the mat. We help people find good jobs "
                                                        "today.", "en");
  const JkReadabilitySentence *hardest;

  g_assert_cmpuint (r->words, ==, 13);
  g_assert_cmpuint (r->sentences, ==, 2);
  g_assert_cmpuint (r->syllables, ==, 15);
  g_assert_cmpfloat_with_epsilon (r->grade, 0.5604, 0.001);
  g_assert_cmpuint (r->hardest->len, ==, 2);
  hardest = r->hardest->pdata[0];
  g_assert_cmpstr (hardest->text, ==, "We help people find good jobs today.");
  g_assert_cmpfloat_with_epsilon (hardest->grade, 2.3114, 0.001);
  hardest = r->hardest->pdata[1];
  g_assert_cmpfloat_with_epsilon (hardest->grade, -1.45, 0.001);
}

/* One long sentence of long words is far above grade 8:
 *   "Unemployment compensation eligibility determinations necessitate
 *    comprehensive documentation."
 *   un-em-ploy-ment 4, com-pen-sa-tion 4, e-li-gi-bi-li-ty 6,
 *   de-ter-mi-na-tions 5, ne-ces-si-tate 4 (silent e), com-pre-hen-sive 4
 *   (silent e), do-cu-men-ta-tion 5: 7 words, 32 syllables
 *   0.39 * 7 + 11.8 * 32 / 7 - 15.59 = 2.73 + 53.943 - 15.59 = 41.083 */
static void
test_hard_text (void)
{
  g_autoptr (JkReadability) r = jk_readability_measure ("Unemployment compensation eligibility determinations "
                                                        "necessitate comprehensive documentation.", "en");

  g_assert_cmpuint (r->words, ==, 7);
  g_assert_cmpuint (r->syllables, ==, 32);
  g_assert_cmpfloat_with_epsilon (r->grade, 41.083, 0.01);
}

/* Where sentences end: lines, ! and ?, not the period in 3.5 or a.m. */
static void
test_sentences (void)
{
  g_autoptr (JkReadability) r = jk_readability_measure ("Come at 8 a.m. to room 3.5!\nBring your ID\n\n"
                                                        "Is it free? Yes!!! It is.", "en");

  /* "Come at 8 a.m." (5 words: a and m), "to room 3.5!" (3: 3.5 is one),
   * "Bring your ID" (3, ended by its line), "Is it free?" (3), "Yes!!!"
   * (1), "It is." (2). */
  g_assert_cmpuint (r->sentences, ==, 6);
  g_assert_cmpuint (r->words, ==, 17);
}

static void
test_empty (void)
{
  g_autoptr (JkReadability) r = jk_readability_measure ("", "en");
  g_autoptr (JkReadability) punct = jk_readability_measure (" ... \n ¿? ", "es");

  g_assert_cmpuint (r->words, ==, 0);
  g_assert_cmpfloat (r->grade, ==, 0);
  g_assert_cmpuint (r->hardest->len, ==, 0);
  g_assert_cmpuint (punct->words, ==, 0);
  g_assert_cmpfloat (punct->grade, ==, 0);
}

/* "El gato come pan.": el 1, ga-to 2, co-me 2, pan 1: 4 words, 6
 * syllables, 1 sentence: P = 150, F = 4,
 *   L = 206.84 - 0.60 * 150 - 1.02 * 4 = 112.76: muy fácil, grade 4.
 * "La administración municipal proporcionará información complementaria.":
 *   la 1, ad-mi-nis-tra-ción 5, mu-ni-ci-pal 4, pro-por-cio-na-rá 5,
 *   in-for-ma-ción 4, com-ple-men-ta-ria 5: 6 words, 24 syllables,
 *   P = 400, F = 6: L = 206.84 - 240 - 6.12 = -39.28: grade 16. */
static void
test_fernandez_huerta (void)
{
  g_autoptr (JkReadability) easy = jk_readability_measure ("El gato come pan.", "es");
  g_autoptr (JkReadability) hard = jk_readability_measure ("La administración municipal proporcionará información "
                                                           "complementaria.", "es");
  g_autoptr (JkReadability) both = jk_readability_measure ("La administración municipal proporcionará información "
                                                           "complementaria. El gato come pan.", "es");

  g_assert_cmpuint (easy->syllables, ==, 6);
  g_assert_cmpfloat_with_epsilon (easy->score, 112.76, 0.001);
  g_assert_cmpfloat (easy->grade, ==, 4);
  g_assert_cmpuint (hard->words, ==, 6);
  g_assert_cmpuint (hard->syllables, ==, 24);
  g_assert_cmpfloat_with_epsilon (hard->score, -39.28, 0.01);
  g_assert_cmpfloat (hard->grade, ==, 16);
  /* The hardest first: the lower index. */
  g_assert_cmpstr (((JkReadabilitySentence *) both->hardest->pdata[0])->text, ==,
                   "La administración municipal proporcionará información complementaria.");
}

/* The published bands, at their edges. */
static void
test_fernandez_huerta_scale (void)
{
  g_assert_cmpfloat (jk_readability_fernandez_huerta_grade (100), ==, 4);
  g_assert_cmpfloat (jk_readability_fernandez_huerta_grade (90), ==, 4);
  g_assert_cmpfloat (jk_readability_fernandez_huerta_grade (89.9), ==, 5);
  g_assert_cmpfloat (jk_readability_fernandez_huerta_grade (70), ==, 6);
  g_assert_cmpfloat (jk_readability_fernandez_huerta_grade (60), ==, 8);
  g_assert_cmpfloat (jk_readability_fernandez_huerta_grade (59.9), ==, 12);
  g_assert_cmpfloat (jk_readability_fernandez_huerta_grade (30), ==, 14);
  g_assert_cmpfloat (jk_readability_fernandez_huerta_grade (29.9), ==, 16);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/readability/syllables-en", test_syllables_en);
  g_test_add_func ("/readability/syllables-es", test_syllables_es);
  g_test_add_func ("/readability/flesch-kincaid", test_flesch_kincaid);
  g_test_add_func ("/readability/hard-text", test_hard_text);
  g_test_add_func ("/readability/sentences", test_sentences);
  g_test_add_func ("/readability/empty", test_empty);
  g_test_add_func ("/readability/fernandez-huerta", test_fernandez_huerta);
  g_test_add_func ("/readability/fernandez-huerta-scale", test_fernandez_huerta_scale);
  return g_test_run ();
}
