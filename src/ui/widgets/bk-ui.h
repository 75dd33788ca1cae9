/* bk-ui.h: shared helpers of the kiosk's user interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the resources and the widget types; call before building any UI. */
void  bk_ui_init              (void);

/* "2 December 2026" in the user's language, or a copy of iso if it is not a
 * date. NULL for NULL or "". */
char *bk_ui_format_date       (const char *iso);

/* "December" for 12, in the user's language. */
const char *bk_ui_get_month_name (guint month);
/* "Monday" for 1 … "Sunday" for 7 (ISO 8601, GDateWeekday), in the user's
 * language. */
const char *bk_ui_get_weekday_name (guint weekday);

/* When a meeting starts, "Thursday, 17 December 2026, 18:00", in the
 * meeting's own time (the offset of iso); only the date when iso has no time. */
char *bk_ui_format_meeting_time (const char *iso);

/* When data was last synced (an ISO date-time, UTC), in the kiosk's time:
 * "today 06:10", "yesterday 18:02", "2 December 2026, 06:10"; NULL for NULL. */
char *bk_ui_format_freshness  (const char *iso_utc);

/* The local date as yyyy-mm-dd. */
char *bk_ui_dup_today         (void);

/* A label that wraps at word boundaries (or inside a word too long for the
 * line), aligned to the start, so text reflows at 300 %; css_class may be NULL. */
GtkWidget *bk_ui_wrap_label_new (const char *text,
                                 const char *css_class);

/* Widens every AdwClamp under root with the text: at text_scale % a clamp
 * may be text_scale % as wide as its .ui says (libadwaita 1.2 clamps have
 * no font-relative unit), so that a heading keeps its words whole on a
 * wide screen. The .ui values are the sizes at 100 %. */
void  bk_ui_scale_clamps      (GtkWidget  *root,
                               int         text_scale);

/* A wrapping label with a long text (a paragraph) gets a minimum width of a
 * few words. GTK finds a wrapping label's minimum width by laying the text
 * out with every break taken, one character a line for word-char wrapping,
 * and Pango shapes the rest of the text again for every line: a paragraph
 * costs milliseconds, a page of them most of a page switch. Shown in a
 * column far wider, the paragraph looks the same. Short texts (buttons,
 * facts, headings) keep their minimum. */
void  bk_ui_label_limit_breaks (GtkLabel  *label);
/* The same for every label under root, except inside buttons. */
void  bk_ui_limit_breaks_under (GtkWidget *root);

/* Sets the accessible name of widget (and, if non-NULL, its description). */
void  bk_ui_set_accessible    (GtkWidget  *widget,
                               const char *label,
                               const char *description);

/* Lets the accessible label alone name every widget under root that has one
 * (GTK 4.8 would also append its labelled-by labels). Call after building. */
void  bk_ui_drop_doubled_names (GtkWidget *root);

/* The language of the content shown in widget and its children ("de" for
 * council papers), for the voice; NULL: the interface language. */
void        bk_ui_set_content_language (GtkWidget  *widget,
                                        const char *lang);
const char *bk_ui_get_content_language (GtkWidget  *widget);

/* text (a field's label, its hint) is said with control — the control's
 * name and description hold it —, so the EZ keypad and scanning make no
 * stop of their own on it: one stop per field. */
void        bk_ui_set_said_with        (GtkWidget  *text,
                                        GtkWidget  *control);
/* The control that says widget, or NULL. */
GtkWidget  *bk_ui_get_said_with        (GtkWidget  *widget);

/* For dispose: unparents what gtk_widget_dispose_template() leaves (the
 * template's direct children without an id). */
void  bk_ui_unparent_children (GtkWidget *widget);

/* The first shown widget under root bound to action_name and target (NULL
 * for none), or NULL. */
GtkWidget *bk_ui_find_actionable (GtkWidget  *root,
                                  const char *action_name,
                                  GVariant   *target);

/* Template callback (swapped) for a search entry's stop-search, Escape:
 * clears the search first, then goes back (win.back from page). */
void       bk_ui_stop_search_cb     (GtkWidget      *page,
                                     GtkSearchEntry *entry);

/* Enter or Down in the search field entry go to the first of results: the
 * results would otherwise lie a dozen Tab stops further, behind the filters. */
void       bk_ui_search_leads_to    (GtkWidget  *entry,
                                     GtkWidget  *results);

/* Appends the text of every shown label under widget (widget included) to
 * text, separator between them; empty labels are skipped. */
void       bk_ui_append_label_texts (GtkWidget  *widget,
                                     const char *separator,
                                     GString    *text);

/* A large toggle with a check mark and a wrapping label, so the chosen one
 * shows by more than its colour (class bk-choice); named label. */
GtkWidget *bk_ui_choice_button_new (const char *label);

/* A GtkDropDown's button shows the chosen item in a GtkStack of its own,
 * whose pages GTK 4.8 names by their type: a screen reader read
 * "GtkStackPage panel". The button is named already (the caption and the
 * choice): the stacks inside widget are hidden from assistive technology. */
void       bk_ui_hide_inner_stacks (GtkWidget *widget);

/* A box whose children wrap onto more lines (BkWrapLayout), with the
 * accessible role group and name label. */
GtkWidget *bk_ui_wrap_group_new    (const char *label);

/* Sets the pressed state of every toggle button under root (GTK 4.8 leaves
 * it undefined until the first toggle). */
void       bk_ui_expose_toggle_states (GtkWidget *root);

/* GTK 4.8 gives no way from a list's row widget to its GtkListItem (its
 * position): the page that builds the rows records it here, and the voice,
 * the reading cursor and the edge cue read it. */
void         bk_ui_set_list_item (GtkWidget   *row,
                                  GtkListItem *item);
GtkListItem *bk_ui_get_list_item (GtkWidget   *row);

G_END_DECLS
