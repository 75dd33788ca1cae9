#include "bk-oparl.h"
#include "bk-error.h"

gboolean
bk_oparl_import_file (BkStore *store, const char *path, BkOParlStats *stats, GError **error)
{
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "not written yet");
  return FALSE;
}

gboolean
bk_oparl_import_data (BkStore *store, const char *data, gsize len, const char *name,
                      const char *base_dir, BkOParlStats *stats, GError **error)
{
  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "not written yet");
  return FALSE;
}
