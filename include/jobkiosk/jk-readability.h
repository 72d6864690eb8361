/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-readability.h: how hard a text is to read, as a school grade, in English and Spanish */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* English: the Flesch-Kincaid grade level (Kincaid et al., 1975),
 *
 *   grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59
 *
 * Spanish: the Fernández Huerta index (J. Fernández Huerta, "Medidas
 * sencillas de lecturabilidad", Consigna 214, 1959), Flesch's reading ease
 * refitted for Spanish,
 *
 *   L = 206.84 - 0.60 * P - 1.02 * F
 *
 * P syllables per 100 words, F the words per sentence; higher is easier.
 * The paper's "F" is often read as sentences per 100 words, which makes
 * more, shorter sentences score as harder; Flesch's formula, which this
 * one refits (206.835 - 1.015 * words per sentence - 0.846 * P), says the
 * term is sentence length (G. Law, "Error in the Fernández Huerta
 * readability formula", 2011).
 * Its published scale gives a school grade for each band, and the grade
 * reported is the band's highest:
 *
 *   L       Fernández Huerta's words    grade reported
 *   90-100  muy fácil                    4  (4th grade)
 *   80-90   fácil                        5  (5th)
 *   70-80   algo fácil                   6  (6th)
 *   60-70   normal (para adulto)         8  (7th or 8th)
 *   50-60   algo difícil                12  (preuniversitario: high school)
 *   30-50   difícil                     14  (cursos selectivos)
 *   0-30    muy difícil                 16  (universitario)
 *
 * so "grade 8 or below" in Spanish is L >= 60.
 *
 * Words are runs of letters and digits (an apostrophe or hyphen inside
 * joins them). Sentences end at . ! ? (a period inside a number or a word,
 * "3.5", "a.m", does not end one) and at a line's end: each heading, list
 * item and string is a sentence of its own. Syllables:
 *   English  groups of vowels (a e i o u, y after the first letter); a
 *            final silent "e" is taken away, but not in "-le" after a
 *            consonant (ta-ble); "-ed" after a letter other than t or d and
 *            "-es" after a letter other than s x z g c or h do not make a
 *            syllable (worked, makes); at least one.
 *   Spanish  vowel nuclei: a run of vowels is one syllable (a diphthong)
 *            unless two strong vowels (a e o, accented or not) meet, or an
 *            accented weak vowel (í ú) breaks it (dí-a); u is silent in
 *            que, qui, gue, gui (not in güe); y at a word's end after a
 *            vowel is a vowel of that run (hoy), the word "y" is one.
 *   Numbers  a run of digits counts one syllable a digit, at most four. */

typedef struct {
  char *text;      /* the sentence as written */
  double score;    /* its own score, as JkReadability's */
  double grade;    /* its own grade */
} JkReadabilitySentence;

typedef struct {
  char *language;     /* "en" or "es" */
  guint words;
  guint sentences;
  guint syllables;
  double score;       /* English: the Flesch-Kincaid grade; Spanish: the Fernández Huerta index */
  double grade;       /* the school grade (English: the score itself) */
  GPtrArray *hardest; /* JkReadabilitySentence *: every sentence, hardest first */
} JkReadability;

/* How hard text is (language "es" for Spanish, anything else English);
 * an empty text has 0 words and grade 0. */
JkReadability *jk_readability_measure       (const char   *text,
                                             const char   *language);
void           jk_readability_free          (JkReadability *self);

guint          jk_readability_syllables_en  (const char   *word);
guint          jk_readability_syllables_es  (const char   *word);
/* The Fernández Huerta index from counts. */
double         jk_readability_fernandez_huerta (guint words,
                                                guint sentences,
                                                guint syllables);
/* The grade of a Fernández Huerta index, by the scale above. */
double         jk_readability_fernandez_huerta_grade (double score);
double         jk_readability_flesch_kincaid (guint words,
                                              guint sentences,
                                              guint syllables);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkReadability, jk_readability_free)

G_END_DECLS
