/* bk-field-view.c: one question of a form: label, hint, input and error
 *
 * The question names the input (labelled-by), the hint describes it, and
 * an error shows as text with a symbol under it (never by colour alone),
 * joins the description and marks the input invalid, so the kiosk's voice
 * and a screen reader say it with the field. Nothing typed is suggested or
 * remembered: no undo history, no spelling suggestions, no emoji chooser.
 * The form page decides what is right; this widget only shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-field-view"

#include "bk-config.h"

#include <glib/gi18n.h>

#include "bk-date-picker.h"
#include "bk-field-view.h"
#include "bk-keyboard-button.h"
#include "bk-pick-list.h"
#include "bk-streets.h"
#include "bk-ui.h"
#include "bk-wrap-layout.h"

#define CHOICE_ID_KEY "bk-choice-id"

struct _BkFieldView
{
  GtkWidget          parent_instance;

  const BkFormField *field;
  GtkWidget         *label;
  GtkWidget         *hint;
  GtkWidget         *input;     /* GtkEntry, GtkTextView or the choice group */
  GtkWidget         *keyboard_button;   /* beside a text input */
  GtkWidget         *chooser;   /* a date picker or a pick list under it */
  GtkWidget         *error_box;
  GtkWidget         *error_label;
};

G_DEFINE_FINAL_TYPE (BkFieldView, bk_field_view, GTK_TYPE_WIDGET)

enum { CHANGED, LEFT, ACTIVATE, SAY, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
changed_cb (BkFieldView *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   BkFieldView     *self)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                               gtk_toggle_button_get_active (button), -1);
  if (gtk_toggle_button_get_active (button))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
focus_leave_cb (BkFieldView *self)
{
  g_signal_emit (self, signals[LEFT], 0);
}

static void
entry_activate_cb (BkFieldView *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
chooser_said_cb (BkFieldView *self,
                 const char  *text)
{
  g_signal_emit (self, signals[SAY], 0, text);
}

static GtkWidget *
new_choice_group (BkFieldView *self,
                  const char  *value)
{
  GtkWidget *group = g_object_new (GTK_TYPE_BOX,
                                   "orientation", GTK_ORIENTATION_VERTICAL,
                                   "spacing", 12,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                   NULL);
  GtkToggleButton *first = NULL;

  for (const BkFieldChoice *c = self->field->choices; c != NULL && c->id != NULL; c++)
    {
      /* One of many: a radio button for a screen reader. */
      GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO, NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       "icon-name", "object-select-symbolic",
                                       "css-classes", (const char *[]) { "bk-icon-24", NULL },
                                       NULL);
      GtkWidget *text = bk_ui_wrap_label_new (_(c->label), NULL);

      gtk_widget_add_css_class (check, "bk-check");
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), text);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "bk-choice");
      bk_ui_set_accessible (button, _(c->label), NULL);
      g_object_set_data (G_OBJECT (button), CHOICE_ID_KEY, (gpointer) c->id);

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
new_text_view (BkFieldView *self,
               const char  *value)
{
  GtkWidget *input = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (input), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (input), FALSE);
  gtk_text_view_set_input_hints (GTK_TEXT_VIEW (input), GTK_INPUT_HINT_NO_SPELLCHECK);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (input), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (input), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (input), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (input), 12);
  gtk_widget_set_size_request (input, -1, 160);
  gtk_widget_add_css_class (input, "bk-form-text");
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

  return input;
}

static GtkWidget *
new_entry (BkFieldView *self,
           const char  *value)
{
  GtkWidget *input = gtk_entry_new ();
  BkFieldKind kind = self->field->kind;

  gtk_entry_set_input_hints (GTK_ENTRY (input), GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI);
  gtk_entry_set_input_purpose (GTK_ENTRY (input),
                               kind == BK_FIELD_EMAIL ? GTK_INPUT_PURPOSE_EMAIL
                               : kind == BK_FIELD_PHONE ? GTK_INPUT_PURPOSE_PHONE
                               : GTK_INPUT_PURPOSE_FREE_FORM);
  gtk_editable_set_enable_undo (GTK_EDITABLE (input), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (input), value ? value : "");
  gtk_widget_set_hexpand (input, TRUE);
  g_signal_connect_object (input, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (input, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);

  return input;
}

/* The hint always, the error while there is one: as relation for screen
 * readers and as description for the kiosk's own voice. */
static void
update_description (BkFieldView *self,
                    const char  *error)
{
  const char *hint = gtk_label_get_text (GTK_LABEL (self->hint));
  g_autofree char *description = error ? g_strdup_printf ("%s %s", error, hint) : g_strdup (hint);
  GtkAccessible *input = GTK_ACCESSIBLE (self->input);

  if (error != NULL)
    gtk_accessible_update_relation (input, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    self->error_label, self->hint, NULL, -1);
  else
    gtk_accessible_update_relation (input, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    self->hint, NULL, -1);
  /* GTK before 4.10 sends "invalid" to AT-SPI as the state "defunct", and
   * Orca 43 then drops the field as a dead object (its error and the focus
   * moved to it go unheard): there the error is in the description only. */
  if (gtk_get_major_version () > 4 || gtk_get_minor_version () >= 10)
    gtk_accessible_update_state (input, GTK_ACCESSIBLE_STATE_INVALID,
                                 error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  /* Only a changed description goes out: Orca says it again otherwise. */
  bk_ui_set_accessible (self->input, NULL, description);

  if (self->field->kind == BK_FIELD_CHOICE)
    for (GtkWidget *child = gtk_widget_get_first_child (self->input);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      bk_ui_set_accessible (child, NULL, description);
}

static GPtrArray *
match_answers (const char *typed,
               guint       limit,
               guint      *n_matches,
               gpointer    answers)
{
  /* All of them, whatever is typed: the text written after a chosen answer
   * must not hide the others. */
  GPtrArray *items = g_ptr_array_new ();

  for (const char * const *a = answers; *a != NULL && items->len < limit; a++)
    g_ptr_array_add (items, (gpointer) _(*a));
  *n_matches = items->len;
  return items;
}

static void
write_own_clicked_cb (BkFieldView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));

  gtk_text_buffer_set_text (buffer, "", -1);
  /* Not gtk_widget_activate: a button's "activate" clicks only after its
   * press animation, when the focus may have moved on. */
  g_signal_emit_by_name (self->keyboard_button, "clicked");
}

/* The ready answers of a multi-line field under it, and the way to the
 * on-screen keyboard for anything else. */
static void
add_answers (BkFieldView *self)
{
  GtkWidget *other;

  self->chooser = bk_pick_list_new (self->input, _("Choose what fits, or write it yourself"),
                                    match_answers, (gpointer) self->field->answers, NULL);
  other = bk_pick_list_add_other (BK_PICK_LIST (self->chooser), _("Something else – write it myself"));
  g_signal_connect_object (other, "clicked", G_CALLBACK (write_own_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->chooser, GTK_WIDGET (self));
}

static void
build (BkFieldView *self,
       const char  *value,
       gboolean     easy_read)
{
  const BkFormField *field = self->field;
  GtkWidget *icon;
  GtkEventController *focus;

  self->label = g_object_new (GTK_TYPE_LABEL,
                              "label", _(field->label),
                              "wrap", TRUE,
                              "wrap-mode", PANGO_WRAP_WORD_CHAR,
                              "xalign", 0.0f,
                              "accessible-role", easy_read ? GTK_ACCESSIBLE_ROLE_HEADING : GTK_ACCESSIBLE_ROLE_LABEL,
                              NULL);
  if (easy_read)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_add_css_class (self->label, easy_read ? "title-2" : "title-3");
  self->hint = bk_ui_wrap_label_new (_(field->hint), NULL);

  switch (field->kind)
    {
    case BK_FIELD_CHOICE:
      self->input = new_choice_group (self, value);
      break;
    case BK_FIELD_MULTILINE:
      self->input = new_text_view (self, value);
      break;
    case BK_FIELD_TEXT:
    case BK_FIELD_DATE:
    case BK_FIELD_EMAIL:
    case BK_FIELD_PHONE:
    case BK_FIELD_CONTACT:
    default:
      self->input = new_entry (self, value);
      break;
    }

  /* The label names the field (labelled-by); a mnemonic widget sets the
   * relation, and the kiosk's voice reads it. */
  if (field->kind == BK_FIELD_CHOICE)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    self->label, NULL, -1);
  else
    {
      gtk_label_set_mnemonic_widget (GTK_LABEL (self->label), self->input);
      /* GTK 4.8 names a text view by its type ("GtkTextView") over AT-SPI
       * despite the relation: the field's name is set as well */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(field->label), -1);
      /* ... and the relation the mnemonic set is dropped: GTK 4.8 joins
       * both, and Orca read "Preferred day Preferred day". */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  if (field->flags & BK_FIELD_REQUIRED)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->input), GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  /* The field's name and description say them: the keypad stops once, on
   * the field. A choice keeps its question as a stop of its own (each
   * answer is one). */
  if (field->kind != BK_FIELD_CHOICE)
    {
      bk_ui_set_said_with (self->label, self->input);
      bk_ui_set_said_with (self->hint, self->input);
    }

  self->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = g_object_new (GTK_TYPE_IMAGE,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "icon-name", "dialog-warning-symbolic",
                       "css-classes", (const char *[]) { "bk-icon-32", NULL },
                       "valign", GTK_ALIGN_START,
                       NULL);
  self->error_label = bk_ui_wrap_label_new ("", "bk-form-error");
  gtk_widget_set_hexpand (self->error_label, TRUE);
  gtk_box_append (GTK_BOX (self->error_box), icon);
  gtk_box_append (GTK_BOX (self->error_box), self->error_label);
  gtk_widget_set_visible (self->error_box, FALSE);

  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_parent (self->hint, GTK_WIDGET (self));
  if (field->kind == BK_FIELD_CHOICE)
    gtk_widget_set_parent (self->input, GTK_WIDGET (self));
  else
    {
      /* The input and, beside it (below when there is no room), the button
       * that opens the on-screen keyboard. */
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkLayoutManager *wrap = bk_wrap_layout_new ();

      g_object_set (wrap, "spacing", 12, "line-spacing", 12, NULL);
      gtk_widget_set_layout_manager (row, wrap);
      if (field->kind == BK_FIELD_MULTILINE)
        {
          /* The frame gives the text area its visible edge in every theme. */
          GtkWidget *frame = gtk_frame_new (NULL);

          gtk_frame_set_child (GTK_FRAME (frame), self->input);
          gtk_widget_set_hexpand (frame, TRUE);
          gtk_box_append (GTK_BOX (row), frame);
        }
      else
        gtk_box_append (GTK_BOX (row), self->input);
      self->keyboard_button = bk_keyboard_button_new (self->input, _(field->label));
      gtk_box_append (GTK_BOX (row), self->keyboard_button);
      gtk_widget_set_parent (row, GTK_WIDGET (self));
    }

  /* A date is chosen with buttons as well as typed. */
  if (field->kind == BK_FIELD_DATE)
    {
      self->chooser = bk_date_picker_new (self->input,
                                          field->flags & BK_FIELD_PAST ? BK_DATE_PICKER_PAST
                                          : field->flags & BK_FIELD_NOT_PAST ? BK_DATE_PICKER_NOT_PAST
                                          : BK_DATE_PICKER_ANY);
      g_signal_connect_object (self->chooser, "said", G_CALLBACK (chooser_said_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_set_parent (self->chooser, GTK_WIDGET (self));
    }
  if (field->offer == BK_FIELD_OFFER_ANSWERS && field->kind == BK_FIELD_MULTILINE && field->answers != NULL)
    add_answers (self);
  gtk_widget_set_parent (self->error_box, GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->input, focus);

  update_description (self, NULL);
}

static void
bk_field_view_dispose (GObject *object)
{
  bk_ui_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (bk_field_view_parent_class)->dispose (object);
}

static void
bk_field_view_class_init (BkFieldViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_field_view_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LEFT] = g_signal_new ("left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAY] = g_signal_new ("say", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
bk_field_view_init (BkFieldView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
}

GtkWidget *
bk_field_view_new (const BkFormField *field,
                   const char        *value,
                   gboolean           easy_read)
{
  BkFieldView *self;

  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (BK_TYPE_FIELD_VIEW, NULL);
  self->field = field;
  build (self, value, easy_read);

  return GTK_WIDGET (self);
}

const BkFormField *
bk_field_view_get_field (BkFieldView *self)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), NULL);

  return self->field;
}

char *
bk_field_view_dup_text (BkFieldView *self)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), NULL);

  if (GTK_IS_EDITABLE (self->input))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->input)));

  if (GTK_IS_TEXT_VIEW (self->input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (self->input);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      return g_strdup (g_object_get_data (G_OBJECT (child), CHOICE_ID_KEY));

  return g_strdup ("");
}

void
bk_field_view_set_error (BkFieldView *self,
                         const char  *error)
{
  g_return_if_fail (BK_IS_FIELD_VIEW (self));

  gtk_label_set_text (GTK_LABEL (self->error_label), error ? error : "");
  gtk_widget_set_visible (self->error_box, error != NULL);
  update_description (self, error);
}

gboolean
bk_field_view_has_error (BkFieldView *self)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), FALSE);

  return gtk_widget_get_visible (self->error_box);
}

GtkWidget *
bk_field_view_get_error_widget (BkFieldView *self)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), NULL);

  return self->error_box;
}

GtkWidget *
bk_field_view_get_focus_target (BkFieldView *self)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), NULL);

  if (self->field->kind == BK_FIELD_CHOICE)
    {
      for (GtkWidget *child = gtk_widget_get_first_child (self->input);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
          return child;
      return gtk_widget_get_first_child (self->input);
    }

  return self->input;
}

GtkWidget *
bk_field_view_get_input (BkFieldView *self)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), NULL);

  return self->input;
}

static GPtrArray *
match_streets (const char *typed,
               guint       limit,
               guint      *n_matches,
               gpointer    municipality)
{
  return bk_streets_match (bk_streets_get_default (), municipality, typed, limit, n_matches);
}

void
bk_field_view_offer_streets (BkFieldView *self,
                             const char  *municipality)
{
  g_autofree char *title = NULL;

  g_return_if_fail (BK_IS_FIELD_VIEW (self));
  g_return_if_fail (GTK_IS_EDITABLE (self->input) && self->chooser == NULL);

  if (bk_streets_lookup (bk_streets_get_default (), municipality) == NULL)
    return;

  /* Translators: above the streets to choose, as "Streets in Stadt Auenbach" */
  title = g_strdup_printf (_("Streets in %s"), municipality);
  self->chooser = bk_pick_list_new (self->input, title, match_streets, g_strdup (municipality), g_free);
  gtk_widget_insert_before (self->chooser, GTK_WIDGET (self), self->error_box);
}

GtkWidget *
bk_field_view_get_chooser (BkFieldView *self)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), NULL);

  return self->chooser;
}

GtkWidget *
bk_field_view_get_keyboard_button (BkFieldView *self)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), NULL);

  return self->keyboard_button;
}

GtkWidget *
bk_field_view_get_error_label (BkFieldView *self)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), NULL);

  return self->error_label;
}

GtkWidget *
bk_field_view_get_choice (BkFieldView *self,
                          const char  *choice_id)
{
  g_return_val_if_fail (BK_IS_FIELD_VIEW (self), NULL);

  if (self->field->kind != BK_FIELD_CHOICE)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (self->input);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), CHOICE_ID_KEY), choice_id) == 0)
      return child;

  return NULL;
}
