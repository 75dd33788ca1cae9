/* bk-terms-row.c: buttons that explain the difficult words of a text
 *
 * Under a section of a council paper: "Words explained:" and one button per
 * glossary word found in it, each opening the glossary at that word
 * (win.show-glossary). Administrative words are what keeps many citizens
 * from reading a motion; the explanation is one touch away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-terms-row"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-glossary.h"
#include "bk-terms-row.h"
#include "bk-ui.h"
#include "bk-wrap-layout.h"

GtkWidget *
bk_terms_row_new (const char *text)
{
  g_autoptr(GPtrArray) terms = bk_glossary_find_terms (bk_glossary_get_default (), text);
  GtkWidget *row;
  GtkWidget *label;
  GtkWidget *buttons;

  if (terms->len == 0)
    return NULL;

  row = g_object_new (GTK_TYPE_BOX,
                      "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 6,
                      NULL);
  gtk_widget_add_css_class (row, "terms-row");
  bk_ui_set_accessible (row, _("Words explained"), NULL);

  /* Translators: before the buttons that explain the difficult words of a section */
  label = gtk_label_new (_("Words explained:"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "terms-row-label");
  gtk_box_append (GTK_BOX (row), label);

  /* Buttons wrap onto more lines at large text sizes. */
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_layout_manager (buttons, g_object_new (BK_TYPE_WRAP_LAYOUT,
                                                        "spacing", 12,
                                                        "line-spacing", 12,
                                                        NULL));
  for (guint i = 0; i < terms->len; i++)
    {
      const BkGlossaryEntry *entry = g_ptr_array_index (terms, i);
      GtkWidget *button = gtk_button_new_with_label (entry->term);
      g_autofree char *name = NULL;

      gtk_widget_add_css_class (button, "term-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-glossary");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (entry->term));
      /* Translators: a button that opens the glossary at a word, e.g. "Explain: Antrag" */
      name = g_strdup_printf (_("Explain: %s"), entry->term);
      bk_ui_set_accessible (button, name, NULL);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (row), buttons);

  return row;
}
