/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-typing.c: the typing test's passages and its scores, worked out by hand */

#include <string.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-typing.h>
#include "jk-test.h"

#define PASSAGE "the cat sat on the mat"

static void
assert_error (JkTypingResult *result,
              guint           index,
              const char     *expected,
              const char     *typed)
{
  JkTypingError *error;

  g_assert_cmpuint (index, <, result->error_list->len);
  error = g_ptr_array_index (result->error_list, index);
  g_assert_cmpstr (error->expected, ==, expected);
  g_assert_cmpstr (error->typed, ==, typed);
}

static void
test_passages (void)
{
  const char *languages[] = { "en", "es" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) passages = jk_typing_get_passages (languages[l], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (passages->len, >=, 6);
      for (guint i = 0; i < passages->len; i++)
        {
          JkTypingPassage *passage = g_ptr_array_index (passages, i);
          g_auto (GStrv) words = g_strsplit (passage->text, " ", -1);

          g_assert_cmpstr (passage->language, ==, languages[l]);
          g_assert_true (g_str_has_prefix (passage->id, languages[l]));
          g_assert_cmpstr (passage->title, !=, "");
          /* Long enough that a fast typist does not finish a minute early. */
          g_assert_cmpuint (g_strv_length (words), >=, 120);
        }
    }
}

static void
test_drill (void)
{
  const char *drill = jk_typing_home_row_drill ();

  g_assert_cmpuint (strlen (drill), >, 40);
  /* The home row alone: the fingers never leave it. */
  g_assert_cmpuint (strspn (drill, "asdfjkl; "), ==, strlen (drill));
}

/* Everything right: 22 characters in 30 s = (22 / 5) / 0.5 = 8.8 WPM. */
static void
test_perfect (void)
{
  g_autoptr (JkTypingResult) result = jk_typing_score (PASSAGE, PASSAGE, 30);

  g_assert_cmpuint (result->typed_chars, ==, 22);
  g_assert_cmpuint (result->typed_words, ==, 6);
  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpfloat_with_epsilon (result->gross_wpm, 8.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->net_wpm, 8.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->accuracy, 1.0, 1e-9);
  g_assert_true (result->finished);
}

/* "the bat st on " in a minute: 14 characters, gross 14 / 5 = 2.8;
 * "bat" for "cat" and "st" for "sat" (a letter left out) are 2 errors,
 * net 2.8 - 2 = 0.8; their 5 characters are wrong, accuracy 9 / 14. */
static void
test_wrong_words (void)
{
  g_autoptr (JkTypingResult) result = jk_typing_score (PASSAGE, "the bat st on ", 60);

  g_assert_cmpuint (result->typed_chars, ==, 14);
  g_assert_cmpuint (result->correct_chars, ==, 9);
  g_assert_cmpuint (result->errors, ==, 2);
  g_assert_cmpfloat_with_epsilon (result->gross_wpm, 2.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->net_wpm, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->accuracy, 9.0 / 14.0, 1e-9);
  g_assert_false (result->finished);
  assert_error (result, 0, "cat", "bat");
  assert_error (result, 1, "sat", "st");
}

/* "one three four four five" in 30 s: "two" left out and "four" typed
 * twice are one error each, not a shift of every word after. 24
 * characters: gross (24 / 5) / 0.5 = 9.6, net 9.6 - 2 / 0.5 = 5.6; the
 * added "four" is 4 characters wrong, accuracy 20 / 24. */
static void
test_skipped_and_added (void)
{
  g_autoptr (JkTypingResult) result = jk_typing_score ("one two three four five six", "one three four four five", 30);

  g_assert_cmpuint (result->typed_chars, ==, 24);
  g_assert_cmpuint (result->errors, ==, 2);
  g_assert_cmpuint (result->correct_chars, ==, 20);
  g_assert_cmpfloat_with_epsilon (result->gross_wpm, 9.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->net_wpm, 5.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->accuracy, 20.0 / 24.0, 1e-9);
  assert_error (result, 0, "two", "");
  assert_error (result, 1, "", "four");
}

/* A word still being typed when time is up is not an error; once a space
 * follows it, it is. 6 s = 0.1 minute. */
static void
test_last_word (void)
{
  g_autoptr (JkTypingResult) typing = jk_typing_score ("hello world", "hello wor", 6);
  g_autoptr (JkTypingResult) left = jk_typing_score ("hello world", "hello wor ", 6);

  /* 9 characters: (9 / 5) / 0.1 = 18. */
  g_assert_cmpuint (typing->errors, ==, 0);
  g_assert_cmpfloat_with_epsilon (typing->gross_wpm, 18.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (typing->net_wpm, 18.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (typing->accuracy, 1.0, 1e-9);
  g_assert_false (typing->finished);

  /* 10 characters: gross 20, net 20 - 1 / 0.1 = 10, accuracy 7 / 10. */
  g_assert_cmpuint (left->errors, ==, 1);
  g_assert_cmpfloat_with_epsilon (left->gross_wpm, 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (left->net_wpm, 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (left->accuracy, 0.7, 1e-9);
  assert_error (left, 0, "world", "wor");
}

/* Net WPM never goes below 0: "x y z" for "a b" in a minute is gross 1,
 * 3 errors (two wrong, one added); the 2 spaces are right, accuracy 2 / 5. */
static void
test_net_floor (void)
{
  g_autoptr (JkTypingResult) result = jk_typing_score ("a b", "x y z", 60);

  g_assert_cmpuint (result->errors, ==, 3);
  g_assert_cmpfloat_with_epsilon (result->gross_wpm, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->net_wpm, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->accuracy, 0.4, 1e-9);
  g_assert_true (result->finished);
}

/* Characters, not bytes: "el nino está" for "el niño está" is 12
 * characters, one error of 4, accuracy 8 / 12. */
static void
test_spanish (void)
{
  g_autoptr (JkTypingResult) result = jk_typing_score ("el niño está", "el nino está", 60);
  g_autoptr (JkTypingResult) right = jk_typing_score ("el niño está", "el niño está", 60);

  g_assert_cmpuint (result->typed_chars, ==, 12);
  g_assert_cmpuint (result->errors, ==, 1);
  g_assert_cmpfloat_with_epsilon (result->accuracy, 8.0 / 12.0, 1e-9);
  assert_error (result, 0, "niño", "nino");
  g_assert_cmpuint (right->errors, ==, 0);
  g_assert_cmpfloat_with_epsilon (right->gross_wpm, 12.0 / 5.0, 1e-9);
}

static void
test_nothing_typed (void)
{
  g_autoptr (JkTypingResult) result = jk_typing_score (PASSAGE, "", 60);

  g_assert_cmpuint (result->typed_chars, ==, 0);
  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpfloat_with_epsilon (result->gross_wpm, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->accuracy, 0.0, 1e-9);
  g_assert_false (jk_typing_is_finished (PASSAGE, ""));
  g_assert_false (jk_typing_is_finished (PASSAGE, "the cat sat on the ma"));
  g_assert_true (jk_typing_is_finished (PASSAGE, "the cat sat on the mat"));
}

/* The printed result: one page, and its kind found by its id. */
static void
test_sheet (void)
{
  JkTypingSheetInput input = { 3, 41.2, 38.6, 0.97, 8 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = jk_document_typing_sheet.render (NULL, &input, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  g_assert_true (jk_document_kind_lookup ("typing result") == &jk_document_typing_sheet);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/typing/passages", test_passages);
  g_test_add_func ("/typing/drill", test_drill);
  g_test_add_func ("/typing/perfect", test_perfect);
  g_test_add_func ("/typing/wrong-words", test_wrong_words);
  g_test_add_func ("/typing/skipped-and-added", test_skipped_and_added);
  g_test_add_func ("/typing/last-word", test_last_word);
  g_test_add_func ("/typing/net-floor", test_net_floor);
  g_test_add_func ("/typing/spanish", test_spanish);
  g_test_add_func ("/typing/nothing-typed", test_nothing_typed);
  g_test_add_func ("/typing/sheet", test_sheet);
  return g_test_run ();
}
