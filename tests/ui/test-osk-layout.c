/* test-osk-layout.c: the on-screen keyboard's keys, without a window
 *
 *   /osk-layout/rows        every row fills the columns; German QWERTZ
 *                           with ä ö ü ß, the digits, - . , / @ on page one
 *   /osk-layout/newline     the new-line key only for several lines
 *   /osk-layout/move        left and right run through the rows, up and
 *                           down keep the column and wrap
 *   /osk-layout/locate      every character of a German address and an
 *                           e-mail address has a key; capitals need shift
 *   /osk-layout/names       names of letters, capitals and punctuation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "bk-config.h"

#include <string.h>

#include "bk-osk-layout.h"

static char *
row_text (BkOskLayout *layout,
          guint        row)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < bk_osk_layout_get_n_keys (layout, row); i++)
    {
      const BkOskCell *cell = bk_osk_layout_get_cell (layout, row, i);
      g_autofree char *label = bk_osk_key_dup_label (cell->key, FALSE);

      g_string_append (text, label ? label : "[]");
    }

  return g_string_free (text, FALSE);
}

static void
test_rows (void)
{
  for (guint page = 0; page < BK_OSK_N_PAGES; page++)
    {
      g_autoptr(BkOskLayout) layout = bk_osk_layout_new (page, TRUE);

      g_assert_cmpuint (bk_osk_layout_get_n_rows (layout), >=, 4);
      for (guint row = 0; row < bk_osk_layout_get_n_rows (layout); row++)
        {
          guint column = 0;

          for (guint i = 0; i < bk_osk_layout_get_n_keys (layout, row); i++)
            {
              const BkOskCell *cell = bk_osk_layout_get_cell (layout, row, i);

              g_assert_cmpuint (cell->column, ==, column);
              g_assert_cmpuint (cell->width, >=, 1);
              column += cell->width;
            }
          g_assert_cmpuint (column, ==, BK_OSK_COLUMNS);
        }
    }

  {
    g_autoptr(BkOskLayout) letters = bk_osk_layout_new (BK_OSK_PAGE_LETTERS, FALSE);
    g_autofree char *digits = row_text (letters, 0);
    g_autofree char *top = row_text (letters, 1);
    g_autofree char *middle = row_text (letters, 2);
    g_autofree char *bottom = row_text (letters, 3);

    g_assert_cmpstr (digits, ==, "1234567890⌫");
    g_assert_cmpstr (top, ==, "qwertzuiopüß");
    g_assert_cmpstr (middle, ==, "asdfghjklöä-");
    g_assert_cmpstr (bottom, ==, "⇧yxcvbnm,./@");
  }
}

static void
test_newline (void)
{
  g_autoptr(BkOskLayout) one_line = bk_osk_layout_new (BK_OSK_PAGE_LETTERS, FALSE);
  g_autoptr(BkOskLayout) lines = bk_osk_layout_new (BK_OSK_PAGE_LETTERS, TRUE);
  guint row, index;

  g_assert_false (bk_osk_layout_find_kind (one_line, BK_OSK_KEY_NEWLINE, NULL, NULL));
  g_assert_true (bk_osk_layout_find_kind (lines, BK_OSK_KEY_NEWLINE, &row, &index));
  g_assert_cmpuint (row, ==, bk_osk_layout_get_n_rows (lines) - 1);

  /* Without it, Done takes its column. */
  g_assert_true (bk_osk_layout_find_kind (one_line, BK_OSK_KEY_DONE, &row, &index));
  g_assert_cmpuint (bk_osk_layout_get_cell (one_line, row, index)->width, ==, 4);
  g_assert_true (bk_osk_layout_find_kind (lines, BK_OSK_KEY_DONE, &row, &index));
  g_assert_cmpuint (bk_osk_layout_get_cell (lines, row, index)->width, ==, 3);
}

static const char *
label_at (BkOskLayout *layout,
          guint        row,
          guint        index)
{
  static char *label;

  g_free (label);
  label = bk_osk_key_dup_label (bk_osk_layout_get_cell (layout, row, index)->key, FALSE);
  return label ? label : "";
}

static void
test_move (void)
{
  g_autoptr(BkOskLayout) layout = bk_osk_layout_new (BK_OSK_PAGE_LETTERS, FALSE);
  guint n_rows = bk_osk_layout_get_n_rows (layout);
  guint row = 1, index = 0;   /* q */

  bk_osk_layout_move (layout, BK_OSK_RIGHT, &row, &index);
  g_assert_cmpstr (label_at (layout, row, index), ==, "w");
  bk_osk_layout_move (layout, BK_OSK_DOWN, &row, &index);
  g_assert_cmpstr (label_at (layout, row, index), ==, "s");
  bk_osk_layout_move (layout, BK_OSK_DOWN, &row, &index);
  g_assert_cmpstr (label_at (layout, row, index), ==, "y");
  bk_osk_layout_move (layout, BK_OSK_UP, &row, &index);
  bk_osk_layout_move (layout, BK_OSK_UP, &row, &index);
  bk_osk_layout_move (layout, BK_OSK_UP, &row, &index);
  g_assert_cmpstr (label_at (layout, row, index), ==, "2");
  /* Up from the top row: the bottom row. */
  bk_osk_layout_move (layout, BK_OSK_UP, &row, &index);
  g_assert_cmpuint (row, ==, n_rows - 1);

  /* Left at a row's start: the end of the row before; right at the end of
   * the last row: the first key. */
  row = 1;
  index = 0;
  bk_osk_layout_move (layout, BK_OSK_LEFT, &row, &index);
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (bk_osk_layout_get_cell (layout, row, index)->key->kind, ==, BK_OSK_KEY_DELETE);
  row = n_rows - 1;
  index = bk_osk_layout_get_n_keys (layout, row) - 1;
  bk_osk_layout_move (layout, BK_OSK_RIGHT, &row, &index);
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (index, ==, 0);

  /* Every key is reached with right alone. */
  {
    guint n = 0, total = 0;

    for (guint r = 0; r < n_rows; r++)
      total += bk_osk_layout_get_n_keys (layout, r);
    row = 0;
    index = 0;
    do
      {
        bk_osk_layout_move (layout, BK_OSK_RIGHT, &row, &index);
        n++;
      }
    while ((row != 0 || index != 0) && n <= total);
    g_assert_cmpuint (n, ==, total);
  }

  /* Down from the wide space bar: the first row's key under its middle;
   * out of range positions start again at the first key. */
  g_assert_true (bk_osk_layout_find_kind (layout, BK_OSK_KEY_SPACE, &row, &index));
  bk_osk_layout_move (layout, BK_OSK_DOWN, &row, &index);
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpstr (label_at (layout, row, index), ==, "5");
  row = 99;
  index = 99;
  bk_osk_layout_move (layout, BK_OSK_RIGHT, &row, &index);
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpuint (index, ==, 1);
}

static void
test_locate (void)
{
  const char *texts[] = { "Jürgen Weiß, Mühlenstraße 12a, 94032 Auenbach",
                          "ÄÖÜ äöü ß", "anna.schmidt-1@example.de / 0851 12345",
                          "Preis: 12 € (ca.) + 3% = §5 #2; ~ <a> [b] $ ° _ ! ? \" ' & *",
                          NULL };

  for (guint t = 0; texts[t] != NULL; t++)
    for (const char *p = texts[t]; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        BkOskPage page;
        gboolean shift;
        g_autoptr(BkOskLayout) layout = NULL;
        guint row, index;
        g_autofree char *typed = NULL;
        char expected[8] = { 0 };

        if (!bk_osk_layout_locate (c, &page, &shift))
          g_error ("no key types “%s”", p);
        g_assert_cmpint (shift, ==, g_unichar_isupper (c));
        layout = bk_osk_layout_new (page, FALSE);
        g_assert_true (bk_osk_layout_find_char (layout, c, &row, &index));
        typed = bk_osk_key_dup_text (bk_osk_layout_get_cell (layout, row, index)->key, shift);
        g_unichar_to_utf8 (c, expected);
        g_assert_cmpstr (typed, ==, expected);
      }

  /* ß has no capital: shift leaves it alone. */
  {
    g_autoptr(BkOskLayout) layout = bk_osk_layout_new (BK_OSK_PAGE_LETTERS, FALSE);
    guint row, index;
    g_autofree char *sharp = NULL;

    g_assert_true (bk_osk_layout_find_char (layout, 0xdf, &row, &index));
    sharp = bk_osk_key_dup_text (bk_osk_layout_get_cell (layout, row, index)->key, TRUE);
    g_assert_cmpstr (sharp, ==, "ß");
    g_assert_false (bk_osk_key_has_capital (bk_osk_layout_get_cell (layout, row, index)->key));
  }

  g_assert_false (bk_osk_layout_locate (0x263a, NULL, NULL));   /* ☺ */
  g_assert_true (bk_osk_layout_locate ('\n', NULL, NULL));
}

static void
test_names (void)
{
  g_autofree char *a = bk_osk_dup_char_name ('a');
  g_autofree char *capital = bk_osk_dup_char_name (0xc4);    /* Ä */
  g_autofree char *dot = bk_osk_dup_char_name ('.');
  g_autofree char *at = bk_osk_dup_char_name ('@');
  g_autofree char *space = bk_osk_dup_char_name (' ');
  g_autofree char *smile = bk_osk_dup_char_name (0x263a);

  g_assert_cmpstr (a, ==, "a");
  g_assert_cmpstr (capital, ==, "capital Ä");
  g_assert_cmpstr (dot, ==, "full stop");
  g_assert_cmpstr (at, ==, "at sign");
  g_assert_cmpstr (space, ==, "Space");
  g_assert_cmpstr (smile, ==, "☺");

  /* Function keys: a symbol, a name, a caption where there is room. */
  {
    g_autoptr(BkOskLayout) layout = bk_osk_layout_new (BK_OSK_PAGE_LETTERS, FALSE);
    guint row, index;
    const BkOskKey *key;
    g_autofree char *name = NULL;
    g_autofree char *label = NULL;

    g_assert_true (bk_osk_layout_find_kind (layout, BK_OSK_KEY_SHIFT, &row, &index));
    key = bk_osk_layout_get_cell (layout, row, index)->key;
    name = bk_osk_key_dup_name (key, FALSE);
    label = bk_osk_key_dup_label (key, FALSE);
    g_assert_cmpstr (name, ==, "Capital letters");
    g_assert_cmpstr (label, ==, "⇧");
    g_assert_null (bk_osk_key_get_caption (key));
    g_assert_true (bk_osk_layout_find_kind (layout, BK_OSK_KEY_DONE, &row, &index));
    g_assert_cmpstr (bk_osk_key_get_caption (bk_osk_layout_get_cell (layout, row, index)->key), ==, "Done");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/osk-layout/rows", test_rows);
  g_test_add_func ("/osk-layout/newline", test_newline);
  g_test_add_func ("/osk-layout/move", test_move);
  g_test_add_func ("/osk-layout/locate", test_locate);
  g_test_add_func ("/osk-layout/names", test_names);

  return g_test_run ();
}
