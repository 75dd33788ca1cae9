#include <string.h>

#include "bk-log-capture.h"

static GPtrArray *records;

static void
record_free (BkLogRecord *record)
{
  g_free (record->domain);
  g_free (record->message);
  g_free (record->event);
  g_free (record->detail);
  g_free (record);
}

static char *
field_dup (const GLogField *field)
{
  if (field->length < 0)
    return g_strdup (field->value);
  return g_strndup (field->value, field->length);
}

static GLogWriterOutput
capture_writer (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields,
                gpointer user_data)
{
  BkLogRecord *record = g_new0 (BkLogRecord, 1);

  record->level = log_level;
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        record->domain = field_dup (&fields[i]);
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        record->message = field_dup (&fields[i]);
      else if (g_str_equal (fields[i].key, "BK_EVENT"))
        record->event = field_dup (&fields[i]);
      else if (g_str_equal (fields[i].key, "BK_DETAIL"))
        record->detail = field_dup (&fields[i]);
    }
  g_ptr_array_add (records, record);
  if (log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
bk_log_capture_start (void)
{
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  g_log_set_writer_func (capture_writer, NULL, NULL);
}

GPtrArray *
bk_log_capture_get (void)
{
  return records;
}

void
bk_log_capture_clear (void)
{
  g_ptr_array_set_size (records, 0);
}

BkLogRecord *
bk_log_capture_find (const char *event, const char *text)
{
  for (guint i = 0; i < records->len; i++)
    {
      BkLogRecord *r = g_ptr_array_index (records, i);

      if (event != NULL && g_strcmp0 (r->event, event) == 0)
        return r;
      if (text != NULL && r->message != NULL && strstr (r->message, text) != NULL)
        return r;
    }
  return NULL;
}

gboolean
bk_log_capture_mentions (const char *text)
{
  for (guint i = 0; i < records->len; i++)
    {
      BkLogRecord *r = g_ptr_array_index (records, i);

      if ((r->message && strstr (r->message, text)) || (r->detail && strstr (r->detail, text)))
        return TRUE;
    }
  return FALSE;
}
