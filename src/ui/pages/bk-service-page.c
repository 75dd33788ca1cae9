/* bk-service-page.c: one service of the administration, readable from top
 * to bottom
 *
 * The name, then what one can do here (forms, appointments), then a section
 * for every part of the description under its own heading: what it is, who
 * may apply, the documents, costs, processing time, deadlines, the steps,
 * the legal basis, where to go, the online service (a QR code and the
 * address in words) and the forms. Every section is shown even when the
 * description says nothing about it, and then says so: a citizen looking for
 * the costs learns that they are not stated rather than missing the heading.
 *
 * With the easy-read setting on, the easy-read text comes first (or a plain
 * word that there is none). The texts are German; name and descriptions are
 * in the interface language when the service has a translation for it. The
 * voice reads each text in its language (BkReader).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-service-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-form.h"
#include "bk-help.h"
#include "bk-qr.h"
#include "bk-reader.h"
#include "bk-service-office.h"
#include "bk-service-page-private.h"
#include "bk-page.h"
#include "bk-settings.h"
#include "bk-ui.h"

struct _BkServicePage
{
  GtkWidget          parent_instance;

  BkContext         *context;
  BkStore           *store;
  BkService         *service;
  BkVoice           *voice;
  BkSettings        *settings;
  BkReader          *reader;
  GPtrArray         *towns;         /* BkTown: the towns the kiosk serves */

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *municipality_label;
  GtkWidget         *read_all_button;
  GtkBox            *sections_box;
  GtkWidget         *actions_section;
  GtkBox            *actions_box;

  GtkWidget         *sections[BK_SERVICE_N_SECTIONS];
  GtkWidget         *headings[BK_SERVICE_N_SECTIONS];
  GtkWidget         *read_buttons[BK_SERVICE_N_SECTIONS];
  GtkBox            *bodies[BK_SERVICE_N_SECTIONS];
  GtkWidget         *qr;
  GtkWidget         *online_intro;  /* "You can also do this on the internet…" */
  GtkWidget         *online_address;
  GtkWidget         *online_none;   /* why there is none */
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkServicePage, bk_service_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

static const char *
section_title (BkServiceSection section)
{
  switch (section)
    {
    case BK_SERVICE_SECTION_EASY_READ: return _("In easy-read language");
    /* Translators: heading of a service's description */
    case BK_SERVICE_SECTION_WHAT: return _("What it is");
    case BK_SERVICE_SECTION_WHO: return _("Who may apply");
    /* Translators: heading of the list of documents to bring */
    case BK_SERVICE_SECTION_DOCUMENTS: return _("What you need");
    case BK_SERVICE_SECTION_COSTS: return _("Costs");
    case BK_SERVICE_SECTION_PROCESSING_TIME: return _("Processing time");
    case BK_SERVICE_SECTION_DEADLINES: return _("Deadlines");
    /* Translators: heading of the numbered steps of a service */
    case BK_SERVICE_SECTION_STEPS: return _("How it works");
    /* Translators: heading of the laws a service is based on */
    case BK_SERVICE_SECTION_LEGAL_BASIS: return _("Legal basis");
    /* Translators: heading of the responsible office: address, opening hours */
    case BK_SERVICE_SECTION_OFFICE: return _("Where to go");
    case BK_SERVICE_SECTION_ONLINE: return _("Online service");
    case BK_SERVICE_SECTION_FORMS: return _("Forms");
    /* Translators: heading of a service's hints (Hinweise) */
    case BK_SERVICE_SECTION_HINTS: return _("Good to know");
    /* Translators: heading of a service's further information and links */
    case BK_SERVICE_SECTION_MORE: return _("More information");
    case BK_SERVICE_N_SECTIONS:
    default:
      g_assert_not_reached ();
    }
}

#define is_blank bk_service_office_is_blank

static GtkWidget *
add_text (BkServicePage    *self,
          BkServiceSection  section,
          const char       *text,
          const char       *css_class,
          BkReaderPartKind  kind,
          const char       *lang)
{
  GtkWidget *label = bk_reader_label_new (self->reader, section, text, css_class, kind, lang);

  if (lang != NULL)
    bk_ui_set_content_language (label, lang);
  gtk_box_append (self->bodies[section], label);
  return label;
}

/* Our own words where the description says nothing. */
static void
add_missing (BkServicePage    *self,
             BkServiceSection  section,
             const char       *text)
{
  bk_service_office_add_note (self->reader, section, self->bodies[section], text);
}

static void add_item (BkServicePage    *self,
                      BkServiceSection  section,
                      const char       *marker,
                      const char       *text,
                      gboolean          read_marker,
                      const char       *lang);

/* A heading inside a text (level 3, below the section's). */
static void
add_subheading (BkServicePage    *self,
                BkServiceSection  section,
                const char       *text,
                const char       *lang)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "label", text, "xalign", 0.0f, "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "service-subheading");
  if (lang != NULL)
    bk_ui_set_content_language (label, lang);
  bk_reader_add_part (self->reader, section, label, BK_READER_PART_CONTENT, lang);
  gtk_box_append (self->bodies[section], label);
}

/* A text in the kiosk's structure (bk_text_blocks_parse): paragraphs,
 * headings and lists; FALSE when there is no text. */
static gboolean
add_paragraphs (BkServicePage    *self,
                BkServiceSection  section,
                const char       *text,
                const char       *lang,
                const char       *css_class)
{
  g_autoptr(GPtrArray) blocks = NULL;

  if (is_blank (text))
    return FALSE;

  blocks = bk_text_blocks_parse (text);
  for (guint i = 0; i < blocks->len; i++)
    {
      const BkTextBlock *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case BK_TEXT_BLOCK_HEADING:
          add_subheading (self, section, block->text, lang);
          break;
        case BK_TEXT_BLOCK_LIST:
          for (guint j = 0; j < block->items->len; j++)
            {
              g_autofree char *marker = block->numbered ? g_strdup_printf ("%u.", j + 1) : g_strdup ("•");

              add_item (self, section, marker, g_ptr_array_index (block->items, j), block->numbered, lang);
            }
          break;
        case BK_TEXT_BLOCK_PARAGRAPH:
        default:
          add_text (self, section, block->text, css_class ? css_class : "paragraph",
                    BK_READER_PART_CONTENT, lang);
        }
    }

  return blocks->len > 0;
}

static void
fill_plain (BkServicePage    *self,
            BkServiceSection  section,
            const char       *text)
{
  if (!add_paragraphs (self, section, text, NULL, NULL))
    /* Translators: in a section of a service that its description leaves empty */
    add_missing (self, section, _("The description says nothing about this."));
}

/* "1." or "•" and the text, read as one. */
static void
add_item (BkServicePage    *self,
          BkServiceSection  section,
          const char       *marker,
          const char       *text,
          gboolean          read_marker,
          const char       *lang)
{
  g_autofree char *accessible = g_strdup_printf ("%s %s", marker, text);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *marker_label = gtk_label_new (marker);
  GtkWidget *text_label;

  gtk_label_set_yalign (GTK_LABEL (marker_label), 0.0f);
  gtk_label_set_xalign (GTK_LABEL (marker_label), 1.0f);
  gtk_widget_add_css_class (marker_label, "point-number");
  gtk_accessible_update_state (GTK_ACCESSIBLE (marker_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  if (read_marker)
    bk_reader_add_part (self->reader, section, marker_label, BK_READER_PART_CONTENT, NULL);
  text_label = bk_reader_label_new (self->reader, section, text, "point-text",
                                    BK_READER_PART_CONTENT, lang);
  if (lang != NULL)
    bk_ui_set_content_language (text_label, lang);
  bk_ui_set_accessible (text_label, accessible, NULL);

  gtk_box_append (GTK_BOX (box), marker_label);
  gtk_box_append (GTK_BOX (box), text_label);
  gtk_box_append (self->bodies[section], box);
}

static void
fill_list (BkServicePage    *self,
           BkServiceSection  section,
           GPtrArray        *items,
           gboolean          numbered,
           const char       *none)
{
  guint shown = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);
      g_autofree char *marker = NULL;

      if (is_blank (item))
        continue;
      shown++;
      marker = numbered ? g_strdup_printf ("%u.", shown) : g_strdup ("•");
      add_item (self, section, marker, item, numbered, NULL);
    }

  if (shown == 0)
    add_missing (self, section, none);
}

static const char *
chosen_town (BkServicePage *self)
{
  return bk_service_office_get_town (self->towns, self->settings);
}

static void
fill_office (BkServicePage *self)
{
  bk_service_office_fill (self->reader, BK_SERVICE_SECTION_OFFICE, self->bodies[BK_SERVICE_SECTION_OFFICE],
                          self->service, self->towns, self->settings);
}

/* The online service for the town in effect: the town's own for a
 * service from XZuFi, else the one of the service. */
static const char *
online_url (BkServicePage *self)
{
  const BkServiceLocalOffice *local = bk_service_get_local_office (self->service, chosen_town (self));

  if (local != NULL)
    return local->online_url;
  return self->service->online_url;
}

/* Shows the QR code and the address for the online service in effect, or
 * says why there is none. */
static void
update_online (BkServicePage *self)
{
  const char *url = self->service ? online_url (self) : NULL;
  gboolean has = !is_blank (url);
  g_autofree char *address = NULL;

  if (self->online_none == NULL)
    return;
  gtk_widget_set_visible (self->qr, has && bk_qr_set_text (BK_QR (self->qr), url));
  if (!has)
    bk_qr_set_text (BK_QR (self->qr), NULL);
  gtk_widget_set_visible (self->online_intro, has);
  gtk_widget_set_visible (self->online_address, has);
  gtk_widget_set_visible (self->online_none, !has);
  /* Translators: the web address of an online service, in words */
  address = g_strdup_printf (_("Address: %s"), has ? url : "");
  gtk_label_set_text (GTK_LABEL (self->online_address), address);
  if (!has)
    gtk_label_set_text (GTK_LABEL (self->online_none),
                        bk_service_is_per_town (self->service) && chosen_town (self) == NULL &&
                        self->towns != NULL && self->towns->len > 1
                        /* Translators: the online service depends on the town the citizen chooses */
                        ? _("Choose your town under “Where to go”: the online service depends on it.")
                        /* Translators: the service cannot be used on the internet */
                        : _("There is no online service for this."));
}

static void
fill_online (BkServicePage *self)
{
  GtkBox *body = self->bodies[BK_SERVICE_SECTION_ONLINE];

  self->online_intro = bk_service_office_add_note (self->reader, BK_SERVICE_SECTION_ONLINE, body,
                                                   /* Translators: above the QR code of an online service */
                                                   _("You can also do this on the internet. Scan the code with your phone, or type in the address."));
  gtk_box_append (body, self->qr);
  self->online_address = add_text (self, BK_SERVICE_SECTION_ONLINE, "", "service-url", BK_READER_PART_INTERFACE, NULL);
  self->online_none = bk_service_office_add_note (self->reader, BK_SERVICE_SECTION_ONLINE, body, "");
  update_online (self);
}

static void
fill_forms (BkServicePage *self)
{
  GPtrArray *forms = self->service->forms;

  if (forms == NULL || forms->len == 0)
    {
      /* Translators: the service has no forms to download */
      add_missing (self, BK_SERVICE_SECTION_FORMS, _("There are no forms for this service."));
      return;
    }

  for (guint i = 0; i < forms->len; i++)
    {
      const BkServiceForm *form = g_ptr_array_index (forms, i);
      g_autofree char *text = NULL;

      /* Translators: a form: its title, then its web address */
      text = form->url != NULL ? g_strdup_printf (_("%s: %s"), form->title, form->url) : g_strdup (form->title);
      add_item (self, BK_SERVICE_SECTION_FORMS, "•", text, FALSE, NULL);
    }
}

/* The citizen chose a town: its office and online service, said aloud. */
static void
town_changed_cb (BkServicePage *self)
{
  g_autofree char *said = NULL;

  if (self->service == NULL || !bk_service_is_per_town (self->service))
    return;
  bk_service_office_show_town (self->bodies[BK_SERVICE_SECTION_OFFICE], chosen_town (self));
  update_online (self);
  said = bk_service_office_describe (self->service, self->towns, chosen_town (self));
  bk_page_status_changed (BK_PAGE (self), said);
}

static gboolean
easy_read_on (BkServicePage *self)
{
  return self->settings != NULL && bk_settings_get_boolean (self->settings, "easy-read");
}

static void
update_easy (BkServicePage *self)
{
  gtk_widget_set_visible (self->sections[BK_SERVICE_SECTION_EASY_READ],
                          self->service != NULL && easy_read_on (self));
}

static void
update_visibility (BkServicePage *self)
{
  gboolean can_read = self->voice != NULL && bk_voice_has_speech (self->voice);

  gtk_widget_set_visible (GTK_WIDGET (self->sections_box), self->service != NULL);
  gtk_widget_set_visible (self->read_all_button, self->service != NULL && can_read);
  for (guint s = 0; s < BK_SERVICE_N_SECTIONS; s++)
    gtk_widget_set_visible (self->read_buttons[s], can_read);
  update_easy (self);
}

static void
fill_easy (BkServicePage *self)
{
  if (!add_paragraphs (self, BK_SERVICE_SECTION_EASY_READ, self->service->easy_read, NULL, "easy-read"))
    add_missing (self, BK_SERVICE_SECTION_EASY_READ, _("There is no easy-read text for this service yet."));
  update_easy (self);
}

static gboolean
window_has_action (GtkWidget  *widget,
                   const char *name)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidgetClass *klass;
  GType owner;
  const char *action;
  const GVariantType *parameter_type;
  const char *property;
  gboolean found = FALSE;

  if (root == NULL)
    return FALSE;
  if (G_IS_ACTION_GROUP (root) && g_action_group_has_action (G_ACTION_GROUP (root), name))
    return TRUE;

  klass = GTK_WIDGET_GET_CLASS (root);
  for (guint i = 0; !found && gtk_widget_class_query_action (klass, i, &owner, &action, &parameter_type, &property); i++)
    found = g_str_has_prefix (action, "win.") && g_str_equal (action + 4, name);

  return found;
}

/* Exactly the kiosk's forms the service names, in its order, each under
 * the form's own title. The forms belong to another part of the kiosk:
 * offered only where the window has them. */
static void
fill_actions (BkServicePage *self)
{
  bk_ui_unparent_children (GTK_WIDGET (self->actions_box));
  gtk_widget_set_visible (self->actions_section, FALSE);

  if (self->service == NULL || !window_has_action (GTK_WIDGET (self), "start-form"))
    return;
  for (guint i = 0; i < self->service->kiosk_forms->len; i++)
    {
      const BkForm *form = bk_form_lookup (g_ptr_array_index (self->service->kiosk_forms, i));

      if (form != NULL && form->kind != BK_SUBMISSION_MOTION_FEEDBACK)
        bk_service_page_add_action (self, _(form->title), "win.start-form", g_variant_new_string (form->id));
    }
}

GtkWidget *
bk_service_page_add_action (BkServicePage *self,
                            const char    *label,
                            const char    *action_name,
                            GVariant      *target)
{
  GtkWidget *button;
  GtkWidget *child;

  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), NULL);
  g_return_val_if_fail (label != NULL && action_name != NULL, NULL);

  /* A wrapping label: at 300 % the words go onto more lines. */
  child = gtk_label_new (label);
  gtk_label_set_wrap (GTK_LABEL (child), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (child), GTK_NATURAL_WRAP_NONE);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  bk_ui_set_accessible (button, label, NULL);

  gtk_box_append (self->actions_box, button);
  gtk_widget_set_visible (self->actions_section, TRUE);

  return button;
}

/* ---- sections ------------------------------------------------------------ */

static void read_section_clicked_cb (BkServicePage *self,
                                     GtkButton     *button);

static void
build_sections (BkServicePage *self)
{
  for (guint s = 0; s < BK_SERVICE_N_SECTIONS; s++)
    {
      const char *title = section_title (s);
      g_autofree char *read_name = NULL;
      GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      GtkWidget *heading = gtk_label_new (title);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();
      GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      gtk_widget_add_css_class (section, "service-section");
      if (s == BK_SERVICE_SECTION_EASY_READ)
        {
          gtk_widget_add_css_class (section, "card");
          gtk_widget_add_css_class (section, "easy-summary");
        }

      g_object_set (heading, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                      GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                      -1);
      gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (heading, TRUE);
      gtk_widget_add_css_class (heading, "title-2");

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "audio-volume-high-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Read aloud"));
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_widget_add_css_class (button, "read-aloud");
      gtk_widget_set_visible (button, FALSE);
      /* Translators: the accessible name of a section's Read aloud button */
      read_name = g_strdup_printf (_("Read aloud: %s"), title);
      bk_ui_set_accessible (button, read_name, NULL);
      g_signal_connect_object (button, "clicked", G_CALLBACK (read_section_clicked_cb),
                               self, G_CONNECT_SWAPPED);
      bk_help_set_item_text (button,
                             /* Translators: item help of a Read aloud button of one part of a service */
                             _("Reads this part of the service aloud."));

      gtk_box_append (GTK_BOX (header), heading);
      gtk_box_append (GTK_BOX (header), button);
      gtk_box_append (GTK_BOX (section), header);
      gtk_box_append (GTK_BOX (section), body);
      bk_ui_set_content_language (body, BK_VOICE_CONTENT_LANGUAGE);
      gtk_box_append (self->sections_box, section);

      self->sections[s] = section;
      self->headings[s] = heading;
      self->read_buttons[s] = button;
      self->bodies[s] = GTK_BOX (body);
    }

  self->qr = g_object_ref_sink (bk_qr_new (NULL));
  gtk_widget_add_css_class (self->qr, "service-qr");
  bk_help_set_item_text (self->qr,
                         /* Translators: item help of the QR code of an online service */
                         _("A code for your phone. Open the camera and point it at the code: "
                           "the phone opens the online service."));
  bk_help_set_item_text (self->read_all_button,
                         /* Translators: item help of the button that reads the whole service */
                         _("Reads the whole page aloud, from the start."));
}

static void
fill (BkServicePage *self)
{
  const char *ui_language = bk_voice_get_interface_language ();
  const char *text_lang = bk_service_get_text_language (self->service, ui_language);
  const char *lang = g_strcmp0 (text_lang, BK_VOICE_CONTENT_LANGUAGE) == 0 ? NULL : text_lang;
  const char *name = bk_service_get_name (self->service, ui_language);
  const char *full = bk_service_get_full_text (self->service, ui_language);

  bk_reader_clear (self->reader);
  if (self->qr != NULL && gtk_widget_get_parent (self->qr) != NULL)
    gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->qr)), self->qr);
  g_clear_pointer (&self->towns, g_ptr_array_unref);
  self->towns = self->store ? bk_store_list_towns (self->store, NULL) : NULL;
  self->online_intro = self->online_address = self->online_none = NULL;
  for (guint s = 0; s < BK_SERVICE_N_SECTIONS; s++)
    {
      bk_ui_unparent_children (GTK_WIDGET (self->bodies[s]));
      if (s == BK_SERVICE_SECTION_WHAT)
        {
          bk_reader_add_part (self->reader, s, GTK_WIDGET (self->title_label), BK_READER_PART_CONTENT, lang);
          bk_reader_add_part (self->reader, s, GTK_WIDGET (self->municipality_label), BK_READER_PART_CONTENT, NULL);
        }
      bk_reader_add_part (self->reader, s, self->headings[s], BK_READER_PART_INTERFACE, NULL);
    }

  gtk_label_set_text (self->title_label, name);
  bk_ui_set_accessible (GTK_WIDGET (self->title_label), name, NULL);
  bk_ui_set_content_language (GTK_WIDGET (self->title_label), text_lang);
  gtk_label_set_text (self->municipality_label, self->service->municipality);

  fill_easy (self);

  add_paragraphs (self, BK_SERVICE_SECTION_WHAT,
                  bk_service_get_short_text (self->service, ui_language), lang, "service-lead");
  if (!add_paragraphs (self, BK_SERVICE_SECTION_WHAT, full, lang, NULL) &&
      is_blank (bk_service_get_short_text (self->service, ui_language)))
    fill_plain (self, BK_SERVICE_SECTION_WHAT, NULL);

  fill_plain (self, BK_SERVICE_SECTION_WHO, self->service->who_may_apply);
  fill_list (self, BK_SERVICE_SECTION_DOCUMENTS, self->service->documents, FALSE,
             /* Translators: a service that asks for no documents */
             _("The description lists no documents."));
  fill_plain (self, BK_SERVICE_SECTION_COSTS, self->service->costs);
  fill_plain (self, BK_SERVICE_SECTION_PROCESSING_TIME, self->service->processing_time);
  fill_plain (self, BK_SERVICE_SECTION_DEADLINES, self->service->deadlines);
  fill_list (self, BK_SERVICE_SECTION_STEPS, self->service->steps, TRUE,
             /* Translators: a service whose description gives no steps */
             _("The description gives no steps."));
  fill_plain (self, BK_SERVICE_SECTION_LEGAL_BASIS, self->service->legal_basis);
  fill_office (self);
  fill_online (self);
  fill_forms (self);
  /* Only when the description has them. */
  gtk_widget_set_visible (self->sections[BK_SERVICE_SECTION_HINTS],
                          add_paragraphs (self, BK_SERVICE_SECTION_HINTS, self->service->hints, NULL, NULL));
  gtk_widget_set_visible (self->sections[BK_SERVICE_SECTION_MORE],
                          add_paragraphs (self, BK_SERVICE_SECTION_MORE, self->service->further_info, NULL, NULL));
  fill_actions (self);
}

/* ---- read aloud ---------------------------------------------------------- */

static void
read_sections (BkServicePage *self,
               int            section)
{
  guint first = BK_SERVICE_SECTION_WHAT;

  if (self->service == NULL)
    return;

  if (section >= 0 && section < BK_SERVICE_N_SECTIONS)
    {
      bk_reader_start (self->reader, section, section, NULL);
      return;
    }

  if (gtk_widget_get_visible (self->sections[BK_SERVICE_SECTION_EASY_READ]))
    first = BK_SERVICE_SECTION_EASY_READ;
  bk_reader_start (self->reader, first, BK_SERVICE_N_SECTIONS - 1, NULL);
}

static void
read_section_clicked_cb (BkServicePage *self,
                         GtkButton     *button)
{
  for (guint s = 0; s < BK_SERVICE_N_SECTIONS; s++)
    if (self->read_buttons[s] == GTK_WIDGET (button))
      read_sections (self, s);
}

static void
read_all_clicked_cb (BkServicePage *self,
                     GtkButton     *button)
{
  read_sections (self, -1);
}

/* ---- the widget ---------------------------------------------------------- */

static gboolean
bk_service_page_grab_focus (GtkWidget *widget)
{
  BkServicePage *self = BK_SERVICE_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->title_label));
}

static void
bk_service_page_dispose (GObject *object)
{
  BkServicePage *self = (BkServicePage *)object;

  g_clear_object (&self->reader);
  g_clear_object (&self->voice);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_SERVICE_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->qr);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bk_service_page_parent_class)->dispose (object);
}

static void
bk_service_page_finalize (GObject *object)
{
  BkServicePage *self = (BkServicePage *)object;

  g_clear_pointer (&self->service, bk_service_free);
  g_clear_pointer (&self->towns, g_ptr_array_unref);

  G_OBJECT_CLASS (bk_service_page_parent_class)->finalize (object);
}

/* ---- BkPage -------------------------------------------------------------- */

static char *
bk_service_page_dup_summary (BkPage *page)
{
  BkServicePage *self = BK_SERVICE_PAGE (page);

  /* Translators: spoken when a service is shown: its name and municipality,
   * then what is on the page */
  return g_strdup_printf (_("Service: %s, %s. What it is, who may apply, what you need, costs, "
                            "how it works, and where to go."),
                          gtk_label_get_text (self->title_label),
                          gtk_label_get_text (self->municipality_label));
}

static const char *
bk_service_page_get_help_text (BkPage *page)
{
  /* Translators: help for the page of one service */
  return _("This screen shows one service: what it is, who may apply, what you need, "
           "the costs, the steps, and the office with its address and opening hours. "
           "If there is an online service, scan the QR code with your phone. "
           "Press Back to return to the list.");
}

/* target: the service id; NULL keeps the service shown. */
static gboolean
bk_service_page_show_target (BkPage      *page,
                             GVariant    *target,
                             const char **heading,
                             GError     **error)
{
  BkServicePage *self = BK_SERVICE_PAGE (page);

  if (target == NULL || !g_variant_is_of_type (target, G_VARIANT_TYPE_STRING))
    return TRUE;
  if (!bk_service_page_show_service (self, g_variant_get_string (target, NULL), error))
    {
      /* Translators: heading of the error page */
      *heading = _("This service cannot be shown");
      return FALSE;
    }
  return TRUE;
}

static GVariant *
bk_service_page_dup_target (BkPage *page)
{
  BkServicePage *self = BK_SERVICE_PAGE (page);

  return self->service ? g_variant_ref_sink (g_variant_new_string (self->service->id)) : NULL;
}

static gboolean
bk_service_page_read_aloud (BkPage *page,
                            int     section)
{
  read_sections (BK_SERVICE_PAGE (page), section);
  return TRUE;
}

/* A form started here is about this service, handled by its office. */
static void
bk_service_page_fill_form_context (BkPage        *page,
                                   BkFormContext *context)
{
  BkServicePage *self = BK_SERVICE_PAGE (page);

  if (self->service == NULL)
    return;
  context->service_id = self->service->id;
  context->service_name = bk_service_get_name (self->service, bk_voice_get_interface_language ());
  {
    const BkServiceOffice *office = bk_service_office_get (self->service, chosen_town (self));

    context->office = office ? office->name : NULL;
  }
  context->municipality = self->service->municipality;
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_service_page_dup_summary;
  iface->get_help_text = bk_service_page_get_help_text;
  iface->show_target = bk_service_page_show_target;
  iface->dup_target = bk_service_page_dup_target;
  iface->read_aloud = bk_service_page_read_aloud;
  iface->fill_form_context = bk_service_page_fill_form_context;
}

/* The context arrives once, from the window. */
static void
set_context (BkServicePage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->store, bk_context_get_store (context));
  g_set_object (&self->voice, bk_context_get_voice (context));
  bk_reader_set_voice (self->reader, self->voice);
  g_set_object (&self->settings, bk_context_get_settings (context));
  g_signal_connect_object (self->settings, "notify::easy-read",
                           G_CALLBACK (update_easy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::" BK_SERVICE_OFFICE_TOWN_KEY,
                           G_CALLBACK (town_changed_cb), self, G_CONNECT_SWAPPED);
  update_visibility (self);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkServicePage, bk_service_page, BK_SERVICE_PAGE)

static void
bk_service_page_class_init (BkServicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_service_page_dispose;
  object_class->get_property = bk_service_page_get_property;
  object_class->set_property = bk_service_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  object_class->finalize = bk_service_page_finalize;
  widget_class->grab_focus = bk_service_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-service-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkServicePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BkServicePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, BkServicePage, municipality_label);
  gtk_widget_class_bind_template_child (widget_class, BkServicePage, read_all_button);
  gtk_widget_class_bind_template_child (widget_class, BkServicePage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, BkServicePage, actions_section);
  gtk_widget_class_bind_template_child (widget_class, BkServicePage, actions_box);
  gtk_widget_class_bind_template_callback (widget_class, read_all_clicked_cb);
}

static void
bk_service_page_init (BkServicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reader = bk_reader_new (GTK_WIDGET (self), self->scroller, BK_SERVICE_N_SECTIONS);
  build_sections (self);
  bk_service_page_clear (self);
}

GtkWidget *
bk_service_page_new (void)
{
  return g_object_new (BK_TYPE_SERVICE_PAGE, NULL);
}

gboolean
bk_service_page_show_service (BkServicePage  *self,
                              const char     *id,
                              GError        **error)
{
  g_autoptr(BkService) service = NULL;

  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No database is open."));
      return FALSE;
    }
  if (id == NULL || id[0] == '\0')
    {
      bk_service_page_clear (self);
      return TRUE;
    }

  service = bk_store_load_service (self->store, id, error);
  if (service == NULL)
    return FALSE;

  g_clear_pointer (&self->service, bk_service_free);
  self->service = g_steal_pointer (&service);
  fill (self);
  update_visibility (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

/* No service: a catalogue without any (the page is still reachable by
 * bk_window_show_page) says so instead of showing empty sections. */
void
bk_service_page_clear (BkServicePage *self)
{
  g_return_if_fail (BK_IS_SERVICE_PAGE (self));

  g_clear_pointer (&self->service, bk_service_free);
  bk_reader_clear (self->reader);
  /* Translators: the service page when the catalogue is empty */
  gtk_label_set_text (self->title_label, _("No service is chosen"));
  bk_ui_set_accessible (GTK_WIDGET (self->title_label), gtk_label_get_text (self->title_label), NULL);
  gtk_label_set_text (self->municipality_label, _("Press Back to choose a service."));
  bk_ui_unparent_children (GTK_WIDGET (self->actions_box));
  gtk_widget_set_visible (self->actions_section, FALSE);
  update_visibility (self);
}

const char *
bk_service_page_get_service_id (BkServicePage *self)
{
  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), NULL);

  return self->service ? self->service->id : NULL;
}

const char *
bk_service_page_get_title (BkServicePage *self)
{
  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), NULL);

  return gtk_label_get_text (self->title_label);
}

GtkWidget *
bk_service_page_get_actions_box (BkServicePage *self)
{
  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), NULL);

  return GTK_WIDGET (self->actions_box);
}

guint
bk_service_page_get_reading_id (BkServicePage *self)
{
  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), 0);

  return bk_reader_get_reading_id (self->reader);
}

GtkWidget *
bk_service_page_get_read_button (BkServicePage *self,
                                 int            section)
{
  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), NULL);

  if (section < 0 || section >= BK_SERVICE_N_SECTIONS)
    return self->read_all_button;
  return self->read_buttons[section];
}

GtkWidget *
bk_service_page_get_heading (BkServicePage    *self,
                             BkServiceSection  section)
{
  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), NULL);
  g_return_val_if_fail (section < BK_SERVICE_N_SECTIONS, NULL);

  return self->headings[section];
}

GtkWidget *
bk_service_page_get_section (BkServicePage    *self,
                             BkServiceSection  section)
{
  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), NULL);
  g_return_val_if_fail (section < BK_SERVICE_N_SECTIONS, NULL);

  return self->sections[section];
}

GtkWidget *
bk_service_page_get_qr (BkServicePage *self)
{
  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), NULL);

  return self->qr;
}

GtkWidget *
bk_service_page_get_town_button (BkServicePage *self,
                                 const char    *ars)
{
  g_return_val_if_fail (BK_IS_SERVICE_PAGE (self), NULL);

  return bk_service_office_get_town_button (self->bodies[BK_SERVICE_SECTION_OFFICE], ars);
}
