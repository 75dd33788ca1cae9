/* bk-staff-review.c: the staff page's list of motions to check
 *
 * The paper reader notes what it could not find or was unsure of; a clerk
 * reads those notes here before citizens read the motion, and can open it
 * as they will see it. Opening leaves staff mode like every other screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-staff-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-staff-review.h"
#include "bk-ui.h"

static void
open_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bk-motion-id"));

  gtk_widget_activate_action (GTK_WIDGET (button), "win.open-motion", "x", id);
}

static char *
dup_origin (const BkMotionReview *review)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (review->reference != NULL && review->reference[0] != '\0')
    /* Translators: the reference number of a council paper */
    g_ptr_array_add (parts, g_strdup_printf (_("Reference %s"), review->reference));
  if (review->date != NULL)
    g_ptr_array_add (parts, bk_ui_format_date (review->date));
  if (review->source != NULL)
    {
      g_autofree char *base = g_path_get_basename (review->source);

      /* Translators: %s is the name of the file a motion was imported from */
      g_ptr_array_add (parts, g_strdup_printf (_("from %s"), base));
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
card_new (const BkMotionReview *review)
{
  GtkWidget *card = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 6,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  NULL);
  const char *subject = review->subject != NULL ? review->subject : _("(no subject)");
  GtkWidget *title = bk_ui_wrap_label_new (subject, "heading");
  g_autofree char *origin = dup_origin (review);
  GtkWidget *warnings = g_object_new (GTK_TYPE_BOX,
                                      "orientation", GTK_ORIENTATION_VERTICAL,
                                      "spacing", 4,
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                      NULL);
  GtkWidget *button = gtk_button_new_with_label (_("Show as citizens see it"));
  /* Translators: the name of a button on the staff page; %s is a motion's subject */
  g_autofree char *button_name = g_strdup_printf (_("Show “%s” as citizens see it"), subject);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "bk-staff-review");
  bk_ui_set_accessible (card, subject, NULL);
  g_object_set (title, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_box_append (GTK_BOX (card), title);
  if (origin[0] != '\0')
    gtk_box_append (GTK_BOX (card), bk_ui_wrap_label_new (origin, "dim-label"));

  /* Translators: the name of the list of warnings of one motion */
  bk_ui_set_accessible (warnings, _("What to check"), NULL);
  for (guint i = 0; i < review->warnings->len; i++)
    {
      const BkWarning *w = g_ptr_array_index (review->warnings, i);
      /* Translators: one warning in a list; %s is the warning */
      g_autofree char *line = g_strdup_printf (_("• %s"), w->message);
      GtkWidget *label = bk_ui_wrap_label_new (line, NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      w->message, -1);
      gtk_box_append (GTK_BOX (warnings), label);
    }
  gtk_box_append (GTK_BOX (card), warnings);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  bk_ui_set_accessible (button, button_name, _("Opens the motion; this leaves staff mode"));
  g_object_set_data (G_OBJECT (button), "bk-motion-id", GSIZE_TO_POINTER ((gsize) review->id));
  g_signal_connect (button, "clicked", G_CALLBACK (open_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (card), button);
  return card;
}

guint
bk_staff_review_fill (GtkWidget *list,
                      BkStore   *store)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  guint shown;

  g_return_val_if_fail (GTK_IS_BOX (list), 0);

  bk_ui_unparent_children (list);
  if (store != NULL)
    reviews = bk_store_list_motions_with_warnings (store, NULL, &error);
  if (reviews == NULL)
    {
      if (error != NULL)
        g_warning ("Could not list the motions with warnings: %s", error->message);
      gtk_box_append (GTK_BOX (list),
                      bk_ui_wrap_label_new (_("The motions to check could not be read."), NULL));
      return 0;
    }
  if (reviews->len == 0)
    {
      gtk_box_append (GTK_BOX (list),
                      bk_ui_wrap_label_new (_("Every imported motion was read without doubts."), NULL));
      return 0;
    }

  shown = MIN (reviews->len, BK_STAFF_REVIEW_SHOWN);
  if (reviews->len > shown)
    {
      /* Translators: %u is how many motions have warnings; the newest 20 are shown */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u motion has warnings; the %u newest are shown. "
                                                            "“buergerkiosk-ctl warnings” lists them all.",
                                                            "%u motions have warnings; the %u newest are shown. "
                                                            "“buergerkiosk-ctl warnings” lists them all.",
                                                            reviews->len),
                                               reviews->len, shown);

      gtk_box_append (GTK_BOX (list), bk_ui_wrap_label_new (text, NULL));
    }
  for (guint i = 0; i < shown; i++)
    gtk_box_append (GTK_BOX (list), card_new (g_ptr_array_index (reviews, i)));
  return reviews->len;
}
