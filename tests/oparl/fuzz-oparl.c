/* libFuzzer target: arbitrary bytes into the OParl importer.
 * Built by run-fuzz.sh; not part of the meson build. */

#include <stdint.h>
#include <stddef.h>
#include <glib.h>

#include "bk-oparl.h"
#include "bk-store.h"

static BkStore *store;

static void
quiet_log (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GError *error = NULL;
  BkOParlStats stats = { 0 };

  if (store == NULL)
    {
      g_log_set_handler (NULL, G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO, quiet_log, NULL);
      store = bk_store_open (NULL, 0, &error);
      if (store == NULL)
        g_error ("cannot open an in-memory store: %s", error->message);
    }

  if (!bk_store_begin (store, &error))
    g_error ("begin: %s", error->message);
  if (bk_oparl_import_data (store, (const char *) data, size, "fuzz.json", NULL,
                            &stats, &error))
    {
      if (!bk_store_commit (store, &error))
        g_error ("commit: %s", error->message);
    }
  else
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        g_error ("failure without an error message");
      g_clear_error (&error);
      bk_store_rollback (store);
    }
  return 0;
}
