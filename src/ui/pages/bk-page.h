/* bk-page.h: what every page of the kiosk window offers it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-context.h"
#include "bk-form.h"

G_BEGIN_DECLS

#define BK_TYPE_PAGE (bk_page_get_type ())
G_DECLARE_INTERFACE (BkPage, bk_page, BK, PAGE, GtkWidget)

struct _BkPageInterface
{
  GTypeInterface parent_iface;

  /* What the voice says when the page is shown: its title and content. */
  char       *(*dup_summary)        (BkPage          *self);
  /* The help layer "this screen". */
  const char *(*get_help_text)      (BkPage          *self);

  /* Shows target (the page's own: a motion id, a service id, a word), or
   * the page as it is when target is NULL. FALSE with error: it cannot be
   * shown, *heading says what (the error page shows both); FALSE without
   * error: the page is not available now (staff mode without the PIN). */
  gboolean    (*show_target)        (BkPage          *self,
                                     GVariant        *target,
                                     const char     **heading,
                                     GError         **error);
  /* What it shows now, to come back to it (Back); NULL for none. */
  GVariant   *(*dup_target)         (BkPage          *self);

  /* The read-aloud command, one section or all (-1); FALSE: the page has
   * nothing of its own to read and the window reads its summary. */
  gboolean    (*read_aloud)         (BkPage          *self,
                                     int              section);
  /* The citizen went on to another page that is not an aside one: forget
   * what was entered or chosen here. */
  void        (*leave)              (BkPage          *self);
  /* Opened in the middle of a task and left again (help-like pages): the
   * task keeps its entries while it is shown. */
  gboolean    (*is_aside)           (BkPage          *self);
  /* Where a form started from this page comes from. */
  void        (*fill_form_context)  (BkPage          *self,
                                     BkFormContext   *context);
  /* Keys before anything else acts on them (a page that teaches keys). */
  gboolean    (*handle_key)         (BkPage          *self,
                                     guint            keyval,
                                     GdkModifierType  state);
  void        (*handle_key_release) (BkPage          *self,
                                     guint            keyval);
};


/* Property "context" (BkContext): the services, set once by the window.
 * Implementations override it and keep their own reference. */
char       *bk_page_dup_summary        (BkPage          *self);
const char *bk_page_get_help_text      (BkPage          *self);
gboolean    bk_page_show_target        (BkPage          *self,
                                        GVariant        *target,
                                        const char     **heading,
                                        GError         **error);
GVariant   *bk_page_dup_target         (BkPage          *self);
gboolean    bk_page_read_aloud         (BkPage          *self,
                                        int              section);
void        bk_page_leave              (BkPage          *self);
gboolean    bk_page_is_aside           (BkPage          *self);
void        bk_page_fill_form_context  (BkPage          *self,
                                        BkFormContext   *context);
gboolean    bk_page_handle_key         (BkPage          *self,
                                        guint            keyval,
                                        GdkModifierType  state);
void        bk_page_handle_key_release (BkPage          *self,
                                        guint            keyval);

/* "status-changed" (const char *message): something to say after a
 * change on the page, e.g. the number of results after a search. */
void        bk_page_status_changed     (BkPage          *self,
                                        const char      *message);

/* Calls update (page) now and whenever a screen reader comes or goes:
 * for texts that only a screen reader needs in a description (Orca reads
 * only what can take the focus; the kiosk's own voice says them with the
 * page). */
void        bk_page_follow_screen_reader (BkPage        *self,
                                          BkVoice       *voice,
                                          void         (*update) (BkPage *page));

/* For implementations that keep the context in a field "context" and take
 * it in a static set_context (self, context): their get_property and
 * set_property for the one property, installed with
 * g_object_class_override_property (object_class, BK_PAGE_PROP_CONTEXT,
 * "context"). */
#define BK_PAGE_PROP_CONTEXT 1
#define BK_PAGE_DEFINE_CONTEXT_PROPERTY(TypeName, type_name, TYPE_CAST)         \
static void                                                                     \
type_name##_get_property (GObject    *object,                                   \
                          guint       prop_id,                                  \
                          GValue     *value,                                    \
                          GParamSpec *pspec)                                    \
{                                                                               \
  TypeName *self = TYPE_CAST (object);                                          \
                                                                                \
  if (prop_id == BK_PAGE_PROP_CONTEXT)                                          \
    g_value_set_object (value, self->context);                                  \
  else                                                                          \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
}                                                                               \
                                                                                \
static void                                                                     \
type_name##_set_property (GObject      *object,                                 \
                          guint         prop_id,                                \
                          const GValue *value,                                  \
                          GParamSpec   *pspec)                                  \
{                                                                               \
  if (prop_id == BK_PAGE_PROP_CONTEXT)                                          \
    set_context (TYPE_CAST (object), g_value_get_object (value));               \
  else                                                                          \
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                 \
}

G_END_DECLS
