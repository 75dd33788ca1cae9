/* bk-osk-text.c: typing into a text field as a keyboard would
 *
 * The on-screen keyboard never sets a field's text: it inserts and deletes
 * at the cursor through GtkEditable (entries) or the GtkTextBuffer (text
 * views), so "insert-text", "changed", the length limit and the field's
 * own checks see what a keyboard would give them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-osk"

#include "bk-config.h"

#include <string.h>

#include "bk-osk-text.h"

static gboolean
is_text_input (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget));

  return GTK_IS_EDITABLE (widget) && !GTK_IS_SPIN_BUTTON (widget) &&
         gtk_editable_get_editable (GTK_EDITABLE (widget));
}

GtkWidget *
bk_osk_text_find_input (GtkWidget *widget)
{
  GtkWidget *parent;

  if (widget == NULL)
    return NULL;

  /* The text inside an entry: the entry. */
  parent = gtk_widget_get_parent (widget);
  if (GTK_IS_TEXT (widget) && parent != NULL && GTK_IS_EDITABLE (parent))
    widget = parent;

  return is_text_input (widget) ? widget : NULL;
}

static GtkTextBuffer *
buffer_of (GtkWidget *input)
{
  return GTK_IS_TEXT_VIEW (input) ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)) : NULL;
}

static void
get_cursor (GtkTextBuffer *buffer,
            GtkTextIter   *iter)
{
  gtk_text_buffer_get_iter_at_mark (buffer, iter, gtk_text_buffer_get_insert (buffer));
}

void
bk_osk_text_insert (GtkWidget  *input,
                    const char *text)
{
  GtkTextBuffer *buffer = buffer_of (input);

  g_return_if_fail (GTK_IS_WIDGET (input) && text != NULL);

  if (buffer != NULL)
    {
      gboolean editable = gtk_text_view_get_editable (GTK_TEXT_VIEW (input));

      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_delete_selection (buffer, TRUE, editable);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, editable);
      gtk_text_buffer_end_user_action (buffer);
      gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (input), gtk_text_buffer_get_insert (buffer));
    }
  else if (GTK_IS_EDITABLE (input))
    {
      GtkEditable *editable = GTK_EDITABLE (input);
      int position;

      gtk_editable_delete_selection (editable);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, text, -1, &position);
      gtk_editable_set_position (editable, position);
    }
}

char *
bk_osk_text_delete_before (GtkWidget *input)
{
  GtkTextBuffer *buffer = buffer_of (input);
  char *deleted = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (input), NULL);

  if (buffer != NULL)
    {
      gboolean editable = gtk_text_view_get_editable (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;

      if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        {
          get_cursor (buffer, &end);
          start = end;
          if (!gtk_text_iter_backward_cursor_position (&start))
            return NULL;
        }
      deleted = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_delete_interactive (buffer, &start, &end, editable);
      gtk_text_buffer_end_user_action (buffer);
    }
  else if (GTK_IS_EDITABLE (input))
    {
      GtkEditable *editable = GTK_EDITABLE (input);
      int start, end;

      if (!gtk_editable_get_selection_bounds (editable, &start, &end))
        {
          end = gtk_editable_get_position (editable);
          start = end - 1;
          if (start < 0)
            return NULL;
        }
      deleted = gtk_editable_get_chars (editable, start, end);
      gtk_editable_delete_text (editable, start, end);
    }

  return deleted;
}

char *
bk_osk_text_move_cursor (GtkWidget *input,
                         gboolean   forward)
{
  GtkTextBuffer *buffer = buffer_of (input);

  g_return_val_if_fail (GTK_IS_WIDGET (input), NULL);

  if (buffer != NULL)
    {
      GtkTextIter cursor, moved;

      get_cursor (buffer, &cursor);
      moved = cursor;
      if (!(forward ? gtk_text_iter_forward_cursor_position (&moved)
                    : gtk_text_iter_backward_cursor_position (&moved)))
        return NULL;
      gtk_text_buffer_place_cursor (buffer, &moved);
      gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (input), gtk_text_buffer_get_insert (buffer));
      return forward ? gtk_text_iter_get_text (&cursor, &moved) : gtk_text_iter_get_text (&moved, &cursor);
    }
  else if (GTK_IS_EDITABLE (input))
    {
      GtkEditable *editable = GTK_EDITABLE (input);
      int position = gtk_editable_get_position (editable);
      int length = (int) g_utf8_strlen (gtk_editable_get_text (editable), -1);
      int next = forward ? position + 1 : position - 1;

      if (next < 0 || next > length)
        return NULL;
      gtk_editable_set_position (editable, next);
      return gtk_editable_get_chars (editable, MIN (position, next), MAX (position, next));
    }

  return NULL;
}

char *
bk_osk_text_dup_last_word (GtkWidget *input)
{
  GtkTextBuffer *buffer = buffer_of (input);
  g_autofree char *before = NULL;
  const char *start, *end;

  g_return_val_if_fail (GTK_IS_WIDGET (input), NULL);

  if (buffer != NULL)
    {
      GtkTextIter first, cursor;

      gtk_text_buffer_get_start_iter (buffer, &first);
      get_cursor (buffer, &cursor);
      before = gtk_text_buffer_get_text (buffer, &first, &cursor, FALSE);
    }
  else if (GTK_IS_EDITABLE (input))
    before = gtk_editable_get_chars (GTK_EDITABLE (input), 0, gtk_editable_get_position (GTK_EDITABLE (input)));
  else
    return NULL;

  end = before + strlen (before);
  for (start = end; start > before; )
    {
      const char *previous = g_utf8_prev_char (start);

      if (!g_unichar_isalnum (g_utf8_get_char (previous)) && *previous != '-')
        break;
      start = previous;
    }

  return start < end ? g_strndup (start, end - start) : NULL;
}

void
bk_osk_text_unselect (GtkWidget *input)
{
  int start, end;

  g_return_if_fail (GTK_IS_WIDGET (input));

  if (GTK_IS_EDITABLE (input) && gtk_editable_get_selection_bounds (GTK_EDITABLE (input), &start, &end))
    gtk_editable_set_position (GTK_EDITABLE (input), end);
}
