/* bk-osk-layout.c: the keys of the on-screen keyboard, without widgets
 *
 * The content the citizens write is German, so the layout is German in
 * every interface language: QWERTZ with ä ö ü ß, the digits on top, and
 * what addresses and e-mail addresses need (- . , / @) on the first page;
 * the other characters one key away. Function keys have a symbol and a
 * translated name. Every row is BK_OSK_COLUMNS columns wide, so that the
 * keys line up and the arrows of a keypad go straight up and down.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-osk-layout"

#include "bk-config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bk-osk-layout.h"

#define CHAR(text) { BK_OSK_KEY_CHAR, text, NULL, 1 }
#define PUNCT(text, name) { BK_OSK_KEY_CHAR, text, name, 1 }
#define END { BK_OSK_KEY_CHAR, NULL, NULL, 0 }

static const BkOskKey digits_row[] = {
  CHAR ("1"), CHAR ("2"), CHAR ("3"), CHAR ("4"), CHAR ("5"),
  CHAR ("6"), CHAR ("7"), CHAR ("8"), CHAR ("9"), CHAR ("0"),
  { BK_OSK_KEY_DELETE, NULL, N_("Delete"), 2 },
  END
};

static const BkOskKey letters_row_1[] = {
  CHAR ("q"), CHAR ("w"), CHAR ("e"), CHAR ("r"), CHAR ("t"), CHAR ("z"),
  CHAR ("u"), CHAR ("i"), CHAR ("o"), CHAR ("p"), CHAR ("ü"), CHAR ("ß"),
  END
};

static const BkOskKey letters_row_2[] = {
  CHAR ("a"), CHAR ("s"), CHAR ("d"), CHAR ("f"), CHAR ("g"), CHAR ("h"),
  CHAR ("j"), CHAR ("k"), CHAR ("l"), CHAR ("ö"), CHAR ("ä"),
  PUNCT ("-", N_("hyphen")),
  END
};

static const BkOskKey letters_row_3[] = {
  { BK_OSK_KEY_SHIFT, NULL, N_("Capital letters"), 1 },
  CHAR ("y"), CHAR ("x"), CHAR ("c"), CHAR ("v"), CHAR ("b"), CHAR ("n"), CHAR ("m"),
  PUNCT (",", N_("comma")), PUNCT (".", N_("full stop")),
  PUNCT ("/", N_("slash")), PUNCT ("@", N_("at sign")),
  END
};

/* The bottom row of both pages; the switch key names the other page. */
#define BOTTOM_ROW(switch_label, switch_name) \
  { BK_OSK_KEY_SWITCH, switch_label, switch_name, 2 }, \
  { BK_OSK_KEY_LEFT, NULL, N_("Cursor left"), 1 }, \
  { BK_OSK_KEY_SPACE, NULL, N_("Space"), 4 }, \
  { BK_OSK_KEY_RIGHT, NULL, N_("Cursor right"), 1 }, \
  { BK_OSK_KEY_NEWLINE, NULL, N_("New line"), 1 }, \
  { BK_OSK_KEY_DONE, NULL, N_("Done"), 3 }, \
  END

static const BkOskKey letters_bottom[] = { BOTTOM_ROW ("?123", N_("More characters")) };

static const BkOskKey symbols_row_1[] = {
  PUNCT ("!", N_("exclamation mark")), PUNCT ("?", N_("question mark")),
  PUNCT ("\"", N_("quotation mark")), PUNCT ("'", N_("apostrophe")),
  PUNCT ("(", N_("opening bracket")), PUNCT (")", N_("closing bracket")),
  PUNCT ("&", N_("ampersand")), PUNCT ("+", N_("plus sign")),
  PUNCT ("=", N_("equals sign")), PUNCT ("#", N_("hash sign")),
  PUNCT ("*", N_("asterisk")), PUNCT ("%", N_("percent sign")),
  END
};

static const BkOskKey symbols_row_2[] = {
  PUNCT (":", N_("colon")), PUNCT (";", N_("semicolon")),
  PUNCT ("_", N_("underscore")), PUNCT ("€", N_("euro sign")),
  PUNCT ("§", N_("section sign")), PUNCT ("$", N_("dollar sign")),
  PUNCT ("°", N_("degree sign")), PUNCT ("<", N_("less-than sign")),
  PUNCT (">", N_("greater-than sign")), PUNCT ("~", N_("tilde")),
  PUNCT ("[", N_("opening square bracket")), PUNCT ("]", N_("closing square bracket")),
  END
};

static const BkOskKey symbols_bottom[] = { BOTTOM_ROW ("ABC", N_("Letters")) };

static const BkOskKey * const letters_rows[] = {
  digits_row, letters_row_1, letters_row_2, letters_row_3, letters_bottom, NULL
};

static const BkOskKey * const symbols_rows[] = {
  digits_row, symbols_row_1, symbols_row_2, symbols_bottom, NULL
};

static const BkOskKey * const * const pages[BK_OSK_N_PAGES] = {
  [BK_OSK_PAGE_LETTERS] = letters_rows,
  [BK_OSK_PAGE_SYMBOLS] = symbols_rows,
};

struct _BkOskLayout
{
  BkOskPage  page;
  GPtrArray *rows;    /* GArray of BkOskCell */
};

BkOskLayout *
bk_osk_layout_new (BkOskPage page,
                   gboolean  multiline)
{
  BkOskLayout *self;

  g_return_val_if_fail (page < BK_OSK_N_PAGES, NULL);

  self = g_new0 (BkOskLayout, 1);
  self->page = page;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (const BkOskKey * const *row = pages[page]; *row != NULL; row++)
    {
      GArray *cells = g_array_new (FALSE, FALSE, sizeof (BkOskCell));
      guint column = 0;
      guint spare = 0;

      for (const BkOskKey *key = *row; key->width > 0; key++)
        {
          BkOskCell cell = { key, column, key->width + spare };

          /* A one-line field has no new line: the next key takes its room. */
          if (key->kind == BK_OSK_KEY_NEWLINE && !multiline)
            {
              spare += key->width;
              continue;
            }
          spare = 0;
          column += cell.width;
          g_array_append_val (cells, cell);
        }
      g_assert (column == BK_OSK_COLUMNS);
      g_ptr_array_add (self->rows, cells);
    }

  return self;
}

void
bk_osk_layout_free (BkOskLayout *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_free (self);
}

BkOskPage
bk_osk_layout_get_page (BkOskLayout *self)
{
  g_return_val_if_fail (self != NULL, BK_OSK_PAGE_LETTERS);

  return self->page;
}

guint
bk_osk_layout_get_n_rows (BkOskLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
bk_osk_layout_get_n_keys (BkOskLayout *self,
                          guint        row)
{
  g_return_val_if_fail (self != NULL && row < self->rows->len, 0);

  return ((GArray *) g_ptr_array_index (self->rows, row))->len;
}

const BkOskCell *
bk_osk_layout_get_cell (BkOskLayout *self,
                        guint        row,
                        guint        index)
{
  GArray *cells;

  g_return_val_if_fail (self != NULL && row < self->rows->len, NULL);

  cells = g_ptr_array_index (self->rows, row);
  g_return_val_if_fail (index < cells->len, NULL);

  return &g_array_index (cells, BkOskCell, index);
}

/* The key of row that covers column (twice the column, for half columns). */
static guint
key_at (BkOskLayout *self,
        guint        row,
        guint        double_column)
{
  guint n = bk_osk_layout_get_n_keys (self, row);

  for (guint i = 0; i < n; i++)
    {
      const BkOskCell *cell = bk_osk_layout_get_cell (self, row, i);

      if (double_column < 2 * (cell->column + cell->width))
        return i;
    }

  return n - 1;
}

void
bk_osk_layout_move (BkOskLayout    *self,
                    BkOskDirection  direction,
                    guint          *row,
                    guint          *index)
{
  guint n_rows;
  const BkOskCell *cell;
  guint middle;

  g_return_if_fail (self != NULL && row != NULL && index != NULL);

  n_rows = self->rows->len;
  if (*row >= n_rows)
    *row = 0;
  if (*index >= bk_osk_layout_get_n_keys (self, *row))
    *index = 0;

  switch (direction)
    {
    case BK_OSK_LEFT:
      if (*index > 0)
        (*index)--;
      else
        {
          *row = (*row + n_rows - 1) % n_rows;
          *index = bk_osk_layout_get_n_keys (self, *row) - 1;
        }
      break;

    case BK_OSK_RIGHT:
      if (*index + 1 < bk_osk_layout_get_n_keys (self, *row))
        (*index)++;
      else
        {
          *row = (*row + 1) % n_rows;
          *index = 0;
        }
      break;

    case BK_OSK_UP:
    case BK_OSK_DOWN:
    default:
      cell = bk_osk_layout_get_cell (self, *row, *index);
      /* The middle of the key, in half columns: a wide key leads to the
       * key under its middle. */
      middle = 2 * cell->column + cell->width;
      if (cell->width > 1)
        middle -= 1;
      *row = direction == BK_OSK_UP ? (*row + n_rows - 1) % n_rows : (*row + 1) % n_rows;
      *index = key_at (self, *row, middle);
      break;
    }
}

gboolean
bk_osk_layout_find_kind (BkOskLayout  *self,
                         BkOskKeyKind  kind,
                         guint        *row,
                         guint        *index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint r = 0; r < self->rows->len; r++)
    for (guint i = 0; i < bk_osk_layout_get_n_keys (self, r); i++)
      if (bk_osk_layout_get_cell (self, r, i)->key->kind == kind)
        {
          if (row != NULL)
            *row = r;
          if (index != NULL)
            *index = i;
          return TRUE;
        }

  return FALSE;
}

static gboolean
key_types (const BkOskKey *key,
           gunichar        c,
           gboolean       *shift)
{
  gunichar own;

  if (key->kind == BK_OSK_KEY_SPACE)
    {
      *shift = FALSE;
      return c == ' ';
    }
  if (key->kind == BK_OSK_KEY_NEWLINE)
    {
      *shift = FALSE;
      return c == '\n';
    }
  if (key->kind != BK_OSK_KEY_CHAR)
    return FALSE;

  own = g_utf8_get_char (key->text);
  *shift = FALSE;
  if (own == c)
    return TRUE;
  *shift = TRUE;
  return bk_osk_key_has_capital (key) && g_unichar_toupper (own) == c;
}

gboolean
bk_osk_layout_locate (gunichar   c,
                      BkOskPage *page,
                      gboolean  *shift)
{
  for (guint p = 0; p < BK_OSK_N_PAGES; p++)
    for (const BkOskKey * const *row = pages[p]; *row != NULL; row++)
      for (const BkOskKey *key = *row; key->width > 0; key++)
        {
          gboolean needs_shift = FALSE;

          if (key_types (key, c, &needs_shift))
            {
              if (page != NULL)
                *page = p;
              if (shift != NULL)
                *shift = needs_shift;
              return TRUE;
            }
        }

  return FALSE;
}

gboolean
bk_osk_layout_find_char (BkOskLayout *self,
                         gunichar     c,
                         guint       *row,
                         guint       *index)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint r = 0; r < self->rows->len; r++)
    for (guint i = 0; i < bk_osk_layout_get_n_keys (self, r); i++)
      {
        gboolean shift = FALSE;

        if (key_types (bk_osk_layout_get_cell (self, r, i)->key, c, &shift))
          {
            if (row != NULL)
              *row = r;
            if (index != NULL)
              *index = i;
            return TRUE;
          }
      }

  return FALSE;
}

/* ---- one key ------------------------------------------------------------- */

gboolean
bk_osk_key_has_capital (const BkOskKey *key)
{
  gunichar c;

  g_return_val_if_fail (key != NULL, FALSE);

  if (key->kind != BK_OSK_KEY_CHAR)
    return FALSE;

  c = g_utf8_get_char (key->text);
  return g_unichar_islower (c) && g_unichar_toupper (c) != c;
}

char *
bk_osk_key_dup_text (const BkOskKey *key,
                     gboolean        shift)
{
  char buffer[8] = { 0 };

  g_return_val_if_fail (key != NULL, NULL);

  switch (key->kind)
    {
    case BK_OSK_KEY_CHAR:
      if (shift && bk_osk_key_has_capital (key))
        {
          g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (key->text)), buffer);
          return g_strdup (buffer);
        }
      return g_strdup (key->text);
    case BK_OSK_KEY_SPACE:
      return g_strdup (" ");
    case BK_OSK_KEY_NEWLINE:
      return g_strdup ("\n");
    case BK_OSK_KEY_SHIFT:
    case BK_OSK_KEY_DELETE:
    case BK_OSK_KEY_LEFT:
    case BK_OSK_KEY_RIGHT:
    case BK_OSK_KEY_SWITCH:
    case BK_OSK_KEY_DONE:
    default:
      return NULL;
    }
}

char *
bk_osk_key_dup_label (const BkOskKey *key,
                      gboolean        shift)
{
  g_return_val_if_fail (key != NULL, NULL);

  switch (key->kind)
    {
    case BK_OSK_KEY_CHAR:
      return bk_osk_key_dup_text (key, shift);
    case BK_OSK_KEY_SHIFT:
      return g_strdup ("⇧");
    case BK_OSK_KEY_DELETE:
      return g_strdup ("⌫");
    case BK_OSK_KEY_NEWLINE:
      return g_strdup ("↵");
    case BK_OSK_KEY_LEFT:
      return g_strdup ("←");
    case BK_OSK_KEY_RIGHT:
      return g_strdup ("→");
    case BK_OSK_KEY_SWITCH:
      return g_strdup (key->text);
    case BK_OSK_KEY_SPACE:
    case BK_OSK_KEY_DONE:
    default:
      return NULL;
    }
}

const char *
bk_osk_key_get_caption (const BkOskKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  switch (key->kind)
    {
    case BK_OSK_KEY_DELETE:
    case BK_OSK_KEY_SPACE:
    case BK_OSK_KEY_DONE:
      return _(key->name);
    case BK_OSK_KEY_CHAR:
    case BK_OSK_KEY_SHIFT:
    case BK_OSK_KEY_NEWLINE:
    case BK_OSK_KEY_LEFT:
    case BK_OSK_KEY_RIGHT:
    case BK_OSK_KEY_SWITCH:
    default:
      return NULL;
    }
}

char *
bk_osk_key_dup_name (const BkOskKey *key,
                     gboolean        shift)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  if (key->name != NULL)
    return g_strdup (_(key->name));

  text = bk_osk_key_dup_text (key, shift);
  if (shift && bk_osk_key_has_capital (key))
    /* Translators: the name of a capital letter's key, as "capital A" */
    return g_strdup_printf (_("capital %s"), text);

  return g_steal_pointer (&text);
}

char *
bk_osk_dup_char_name (gunichar c)
{
  BkOskPage page;
  gboolean shift = FALSE;
  char buffer[8] = { 0 };

  if (bk_osk_layout_locate (c, &page, &shift))
    for (const BkOskKey * const *row = pages[page]; *row != NULL; row++)
      for (const BkOskKey *key = *row; key->width > 0; key++)
        {
          gboolean needs_shift = FALSE;

          if (key_types (key, c, &needs_shift))
            return bk_osk_key_dup_name (key, needs_shift);
        }

  g_unichar_to_utf8 (c, buffer);
  return g_strdup (buffer);
}
