/* bench-hello: the toolkit's floor for the start-up benchmark.
 *
 * A bare libadwaita application whose window shows what the kiosk's home
 * screen shows (title, lead, two big buttons with icon, heading and text; the
 * first one focused), with no store, no settings, no resources of the project.
 * What the kiosk needs beyond this is the project's own start-up cost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

static GtkWidget *
choice (const char *icon, const char *title, const char *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon);
  GtkWidget *heading = gtk_label_new (title);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 64);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_widget_set_hexpand (button, TRUE);
  gtk_button_set_child (GTK_BUTTON (button), box);
  return button;
}

static void
activate_cb (GApplication *app, gpointer data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 32);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *title = gtk_label_new ("Willkommen");
  GtkWidget *lead = gtk_label_new ("Was möchten Sie tun?");
  GtkWidget *first;

  gtk_widget_add_css_class (title, "title-1");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), lead);
  first = choice ("view-app-grid-symbolic", "Dienstleistungen", "Was die Verwaltung für Sie tut");
  gtk_box_append (GTK_BOX (row), first);
  gtk_box_append (GTK_BOX (row), choice ("x-office-document-symbolic", "Ratsanträge",
                                         "Lesen, worüber die Räte entscheiden sollen"));
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (content), box);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (first);
}

int
main (int argc, char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.buergerkiosk.BenchHello",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
