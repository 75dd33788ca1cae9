/* bk-ctl.c: buergerkiosk-ctl, the staff command-line tool
 *
 * Argument parsing, the command table and the commands that work on
 * motions and the database (parse, import, search, show, check, speak).
 * Output is plain text or JSON (--json) for scripts; exit statuses are
 * documented in the README.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ctl"

#include "bk-config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bk-ctl.h"
#include "bk-ctl-private.h"
#include "bk-demo.h"
#include "bk-error.h"
#include "bk-i18n.h"
#include "bk-import.h"
#include "bk-paper-reader.h"
#include "bk-speech.h"
#include "bk-speech-private.h"
#include "bk-start.h"
#include "bk-store.h"
#include "bk-text-parser.h"

typedef int (*CtlCommand) (CtlGlobals *globals, int argc, char **argv);

void
bk_ctl_print_error (const GError *error)
{
  g_printerr ("buergerkiosk-ctl: %s\n", error->message);
}

int
bk_ctl_exit_status_for (const GError *error)
{
  /* Only what was wrong with the input itself: a full disk, a locked or
   * read-only database is a failure, whatever file was being imported. */
  if (error->domain != BK_ERROR)
    return EXIT_FAILURE_;
  switch (error->code)
    {
    case BK_ERROR_INVALID_INPUT:
    case BK_ERROR_TOO_LARGE:
      return EXIT_BAD_INPUT;
    default:
      return EXIT_FAILURE_;
    }
}

gboolean
bk_ctl_is_database_error (const GError *error)
{
  return error->domain == BK_ERROR &&
         (error->code == BK_ERROR_DATABASE || error->code == BK_ERROR_DATABASE_TOO_NEW ||
          error->code == BK_ERROR_DATABASE_BUSY || error->code == BK_ERROR_READ_ONLY ||
          error->code == BK_ERROR_CORRUPT);
}

char *
bk_ctl_dup_db_path (CtlGlobals *globals,
                    GError    **error)
{
  if (globals->db_path != NULL)
    return g_strdup (globals->db_path);
  return bk_demo_prepare_default_db_path (error);
}

/* Unlike the kiosk, the staff tool never fills a new database with the demo
 * content: a clerk importing real motions must not find invented ones beside
 * them. Nor does it make a new, empty one where the kiosk moved a broken
 * one aside: "restore" puts a backup there. */
BkStore *
bk_ctl_open_store (CtlGlobals *globals,
                   GError    **error)
{
  g_autofree char *path = bk_ctl_dup_db_path (globals, error);
  g_autofree char *broken = NULL;

  if (path == NULL)
    return NULL;
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && (broken = bk_start_find_broken (path)) != NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND,
                   _("%s: the kiosk moved this database aside as %s because it could not be used; "
                     "restore a backup first (buergerkiosk-ctl restore FILE)"), path, broken);
      return NULL;
    }
  return bk_store_open (path, BK_STORE_OPEN_DEFAULT, error);
}

/* The store, or NULL once the reason it did not open is printed. */
BkStore *
bk_ctl_open_store_or_print (CtlGlobals *globals)
{
  g_autoptr(GError) error = NULL;
  BkStore *store = bk_ctl_open_store (globals, &error);

  if (store == NULL)
    bk_ctl_print_error (error);
  return store;
}

/* Parses a sub-command's own options; argv[0] is the command name. */
gboolean
bk_ctl_parse_command_options (const char   *command,
                              const char   *parameter,
                              const char   *summary,
                              GOptionEntry *entries,
                              int          *argc,
                              char       ***argv)
{
  g_autofree char *prog = g_strdup_printf ("buergerkiosk-ctl %s", command);
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_set_prgname (prog);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("buergerkiosk-ctl %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}

void
bk_ctl_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

gboolean
bk_ctl_scan_date (const char *text,
                  int        *year,
                  int        *month,
                  int        *day)
{
  unsigned y, m, d;
  int consumed = 0;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3 || consumed != 10 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  if (year != NULL)
    *year = (int) y;
  if (month != NULL)
    *month = (int) m;
  if (day != NULL)
    *day = (int) d;
  return TRUE;
}

static int
cmd_parse (CtlGlobals *globals,
           int         argc,
           char      **argv)
{
  int status = EXIT_OK;

  if (!bk_ctl_parse_command_options ("parse", _("FILE…"),
                                     _("Print the motion found in a text, Markdown, HTML or PDF file as JSON, "
                                       "with what the reader could not find or was unsure of under "
                                       "“warnings”."),
                                     NULL, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc < 2)
    {
      g_printerr (_("buergerkiosk-ctl parse: name a file to parse\n"));
      return EXIT_FAILURE_;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BkMotion) motion = NULL;
      g_autofree char *json = NULL;

      motion = bk_paper_read_file (argv[i], BK_PAPER_FORMAT_AUTO, &error);
      if (motion == NULL)
        {
          bk_ctl_print_error (error);
          status = bk_ctl_exit_status_for (error);
          continue;
        }
      json = bk_motion_to_json_string (motion, TRUE);
      g_print ("%s\n", json);
    }
  return status;
}

static int
cmd_import (CtlGlobals *globals,
            int         argc,
            char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean text = FALSE, oparl = FALSE, services = FALSE, xzufi = FALSE, projects = FALSE;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint failed = 0;
  GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_NONE, &text,
      N_("Read every file as a paper (text, Markdown, HTML or PDF)"), NULL },
    { "oparl", 0, 0, G_OPTION_ARG_NONE, &oparl, N_("Read every file as OParl JSON"), NULL },
    { "services", 0, 0, G_OPTION_ARG_NONE, &services,
      N_("Read every file as service catalogue JSON"), NULL },
    { "xzufi", 0, 0, G_OPTION_ARG_NONE, &xzufi,
      N_("Read every file as an XZuFi 2.2 message"), NULL },
    { "projects", 0, 0, G_OPTION_ARG_NONE, &projects,
      N_("Read every file as digital projects JSON (see the README, “Project JSON”)"), NULL },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("import", _("FILE…"),
                                     _("Import papers (.txt, .md, .html, .pdf), OParl JSON files or folders, "
                                       "service catalogue JSON (see the README, “Service JSON”) and "
                                       "XZuFi 2.2 service descriptions: files, or a folder or web "
                                       "address with an index.txt (see the README, “XZuFi”). "
                                       "Each file is imported whole or not at all; what a clerk should "
                                       "check in a paper is printed below it."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc < 2)
    {
      g_printerr (_("buergerkiosk-ctl import: name at least one file\n"));
      return EXIT_FAILURE_;
    }
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  /* A folder of papers is a list of papers, each imported on its own. */
  g_ptr_array_add (paths, g_strdup (argv[0]));
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) papers = text || oparl || services || xzufi || projects ? NULL
                                    : bk_import_list_paper_folder (argv[i]);

      if (papers == NULL)
        g_ptr_array_add (paths, g_strdup (argv[i]));
      for (guint p = 0; papers != NULL && p < papers->len; p++)
        g_ptr_array_add (paths, g_strdup (g_ptr_array_index (papers, p)));
    }
  argc = (int) paths->len;
  argv = (char **) paths->pdata;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) file_error = NULL;
      g_autofree char *summary = NULL;
      g_auto(GStrv) warnings = NULL;
      BkImportFormat format = text ? BK_IMPORT_FORMAT_TEXT
                            : oparl ? BK_IMPORT_FORMAT_OPARL
                            : services ? BK_IMPORT_FORMAT_SERVICES
                            : xzufi ? BK_IMPORT_FORMAT_XZUFI
                            : projects ? BK_IMPORT_FORMAT_PROJECTS : BK_IMPORT_FORMAT_AUTO;
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
      gboolean ok = bk_ctl_is_web_address (argv[i])
                    ? bk_ctl_import_url (store, argv[i], &summary, notes, &file_error)
                    : bk_import_file_full (store, argv[i], format, &summary, &warnings, notes, &file_error);

      for (guint n = 0; n < notes->len; n++)
        g_printerr (_("buergerkiosk-ctl: note: %s\n"), (const char *) g_ptr_array_index (notes, n));
      if (!ok)
        {
          bk_ctl_print_error (file_error);
          failed++;
          /* A database that cannot be written (read-only, locked, damaged,
           * the disk full) will refuse every other file too, and it is not
           * the file's fault: status 1, not 2. */
          if (bk_ctl_is_database_error (file_error))
            return EXIT_FAILURE_;
          continue;
        }
      g_print ("%s\n", summary);
      for (guint w = 0; warnings != NULL && warnings[w] != NULL; w++)
        /* Translators: before each thing a clerk should check in an imported paper */
        g_print ("  %s %s\n", _("Check:"), warnings[w]);
    }
  if (failed > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u file was not imported\n",
                               "%u files were not imported\n", failed), failed);
      return EXIT_BAD_INPUT;
    }
  return EXIT_OK;
}

static JsonNode *
summary_to_json (const BkMotionSummary *s)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, s->id);
#define ADD(key, value) \
  json_builder_set_member_name (b, key); \
  if (value) json_builder_add_string_value (b, value); else json_builder_add_null_value (b);
  ADD ("subject", s->subject);
  ADD ("submitters", s->submitters);
  ADD ("date", s->date);
  ADD ("reference", s->reference);
  ADD ("body", s->body);
  ADD ("next_committee", s->next_committee);
  ADD ("next_date", s->next_date);
#undef ADD
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
cmd_search (CtlGlobals *globals,
            int         argc,
            char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *query = NULL;
  gboolean as_json = FALSE;
  int limit = 50;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N results (default 50)"), N_("N") },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("search", _("QUERY"),
                                     _("Search the stored motions, best match first."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc < 2)
    {
      g_printerr (_("buergerkiosk-ctl search: give a search query\n"));
      return EXIT_FAILURE_;
    }
  query = g_strjoinv (" ", argv + 1);
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  ids = bk_store_search (store, query, NULL, limit > 0 ? (guint) limit : 0, &error);
  if (ids == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BkMotionSummary) s = bk_store_load_summary (store, g_array_index (ids, gint64, i),
                                                            NULL);

      if (s == NULL)
        continue;
      if (as_json)
        json_array_add_element (array, summary_to_json (s));
      else
        g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", s->id, s->date ? s->date : "-",
                 s->reference ? s->reference : "-", s->subject ? s->subject : "");
    }
  if (as_json)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (node, array);
      bk_ctl_print_json (node);
    }
  else if (ids->len == 0)
    g_printerr (_("No motion matches “%s”.\n"), query);
  return EXIT_OK;
}

static void
print_motion_text (const BkMotion *m)
{
  g_autofree char *submitters = bk_motion_dup_submitter_names (m);

  g_print ("%s\n", m->subject ? m->subject : _("(no subject)"));
  if (m->subject_derived)
    g_print ("%s\n", _("(no title in the paper: taken from its request)"));
  g_print ("\n");
#define LINE(label, value) if (value && *value) g_print ("%s: %s\n", label, value);
  LINE (_("Reference"), m->reference);
  LINE (_("Type"), m->type);
  LINE (_("Decided by"), m->body);
  LINE (_("Date"), m->date);
  LINE (_("Submitted by"), submitters);
  LINE (_("Addressed to"), m->addressee);
#undef LINE
  if (m->is_public != BK_TRISTATE_UNKNOWN)
    g_print ("%s: %s\n", _("Public"), m->is_public == BK_TRISTATE_YES ? _("yes") : _("no"));
  if (m->resolution_points->len > 0)
    {
      g_autofree char *resolution = bk_motion_dup_resolution_text (m);

      g_print ("\n%s\n%s\n", _("What is asked:"), resolution);
    }
  else if (m->questions->len > 0)
    {
      g_autofree char *questions = bk_motion_dup_resolution_text (m);

      g_print ("\n%s\n%s\n", _("Questions:"), questions);
    }
  if (m->justification != NULL)
    g_print ("\n%s\n%s\n", _("Why:"), m->justification);
  if (m->easy_summary != NULL)
    g_print ("\n%s\n%s\n", _("In easy-read language:"), m->easy_summary);
  if (m->consultations->len > 0)
    {
      g_print ("\n%s\n", _("Where and when it is discussed:"));
      for (guint i = 0; i < m->consultations->len; i++)
        {
          const BkConsultation *c = g_ptr_array_index (m->consultations, i);

          g_print ("  %s  %s%s%s\n", c->date ? c->date : "----------",
                   c->committee ? c->committee : "?",
                   c->role ? " – " : "", c->role ? c->role : "");
        }
    }
  if (m->related_references->len > 0)
    {
      g_print ("\n%s\n", _("Related papers:"));
      for (guint i = 0; i < m->related_references->len; i++)
        g_print ("  %s\n", (char *) g_ptr_array_index (m->related_references, i));
    }
  if (m->warnings->len > 0)
    {
      g_print ("\n%s\n", _("To check before citizens read it:"));
      for (guint i = 0; i < m->warnings->len; i++)
        g_print ("  – %s\n", ((const BkWarning *) g_ptr_array_index (m->warnings, i))->message);
    }
}

static int
cmd_show (CtlGlobals *globals,
          int         argc,
          char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BkMotion) motion = NULL;
  gboolean as_json = FALSE;
  gint64 id = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("show", _("ID|REFERENCE"),
                                     _("Show one stored motion by its number in the kiosk or its "
                                       "reference (e.g. 12/0345)."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc != 2)
    {
      g_printerr (_("buergerkiosk-ctl show: give exactly one motion id or reference\n"));
      return EXIT_FAILURE_;
    }
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  if (!g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    id = bk_store_find_motion_by_reference (store, argv[1]);
  if (id == 0)
    {
      g_printerr (_("buergerkiosk-ctl show: no motion “%s”\n"), argv[1]);
      return EXIT_FAILURE_;
    }
  motion = bk_store_load_motion (store, id, &error);
  if (motion == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  if (as_json)
    {
      g_autofree char *json = bk_motion_to_json_string (motion, TRUE);

      g_print ("%s\n", json);
    }
  else
    print_motion_text (motion);
  return EXIT_OK;
}

static int
cmd_check (CtlGlobals *globals,
           int         argc,
           char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  if (!bk_ctl_parse_command_options ("check", NULL,
                                     _("Check the database's integrity and its search index."),
                                     NULL, &argc, &argv))
    return EXIT_FAILURE_;
  store = bk_ctl_open_store_or_print (globals);
  if (store == NULL)
    return EXIT_FAILURE_;
  if (!bk_store_check (store, report, &error))
    {
      g_printerr ("%s", report->str);
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: OK (schema version %d, %u motion)\n",
                        "%s: OK (schema version %d, %u motions)\n",
                        bk_store_count_motions (store)),
           bk_store_get_path (store), bk_store_get_schema_version (store),
           bk_store_count_motions (store));
  g_print (_("%u services, %u submissions\n"), bk_store_count_services (store),
           bk_store_count_submissions (store));
  return EXIT_OK;
}

static int
cmd_restore (CtlGlobals *globals,
             int         argc,
             char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *broken = NULL;

  if (!bk_ctl_parse_command_options ("restore", _("FILE"),
                                     _("Put a backup (from the folder “backups” beside the database) "
                                       "in place of the kiosk's database: it is checked first "
                                       "(integrity, search index, schema) and replaces the database "
                                       "in one step; the database it replaces and files moved aside "
                                       "as broken are kept. Stop the kiosk first, start it afterwards."),
                                     NULL, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc != 2)
    {
      g_printerr (_("buergerkiosk-ctl restore: name the one backup file to restore\n"));
      return EXIT_FAILURE_;
    }
  path = bk_ctl_dup_db_path (globals, &error);
  if (path == NULL || !bk_start_restore (path, argv[1], NULL, &replaced, &error))
    {
      bk_ctl_print_error (error);
      return bk_ctl_exit_status_for (error);
    }
  g_print (_("%s restored as %s\n"), argv[1], path);
  if (replaced != NULL)
    g_print (_("The database it replaced is kept as %s\n"), replaced);
  broken = bk_start_find_broken (path);
  if (broken != NULL)
    g_print (_("The broken database %s is kept; delete it once it is no longer needed\n"), broken);
  g_print ("%s\n", _("Start the kiosk again (systemctl restart buergerkiosk) to use it."));
  return EXIT_OK;
}

static gboolean
speak_finished_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
on_speak_finished (BkSpeech  *speech,
                   guint      id,
                   gboolean   interrupted,
                   GMainLoop *loop)
{
  speak_finished_cb (loop);
}

static void
on_speak_error (BkSpeech   *speech,
                const char *message,
                GMainLoop  *loop)
{
  g_printerr ("buergerkiosk-ctl speak: %s\n", message);
}

/* One JSON object per line, so that scripts can stream it. Offsets count
 * characters of TEXT without any [[lang=…]] markers. */
static void
print_speech_marks (GArray *marks)
{
  for (guint i = 0; i < marks->len; i++)
    {
      BkSpeechMark *mark = &g_array_index (marks, BkSpeechMark, i);

      g_print ("{\"type\":\"%s\",\"text_offset\":%u,\"length\":%u,\"audio_ms\":%u}\n",
               mark->sentence ? "sentence" : "word", mark->text_offset, mark->length,
               mark->audio_ms);
    }
}

static int
cmd_speak (CtlGlobals *globals,
           int         argc,
           char      **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkSpeech) speech = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *wav = NULL;
  g_autofree char *text = NULL;
  gboolean events = FALSE;
  int rate = 3;
  GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang,
      N_("Speak in the voice of LANG (de, en, tr, ar, uk; default: the interface language)"),
      N_("LANG") },
    { "rate", 'r', 0, G_OPTION_ARG_INT, &rate,
      N_("Speaking rate from 1 (very slow) to 5 (very fast); default 3"), N_("1-5") },
    { "wav", 'w', 0, G_OPTION_ARG_FILENAME, &wav,
      N_("Write the speech to FILE (WAV, 16-bit mono) instead of playing it"), N_("FILE") },
    { "events", 'e', 0, G_OPTION_ARG_NONE, &events,
      N_("Print word and sentence events as JSON lines"), NULL },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("speak", _("TEXT…"),
                                     _("Speak TEXT with the kiosk's voice. Foreign words can be marked "
                                       "as “[[lang=en]]Open Data[[/lang]]”."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc < 2)
    {
      g_printerr (_("buergerkiosk-ctl speak: give the text to speak\n"));
      return EXIT_FAILURE_;
    }
  if (rate < 1 || rate > BK_SPEECH_N_RATES)
    {
      g_printerr (_("buergerkiosk-ctl speak: the rate must be between 1 and 5\n"));
      return EXIT_FAILURE_;
    }
  text = g_strjoinv (" ", argv + 1);
  /* Only playing needs a device; a WAV or the events are made without one. */
  speech = bk_speech_new (wav == NULL ? BK_SPEECH_OUTPUT_AUDIO : BK_SPEECH_OUTPUT_MEMORY, &error);
  if (speech == NULL && events && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED))
    {
      /* No device: the events are still worth printing, but the command failed. */
      g_autoptr(GError) memory_error = NULL;

      speech = bk_speech_new (BK_SPEECH_OUTPUT_MEMORY, &memory_error);
      if (speech != NULL)
        {
          g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));

          if (bk_speech_synthesize (speech, text, lang, rate - 1, NULL, NULL, marks, NULL))
            print_speech_marks (marks);
        }
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  if (speech == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  if (wav != NULL || events)
    {
      g_autoptr(GByteArray) pcm = g_byte_array_new ();
      g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (BkSpeechMark));
      guint sample_rate = 0;

      if (!bk_speech_synthesize (speech, text, lang, rate - 1, pcm, &sample_rate, marks, &error))
        {
          bk_ctl_print_error (error);
          return EXIT_FAILURE_;
        }
      if (wav != NULL && !bk_speech_write_wav (wav, pcm->data, pcm->len, sample_rate, &error))
        {
          bk_ctl_print_error (error);
          return EXIT_FAILURE_;
        }
      if (events)
        print_speech_marks (marks);
    }
  if (wav == NULL)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

      bk_speech_set_rate (speech, rate - 1);
      g_signal_connect (speech, "utterance-finished", G_CALLBACK (on_speak_finished), loop);
      g_signal_connect (speech, "error", G_CALLBACK (on_speak_error), loop);
      if (bk_speech_say (speech, text, lang, BK_SPEECH_INTERRUPT, BK_SPEECH_FLAG_NONE) == 0)
        return EXIT_OK;
      g_main_loop_run (loop);
    }
  return EXIT_OK;
}

static const struct {
  const char *name;
  CtlCommand  run;
  const char *summary;
} commands[] = {
  { "parse",  cmd_parse,  N_("Print the motion in a text, Markdown, HTML or PDF file as JSON") },
  { "import", cmd_import, N_("Import papers, OParl JSON and service catalogues (JSON, XZuFi) into the database") },
  { "search", cmd_search, N_("Search the stored motions") },
  { "show",   cmd_show,   N_("Show one stored motion") },
  { "warnings", bk_ctl_cmd_warnings, N_("List the motions a clerk should check, with what to check") },
  { "check",  cmd_check,  N_("Check the database and its search index") },
  { "restore", cmd_restore, N_("Put a checked backup in place of the database") },
  { "speak",  cmd_speak,  N_("Speak a text, or write it as WAV, with the kiosk's voice") },
  { "services", bk_ctl_cmd_services, N_("List the service catalogue") },
  { "service", bk_ctl_cmd_service, N_("Print one service with the office in each town as JSON") },
  { "towns", bk_ctl_cmd_towns, N_("List, add or remove the towns the kiosk serves (by ARS)") },
  { "export-submissions", bk_ctl_cmd_export_submissions,
    N_("Print citizens' submissions as JSON or CSV and mark them exported") },
  { "purge",  bk_ctl_cmd_purge, N_("Delete submissions older than the retention period") },
  { "retention", bk_ctl_cmd_retention, N_("Show or set how many days submissions are kept") },
  { "set-staff-pin", bk_ctl_cmd_set_staff_pin,
    N_("Set the PIN that opens staff mode (read from standard input)") },
  { "stats", bk_ctl_cmd_stats, N_("Print the anonymous usage statistics as CSV or JSON") },
  { "outbox", bk_ctl_cmd_outbox,
    N_("Show the submissions on their way to the authorities (status, list) or send one again (retry ID)") },
  { "sync", bk_ctl_cmd_sync, N_("Sync motions, meetings and decisions from OParl servers over HTTP") },
};

static char *
describe_commands (void)
{
  GString *s = g_string_new (_("Commands:"));
  int width = 8;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (s, "\n  %-*s %s", width, commands[i].name, _(commands[i].summary));
  g_string_append_printf (s, "\n\n%s",
                          _("Run “buergerkiosk-ctl COMMAND --help” for a command's options.\n"
                            "Exit status: 0 success, 1 failure or usage error (also: the database "
                            "is locked, read-only, damaged or the disk is full), 2 the input was "
                            "rejected (a file that cannot be imported or restored, a PIN that "
                            "breaks the rules); nothing of it was stored."));
  return g_string_free (s, FALSE);
}

int
bk_ctl_run (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *delivery_path = NULL;
  gboolean version = FALSE;
  CtlGlobals globals = { 0 };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database at PATH instead of the kiosk's default"), N_("PATH") },
    { "delivery-config", 0, 0, G_OPTION_ARG_FILENAME, &delivery_path,
      N_("Read where submissions go from PATH instead of the kiosk's default delivery file"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  bk_i18n_init (FALSE);
  g_set_prgname ("buergerkiosk-ctl");

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, _("Staff and administration tool for Bürgerkiosk."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("buergerkiosk-ctl: %s\n", error->message);
      return EXIT_FAILURE_;
    }
  if (version)
    {
      g_print ("buergerkiosk-ctl %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_FAILURE_;
    }
  globals.db_path = db_path;
  globals.delivery_config = delivery_path;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].run (&globals, argc - 1, argv + 1);

  g_printerr (_("buergerkiosk-ctl: unknown command “%s”; see --help\n"), argv[1]);
  return EXIT_FAILURE_;
}
