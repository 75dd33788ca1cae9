/* bk-form.c: the guided forms and how their answers are checked
 *
 * Every form asks only what the office needs, once. Messages name the field,
 * say what is wrong and how to write it instead: they are shown next to the
 * field and spoken, so they must make sense on their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-form"

#include "bk-config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include <json-glib/json-glib.h>

#include "bk-form.h"

#define TEXT_MAX_LENGTH      200
#define MULTILINE_MAX_LENGTH 4000
#define MIN_PHONE_DIGITS     6

static const BkFieldChoice time_choices[] = {
  { "morning", N_("In the morning (8 to 12)") },
  { "afternoon", N_("In the afternoon (13 to 17)") },
  { "any", N_("Any time") },
  { NULL }
};

static const BkFieldChoice delivery_choices[] = {
  { "collect", N_("I collect it at the citizens’ office") },
  { "post", N_("By post to my address") },
  { NULL }
};

/* Anregungen und Beschwerden go to the council they concern (Art. 56
 * GO / Art. 50 LKrO Bayern and the like in other states). */
static const BkFieldChoice council_choices[] = {
  { "county", N_("The county council (Kreistag)") },
  { "municipality", N_("The town or municipal council (Gemeinderat)") },
  { NULL }
};

static const BkFieldChoice opinion_choices[] = {
  { BK_FEEDBACK_AGREE, N_("I agree") },
  { BK_FEEDBACK_DISAGREE, N_("I disagree") },
  { "none", N_("No opinion, only a comment") },
  { NULL }
};

static const BkFormField appointment_fields[] = {
  { "service", N_("Service"), N_("What the appointment is for, for example “New identity card”."),
    BK_FIELD_TEXT, BK_FIELD_REQUIRED | BK_FIELD_FROM_CONTEXT, NULL, 0, 0 },
  { "preferred_date", N_("Preferred day"), N_("The first day that suits you, as day.month.year, for example 14.12.2026."),
    BK_FIELD_DATE, BK_FIELD_REQUIRED | BK_FIELD_NOT_PAST, NULL, 0, 0 },
  { "preferred_time", N_("Preferred time"), N_("Choose when you can come."),
    BK_FIELD_CHOICE, BK_FIELD_REQUIRED, time_choices, 0, 0 },
  { "name", N_("Your name"), N_("First name and family name, for example Anna Schmidt."),
    BK_FIELD_TEXT, BK_FIELD_REQUIRED, NULL, 1, 0 },
  { "contact", N_("Phone or e-mail"), N_("How the office tells you the appointment, for example 0851 12345 or anna@example.de."),
    BK_FIELD_CONTACT, BK_FIELD_REQUIRED, NULL, 1, 0 },
};

static const BkFormField certificate_fields[] = {
  { "name", N_("Your name"), N_("First name and family name, as in your identity card."),
    BK_FIELD_TEXT, BK_FIELD_REQUIRED, NULL, 0, 0 },
  { "date_of_birth", N_("Date of birth"), N_("As day.month.year, for example 03.07.1985."),
    BK_FIELD_DATE, BK_FIELD_REQUIRED | BK_FIELD_PAST, NULL, 0, 0 },
  { "address", N_("Your address"), N_("Street, house number, postcode and town, for example Marktplatz 1, 94032 Passau."),
    BK_FIELD_TEXT, BK_FIELD_REQUIRED, NULL, 1, 0, BK_FIELD_OFFER_STREETS },
  { "delivery", N_("How you receive it"), N_("Choose how the certificate reaches you."),
    BK_FIELD_CHOICE, BK_FIELD_REQUIRED, delivery_choices, 1, 0 },
};

/* What is wrong, to choose instead of typing it letter by letter (on the
 * on-screen keyboard with a keypad or one switch, over a hundred presses):
 * the defects the office hears of most, each naming its thing so that it
 * reads on its own in the report. */
static const char * const defect_answers[] = {
  N_("Street light does not work"),
  N_("Street light flickers"),
  N_("Street light is on during the day"),
  N_("Lamp post damaged"),
  N_("Pothole in the road"),
  N_("Pavement or cycle path damaged"),
  N_("Traffic sign or traffic light damaged"),
  N_("Rubbish dumped"),
  N_("Tree or branch fallen down"),
  N_("Bench or playground equipment broken"),
  NULL
};

static const BkFormField defect_fields[] = {
  { "place", N_("Place"), N_("Street and house number or a landmark, for example “Bus stop Marktplatz”."),
    BK_FIELD_TEXT, BK_FIELD_REQUIRED, NULL, 0, 0, BK_FIELD_OFFER_STREETS },
  { "problem", N_("What is wrong"), N_("Describe the problem, for example “The street lamp is broken”."),
    BK_FIELD_MULTILINE, BK_FIELD_REQUIRED, NULL, 0, 0, BK_FIELD_OFFER_ANSWERS, defect_answers },
  { "contact", N_("Phone or e-mail (optional)"), N_("Only if the office may ask you about it. You can leave it empty."),
    BK_FIELD_CONTACT, 0, NULL, 1, 0 },
};

static const BkFormField complaint_fields[] = {
  /* Not asked when started from a council's service (BkFormContext). */
  { "council", N_("To whom"), N_("Choose the council that decides about your matter."),
    BK_FIELD_CHOICE, BK_FIELD_REQUIRED | BK_FIELD_FROM_CONTEXT, council_choices, 0, 0 },
  { "subject", N_("Subject"), N_("A few words about what it is about, for example “Bus stop without a bench”."),
    BK_FIELD_TEXT, BK_FIELD_REQUIRED, NULL, 0, 0 },
  { "text", N_("Your suggestion or complaint"), N_("Write what you suggest or what you complain about, and why."),
    BK_FIELD_MULTILINE, BK_FIELD_REQUIRED, NULL, 1, 0 },
  /* The municipal code requires the sender's name and address. */
  { "name", N_("Your name"), N_("First name and family name. The law requires it for a suggestion or complaint."),
    BK_FIELD_TEXT, BK_FIELD_REQUIRED, NULL, 2, 0 },
  { "address", N_("Your address"), N_("Street, house number, postcode and town. The council sends its answer here."),
    BK_FIELD_TEXT, BK_FIELD_REQUIRED, NULL, 2, 0, BK_FIELD_OFFER_STREETS },
  { "email", N_("E-mail (optional)"), N_("Only if you also want an answer by e-mail, for example anna@example.de."),
    BK_FIELD_EMAIL, 0, NULL, 2, 0 },
};

static const BkFormField feedback_fields[] = {
  { "opinion", N_("Your opinion"), N_("Choose whether you agree with the motion."),
    BK_FIELD_CHOICE, BK_FIELD_REQUIRED, opinion_choices, 0, 0 },
  { "comment", N_("Comment (optional)"), N_("What you want the council to know. Please do not write your name: the feedback is anonymous."),
    BK_FIELD_MULTILINE, 0, NULL, 0, 1000 },
};

static const BkForm forms[] = {
  { "appointment", BK_SUBMISSION_APPOINTMENT,
    N_("Request an appointment"),
    /* The office is the service's (BkFormContext): no office is named here. */
    N_("Ask the office for an appointment. It confirms the appointment by phone or e-mail."),
    N_("The staff of the office responsible"),
    N_("The office offers you an appointment by phone or e-mail, usually within two working days. Bring your reference number."),
    appointment_fields, G_N_ELEMENTS (appointment_fields) },
  { "registration-certificate", BK_SUBMISSION_REGISTRATION_CERTIFICATE,
    N_("Request a certificate of registration"),
    N_("A certificate of registration (Meldebescheinigung) confirms where you live."),
    N_("The staff of the registration office"),
    N_("The registration office prepares the certificate. Bring your identity card when you collect it; by post it comes within a week."),
    certificate_fields, G_N_ELEMENTS (certificate_fields) },
  { "defect-report", BK_SUBMISSION_DEFECT_REPORT,
    N_("Report a defect"),
    N_("Tell the town about something broken or dangerous in a public place."),
    N_("The staff of the office responsible for roads and public places"),
    N_("The office checks the place and has it repaired. If you gave a phone number or e-mail, they may ask you about it."),
    defect_fields, G_N_ELEMENTS (defect_fields) },
  { "suggestion-complaint", BK_SUBMISSION_SUGGESTION_COMPLAINT,
    N_("Suggestion or complaint to the council"),
    N_("Every citizen may send suggestions and complaints to the council (Anregung und Beschwerde under the municipal code). The council must deal with them."),
    N_("The council office and the council you chose"),
    N_("The council office passes it to the council. The council deals with it and answers you in writing, usually within three months."),
    complaint_fields, G_N_ELEMENTS (complaint_fields) },
  { "motion-feedback", BK_SUBMISSION_MOTION_FEEDBACK,
    N_("Tell the council what you think"),
    N_("Say whether you agree with this motion. Your feedback is anonymous: no name is asked."),
    N_("The council office; the council members see the counts"),
    N_("Your opinion is counted with the others. The council members see how many agree and disagree and read the comments before they decide."),
    feedback_fields, G_N_ELEMENTS (feedback_fields) },
};

const BkForm *
bk_form_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (forms[i].id, id))
      return &forms[i];

  return NULL;
}

const BkForm **
bk_form_list (guint *n_forms)
{
  static const BkForm *list[G_N_ELEMENTS (forms) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    list[i] = &forms[i];
  if (n_forms != NULL)
    *n_forms = G_N_ELEMENTS (forms);

  return list;
}

const BkFormField *
bk_form_find_field (const BkForm *form,
                    const char   *field_id)
{
  g_return_val_if_fail (form != NULL, NULL);

  for (guint i = 0; field_id != NULL && i < form->n_fields; i++)
    if (g_str_equal (form->fields[i].id, field_id))
      return &form->fields[i];

  return NULL;
}

/* ---- checking ------------------------------------------------------------ */

/* day.month.year with one or two digits for day and month, four for the
 * year; dots, slashes or dashes between. */
static gboolean
parse_date (const char *text,
            int        *day,
            int        *month,
            int        *year)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[./-]", text, 0, 0);

  if (g_strv_length (parts) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      const char *p = parts[i];

      if (*p == '\0' || strlen (p) > (i == 2 ? 4 : 2))
        return FALSE;
      for (; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }

  if (strlen (parts[2]) != 4)
    return FALSE;

  *day = atoi (parts[0]);
  *month = atoi (parts[1]);
  *year = atoi (parts[2]);

  return g_date_valid_dmy (*day, *month, *year);
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';')
      return FALSE;

  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
is_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr (" +-/()", *p))
        return FALSE;
    }

  return digits >= MIN_PHONE_DIGITS;
}

static char *
check_date (const BkFormField *field,
            const char        *value,
            const char        *today,
            char             **normalized)
{
  g_autofree char *real_today = NULL;
  g_autofree char *iso = NULL;
  int day, month, year;

  if (!parse_date (value, &day, &month, &year))
    /* Translators: %s: the field, then what was written */
    return g_strdup_printf (_("%s: “%s” is not a date. Please write it as day.month.year, for example 03.07.1985."),
                            _(field->label), value);

  iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = real_today = g_date_time_format (now, "%Y-%m-%d");
    }

  if ((field->flags & BK_FIELD_PAST) && g_strcmp0 (iso, today) >= 0)
    /* Translators: %s: the field, then what was written */
    return g_strdup_printf (_("%s: “%s” is not in the past. Please check the year, for example 03.07.1985."),
                            _(field->label), value);

  if ((field->flags & BK_FIELD_NOT_PAST) && g_strcmp0 (iso, today) < 0)
    /* Translators: %s: the field, then what was written */
    return g_strdup_printf (_("%s: “%s” has already passed. Please choose today or a later day."),
                            _(field->label), value);

  if (normalized != NULL)
    *normalized = g_steal_pointer (&iso);
  return NULL;
}

char *
bk_form_field_check (const BkFormField *field,
                     const char        *value,
                     const char        *today,
                     char             **normalized)
{
  g_autofree char *text = NULL;
  guint max_length;

  g_return_val_if_fail (field != NULL, NULL);

  if (normalized != NULL)
    *normalized = NULL;

  text = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup_printf (_("%s: the text could not be read. Please write it again."), _(field->label));

  if (text[0] == '\0')
    {
      if (!(field->flags & BK_FIELD_REQUIRED))
        return NULL;
      if (field->kind == BK_FIELD_CHOICE)
        /* Translators: %s is the field */
        return g_strdup_printf (_("%s: nothing is chosen yet. Please choose one of the answers."), _(field->label));
      /* Translators: %s is the field */
      return g_strdup_printf (_("%s: this is empty, but it is needed. Please fill it in."), _(field->label));
    }

  max_length = field->max_length ? field->max_length
               : field->kind == BK_FIELD_MULTILINE ? MULTILINE_MAX_LENGTH : TEXT_MAX_LENGTH;
  if (g_utf8_strlen (text, -1) > max_length)
    /* Translators: %s is the field, then two numbers of characters */
    return g_strdup_printf (_("%s: the text has %ld characters, but at most %u fit. Please shorten it."),
                            _(field->label), g_utf8_strlen (text, -1), max_length);

  switch (field->kind)
    {
    case BK_FIELD_DATE:
      return check_date (field, text, today, normalized);

    case BK_FIELD_CHOICE:
      for (const BkFieldChoice *c = field->choices; c != NULL && c->id != NULL; c++)
        if (g_str_equal (c->id, text))
          {
            if (normalized != NULL)
              *normalized = g_steal_pointer (&text);
            return NULL;
          }
      return g_strdup_printf (_("%s: nothing is chosen yet. Please choose one of the answers."), _(field->label));

    case BK_FIELD_EMAIL:
      if (!is_email (text))
        /* Translators: %s: the field, then what was written */
        return g_strdup_printf (_("%s: “%s” is not an e-mail address. Please write it like anna@example.de."),
                                _(field->label), text);
      break;

    case BK_FIELD_PHONE:
      if (!is_phone (text))
        /* Translators: %s: the field, then what was written */
        return g_strdup_printf (_("%s: “%s” is not a phone number. Please write the digits with the area code, for example 0851 12345."),
                                _(field->label), text);
      break;

    case BK_FIELD_CONTACT:
      if (strchr (text, '@') != NULL ? !is_email (text) : !is_phone (text))
        /* Translators: %s: the field, then what was written */
        return g_strdup_printf (_("%s: “%s” is neither a phone number nor an e-mail address. Please write it like 0851 12345 or anna@example.de."),
                                _(field->label), text);
      break;

    case BK_FIELD_TEXT:
    case BK_FIELD_MULTILINE:
    default:
      break;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&text);
  return NULL;
}

char *
bk_form_check_answers (const BkForm *form,
                       GHashTable   *answers,
                       const char  **bad_field)
{
  g_return_val_if_fail (form != NULL, NULL);

  if (bad_field != NULL)
    *bad_field = NULL;

  if (form->kind == BK_SUBMISSION_MOTION_FEEDBACK)
    {
      const char *opinion = g_hash_table_lookup (answers, "opinion");
      const char *comment = g_hash_table_lookup (answers, "comment");

      if (g_strcmp0 (opinion, "none") == 0 && (comment == NULL || comment[0] == '\0'))
        {
          if (bad_field != NULL)
            *bad_field = "comment";
          return g_strdup_printf (_("%s: you chose to give no opinion, so please write a comment, or choose “I agree” or “I disagree”."),
                                  _(bk_form_find_field (form, "comment")->label));
        }
    }

  return NULL;
}

char *
bk_form_field_display (const BkFormField *field,
                       const char        *value)
{
  int year, month, day;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || value[0] == '\0')
    /* Translators: on the confirmation screen, for an optional answer left empty */
    return g_strdup (_("(nothing written)"));

  if (field->kind == BK_FIELD_CHOICE)
    {
      for (const BkFieldChoice *c = field->choices; c != NULL && c->id != NULL; c++)
        if (g_str_equal (c->id, value))
          return g_strdup (_(c->label));
    }

  if (field->kind == BK_FIELD_DATE && sscanf (value, "%4d-%2d-%2d", &year, &month, &day) == 3)
    return g_strdup_printf ("%02d.%02d.%04d", day, month, year);

  return g_strdup (value);
}

/* Letters one by one, digits in groups of three at most, so that the voice
 * says "zero zero zero" and not "one hundred twenty-three thousand". */
char *
bk_form_dup_spoken_reference (const char *reference)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (reference != NULL, NULL);

  parts = g_strsplit (reference, "-", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      gsize len = strlen (part);
      gboolean digits = len > 0 && g_ascii_isdigit (part[0]);

      if (digits && len > 4)
        {
          /* the row number: groups of three from the right */
          gsize first = len % 3 ? len % 3 : 3;

          for (gsize at = 0; at < len; at += (at == 0 ? first : 3))
            {
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append_len (out, part + at, at == 0 ? first : 3);
            }
        }
      else if (digits)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append (out, part);
        }
      else
        for (const char *p = part; *p != '\0'; p++)
          {
            if (out->len > 0)
              g_string_append_c (out, ' ');
            g_string_append_c (out, g_ascii_toupper (*p));
          }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
bk_form_field_is_asked (const BkFormField *field,
                        GHashTable        *answers)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return !(field->flags & BK_FIELD_FROM_CONTEXT) ||
         g_hash_table_lookup (answers, field->id) == NULL;
}

GPtrArray *
bk_form_build_screens (const BkForm *form,
                       GHashTable   *answers,
                       gboolean      easy_read)
{
  GPtrArray *screens = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *current = NULL;
  guint current_group = G_MAXUINT;

  g_return_val_if_fail (form != NULL, screens);

  for (guint i = 0; i < form->n_fields; i++)
    {
      const BkFormField *field = &form->fields[i];

      if (!bk_form_field_is_asked (field, answers))
        continue;
      if (current == NULL || easy_read || field->screen != current_group)
        {
          current = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (screens, current);
          current_group = field->screen;
        }
      g_array_append_val (current, i);
    }

  return screens;
}

guint
bk_form_screen_of_field (const BkForm *form,
                         GPtrArray    *screens,
                         const char   *field_id)
{
  g_return_val_if_fail (form != NULL && screens != NULL, 0);

  for (guint s = 0; s < screens->len; s++)
    {
      GArray *fields = g_ptr_array_index (screens, s);

      for (guint i = 0; i < fields->len; i++)
        if (g_str_equal (form->fields[g_array_index (fields, guint, i)].id, field_id))
          return s;
    }

  return 0;
}

BkSubmission *
bk_form_build_submission (const BkForm *form,
                          GHashTable   *answers,
                          const char   *service_id,
                          gint64        motion_id,
                          const char   *language)
{
  BkSubmission *submission;
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (form != NULL, NULL);

  submission = bk_submission_new (form->kind);
  for (guint i = 0; i < form->n_fields; i++)
    {
      const BkFormField *field = &form->fields[i];
      const char *value = g_hash_table_lookup (answers, field->id);

      /* Feedback without an opinion counts as a comment only. */
      if (field->kind == BK_FIELD_CHOICE && g_strcmp0 (value, "none") == 0)
        json_object_set_null_member (object, field->id);
      else if (value != NULL)
        json_object_set_string_member (object, field->id, value);
    }

  bk_submission_set_answers (submission, object);
  submission->service_id = g_strdup (service_id);
  submission->motion_id = motion_id;
  g_free (submission->language);
  submission->language = g_strdup (language);

  return submission;
}

GStrv
bk_form_dup_privacy_notice (const BkForm *form,
                            guint         days)
{
  return bk_form_dup_privacy_notice_for (form, NULL, days);
}

GStrv
bk_form_dup_privacy_notice_for (const BkForm *form,
                                const char   *office,
                                guint         days)
{
  g_autoptr(GStrvBuilder) paragraphs = g_strv_builder_new ();
  g_autofree char *who = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (form != NULL, NULL);

  g_strv_builder_add (paragraphs, _(form->intro));
  if (form->kind == BK_SUBMISSION_MOTION_FEEDBACK)
    g_strv_builder_add (paragraphs, _("What is stored: your opinion and comment, the time and the language you used. No name and nothing else about you is asked: the feedback is anonymous."));
  else
    g_strv_builder_add (paragraphs, _("What is stored: only the answers you give on the next screens, the time and the language you used."));
  if (office != NULL && form->kind != BK_SUBMISSION_MOTION_FEEDBACK)
    /* Translators: %s is the office of the service, for example “Stadt Auenbach – Tiefbauamt” */
    who = g_strdup_printf (_("Who reads it: the staff of this office: %s. Nobody else."), office);
  else
    /* Translators: %s is who reads it, for example “The staff of the citizens’ office” */
    who = g_strdup_printf (_("Who reads it: %s. Nobody else."), _(form->recipient));
  g_strv_builder_add (paragraphs, who);
  kept = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "How long: it is deleted after %u day.",
                                       "How long: it is deleted after %u days.", days),
                          days);
  g_strv_builder_add (paragraphs, kept);
  g_strv_builder_add (paragraphs, _("This kiosk forgets your entries as soon as you finish or leave the form."));

  return g_strv_builder_end (paragraphs);
}
