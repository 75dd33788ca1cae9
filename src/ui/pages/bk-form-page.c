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
#include <json-glib/json-glib.h>

#include "bk-form-page.h"
#include "bk-help.h"
#include "bk-ui.h"

typedef struct
{
  const BkFormField *field;
  GtkWidget         *label;
  GtkWidget         *hint;
  GtkWidget         *input;     /* GtkEntry, GtkTextView or the choice group */
  GtkWidget         *error_box;
  GtkWidget         *error_label;
} FieldView;

struct _BkFormPage
{
  GtkWidget          parent_instance;

  BkStore           *store;
  BkVoice           *voice;
  BkSettings        *settings;

  const BkForm      *form;
  char              *service_id;
  char              *office;
  gint64             motion_id;
  char              *motion_title;
  GHashTable        *typed;       /* field id → text as typed */
  GHashTable        *answers;     /* field id → checked value (from the context too) */
  GPtrArray         *screens;     /* GArray of field indices, one per screen */
  BkFormStep         step;
  guint              screen;
  gboolean           return_to_confirm;
  GPtrArray         *views;       /* FieldView, of the screen shown */
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

G_DEFINE_FINAL_TYPE (BkFormPage, bk_form_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_screen (BkFormPage *self);

static gboolean
easy_read_on (BkFormPage *self)
{
  return self->settings != NULL && bk_settings_get_boolean (self->settings, "easy-read");
}

/* ---- screens ------------------------------------------------------------- */

static gboolean
field_is_asked (BkFormPage        *self,
                const BkFormField *field)
{
  /* What the citizen already chose (the service) is not asked again. */
  return !(field->flags & BK_FIELD_FROM_CONTEXT) ||
         g_hash_table_lookup (self->answers, field->id) == NULL;
}

static void
build_screens (BkFormPage *self)
{
  gboolean easy = easy_read_on (self);
  GArray *current = NULL;
  guint current_group = G_MAXUINT;

  g_clear_pointer (&self->screens, g_ptr_array_unref);
  self->screens = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < self->form->n_fields; i++)
    {
      const BkFormField *field = &self->form->fields[i];

      if (!field_is_asked (self, field))
        continue;
      if (current == NULL || easy || field->screen != current_group)
        {
          current = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (self->screens, current);
          current_group = field->screen;
        }
      g_array_append_val (current, i);
    }
}

static guint
screen_of_field (BkFormPage *self,
                 const char *field_id)
{
  for (guint s = 0; s < self->screens->len; s++)
    {
      GArray *fields = g_ptr_array_index (self->screens, s);

      for (guint i = 0; i < fields->len; i++)
        if (g_str_equal (self->form->fields[g_array_index (fields, guint, i)].id, field_id))
          return s;
    }

  return 0;
}

/* ---- reading and checking fields ----------------------------------------- */

static char *
dup_input_text (FieldView *view)
{
  if (GTK_IS_EDITABLE (view->input))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (view->input)));

  if (GTK_IS_TEXT_VIEW (view->input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view->input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (view->input);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      return g_strdup (g_object_get_data (G_OBJECT (child), "bk-choice-id"));

  return g_strdup ("");
}

/* The widget that takes the focus for the field. */
static GtkWidget *
focus_target (FieldView *view)
{
  if (view->field->kind == BK_FIELD_CHOICE)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (view->input);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
          return child;
      return gtk_widget_get_first_child (view->input);
    }

  return view->input;
}

/* The hint always, the error while there is one: as relation for screen
 * readers and as description for the kiosk's own voice. */
static void
update_description (FieldView  *view,
                    const char *error)
{
  const char *hint = gtk_label_get_text (GTK_LABEL (view->hint));
  g_autofree char *description = error ? g_strdup_printf ("%s %s", error, hint) : g_strdup (hint);
  GtkAccessible *input = GTK_ACCESSIBLE (view->input);

  if (error != NULL)
    gtk_accessible_update_relation (input, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    view->error_label, view->hint, NULL, -1);
  else
    gtk_accessible_update_relation (input, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    view->hint, NULL, -1);
  gtk_accessible_update_state (input, GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  gtk_accessible_update_property (input, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  if (view->field->kind == BK_FIELD_CHOICE)
    for (GtkWidget *child = gtk_widget_get_first_child (view->input);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
}

static void
set_field_error (FieldView  *view,
                 const char *error)
{
  gtk_label_set_text (GTK_LABEL (view->error_label), error ? error : "");
  gtk_widget_set_visible (view->error_box, error != NULL);
  update_description (view, error);
}

/* Checks a field; shows (or clears) its error. when_empty: an empty required
 * field is an error too (on Next, not while moving through the fields).
 * Returns the error, or NULL. */
static char *
check_view (BkFormPage *self,
            FieldView  *view,
            gboolean    when_empty)
{
  g_autofree char *text = dup_input_text (view);
  g_autofree char *normalized = NULL;
  char *error;

  g_hash_table_replace (self->typed, g_strdup (view->field->id), g_strdup (text));

  if (!when_empty)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (stripped[0] == '\0')
        {
          set_field_error (view, NULL);
          g_hash_table_remove (self->answers, view->field->id);
          return NULL;
        }
    }

  error = bk_form_field_check (view->field, text, NULL, &normalized);
  set_field_error (view, error);
  if (error == NULL)
    {
      if (normalized != NULL)
        g_hash_table_replace (self->answers, g_strdup (view->field->id), g_steal_pointer (&normalized));
      else
        g_hash_table_remove (self->answers, view->field->id);
    }

  return error;
}

/* urgent: the citizen pressed Next or Send and waits for the answer, so
 * it interrupts (what the focus move said is in the message too); a field
 * left with a problem waits its turn. With a screen reader the focus and
 * the field's description (with the error) carry it. */
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

static void
speak_error (BkFormPage *self,
             GtkWidget  *where,
             const char *message,
             gboolean    urgent)
{
  if (self->voice == NULL)
    return;

  bk_voice_cue (self->voice, BK_EARCON_ERROR, where);
  if (urgent)
    bk_voice_speak_page (self->voice, message);
  else
    bk_voice_announce (self->voice, message);
}

static void
input_focus_leave_cb (GtkEventControllerFocus *controller,
                      BkFormPage              *self)
{
  GtkWidget *input = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  FieldView *view = g_object_get_data (G_OBJECT (input), "bk-field-view");
  gboolean had_error;
  g_autofree char *error = NULL;

  if (view == NULL || self->views == NULL)
    return;

  had_error = gtk_widget_get_visible (view->error_box);
  error = check_view (self, view, FALSE);
  if (error != NULL && !had_error)
    speak_error (self, view->error_box, error, FALSE);
}

/* A fixed error disappears as soon as the answer is right; no new errors
 * appear while typing. */
static void
input_changed_cb (GtkWidget  *input,
                  BkFormPage *self)
{
  FieldView *view = g_object_get_data (G_OBJECT (input), "bk-field-view");
  g_autofree char *error = NULL;

  if (view == NULL || !gtk_widget_get_visible (view->error_box))
    return;

  error = check_view (self, view, FALSE);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   GtkWidget     *input)
{
  input_changed_cb (input, g_object_get_data (G_OBJECT (input), "bk-form-page"));
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   BkFormPage      *self)
{
  GtkWidget *group = gtk_widget_get_parent (GTK_WIDGET (button));

  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                               gtk_toggle_button_get_active (button), -1);
  if (gtk_toggle_button_get_active (button))
    input_changed_cb (group, self);
}

/* ---- building a screen --------------------------------------------------- */

static void
clear_content (BkFormPage *self)
{

  /* The focus leaves the fields as they go: their handlers must not find
   * views that are freed. */
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      FieldView *view = g_ptr_array_index (self->views, i);

      g_object_set_data (G_OBJECT (view->input), "bk-field-view", NULL);
    }
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_hash_table_remove_all (self->change_buttons);
  bk_ui_unparent_children (GTK_WIDGET (self->content_box));
  gtk_widget_set_visible (self->form_error_box, FALSE);
}

static GtkWidget *
new_choice_group (BkFormPage        *self,
                  const BkFormField *field,
                  const char        *value)
{
  GtkWidget *group = g_object_new (GTK_TYPE_BOX,
                                   "orientation", GTK_ORIENTATION_VERTICAL,
                                   "spacing", 12,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                   NULL);
  GtkToggleButton *first = NULL;

  for (const BkFieldChoice *c = field->choices; c != NULL && c->id != NULL; c++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       "icon-name", "object-select-symbolic",
                                       "pixel-size", 24,
                                       NULL);
      GtkWidget *text = bk_ui_wrap_label_new (_(c->label), NULL);

      gtk_widget_add_css_class (check, "bk-check");
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), text);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "bk-choice");
      bk_ui_set_accessible (button, _(c->label), NULL);
      g_object_set_data (G_OBJECT (button), "bk-choice-id", (gpointer) c->id);

      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_strcmp0 (value, c->id) == 0);
      g_signal_connect_object (button, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (group), button);
    }

  bk_ui_expose_toggle_states (group);
  return group;
}

static GtkWidget *
new_input (BkFormPage        *self,
           const BkFormField *field,
           const char        *value)
{
  GtkWidget *input;

  switch (field->kind)
    {
    case BK_FIELD_CHOICE:
      return new_choice_group (self, field, value);

    case BK_FIELD_MULTILINE:
      {
        GtkTextBuffer *buffer;

        input = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (input), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (input), FALSE);
        gtk_text_view_set_input_hints (GTK_TEXT_VIEW (input), GTK_INPUT_HINT_NO_SPELLCHECK);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (input), 12);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (input), 12);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (input), 12);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (input), 12);
        gtk_widget_set_size_request (input, -1, 160);
        gtk_widget_add_css_class (input, "bk-form-text");
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
        gtk_text_buffer_set_enable_undo (buffer, FALSE);
        gtk_text_buffer_set_text (buffer, value ? value : "", -1);
        g_object_set_data (G_OBJECT (input), "bk-form-page", self);
        g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), input, 0);
        return input;
      }

    default:
      input = gtk_entry_new ();
      /* Nothing suggested or remembered: the next citizen must not see it. */
      gtk_entry_set_input_hints (GTK_ENTRY (input), GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI);
      gtk_entry_set_input_purpose (GTK_ENTRY (input),
                                   field->kind == BK_FIELD_EMAIL ? GTK_INPUT_PURPOSE_EMAIL
                                   : field->kind == BK_FIELD_PHONE ? GTK_INPUT_PURPOSE_PHONE
                                   : GTK_INPUT_PURPOSE_FREE_FORM);
      gtk_editable_set_enable_undo (GTK_EDITABLE (input), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (input), value ? value : "");
      gtk_widget_set_hexpand (input, TRUE);
      g_signal_connect_object (input, "changed", G_CALLBACK (input_changed_cb), self, 0);
      g_signal_connect_object (input, "activate", G_CALLBACK (gtk_widget_activate), self->next_button,
                               G_CONNECT_SWAPPED);
      return input;
    }
}

static void
add_field (BkFormPage        *self,
           const BkFormField *field)
{
  FieldView *view = g_new0 (FieldView, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *icon;
  GtkWidget *widget;
  GtkEventController *focus;
  const char *value = g_hash_table_lookup (self->typed, field->id);
  g_autofree char *shown = NULL;
  gboolean easy = easy_read_on (self);

  /* A checked date reads as it was typed, not as stored. */
  if (value == NULL && g_hash_table_lookup (self->answers, field->id) != NULL && field->kind == BK_FIELD_DATE)
    value = shown = bk_form_field_display (field, g_hash_table_lookup (self->answers, field->id));

  view->field = field;
  /* One question a screen: the question is the screen's heading. */
  view->label = g_object_new (GTK_TYPE_LABEL,
                              "label", _(field->label),
                              "wrap", TRUE,
                              "wrap-mode", PANGO_WRAP_WORD_CHAR,
                              "xalign", 0.0f,
                              "accessible-role", easy ? GTK_ACCESSIBLE_ROLE_HEADING : GTK_ACCESSIBLE_ROLE_LABEL,
                              NULL);
  if (easy)
    gtk_accessible_update_property (GTK_ACCESSIBLE (view->label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_add_css_class (view->label, easy ? "title-2" : "title-3");
  view->hint = bk_ui_wrap_label_new (_(field->hint), NULL);
  view->input = new_input (self, field, value);
  g_object_set_data (G_OBJECT (view->input), "bk-field-view", view);

  /* The label names the field (labelled-by); a mnemonic widget sets the
   * relation, and the kiosk's voice reads it. */
  if (field->kind == BK_FIELD_CHOICE)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (view->input), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    view->label, NULL, -1);
  else
    gtk_label_set_mnemonic_widget (GTK_LABEL (view->label), view->input);
  if (field->flags & BK_FIELD_REQUIRED)
    gtk_accessible_update_property (GTK_ACCESSIBLE (view->input), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);

  view->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "icon-name", "dialog-warning-symbolic",
                       "pixel-size", 32,
                       "valign", GTK_ALIGN_START,
                       NULL);
  view->error_label = bk_ui_wrap_label_new ("", "bk-form-error");
  gtk_widget_set_hexpand (view->error_label, TRUE);
  gtk_box_append (GTK_BOX (view->error_box), icon);
  gtk_box_append (GTK_BOX (view->error_box), view->error_label);
  gtk_widget_set_visible (view->error_box, FALSE);

  gtk_box_append (GTK_BOX (box), view->label);
  gtk_box_append (GTK_BOX (box), view->hint);
  if (field->kind == BK_FIELD_MULTILINE)
    {
      widget = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (widget), view->input);
      gtk_box_append (GTK_BOX (box), widget);
    }
  else
    gtk_box_append (GTK_BOX (box), view->input);
  gtk_box_append (GTK_BOX (box), view->error_box);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (input_focus_leave_cb), self, 0);
  gtk_widget_add_controller (view->input, focus);

  set_field_error (view, NULL);
  g_ptr_array_add (self->views, view);
  gtk_box_append (self->content_box, box);
}

static void
set_next (BkFormPage *self,
          const char *label,
          const char *description)
{
  gtk_label_set_text (self->next_label, label);
  bk_ui_set_accessible (self->next_button, label, description);
}

static void
show_privacy (BkFormPage *self)
{
  g_autofree char *stored = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *who = NULL;
  guint days = self->store ? bk_store_get_retention_days (self->store) : BK_STORE_DEFAULT_RETENTION_DAYS;

  gtk_label_set_text (self->screen_heading, _("Before you start: your data"));
  if (self->form->kind == BK_SUBMISSION_MOTION_FEEDBACK)
    stored = g_strdup (_("What is stored: your opinion and comment, the time and the language you used. No name and nothing else about you is asked: the feedback is anonymous."));
  else
    stored = g_strdup (_("What is stored: only the answers you give on the next screens, the time and the language you used."));
  /* Translators: %s is who reads it, for example “The staff of the citizens’ office” */
  who = g_strdup_printf (_("Who reads it: %s. Nobody else."), _(self->form->recipient));
  kept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "How long: it is deleted after %u day.",
                                       "How long: it is deleted after %u days.", days),
                          days);

  gtk_box_append (self->content_box, bk_ui_wrap_label_new (_(self->form->intro), "text-block"));
  gtk_box_append (self->content_box, bk_ui_wrap_label_new (stored, "text-block"));
  gtk_box_append (self->content_box, bk_ui_wrap_label_new (who, "text-block"));
  gtk_box_append (self->content_box, bk_ui_wrap_label_new (kept, "text-block"));
  gtk_box_append (self->content_box,
                  bk_ui_wrap_label_new (_("This kiosk forgets your entries as soon as you finish or leave the form."), "text-block"));

  set_next (self, _("Start"), _("Starts the questions"));
}

static void
change_clicked_cb (GtkButton  *button,
                   BkFormPage *self)
{
  const char *field_id = g_object_get_data (G_OBJECT (button), "bk-field-id");

  self->step = BK_FORM_STEP_QUESTIONS;
  self->screen = screen_of_field (self, field_id);
  self->return_to_confirm = TRUE;
  show_screen (self);

  for (guint i = 0; i < self->views->len; i++)
    {
      FieldView *view = g_ptr_array_index (self->views, i);

      if (g_str_equal (view->field->id, field_id))
        gtk_widget_grab_focus (focus_target (view));
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

      if (field_is_asked (self, field))
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
  self->views = g_ptr_array_new_with_free_func (g_free);
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
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* The screen's first field, else the first thing to do. */
static void
focus_screen (BkFormPage *self)
{
  if (self->step == BK_FORM_STEP_QUESTIONS && self->views != NULL && self->views->len > 0)
    gtk_widget_grab_focus (focus_target (g_ptr_array_index (self->views, 0)));
  else if (self->step == BK_FORM_STEP_CONFIRM)
    gtk_widget_grab_focus (self->next_button);
  else
    gtk_widget_grab_focus (self->next_button);
}

static void
announce_screen (BkFormPage *self)
{
  g_autofree char *summary = NULL;

  if (self->voice == NULL)
    return;

  /* Like the window on a page change: the screen (interrupting what the
   * focus move said), then the focused field again, queued. */
  summary = bk_form_page_dup_summary (self);
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
  g_autoptr(BkSubmission) submission = bk_submission_new (self->form->kind);
  g_autoptr(JsonObject) answers = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BkReceipt) receipt = NULL;
  g_autofree char *reference = NULL;

  for (guint i = 0; i < self->form->n_fields; i++)
    {
      const BkFormField *field = &self->form->fields[i];
      const char *value = g_hash_table_lookup (self->answers, field->id);

      /* Feedback without an opinion counts as a comment only. */
      if (field->kind == BK_FIELD_CHOICE && g_strcmp0 (value, "none") == 0)
        json_object_set_null_member (answers, field->id);
      else if (value != NULL)
        json_object_set_string_member (answers, field->id, value);
    }

  bk_submission_set_answers (submission, answers);
  submission->service_id = g_strdup (self->service_id);
  submission->motion_id = self->motion_id;
  g_free (submission->language);
  submission->language = g_strdup (bk_voice_get_interface_language ());

  if (self->store != NULL)
    reference = bk_store_add_submission (self->store, submission, &error);
  if (reference == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Could not store a %s submission: %s", self->form->id,
                 error ? error->message : "no database");
      message = g_strdup_printf (_("Sending did not work: %s. Your answers are still here. Please press Send again, or ask the staff for help."),
                                 error ? error->message : _("the kiosk has no database"));
      show_form_error (self, message);
      return;
    }

  receipt = bk_receipt_new ();
  receipt->title = g_strdup (_(self->form->title));
  receipt->reference = g_steal_pointer (&reference);
  receipt->created_at = g_strdup (submission->created_at);
  receipt->office = g_strdup (self->office ? self->office : _(self->form->recipient));
  receipt->next_steps = g_strdup (_(self->form->next_steps));
  receipt->language = g_strdup (submission->language);

  g_signal_emit (self, signals[SIGNAL_SUBMITTED], 0, receipt);
}

static void
next_clicked_cb (BkFormPage *self)
{
  FieldView *first_bad = NULL;
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
      FieldView *view = g_ptr_array_index (self->views, i);
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
          FieldView *view = g_ptr_array_index (self->views, i);

          if (g_str_equal (view->field->id, bad_field))
            {
              set_field_error (view, message);
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
      gtk_widget_grab_focus (focus_target (first_bad));
      scroll_to (self, gtk_widget_get_parent (first_bad->label));
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer needs a change.%s",
                                           "%u answers need a change.%s", n_bad),
                              n_bad, spoken->str);
      speak_error (self, first_bad->error_box, text, TRUE);
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
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      FieldView *view = g_ptr_array_index (self->views, i);

      g_hash_table_replace (self->typed, g_strdup (view->field->id), dup_input_text (view));
    }

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
      FieldView *view = g_ptr_array_index (self->views, 0);

      field_id = view->field->id;
      for (guint i = 0; i < self->views->len; i++)
        {
          view = g_ptr_array_index (self->views, i);
          g_hash_table_replace (self->typed, g_strdup (view->field->id), dup_input_text (view));
        }
    }

  build_screens (self);
  if (field_id != NULL)
    self->screen = screen_of_field (self, field_id);
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
  g_clear_pointer (&self->motion_title, g_free);

  G_OBJECT_CLASS (bk_form_page_parent_class)->finalize (object);
}

static void
bk_form_page_class_init (BkFormPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_form_page_dispose;
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

void
bk_form_page_set_store (BkFormPage *self,
                        BkStore    *store)
{
  g_return_if_fail (BK_IS_FORM_PAGE (self));
  g_return_if_fail (!store || BK_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
bk_form_page_set_voice (BkFormPage *self,
                        BkVoice    *voice)
{
  g_return_if_fail (BK_IS_FORM_PAGE (self));
  g_return_if_fail (!voice || BK_IS_VOICE (voice));

  g_set_object (&self->voice, voice);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (voice != NULL && bk_voice_get_settings (voice) != NULL)
    {
      self->settings = g_object_ref (bk_voice_get_settings (voice));
      g_signal_connect_object (self->settings, "notify::easy-read",
                               G_CALLBACK (easy_read_changed_cb), self, G_CONNECT_SWAPPED);
    }
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
      self->motion_id = context->motion_id;
      self->motion_title = g_strdup (context->motion_title);
      if (context->service_name != NULL && bk_form_find_field (form, "service") != NULL)
        g_hash_table_insert (self->answers, g_strdup ("service"), g_strdup (context->service_name));
    }

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

/* What the voice says when the page or a new screen is shown. */
char *
bk_form_page_dup_summary (BkFormPage *self)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

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

GtkWidget *
bk_form_page_get_next_button (BkFormPage *self)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  return gtk_widget_get_visible (self->next_button) ? self->next_button : NULL;
}

GtkWidget *
bk_form_page_get_previous_button (BkFormPage *self)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  return gtk_widget_get_visible (self->previous_button) ? self->previous_button : NULL;
}

static FieldView *
find_view (BkFormPage *self,
           const char *field_id)
{
  for (guint i = 0; self->views != NULL && i < self->views->len; i++)
    {
      FieldView *view = g_ptr_array_index (self->views, i);

      if (g_str_equal (view->field->id, field_id))
        return view;
    }

  return NULL;
}

GtkWidget *
bk_form_page_get_input (BkFormPage *self,
                        const char *field_id)
{
  FieldView *view;

  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  view = find_view (self, field_id);
  return view ? view->input : NULL;
}

GtkWidget *
bk_form_page_get_choice (BkFormPage *self,
                         const char *field_id,
                         const char *choice_id)
{
  FieldView *view;

  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  view = find_view (self, field_id);
  if (view == NULL || view->field->kind != BK_FIELD_CHOICE)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (view->input);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "bk-choice-id"), choice_id) == 0)
      return child;

  return NULL;
}

GtkWidget *
bk_form_page_get_error_label (BkFormPage *self,
                              const char *field_id)
{
  FieldView *view;

  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  view = find_view (self, field_id);
  return view ? view->error_label : NULL;
}

GtkWidget *
bk_form_page_get_change_button (BkFormPage *self,
                                const char *field_id)
{
  g_return_val_if_fail (BK_IS_FORM_PAGE (self), NULL);

  return g_hash_table_lookup (self->change_buttons, field_id);
}
