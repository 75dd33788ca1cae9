/* bk-import.c: one file or folder into the store, whatever its format
 *
 * Picks the importer (text motion, OParl, service catalogue, digital
 * projects) from the option or the content and wraps it in one transaction,
 * so that a file is imported whole or not at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-import"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-error.h"
#include "bk-import.h"
#include "bk-oparl.h"
#include "bk-oparl-folder.h"
#include "bk-paper-reader.h"
#include "bk-project-import.h"
#include "bk-service-import.h"
#include "bk-text-parser.h"
#include "bk-xzufi.h"

gboolean
bk_import_read_file (const char  *path,
                     gsize        max_size,
                     char       **contents,
                     gsize       *length,
                     GError     **error)
{
  GStatBuf st;
  g_autoptr(GError) local_error = NULL;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("%s: cannot read the file: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: not a regular file"), path);
      return FALSE;
    }
  if ((guint64) st.st_size > max_size)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%s; the limit is %s)"), path, size, limit);
      return FALSE;
    }
  if (!g_file_get_contents (path, contents, length, &local_error))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_NOT_FOUND, _("%s: cannot read the file: %s"),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
looks_like_json (const char *data,
                 gsize       len)
{
  gsize i = 0;

  /* A UTF-8 byte order mark may precede JSON written by Windows tools. */
  if (len >= 3 && (guchar) data[0] == 0xEF && (guchar) data[1] == 0xBB && (guchar) data[2] == 0xBF)
    i = 3;
  for (; i < len; i++)
    {
      if (g_ascii_isspace (data[i]))
        continue;
      return data[i] == '{' || data[i] == '[';
    }
  return FALSE;
}

static BkImportFormat
detect_format (const char *path,
               const char *data,
               gsize       len)
{
  if (g_str_has_suffix (path, ".xml") || bk_xzufi_sniff (data, len))
    return BK_IMPORT_FORMAT_XZUFI;
  if (g_str_has_suffix (path, ".json") || looks_like_json (data, len))
    {
      if (bk_project_import_sniff (data, len))
        return BK_IMPORT_FORMAT_PROJECTS;
      return bk_service_import_sniff (data, len) ? BK_IMPORT_FORMAT_SERVICES
                                                 : BK_IMPORT_FORMAT_OPARL;
    }
  return BK_IMPORT_FORMAT_TEXT;
}

static gboolean
import_paper (BkStore      *store,
              const char   *path,
              const char   *data,
              gsize         len,
              char        **summary,
              GStrv        *warnings,
              GError      **error)
{
  g_autoptr(BkMotion) motion = bk_paper_read_data (data, len, path, BK_PAPER_FORMAT_AUTO, error);

  if (motion == NULL)
    return FALSE;
  /* A README or a letter about something else must not become a motion
   * that citizens read: a paper asks for something or asks questions, and
   * someone submits it. */
  if (motion->resolution_points->len == 0 && motion->questions->len == 0 && motion->submitters->len == 0)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                   _("%s: this does not look like a council paper: it neither proposes a resolution "
                     "nor asks questions, and it names no one who submits it; nothing was imported"),
                   path);
      return FALSE;
    }
  if (motion->source == NULL)
    {
      g_autofree char *base = g_path_get_basename (path);

      motion->source = g_steal_pointer (&base);
    }
  if (!bk_store_save_motion (store, motion, error))
    return FALSE;
  if (summary != NULL)
    *summary = g_strdup_printf (_("%s: motion “%s” imported"), path,
                                motion->subject ? motion->subject : motion->reference ?
                                motion->reference : _("(no subject)"));
  if (warnings != NULL)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

      for (guint i = 0; i < motion->warnings->len; i++)
        g_strv_builder_add (b, ((const BkWarning *) g_ptr_array_index (motion->warnings, i))->message);
      *warnings = g_strv_builder_end (b);
    }
  return TRUE;
}

static char *
describe_stats (const char         *path,
                const BkOParlStats *stats)
{
  return g_strdup_printf (_("%s: imported – papers: %u, meetings: %u, organizations: %u, "
                            "persons: %u, deleted: %u"),
                          path, stats->papers, stats->meetings, stats->organizations,
                          stats->persons, stats->deleted);
}

/* The notes of an XZuFi import go to the caller or to the journal. */
static void
pass_notes (const BkXzufiStats *stats,
            GPtrArray          *notes)
{
  for (guint i = 0; stats->notes != NULL && i < stats->notes->len; i++)
    {
      const char *note = g_ptr_array_index (stats->notes, i);

      if (notes != NULL)
        g_ptr_array_add (notes, g_strdup (note));
      else
        g_message ("%s", note);
    }
}

static gboolean
import_publication (BkStore    *store,
                    const char *folder,
                    char      **summary,
                    GPtrArray  *notes,
                    GError    **error)
{
  BkXzufiStats stats = { 0 };
  gboolean ok = bk_xzufi_import_folder (store, folder, &stats, error);

  if (ok)
    {
      pass_notes (&stats, notes);
      if (summary != NULL)
        *summary = bk_xzufi_describe (folder, &stats);
    }
  bk_xzufi_stats_clear (&stats);
  return ok;
}

static gboolean
is_paper_name (const char *name)
{
  static const char *const suffixes[] = { ".txt", ".md", ".html", ".htm", ".xhtml", ".pdf" };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
bk_import_list_paper_folder (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) papers = NULL;
  const char *name;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || bk_xzufi_is_publication (path))
    return NULL;
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return NULL;
  papers = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      if (name[0] == '.' || !g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      /* OParl JSON makes it an export, read as one */
      if (g_str_has_suffix (name, ".json"))
        return NULL;
      if (is_paper_name (name))
        g_ptr_array_add (papers, g_steal_pointer (&file));
    }
  if (papers->len == 0)
    return NULL;
  g_ptr_array_sort (papers, compare_paths);
  return g_steal_pointer (&papers);
}

static gboolean
import_folder (BkStore    *store,
               const char *path,
               char      **summary,
               GPtrArray  *notes,
               GError    **error)
{
  BkOParlStats stats = { 0 };

  if (bk_xzufi_is_publication (path))
    return import_publication (store, path, summary, notes, error);
  if (!bk_oparl_import_folder (store, path, &stats, error))
    return FALSE;
  if (summary != NULL)
    *summary = describe_stats (path, &stats);
  return TRUE;
}

/* The index of an XZuFi publication: the file itself stands for its folder. */
static gboolean
is_index (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_str_equal (base, BK_XZUFI_INDEX) && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

gboolean
bk_import_file (BkStore        *store,
                const char     *path,
                BkImportFormat  format,
                char          **summary,
                GError        **error)
{
  return bk_import_file_full (store, path, format, summary, NULL, NULL, error);
}

gboolean
bk_import_file_full (BkStore        *store,
                     const char     *path,
                     BkImportFormat  format,
                     char          **summary,
                     GStrv          *warnings,
                     GPtrArray      *notes,
                     GError        **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  gboolean ok;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR) || is_index (path))
    {
      g_autofree char *folder = is_index (path) ? g_path_get_dirname (path) : g_strdup (path);

      if (!bk_store_begin (store, error))
        return FALSE;
      if (!import_folder (store, folder, summary, notes, error))
        {
          bk_store_rollback (store);
          return FALSE;
        }
      return bk_store_commit (store, error);
    }

  if (warnings != NULL)
    *warnings = NULL;
  if (!bk_import_read_file (path, MAX (MAX (BK_OPARL_MAX_SIZE, BK_PAPER_MAX_SIZE), BK_XZUFI_MAX_SIZE),
                            &data, &len, error))
    return FALSE;
  if (format == BK_IMPORT_FORMAT_AUTO)
    format = detect_format (path, data, len);
  if (format == BK_IMPORT_FORMAT_TEXT && len > BK_TEXT_PARSER_MAX_SIZE
      && bk_paper_detect_format (path, data, len) == BK_PAPER_FORMAT_TEXT)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (BK_TEXT_PARSER_MAX_SIZE);

      g_set_error (error, BK_ERROR, BK_ERROR_TOO_LARGE,
                   _("%s: the file is too large for a motion text (%s; the limit is %s)"),
                   path, size, limit);
      return FALSE;
    }

  if (!bk_store_begin (store, error))
    return FALSE;
  if (format == BK_IMPORT_FORMAT_OPARL)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      BkOParlStats stats = { 0 };

      ok = bk_oparl_import_data (store, data, len, path, dir, &stats, error);
      if (ok && summary != NULL)
        *summary = describe_stats (path, &stats);
    }
  else if (format == BK_IMPORT_FORMAT_SERVICES)
    {
      guint count = 0;

      ok = bk_service_import_data (store, data, len, path, &count, error);
      if (ok && summary != NULL)
        *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u service imported",
                                                 "%s: %u services imported", count),
                                    path, count);
    }
  else if (format == BK_IMPORT_FORMAT_PROJECTS)
    {
      guint count = 0;

      ok = bk_project_import_data (store, data, len, path, &count, error);
      if (ok && summary != NULL)
        *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u project imported",
                                                 "%s: %u projects imported", count),
                                    path, count);
    }
  else if (format == BK_IMPORT_FORMAT_XZUFI)
    {
      BkXzufiStats stats = { 0 };

      ok = bk_xzufi_import_data (store, data, len, path, &stats, error);
      if (ok)
        {
          pass_notes (&stats, notes);
          if (summary != NULL)
            *summary = bk_xzufi_describe (path, &stats);
        }
      bk_xzufi_stats_clear (&stats);
    }
  else
    ok = import_paper (store, path, data, len, summary, warnings, error);

  if (!ok)
    {
      bk_store_rollback (store);
      return FALSE;
    }
  return bk_store_commit (store, error);
}
