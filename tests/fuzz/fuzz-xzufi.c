/* fuzz-xzufi.c: libFuzzer target for XZuFi messages (service descriptions)
 *
 * Arbitrary bytes through the sniffer and the importer, in a transaction on
 * an in-memory store, as `import` and the staff page run them. Invariants:
 * no crash, no sanitizer report, no GLib critical, a failure always has a
 * message. Built by run-fuzz.sh; not part of the meson build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <stddef.h>
#include <glib.h>

#include "bk-fuzz-common.h"
#include "bk-store.h"
#include "bk-xzufi.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static BkStore *store;
  static guint runs;
  g_autoptr(GError) error = NULL;
  BkXzufiStats stats = { 0 };

  /* a fresh store now and then: imports that pile up would slow every run */
  if (runs++ % 1000 == 0)
    g_clear_object (&store);
  if (store == NULL)
    {
      bk_fuzz_init ();
      store = bk_store_open (NULL, 0, &error);
      if (store == NULL)
        g_error ("cannot open an in-memory store: %s", error->message);
    }
  (void) bk_xzufi_sniff ((const char *) data, size);
  if (!bk_store_begin (store, &error))
    g_error ("begin: %s", error->message);
  if (bk_xzufi_import_data (store, (const char *) data, size, "fuzz.xml", &stats, &error))
    {
      g_autofree char *what = bk_xzufi_describe ("fuzz.xml", &stats);

      if (!bk_store_commit (store, &error))
        g_error ("commit: %s", error->message);
    }
  else
    {
      bk_fuzz_check_error (error);
      bk_store_rollback (store);
    }
  bk_xzufi_stats_clear (&stats);
  return 0;
}
