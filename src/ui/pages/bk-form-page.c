/* bk-form-page.c: a guided form, screen by screen
 *
 * First a privacy notice, then the questions — one a screen with the
 * easy-read setting on, else the related ones together — then every answer
 * with a Change button, and Send. Answers are checked when the citizen
 * leaves a field and on Next; an error shows as text next to the field
 * (with a symbol, never by colour alone), is related to it (described-by),
 * is spoken, and the focus goes to the first field with a problem.
 *
 * The page keeps the answers only while the form is open: the window calls
 * bk_form_page_clear () whenever the citizen leaves it, and the fields are
 * rebuilt for every screen, so no entry, undo history or buffer outlives it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-form-page"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-error.h"
#include "bk-field-view.h"
#include "bk-form-send.h"
#include "bk-form-page-private.h"
#include "bk-page.h"
#include "bk-help.h"
#include "bk-service.h"
#include "bk-ui.h"

struct _BkFormPage
{
  GtkWidget          parent_instance;

  BkContext         *context;
  BkStore           *store;
  BkVoice           *voice;
  BkSettings        *settings;

  const BkForm      *form;
  char              *service_id;
  char              *office;
  char              *municipality;  /* whose streets are offered */
  gint64             motion_id;
  char              *motion_title;
  GHashTable        *typed;       /* field id → text as typed */
  GHashTable        *answers;     /* field id → checked value (from the context too) */
  GPtrArray         *screens;     /* GArray of field indices, one per screen */
  BkFormStep         step;
  guint              screen;
  gboolean           return_to_confirm;
  GPtrArray         *views;       /* BkFieldView, of the screen shown */
  GHashTable        *change_buttons;  /* field id → button, on the confirmation */

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *step_label;
  GtkLabel          *screen_heading;
  GtkBox            *content_box;
  GtkWidget         *form_error_box;
  GtkLabel          *form_error_label;
  GtkWidget         *previous_button;
  GtkWidget         *next_button;
  GtkLabel          *next_label;
};

static void page_iface_init (BkPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BkFormPage, bk_form_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BK_TYPE_PAGE, page_iface_init))

enum {
  SIGNAL_SUBMITTED,
  N_SIGNALS
};

static char *dup_summary         (BkFormPage *self);
static void  expose_screen_texts (BkFormPage *self);

static guint signals[N_SIGNALS];

static void show_screen (BkFormPage *self);

static gboolean
easy_read_on (BkFormPage *self)
{
  return self->settings != NULL && bk_settings_get_boolean (self->settings, "easy-read");
}

/* ---- screens ------------------------------------------------------------- */

static void
build_screens (BkFormPage *self)
{
  g_clear_pointer (&self->screens, g_ptr_array_unref);
  self->screens = bk_form_build_screens (self->form, self->answers, easy_read_on (self));
}

/* ---- checking fields ----------------------------------------------------- */

/* Checks a field; shows (or clears) its error. when_empty: an empty required
 * field is an error too (on Next, not while moving through the fields).
 * Returns the error, or NULL. */
static char *
check_view (BkFormPage  *self,
            BkFieldView *view,
            gboolean     when_empty)
{
  const BkFormField *field = bk_field_view_get_field (view);
  g_autofree char *text = bk_field_view_dup_text (view);
  g_autofree char *normalized = NULL;
  char *error;

  g_hash_table_replace (self->typed, g_strdup (field->id), g_strdup (text));

  if (!when_empty)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (stripped[0] == '\0')
        {
          bk_field_view_set_error (view, NULL);
          g_hash_table_remove (self->answers, field->id);
          return NULL;
        }
    }

  error = bk_form_field_check (field, text, NULL, &normalized);
  bk_field_view_set_error (view, error);
  if (error == NULL)
    {
      if (normalized != NULL)
        g_hash_table_replace (self->answers, g_strdup (field->id), g_steal_pointer (&normalized));
      else
        g_hash_table_remove (self->answers, field->id);
    }

  return error;
}

/* The question with its label and hint at the top of the screen, not only
 * the field that has the focus. */
static void
scroll_to (BkFormPage *self,
           GtkWidget  *widget)
{
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t point;

  if (content != NULL &&
      gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, MAX (0, point.y - 24));
}

/* urgent: the citizen pressed Next or Send and waits for the answer, so
 * it interrupts (what the focus move said is in the message too); a field
 * left with a problem waits its turn. With a screen reader the focus and
 * the field's description (with the error) carry it. */
static void
speak_error (BkFormPage *self,
             GtkWidget  *where,
             const char *message,
             gboolean    urgent)
{
  bk_voice_cue (self->voice, BK_EARCON_ERROR, where);
  if (urgent)
    bk_voice_speak_page (self->voice, message);
  else
    bk_voice_announce (self->voice, message);
}

static void
view_left_cb (BkFieldView *view,
              BkFormPage  *self)
{
  gboolean had_error = bk_field_view_has_error (view);
  g_autofree char *error = NULL;

  if (self->views == NULL)
    return;

  error = check_view (self, view, FALSE);
  if (error != NULL && !had_error)
    speak_error (self, bk_field_view_get_error_widget (view), error, FALSE);
}

/* A fixed error disappears as soon as the answer is right; no new errors
 * appear while typing. */
static void
view_changed_cb (BkFieldView *view,
                 BkFormPage  *self)
{
  g_autofree char *error = NULL;

  if (self->views == NULL || !bk_field_view_has_error (view))
    return;

  error = check_view (self, view, FALSE);
}

static void
view_activate_cb (BkFieldView *view,
                  BkFormPage  *self)
{
  gtk_widget_activate (self->next_button);
}

/* A date chosen with buttons is said at once. */
static void
view_say_cb (BkFieldView *view,
             const char  *text,
             BkFormPage  *self)
{
  bk_voice_say_on_demand (self->voice, text, NULL);
}

static void
keep_typed (BkFormPage *self)
{
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      BkFieldView *view = g_ptr_array_index (self->views, i);

      g_hash_table_replace (self->typed, g_strdup (bk_field_view_get_field (view)->id),
                            bk_field_view_dup_text (view));
    }
}

/* ---- building a screen --------------------------------------------------- */

static void
clear_content (BkFormPage *self)
{
  /* The focus leaves the fields as they go: their handlers must not find
   * a screen that is gone. */
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->views, i), self);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_hash_table_remove_all (self->change_buttons);
  bk_ui_unparent_children (GTK_WIDGET (self->content_box));
  gtk_widget_set_visible (self->form_error_box, FALSE);
}

static void
add_field (BkFormPage        *self,
           const BkFormField *field)
{
  const char *value = g_hash_table_lookup (self->typed, field->id);
  g_autofree char *shown = NULL;
  GtkWidget *view;

  /* A checked date reads as it was typed, not as stored. */
  if (value == NULL && g_hash_table_lookup (self->answers, field->id) != NULL && field->kind == BK_FIELD_DATE)
    value = shown = bk_form_field_display (field, g_hash_table_lookup (self->answers, field->id));

  view = bk_field_view_new (field, value, easy_read_on (self));
  g_signal_connect_object (view, "changed", G_CALLBACK (view_changed_cb), self, 0);
  g_signal_connect_object (view, "left", G_CALLBACK (view_left_cb), self, 0);
  g_signal_connect_object (view, "activate", G_CALLBACK (view_activate_cb), self, 0);
  g_signal_connect_object (view, "say", G_CALLBACK (view_say_cb), self, 0);
  if (field->offer == BK_FIELD_OFFER_STREETS)
    bk_field_view_offer_streets (BK_FIELD_VIEW (view), self->municipality);
  g_ptr_array_add (self->views, g_object_ref (view));
  gtk_box_append (self->content_box, view);
}

static void
set_next (BkFormPage *self,
          const char *label,
          const char *description)
{
  gtk_label_set_text (self->next_label, label);
  bk_ui_set_accessible (self->next_button, label, description);
}


/* When the kiosk cannot store anything (its database is read-only, or it
 * runs on the demo content after a broken one): what citizens read. */
static const char *
no_requests_message (void)
{
  return _("This kiosk cannot take requests at the moment: what you enter here cannot be sent. "
           "Please ask the staff for help, or contact the office directly.");
}

static void
show_privacy (BkFormPage *self)
{
  guint days = self->store ? bk_store_get_retention_days (self->store) : BK_STORE_DEFAULT_RETENTION_DAYS;
  g_auto(GStrv) paragraphs = bk_form_dup_privacy_notice_for (self->form, self->office, days);

  g_autofree char *travels = self->context ? bk_form_dup_delivery_notice (self->context, self->form,
                                                                         self->service_id) : NULL;

  gtk_label_set_text (self->screen_heading, _("Before you start: your data"));
  /* Said before the citizen types, not only when Send fails. */
  if (self->context != NULL && bk_context_get_read_only (self->context))
    gtk_box_append (self->content_box, bk_ui_wrap_label_new (no_requests_message (), "text-block"));
  for (guint i = 0; paragraphs[i] != NULL; i++)
    gtk_box_append (self->content_box, bk_ui_wrap_label_new (paragraphs[i], "text-block"));
  if (travels != NULL)
    gtk_box_append (self->content_box, bk_ui_wrap_label_new (travels, "text-block"));

  set_next (self, _("Start"), _("Starts the questions"));
}

static void
change_clicked_cb (GtkButton  *button,
                   BkFormPage *self)
{
  const char *field_id = g_object_get_data (G_OBJECT (button), "bk-field-id");

  self->step = BK_FORM_STEP_QUESTIONS;
  self->screen = bk_form_screen_of_field (self->form, self->screens, field_id);
  self->return_to_confirm = TRUE;
  show_screen (self);

  for (guint i = 0; i < self->views->len; i++)
    {
      BkFieldView *view = g_ptr_array_index (self->views, i);

      if (g_str_equal (bk_field_view_get_field (view)->id, field_id))
        gtk_widget_grab_focus (bk_field_view_get_focus_target (view));
    }
}

static void
show_confirm (BkFormPage *self)
{
  gtk_label_set_text (self->screen_heading, _("Check your answers"));
  gtk_box_append (self->content_box,
                  bk_ui_wrap_label_new (_("Is everything right? Press Change next to an answer to correct it. Then press Send."),
                                        "text-block"));

  for (guint i = 0; i < self->form->n_fields; i++)
    {
      const BkFormField *field = &self->form->fields[i];
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *value = bk_form_field_display (field, g_hash_table_lookup (self->answers, field->id));
      GtkWidget *label = bk_ui_wrap_label_new (_(field->label), "heading");
      GtkWidget *value_label = bk_ui_wrap_label_new (value, "text-block");

      gtk_widget_set_hexpand (texts, TRUE);
      gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
      gtk_box_append (GTK_BOX (texts), label);
      gtk_box_append (GTK_BOX (texts), value_label);
      gtk_box_append (GTK_BOX (row), texts);

      if (bk_form_field_is_asked (field, self->answers))
        {
          GtkWidget *button = gtk_button_new ();
          GtkWidget *button_label = bk_ui_wrap_label_new (_("Change"), NULL);
          /* Translators: the accessible name of a Change button; %s is the question */
          g_autofree char *name = g_strdup_printf (_("Change: %s"), _(field->label));

          gtk_button_set_child (GTK_BUTTON (button), button_label);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          bk_ui_set_accessible (button, name, value);
          g_object_set_data (G_OBJECT (button), "bk-field-id", (gpointer) field->id);
          g_signal_connect_object (button, "clicked", G_CALLBACK (change_clicked_cb), self, 0);
          g_hash_table_insert (self->change_buttons, (gpointer) field->id, button);
          gtk_box_append (GTK_BOX (row), button);
        }
      gtk_box_append (self->content_box, row);
    }

  set_next (self, _("Send"), _("Sends your answers. Then you get a reference number."));
}

static void
show_questions (BkFormPage *self)
{
  GArray *fields = g_ptr_array_index (self->screens, self->screen);

  gtk_label_set_text (self->screen_heading, "");
  self->views = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < fields->len; i++)
    add_field (self, &self->form->fields[g_array_index (fields, guint, i)]);

  if (self->return_to_confirm)
    set_next (self, _("Back to the overview"), _("Checks these answers and shows all answers again"));
  else
    set_next (self, _("Next"), _("Checks these answers and goes on"));
}

/* Screens: the privacy notice, the questions, the confirmation. */
static void
show_screen (BkFormPage *self)
{
  guint n_steps, step_index;
  g_autofree char *step_text = NULL;

  clear_content (self);

  if (self->form == NULL)
    {
      gtk_label_set_text (self->title_label, _("Form"));
      gtk_label_set_text (self->step_label, "");
      gtk_label_set_text (self->screen_heading, _("No form is open"));
      gtk_box_append (self->content_box,
                      bk_ui_wrap_label_new (_("Choose a service or a motion first, then the form you need."), "text-block"));
      gtk_widget_set_visible (self->previous_button, FALSE);
      gtk_widget_set_visible (self->next_button, FALSE);
      return;
    }

  n_steps = self->screens->len + 2;
  step_index = self->step == BK_FORM_STEP_PRIVACY ? 1
               : self->step == BK_FORM_STEP_QUESTIONS ? self->screen + 2 : n_steps;
  /* Translators: where the citizen is in the form */
  step_text = g_strdup_printf (_("Step %u of %u"), step_index, n_steps);
  gtk_label_set_text (self->title_label, _(self->form->title));
  gtk_label_set_text (self->step_label, step_text);
  gtk_widget_set_visible (self->previous_button, self->step != BK_FORM_STEP_PRIVACY);
  gtk_widget_set_visible (self->next_button, TRUE);

  switch (self->step)
    {
    case BK_FORM_STEP_PRIVACY:
      show_privacy (self);
      break;
    case BK_FORM_STEP_QUESTIONS:
      show_questions (self);
      break;
    case BK_FORM_STEP_CONFIRM:
    case BK_FORM_STEP_NONE:
    default:
      show_confirm (self);
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->screen_heading),
                          gtk_label_get_text (self->screen_heading)[0] != '\0');
  expose_screen_texts (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* The title, the step and the heading are plain text, which a screen
 * reader does not reach by Tab: they name the screen's group of questions
 * (said when the focus enters it). On the first screen the focus is on
 * Start: the privacy notice is its description, so it is heard before the
 * citizen agrees by starting. */
static void
expose_screen_texts (BkFormPage *self)
{
  g_autofree char *summary = dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->content_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  summary, -1);
  if (self->form != NULL && self->step == BK_FORM_STEP_PRIVACY)
    {
      g_autoptr(GString) text = g_string_new (summary);

      g_string_append (text, ". ");
      bk_ui_append_label_texts (GTK_WIDGET (self->content_box), " ", text);
      g_string_append_printf (text, " %s.", _("Starts the questions"));
      bk_ui_set_accessible (self->next_button, NULL, text->str);
    }
}

static GtkWidget *
first_change_button (BkFormPage *self)
{
  for (guint i = 0; self->form != NULL && i < self->form->n_fields; i++)
    {
      GtkWidget *button = g_hash_table_lookup (self->change_buttons, self->form->fields[i].id);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* The screen's first field, else the first thing to do. */
static void
focus_screen (BkFormPage *self)
{
  if (self->step == BK_FORM_STEP_QUESTIONS && self->views != NULL && self->views->len > 0)
    gtk_widget_grab_focus (bk_field_view_get_focus_target (g_ptr_array_index (self->views, 0)));
  else if (self->step == BK_FORM_STEP_CONFIRM && first_change_button (self) != NULL)
    /* The answers from the top, where the screen begins; Send after them. */
    gtk_widget_grab_focus (first_change_button (self));
  else
    gtk_widget_grab_focus (self->next_button);
}

/* What the voice says when the page or a new screen is shown. */
static char *
dup_summary (BkFormPage *self)
{
  if (self->form == NULL)
    return g_strdup_printf ("%s. %s", gtk_label_get_text (self->title_label),
                            gtk_label_get_text (self->screen_heading));

  switch (self->step)
    {
    case BK_FORM_STEP_PRIVACY:
      /* Translators: spoken: form title, step, heading, then what is stored */
      return g_strdup_printf (_("%s. %s. %s"), _(self->form->title),
                              gtk_label_get_text (self->step_label),
                              gtk_label_get_text (self->screen_heading));
    case BK_FORM_STEP_CONFIRM:
      return g_strdup_printf (_("%s. %s. %s"), _(self->form->title),
                              gtk_label_get_text (self->step_label),
                              _("Check your answers. Each has a Change button. Then press Send."));
    case BK_FORM_STEP_QUESTIONS:
    case BK_FORM_STEP_NONE:
    default:
      return g_strdup_printf ("%s. %s.", _(self->form->title), gtk_label_get_text (self->step_label));
    }
}

static void
announce_screen (BkFormPage *self)
{
  g_autofree char *summary = NULL;

  /* Like the window on a page change: the screen (interrupting what the
   * focus move said), then the focused field again, queued. */
  summary = dup_summary (self);
  bk_voice_speak_page (self->voice, summary);
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL &&
      gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) != NULL)
    bk_voice_speak_focus (self->voice, gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))),
                          BK_SPEECH_QUEUE);
}

static void
go_to (BkFormPage *self,
       BkFormStep  step,
       guint       screen)
{
  self->step = step;
  self->screen = screen;
  show_screen (self);
  focus_screen (self);
  announce_screen (self);
}

/* ---- sending ------------------------------------------------------------- */

static void
show_form_error (BkFormPage *self,
                 const char *message)
{
  gtk_label_set_text (self->form_error_label, message);
  gtk_widget_set_visible (self->form_error_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->form_error_label));
  speak_error (self, self->form_error_box, message, TRUE);
}

static void
send (BkFormPage *self)
{
  g_autoptr(BkSubmission) submission = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkReceipt) receipt = NULL;

  submission = bk_form_build_submission (self->form, self->answers, self->service_id, self->motion_id,
                                         bk_voice_get_interface_language ());
  /* Sealed for its destination when the kiosk delivers it (bk-form-send.c). */
  if (self->context != NULL)
    receipt = bk_form_send (self->context, self->form, submission, self->office, &error);
  if (receipt == NULL)
    {
      g_autofree char *message = NULL;

      /* The details (a file path, SQLite's words) go to the journal for
       * staff; the citizen reads what to do. A kiosk that cannot take
       * requests said so before the form and says it again. */
      if (self->context != NULL && bk_context_get_read_only (self->context))
        g_message ("A %s submission was not stored: the database is read-only", self->form->id);
      else
        g_warning ("Could not store a %s submission: %s", self->form->id,
                   error ? error->message : "no database");
      if (self->context != NULL && bk_context_get_read_only (self->context))
        message = g_strdup (no_requests_message ());
      else if (g_error_matches (error, BK_ERROR, BK_ERROR_DATABASE_BUSY))
        message = g_strdup (_("Sending did not work: the kiosk is busy for a moment. Your answers are still here. Please press Send again in a minute, or ask the staff for help."));
      else
        message = g_strdup (_("Sending did not work. Your answers are still here. Please press Send again, or ask the staff for help."));
      show_form_error (self, message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SUBMITTED], 0, receipt);
}

static void
next_clicked_cb (BkFormPage *self)
{
  BkFieldView *first_bad = NULL;
  g_autoptr(GString) spoken = NULL;
  guint n_bad = 0;

  if (self->form == NULL)
    return;

  switch (self->step)
    {
    case BK_FORM_STEP_PRIVACY:
      go_to (self, BK_FORM_STEP_QUESTIONS, 0);
      return;

    case BK_FORM_STEP_CONFIRM:
      {
        const char *bad_field = NULL;
        g_autofree char *message = bk_form_check_answers (self->form, self->answers, &bad_field);

        if (message != NULL)
          {
            show_form_error (self, message);
            return;
          }
        send (self);
      }
      return;

    case BK_FORM_STEP_QUESTIONS:
    case BK_FORM_STEP_NONE:
    default:
      break;
    }

  spoken = g_string_new (NULL);
  for (guint i = 0; i < self->views->len; i++)
    {
      BkFieldView *view = g_ptr_array_index (self->views, i);
      g_autofree char *error = check_view (self, view, TRUE);

      if (error == NULL)
        continue;
      if (first_bad == NULL)
        first_bad = view;
      n_bad++;
      g_string_append_printf (spoken, " %s", error);
    }

  if (first_bad == NULL)
    {
      const char *bad_field = NULL;
      g_autofree char *message = NULL;

      /* A rule between fields, once both are on this screen or answered. */
      message = bk_form_check_answers (self->form, self->answers, &bad_field);
      for (guint i = 0; message != NULL && i < self->views->len; i++)
        {
          BkFieldView *view = g_ptr_array_index (self->views, i);

          if (g_str_equal (bk_field_view_get_field (view)->id, bad_field))
            {
              bk_field_view_set_error (view, message);
              first_bad = view;
              n_bad = 1;
              g_string_append_printf (spoken, " %s", message);
            }
        }
    }

  if (first_bad != NULL)
    {
      g_autofree char *text = NULL;

      /* The focus first (the window says the field), then the problems. */
      gtk_widget_grab_focus (bk_field_view_get_focus_target (first_bad));
      scroll_to (self, GTK_WIDGET (first_bad));
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer needs a change.%s",
                                           "%u answers need a change.%s", n_bad),
                              n_bad, spoken->str);
      speak_error (self, bk_field_view_get_error_widget (first_bad), text, TRUE);
      return;
    }

  if (self->return_to_confirm || self->screen + 1 >= self->screens->len)
    {
      self->return_to_confirm = FALSE;
      go_to (self, BK_FORM_STEP_CONFIRM, 0);
    }
  else
    go_to (self, BK_FORM_STEP_QUESTIONS, self->screen + 1);
}

static void
previous_clicked_cb (BkFormPage *self)
{
  if (self->form == NULL)
    return;

  /* Keep what was typed, checked or not. */
  keep_typed (self);

  self->return_to_confirm = FALSE;
  if (self->step == BK_FORM_STEP_CONFIRM)
    go_to (self, BK_FORM_STEP_QUESTIONS, self->screens->len - 1);
  else if (self->step == BK_FORM_STEP_QUESTIONS && self->screen > 0)
    go_to (self, BK_FORM_STEP_QUESTIONS, self->screen - 1);
  else
    go_to (self, BK_FORM_STEP_PRIVACY, 0);
}

static void
easy_read_changed_cb (BkFormPage *self)
{
  const char *field_id = NULL;

  if (self->form == NULL)
    return;

  if (self->step == BK_FORM_STEP_QUESTIONS && self->views != NULL && self->views->len > 0)
    {
      field_id = bk_field_view_get_field (g_ptr_array_index (self->views, 0))->id;
      keep_typed (self);
    }

  build_screens (self);
  if (field_id != NULL)
    self->screen = bk_form_screen_of_field (self->form, self->screens, field_id);
  show_screen (self);
}

/* ---- GObject ------------------------------------------------------------- */

static gboolean
bk_form_page_grab_focus (GtkWidget *widget)
{
  BkFormPage *self = BK_FORM_PAGE (widget);

  if (self->form == NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (self->screen_heading)) ||
           gtk_widget_child_focus (GTK_WIDGET (self->scroller), GTK_DIR_TAB_FORWARD);

  focus_screen (self);
  return TRUE;
}

static void
bk_form_page_dispose (GObject *object)
{
  BkFormPage *self = BK_FORM_PAGE (object);

  g_clear_pointer (&self->views, g_ptr_array_unref);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->voice);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_FORM_PAGE);
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_form_page_parent_class)->dispose (object);
}

static void
bk_form_page_finalize (GObject *object)
{
  BkFormPage *self = BK_FORM_PAGE (object);

  g_clear_pointer (&self->typed, g_hash_table_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->change_buttons, g_hash_table_unref);
  g_clear_pointer (&self->screens, g_ptr_array_unref);
  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->office, g_free);
  g_clear_pointer (&self->municipality, g_free);
  g_clear_pointer (&self->motion_title, g_free);

  G_OBJECT_CLASS (bk_form_page_parent_class)->finalize (object);
}

/* ---- BkPage -------------------------------------------------------------- */

static char *
bk_form_page_dup_summary (BkPage *page)
{
  return dup_summary (BK_FORM_PAGE (page));
}

static const char *
bk_form_page_get_help_text (BkPage *page)
{
  /* Translators: help for the screens of a form */
  return _("This is a form. First it says what is stored and for how long. "
           "Then it asks its questions; under each question it says what to write. "
           "Next checks your answers: if something is wrong, the problem is written under the question. "
           "Previous question goes back without losing anything. "
           "At the end you see all answers, with a Change button next to each, and Send. "
           "Back or Start page leave the form, and the kiosk forgets what you wrote.");
}

/* The form itself is started by bk_form_page_start: its id is the target,
 * for the window's history and the usage counts. */
static GVariant *
bk_form_page_dup_target (BkPage *page)
{
  BkFormPage *self = BK_FORM_PAGE (page);

  return self->form ? g_variant_ref_sink (g_variant_new_string (self->form->id)) : NULL;
}

/* Leaving the form forgets every answer. */
static void
bk_form_page_leave (BkPage *page)
{
  BkFormPage *self = BK_FORM_PAGE (page);

  if (self->form != NULL)
    bk_form_page_clear (self);
}

static void
page_iface_init (BkPageInterface *iface)
{
  iface->dup_summary = bk_form_page_dup_summary;
  iface->get_help_text = bk_form_page_get_help_text;
  iface->dup_target = bk_form_page_dup_target;
  iface->leave = bk_form_page_leave;
}

/* The context arrives once, from the window. */
static void
set_context (BkFormPage *self,
             BkContext *context)
{
  if (!g_set_object (&self->context, context) || context == NULL)
    return;
  g_set_object (&self->store, bk_context_get_store (context));
  g_set_object (&self->voice, bk_context_get_voice (context));
  g_set_object (&self->settings, bk_context_get_settings (context));
  g_signal_connect_object (self->settings, "notify::easy-read",
                           G_CALLBACK (easy_read_changed_cb), self, G_CONNECT_SWAPPED);
}

BK_PAGE_DEFINE_CONTEXT_PROPERTY (BkFormPage, bk_form_page, BK_FORM_PAGE)

/* The keypad's Next key (bk-navigator.c): Next, Start or Send, as the
 * button at the bottom, from wherever the cursor is. */
static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkFormPage *self = BK_FORM_PAGE (widget);

  if (gtk_widget_get_visible (self->next_button) && gtk_widget_is_sensitive (self->next_button))
    next_clicked_cb (self);
}

static void
bk_form_page_class_init (BkFormPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_form_page_dispose;
  object_class->get_property = bk_form_page_get_property;
  object_class->set_property = bk_form_page_set_property;
  g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT, "context");
  object_class->finalize = bk_form_page_finalize;
  widget_class->grab_focus = bk_form_page_grab_focus;

  signals[SIGNAL_SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/buergerkiosk/Kiosk/ui/bk-form-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, step_label);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, screen_heading);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, form_error_box);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, form_error_label);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, BkFormPage, next_label);
  gtk_widget_class_install_action (widget_class, "page.next", NULL, next_action);
}

static void
bk_form_page_init (BkFormPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->typed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->change_buttons = g_hash_table_new (g_str_hash, g_str_equal);

  bk_help_set_item_text (self->next_button,
                         _("Checks the answers on this screen and goes on. A problem is written under its question."));
  bk_help_set_item_text (self->previous_button, _("Goes back one screen. Nothing you wrote is lost."));
  g_signal_connect_object (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->previous_button, "clicked", G_CALLBACK (previous_clicked_cb), self, G_CONNECT_SWAPPED);
  show_screen (self);
}

GtkWidget *
bk_form_page_new (void)
{
  return g_object_new (BK_TYPE_FORM_PAGE, NULL);
}

gboolean
bk_form_page_start (BkFormPage          *self,
                    const char          *form_id,
                    const BkFormContext *context)
{
  const BkForm *form;

  g_return_val_if_fail (BK_IS_FORM_PAGE (self), FALSE);

  form = bk_form_lookup (form_id);
  bk_form_page_clear (self);
  if (form == NULL)
    {
      g_warning ("There is no form called “%s”", form_id ? form_id : "(null)");
      return FALSE;
    }

  self->form = form;
  if (context != NULL)
    {
      self->service_id = g_strdup (context->service_id);
      self->office = g_strdup (context->office);
      self->municipality = g_strdup (context->municipality);
      self->motion_id = context->motion_id;
      self->motion_title = g_strdup (context->motion_title);
      if (context->service_name != NULL && bk_form_find_field (form, "service") != NULL)
        g_hash_table_insert (self->answers, g_strdup ("service"), g_strdup (context->service_name));
      /* A council's own service: its council, not asked again. */
      if (context->municipality != NULL && bk_form_find_field (form, "council") != NULL)
        g_hash_table_insert (self->answers, g_strdup ("council"),
                             g_strdup (bk_municipality_is_county (context->municipality) ? "county" : "municipality"));
    }

  /* Else the streets of the kiosk's own town. */
  if (self->municipality == NULL && self->settings != NULL)
    self->municipality = g_strdup (bk_settings_get_string (self->settings, "municipality"));

  build_screens (self);
  self->step = BK_FORM_STEP_PRIVACY;
  self->screen = 0;
  show_screen (self);

  return TRUE;
}

void
bk_form_page_clear (BkFormPage *self)
{
  g_return_if_fail (BK_IS_FORM_PAGE (self));

  clear_content (self);
  g_hash_table_remove_all (self->typed);
  g_hash_table_remove_all (self->answers);
  g_clear_pointer (&self->screens, g_ptr_array_unref);
  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->office, g_free);
  g_clear_pointer (&self->municipality, g_free);
  g_clear_pointer (&self->motion_title, g_free);
  self->motion_id = 0;
  self->form = NULL;
  self->step = BK_FORM_STEP_NONE;
  self->screen = 0;
  self->return_to_confirm = FALSE;
  show_screen (self);
}

const BkForm *
bk_form_page_get_form (BkFormPage *self)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  return self->form;
}

BkFormStep
bk_form_page_get_step (BkFormPage *self)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), BK_FORM_STEP_NONE);

  return self->step;
}

guint
bk_form_page_count_answers (BkFormPage *self)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), 0);

  return g_hash_table_size (self->typed) + g_hash_table_size (self->answers) +
         (self->views ? self->views->len : 0);
}

GtkWidget *
bk_form_page_get_next_button (BkFormPage *self)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  return gtk_widget_get_visible (self->next_button) ? self->next_button : NULL;
}

GtkWidget *
bk_form_page_get_form_error_label (BkFormPage *self)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  return gtk_widget_get_visible (self->form_error_box) ? GTK_WIDGET (self->form_error_label) : NULL;
}

static BkFieldView *
find_view (BkFormPage *self,
           const char *field_id)
{
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      BkFieldView *view = g_ptr_array_index (self->views, i);

      if (g_str_equal (bk_field_view_get_field (view)->id, field_id))
        return view;
    }

  return NULL;
}

GtkWidget *
bk_form_page_get_input (BkFormPage *self,
                        const char *field_id)
{
  BkFieldView *view;

  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  view = find_view (self, field_id);
  return view ? bk_field_view_get_input (view) : NULL;
}

GtkWidget *
bk_form_page_get_choice (BkFormPage *self,
                         const char *field_id,
                         const char *choice_id)
{
  BkFieldView *view;

  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  view = find_view (self, field_id);
  return view ? bk_field_view_get_choice (view, choice_id) : NULL;
}

GtkWidget *
bk_form_page_get_error_label (BkFormPage *self,
                              const char *field_id)
{
  BkFieldView *view;

  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  view = find_view (self, field_id);
  return view ? bk_field_view_get_error_label (view) : NULL;
}

GtkWidget *
bk_form_page_get_change_button (BkFormPage *self,
                                const char *field_id)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  return g_hash_table_lookup (self->change_buttons, field_id);
}
