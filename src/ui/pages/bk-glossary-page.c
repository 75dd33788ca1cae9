/* bk-glossary-page.c: administrative words explained, from A to Z
 *
 * Every term of the glossary is a large row; choosing one shows its
 * explanation in Leichte Sprache above the list, with a button that reads it
 * in German. Outside a German interface the English explanation follows.
 * win.show-glossary(s) opens the page at a term (bk-window.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-glossary-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-glossary-page-private.h"
#include "bk-page.h"
#include "bk-ui.h"

struct _BkGlossaryPage
{
  GtkWidget              parent_instance;

  BkContext             *context;
  BkGlossary            *glossary;
  const BkGlossaryEntry *entry;      /* shown, or NULL */
  BkVoice               *voice;

  GtkWidget             *heading;
  GtkWidget             *detail_box;
  GtkLabel              *term_heading;
  GtkLabel              *easy_label;
  GtkLabel              *english_label;
  GtkWidget             *read_button;
  GtkListBox            *list;
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkGlossaryPage, bk_glossary_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

#define ENTRY_KEY "bk-glossary-entry"

/* The letter a term is listed under: Ä under A. */
static gunichar
index_letter (const char *term)
{
  gunichar decomposed[4];
  gunichar c = g_unichar_toupper (g_utf8_get_char (term));

  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    c = decomposed[0];
  return c;
}

static void
letter_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  const BkGlossaryEntry *entry = g_object_get_data (G_OBJECT (row), ENTRY_KEY);
  const BkGlossaryEntry *previous = before ? g_object_get_data (G_OBJECT (before), ENTRY_KEY) : NULL;
  gunichar letter = index_letter (entry->term);
  char text[8] = { 0 };
  GtkWidget *header;

  if (previous != NULL && index_letter (previous->term) == letter)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  g_unichar_to_utf8 (letter, text);
  header = g_object_new (GTK_TYPE_LABEL,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                         "label", text,
                         "xalign", 0.0f,
                         NULL);
  gtk_widget_add_css_class (header, "glossary-letter");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
row_new (const BkGlossaryEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = bk_ui_wrap_label_new (entry->term, "glossary-term");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_add_css_class (row, "glossary-row");
  g_object_set_data (G_OBJECT (row), ENTRY_KEY, (gpointer) entry);
  /* Translators: what choosing a word in the glossary does */
  bk_ui_set_accessible (row, entry->term, _("Show what this word means"));

  return row;
}

static void
show_entry (BkGlossaryPage        *self,
            const BkGlossaryEntry *entry)
{
  gboolean english = g_strcmp0 (bk_voice_get_interface_language (), "de") != 0;
  g_autofree char *read_name = NULL;
  g_autofree char *english_text = NULL;

  self->entry = entry;
  gtk_widget_set_visible (self->detail_box, entry != NULL);
  if (entry == NULL)
    return;

  gtk_label_set_text (self->term_heading, entry->term);
  gtk_label_set_text (self->easy_label, entry->easy);
  /* Translators: the glossary's English explanation of a German word,
   * shown below the one in easy German */
  english_text = g_strdup_printf (_("In English: %s"), entry->english);
  gtk_label_set_text (self->english_label, english_text);
  gtk_widget_set_visible (GTK_WIDGET (self->english_label), english);

  /* Translators: the read-aloud button of a glossary word, e.g. "Read aloud: Antrag" */
  read_name = g_strdup_printf (_("Read aloud: %s"), entry->term);
  bk_ui_set_accessible (self->read_button, read_name, NULL);
}

static void
row_activated_cb (BkGlossaryPage *self,
                  GtkListBoxRow  *row)
{
  show_entry (self, g_object_get_data (G_OBJECT (row), ENTRY_KEY));
  /* To the explanation: the viewport scrolls to it, the voice says it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->term_heading));
}

static void
read_clicked_cb (BkGlossaryPage *self,
                 GtkButton      *button)
{
  bk_glossary_page_read_aloud (self);
}

static gboolean
bk_glossary_page_grab_focus (GtkWidget *widget)
{
  BkGlossaryPage *self = BK_GLOSSARY_PAGE (widget);
  GtkListBoxRow *first;

  if (self->entry != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->term_heading));

  first = gtk_list_box_get_row_at_index (self->list, 0);
  return first != NULL && gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
bk_glossary_page_dispose (GObject *object)
{
  BkGlossaryPage *self = BK_GLOSSARY_PAGE (object);

  g_clear_object (&self->voice);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_GLOSSARY_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->glossary);

  G_OBJECT_CLASS (bk_glossary_page_parent_class)->dispose (object);
}

/* ---- BkPage -------------------------------------------------------------- */

static char *
bk_glossary_page_dup_summary (BkPage *page)
{
  BkGlossaryPage *self = BK_GLOSSARY_PAGE (page);

  if (self->entry != NULL)
    /* Translators: spoken when the glossary opens at a word */
    return g_strdup_printf (_("Words explained: %s."), self->entry->term);

  /* Translators: spoken when the glossary opens; %u is the number of words */
  return g_strdup_printf (ngettext ("Words explained. %u word from A to Z.",
                                    "Words explained. %u words from A to Z.",
                                    bk_glossary_get_n_entries (self->glossary)),
                          bk_glossary_get_n_entries (self->glossary));
}

static const char *
bk_glossary_page_get_help_text (BkPage *page)
{
  /* Translators: help for the page that explains difficult words */
  return _("This screen explains difficult words. "
           "Choose a word in the list to read what it means.");
}

/* target: the word, "" for the list alone. A word the glossary does not
 * know shows the list. */
static gboolean
bk_glossary_page_show_target (BkPage      *page,
                              GVariant    *target,
                              const char **heading,
                              GError     **error)
{
  if (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
    bk_glossary_page_show_term (BK_GLOSSARY_PAGE (page), g_variant_get_string (target, NULL));
  return TRUE;
}

/* Back returns to the word the citizen was reading. */
static GVariant *
bk_glossary_page_dup_target (BkPage *page)
{
  BkGlossaryPage *self = BK_GLOSSARY_PAGE (page);

  return g_variant_ref_sink (g_variant_new_string (self->entry ? self->entry->term : ""));
}

/* Looked up in the middle of a form: the form keeps its answers. */
static gboolean
bk_glossary_page_is_aside (BkPage *page)
{
  return TRUE;
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_glossary_page_dup_summary;
  iface->get_help_text = bk_glossary_page_get_help_text;
  iface->show_target = bk_glossary_page_show_target;
  iface->dup_target = bk_glossary_page_dup_target;
  iface->is_aside = bk_glossary_page_is_aside;
}

/* The context arrives once, from the window. */
static void
set_context (BkGlossaryPage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->voice, bk_context_get_voice (context));
  /* Without speech the read-aloud button is hidden. */
  gtk_widget_set_visible (self->read_button, bk_voice_has_speech (self->voice));
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkGlossaryPage, bk_glossary_page, BK_GLOSSARY_PAGE)

static void
bk_glossary_page_class_init (BkGlossaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_glossary_page_dispose;
  object_class->get_property = bk_glossary_page_get_property;
  object_class->set_property = bk_glossary_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  widget_class->grab_focus = bk_glossary_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-glossary-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkGlossaryPage, heading);
  gtk_widget_class_bind_template_child (widget_class, BkGlossaryPage, detail_box);
  gtk_widget_class_bind_template_child (widget_class, BkGlossaryPage, term_heading);
  gtk_widget_class_bind_template_child (widget_class, BkGlossaryPage, easy_label);
  gtk_widget_class_bind_template_child (widget_class, BkGlossaryPage, english_label);
  gtk_widget_class_bind_template_child (widget_class, BkGlossaryPage, read_button);
  gtk_widget_class_bind_template_child (widget_class, BkGlossaryPage, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, read_clicked_cb);
}

static void
bk_glossary_page_init (BkGlossaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->glossary = g_object_ref (bk_glossary_get_default ());
  for (guint i = 0; i < bk_glossary_get_n_entries (self->glossary); i++)
    gtk_list_box_append (self->list, row_new (bk_glossary_get_entry (self->glossary, i)));
  gtk_list_box_set_header_func (self->list, letter_header_cb, NULL, NULL);
}

GtkWidget *
bk_glossary_page_new (void)
{
  return g_object_new (BK_TYPE_GLOSSARY_PAGE, NULL);
}

gboolean
bk_glossary_page_show_term (BkGlossaryPage *self,
                            const char     *term)
{
  const BkGlossaryEntry *entry = NULL;

  g_return_val_if_fail (BK_IS_GLOSSARY_PAGE (self), FALSE);

  if (term != NULL && term[0] != '\0')
    {
      entry = bk_glossary_lookup (self->glossary, term);
      if (entry == NULL)
        g_debug ("the glossary does not explain “%s”", term);
    }
  show_entry (self, entry);

  return entry != NULL || term == NULL || term[0] == '\0';
}

const char *
bk_glossary_page_get_term (BkGlossaryPage *self)
{
  g_return_val_if_fail (BK_IS_GLOSSARY_PAGE (self), NULL);

  return self->entry ? self->entry->term : NULL;
}

guint
bk_glossary_page_read_aloud (BkGlossaryPage *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BK_IS_GLOSSARY_PAGE (self), 0);

  if (self->entry == NULL)
    return 0;

  /* The explanation is German easy language whatever the interface. */
  text = g_strdup_printf ("%s. %s", self->entry->term, self->entry->easy);
  return bk_voice_say_on_demand (self->voice, text, "de");
}

GtkWidget *
bk_glossary_page_get_read_button (BkGlossaryPage *self)
{
  g_return_val_if_fail (BK_IS_GLOSSARY_PAGE (self), NULL);

  return self->read_button;
}

GtkWidget *
bk_glossary_page_get_row (BkGlossaryPage *self,
                          const char     *term)
{
  int index;

  g_return_val_if_fail (BK_IS_GLOSSARY_PAGE (self), NULL);

  index = bk_glossary_get_index (self->glossary, bk_glossary_lookup (self->glossary, term));
  return index >= 0 ? GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, index)) : NULL;
}
