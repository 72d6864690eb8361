/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-orientation.c: the orientation pages' Markdown subset, with tricky input, and where the pages are found */

#include <glib/gstdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <jobkiosk/jk-orientation.h>
#include <unistd.h>

#include "jk-test.h"

typedef struct {
  char *root;          /* a folder of our own: root/en, root/es */
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->root = g_dir_make_tmp ("jk-orientation-XXXXXX", NULL);
  g_assert_nonnull (f->root);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  remove_tree (f->root);
  g_free (f->root);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static GPtrArray *
parse (const char *text)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *blocks = jk_orientation_parse (text, -1, "page.md", "/nowhere", "/nowhere", &error);

  g_assert_no_error (error);
  g_assert_nonnull (blocks);
  return blocks;
}

static const JkOrientationBlock *
block (GPtrArray *blocks,
       guint      i)
{
  g_assert_cmpuint (i, <, blocks->len);
  return blocks->pdata[i];
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_empty (void)
{
  g_autoptr (GPtrArray) blocks = parse ("");
  g_autoptr (GPtrArray) blank = parse ("\n\n   \n\t\n");
  g_autoptr (GPtrArray) bom_only = parse ("\xEF\xBB\xBF");

  g_assert_cmpuint (blocks->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (bom_only->len, ==, 0);
  g_assert_null (jk_orientation_blocks_title (blocks));
}

/* Headings, paragraphs of joined lines, and the title. */
static void
test_blocks (void)
{
  g_autoptr (GPtrArray) blocks = parse ("# What we offer\n"
                                        "We help you find work.\n"
                                        "It is free.\n"
                                        "\n"
                                        "## Classes ##\n"
                                        "#### Deeper\n"
                                        "#not a heading\n"
                                        "\n"
                                        "Setext title\n"
                                        "============\n"
                                        "---\n");

  g_assert_cmpuint (blocks->len, ==, 6);
  g_assert_cmpint (block (blocks, 0)->kind, ==, JK_ORIENTATION_HEADING);
  g_assert_cmpuint (block (blocks, 0)->level, ==, 1);
  g_assert_cmpstr (block (blocks, 0)->text, ==, "What we offer");
  g_assert_cmpint (block (blocks, 1)->kind, ==, JK_ORIENTATION_PARAGRAPH);
  g_assert_cmpstr (block (blocks, 1)->text, ==, "We help you find work. It is free.");
  g_assert_cmpstr (block (blocks, 2)->text, ==, "Classes");
  g_assert_cmpuint (block (blocks, 2)->level, ==, 2);
  g_assert_cmpstr (block (blocks, 3)->text, ==, "Deeper");
  g_assert_cmpuint (block (blocks, 3)->level, ==, 3);
  /* "#not a heading" has no space: a paragraph. The "=" line makes the
   * paragraph over it a heading; "---" after it is a rule, not shown. */
  g_assert_cmpint (block (blocks, 4)->kind, ==, JK_ORIENTATION_PARAGRAPH);
  g_assert_cmpstr (block (blocks, 4)->text, ==, "#not a heading");
  g_assert_cmpint (block (blocks, 5)->kind, ==, JK_ORIENTATION_HEADING);
  g_assert_cmpstr (block (blocks, 5)->text, ==, "Setext title");
  g_assert_cmpstr (jk_orientation_blocks_title (blocks), ==, "What we offer");
}

static void
test_setext (void)
{
  g_autoptr (GPtrArray) blocks = parse ("Big title\n=========\nSmall title\n-----\nText\n");

  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpint (block (blocks, 0)->kind, ==, JK_ORIENTATION_HEADING);
  g_assert_cmpuint (block (blocks, 0)->level, ==, 1);
  g_assert_cmpint (block (blocks, 1)->kind, ==, JK_ORIENTATION_HEADING);
  g_assert_cmpuint (block (blocks, 1)->level, ==, 2);
  g_assert_cmpstr (block (blocks, 2)->text, ==, "Text");
}

/* Raw HTML is text: escaped in the markup, never obeyed. */
static void
test_only_html (void)
{
  g_autoptr (GPtrArray) blocks = parse ("<div><b>Hi</b> &amp; <script>alert(1)</script></div>\n");

  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpint (block (blocks, 0)->kind, ==, JK_ORIENTATION_PARAGRAPH);
  g_assert_cmpstr (block (blocks, 0)->text, ==, "<div><b>Hi</b> &amp; <script>alert(1)</script></div>");
  g_assert_cmpstr (block (blocks, 0)->markup, ==,
                   "&lt;div&gt;&lt;b&gt;Hi&lt;/b&gt; &amp;amp; &lt;script&gt;alert(1)&lt;/script&gt;&lt;/div&gt;");
}

static void
test_emphasis (void)
{
  g_autoptr (GPtrArray) blocks = parse ("Bring *two* **papers** and __one__ _photo_ to snake_case_name.\n\n"
                                        "This is **bold and *it\n\n"
                                        "A * star alone and 2*3*4 and ***both***\n\n"
                                        "Say \\*not\\* and `*code*` and [our site](https://example.org/*x*) and "
                                        "![a picture](p.svg) inline.\n");

  g_assert_cmpuint (blocks->len, ==, 4);
  g_assert_cmpstr (block (blocks, 0)->text, ==, "Bring two papers and one photo to snake_case_name.");
  g_assert_cmpstr (block (blocks, 0)->markup, ==,
                   "Bring <i>two</i> <b>papers</b> and <b>one</b> <i>photo</i> to snake_case_name.");
  /* Unterminated: the marks stay as text. */
  g_assert_cmpstr (block (blocks, 1)->text, ==, "This is **bold and *it");
  g_assert_cmpstr (block (blocks, 1)->markup, ==, "This is **bold and *it");
  g_assert_cmpstr (block (blocks, 2)->text, ==, "A * star alone and 234 and both");
  g_assert_cmpstr (block (blocks, 2)->markup, ==, "A * star alone and 2<i>3</i>4 and <b><i>both</i></b>");
  /* A link is its words, never its address. */
  g_assert_cmpstr (block (blocks, 3)->text, ==, "Say *not* and *code* and our site and a picture inline.");
  g_assert_null (strstr (block (blocks, 3)->markup, "example.org"));
}

static void
test_lists (void)
{
  g_autoptr (GPtrArray) blocks = parse ("- a\n"
                                        "  - b\n"
                                        "      - c\n"
                                        "    going on\n"
                                        "  - d\n"
                                        "- e\n"
                                        "\n"
                                        "1. one\n"
                                        "2) two\n"
                                        "   * under two\n"
                                        "10. ten\n"
                                        "\n"
                                        "After.\n");
  const guint levels[] = { 0, 1, 2, 1, 0 };

  g_assert_cmpuint (blocks->len, ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_assert_cmpint (block (blocks, i)->kind, ==, JK_ORIENTATION_BULLET);
      g_assert_cmpuint (block (blocks, i)->level, ==, levels[i]);
    }
  g_assert_cmpstr (block (blocks, 2)->text, ==, "c going on");
  g_assert_cmpint (block (blocks, 5)->kind, ==, JK_ORIENTATION_NUMBERED);
  g_assert_cmpuint (block (blocks, 5)->number, ==, 1);
  g_assert_cmpuint (block (blocks, 6)->number, ==, 2);
  g_assert_cmpint (block (blocks, 7)->kind, ==, JK_ORIENTATION_BULLET);
  g_assert_cmpuint (block (blocks, 7)->level, ==, 1);
  g_assert_cmpuint (block (blocks, 8)->number, ==, 10);
  g_assert_cmpuint (block (blocks, 8)->level, ==, 0);
  g_assert_cmpint (block (blocks, 9)->kind, ==, JK_ORIENTATION_PARAGRAPH);
}

static void
test_lists_tail (void)
{
  g_autoptr (GPtrArray) blocks = parse ("    - deep first\n      - b\n- then out\n-notabullet\n");

  /* A list's first item sets its left edge, however deep: a later item
   * less indented is still level 0. */
  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpuint (block (blocks, 0)->level, ==, 0);
  g_assert_cmpuint (block (blocks, 1)->level, ==, 1);
  g_assert_cmpuint (block (blocks, 2)->level, ==, 0);
  /* No space after the mark: a line going on with the item. */
  g_assert_cmpstr (block (blocks, 2)->text, ==, "then out -notabullet");
}

static void
test_crlf_bom (void)
{
  g_autoptr (GPtrArray) blocks = parse ("\xEF\xBB\xBF# Title\r\n\r\nline one\r\nline two\r\n\r\n- item\r\n");

  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpint (block (blocks, 0)->kind, ==, JK_ORIENTATION_HEADING);
  g_assert_cmpstr (block (blocks, 0)->text, ==, "Title");
  g_assert_cmpstr (block (blocks, 1)->text, ==, "line one line two");
  g_assert_cmpstr (block (blocks, 2)->text, ==, "item");
  g_assert_null (strchr (block (blocks, 1)->markup, '\r'));
}

static void
test_not_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) nul_error = NULL;
  const char nul[] = "# ok\nline\0more\n";

  g_assert_null (jk_orientation_parse ("# Fine\n\nstill fine\nLatin-1: caf\xe9\n", -1, "es/01-offer.md",
                                       "/x", "/x", &error));
  g_assert_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "es/01-offer.md:4: not UTF-8 text");
  g_assert_null (jk_orientation_parse (nul, sizeof nul - 1, "p.md", "/x", "/x", &nul_error));
  g_assert_error (nul_error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (nul_error->message, "p.md:2:"));
}

/* Pictures beside the page are kept (resolved); outside the folder, a
 * link or through a symbolic link out, only their words show. */
static void
test_pictures (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *en = g_build_filename (f->root, "en", NULL);
  g_autofree char *page = g_build_filename (en, "01-offer.md", NULL);
  g_autofree char *outside = g_strconcat (f->root, "-outside.svg", NULL);
  g_autofree char *link = g_build_filename (en, "sneaky.svg", NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GPtrArray) blocks = NULL;
  g_autoptr (GError) error = NULL;

  write_file (en, "desk.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>", -1);
  write_file (f->root, "shared/map.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>", -1);
  g_assert_true (g_file_set_contents (outside, "<svg/>", -1, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);
  {
    g_autofree char *base = g_path_get_basename (outside);
    g_autofree char *md = g_strdup_printf ("# Offer\n"
                                           "![A front desk](desk.svg)\n"
                                           "![The map](../shared/map.svg \"Map\")\n"
                                           "![Out](../../etc/passwd)\n"
                                           "![Outside](../../%s)\n"
                                           "![Linked out](sneaky.svg)\n"
                                           "![Far](https://example.org/x.svg)\n"
                                           "![](../../nothing.svg)\n", base);

    write_file (en, "01-offer.md", md, -1);
  }
  blocks = jk_orientation_read_page (page, f->root, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blocks->len, ==, 7);
  g_assert_cmpint (block (blocks, 1)->kind, ==, JK_ORIENTATION_IMAGE);
  g_assert_cmpstr (block (blocks, 1)->text, ==, "A front desk");
  {
    char real[PATH_MAX];

    g_assert_nonnull (realpath (en, real));
    expected = g_build_filename (real, "desk.svg", NULL);
  }
  g_assert_cmpstr (block (blocks, 1)->path, ==, expected);
  g_assert_cmpint (block (blocks, 2)->kind, ==, JK_ORIENTATION_IMAGE);
  g_assert_true (g_str_has_suffix (block (blocks, 2)->path, "/shared/map.svg"));
  for (guint i = 3; i < 7; i++)
    {
      g_assert_cmpint (block (blocks, i)->kind, ==, JK_ORIENTATION_PARAGRAPH);
      g_assert_null (block (blocks, i)->path);
    }
  g_assert_cmpstr (block (blocks, 5)->text, ==, "Linked out");
  /* Bounded by the page's own folder when no root is given. */
  g_clear_pointer (&blocks, g_ptr_array_unref);
  blocks = jk_orientation_read_page (page, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (block (blocks, 1)->kind, ==, JK_ORIENTATION_IMAGE);
  g_assert_cmpint (block (blocks, 2)->kind, ==, JK_ORIENTATION_PARAGRAPH);
  g_unlink (outside);
}

static void
test_folders (Fixture      *f,
              gconstpointer data)
{
  g_autofree char *en = g_build_filename (f->root, "en", NULL);
  g_autofree char *es = g_build_filename (f->root, "es", NULL);
  g_autofree char *found = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GError) error = NULL;
  const JkOrientationFile *page;

  g_assert_null (jk_orientation_find_folder (f->root, "es", &error));
  g_assert_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_NOT_FOUND);
  g_clear_error (&error);

  write_file (en, "02-bring.md", "Intro first.\n\n## What to bring\n", -1);
  write_file (en, "01-offer.md", "# What we offer\n", -1);
  write_file (en, "03-no-heading.md", "Just words.\n", -1);
  write_file (en, "notes.txt", "# Not a page\n", -1);
  write_file (en, ".hidden.md", "# Hidden\n", -1);
  g_assert_cmpint (g_mkdir_with_parents (es, 0755), ==, 0);
  /* Spanish has no page yet: English instead. */
  found = jk_orientation_find_folder (f->root, "es", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, en);
  g_clear_pointer (&found, g_free);
  write_file (es, "01-ofrecemos.md", "# Lo que ofrecemos\n", -1);
  found = jk_orientation_find_folder (f->root, "es", &error);
  g_assert_cmpstr (found, ==, es);

  pages = jk_orientation_list_pages (en, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 3);
  page = pages->pdata[0];
  g_assert_cmpstr (page->name, ==, "01-offer.md");
  g_assert_cmpstr (page->title, ==, "What we offer");
  page = pages->pdata[1];
  g_assert_cmpstr (page->title, ==, "What to bring");
  page = pages->pdata[2];
  g_assert_cmpstr (page->title, ==, "03-no-heading");
}

/* Unset: "orientation" beside the main file when it is there, else the
 * shipped template; set: the folder named. */
static void
test_root (Fixture      *f,
           gconstpointer data)
{
  JkConfig *config = jk_config_new_defaults ();
  g_autofree char *beside = g_build_filename (f->root, "orientation", NULL);
  g_autofree char *shipped = g_build_filename (jk_get_pkgdatadir (), "orientation", NULL);
  g_autofree char *root = NULL;

  g_free (config->base_dir);
  config->base_dir = g_strdup (f->root);
  root = jk_orientation_get_root (config);
  g_assert_cmpstr (root, ==, shipped);
  g_clear_pointer (&root, g_free);
  g_assert_cmpint (g_mkdir (beside, 0755), ==, 0);
  root = jk_orientation_get_root (config);
  g_assert_cmpstr (root, ==, beside);
  g_clear_pointer (&root, g_free);
  config->orientation_folder = g_strdup ("/srv/center/orientation");
  root = jk_orientation_get_root (config);
  g_assert_cmpstr (root, ==, "/srv/center/orientation");
  jk_config_free (config);
}

static void
test_too_big (Fixture      *f,
              gconstpointer data)
{
  g_autofree char *big = g_strnfill (JK_ORIENTATION_MAX_SIZE + 1, 'a');
  g_autofree char *path = g_build_filename (f->root, "big.md", NULL);
  g_autoptr (GError) error = NULL;

  write_file (f->root, "big.md", big, -1);
  g_assert_null (jk_orientation_read_page (path, NULL, &error));
  g_assert_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_READ);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/orientation/empty", test_empty);
  g_test_add_func ("/orientation/blocks", test_blocks);
  g_test_add_func ("/orientation/setext", test_setext);
  g_test_add_func ("/orientation/only-html", test_only_html);
  g_test_add_func ("/orientation/emphasis", test_emphasis);
  g_test_add_func ("/orientation/lists", test_lists);
  g_test_add_func ("/orientation/lists-tail", test_lists_tail);
  g_test_add_func ("/orientation/crlf-bom", test_crlf_bom);
  g_test_add_func ("/orientation/not-utf8", test_not_utf8);
  JK_TEST_ADD ("/orientation/pictures", Fixture, test_pictures);
  JK_TEST_ADD ("/orientation/folders", Fixture, test_folders);
  JK_TEST_ADD ("/orientation/root", Fixture, test_root);
  JK_TEST_ADD ("/orientation/too-big", Fixture, test_too_big);
  return g_test_run ();
}
