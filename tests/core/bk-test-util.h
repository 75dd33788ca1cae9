#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* A new store in memory; fails the test when it cannot be opened. */
BkStore  *bk_test_store_open_memory (void);

/* A motion with the given subject, body and date (ISO), submitted by faction. */
BkMotion *bk_test_motion_new   (const char *subject,
                                const char *body,
                                const char *date,
                                const char *faction);
/* A path for name in a fresh temporary folder (the file is not made). */
char     *bk_test_tmp_path     (const char *name);
/* Writes contents to a new file in a fresh temporary folder; returns its path. */
char     *bk_test_write_file   (const char *name,
                                const char *contents,
                                gssize      len);
/* Fails the test when the store's integrity or search index check fails. */
void      bk_test_assert_check (BkStore    *store);

G_END_DECLS
