#pragma once

/* Structured log records caught in tests (g_test_expect_message does not
 * see g_log_structured). Warnings are caught, not fatal; the rest passes on. */

#include <glib.h>

typedef struct {
  GLogLevelFlags level;
  char *domain;
  char *message;
  char *event;     /* BK_EVENT or NULL */
  char *detail;    /* BK_DETAIL or NULL */
} BkLogRecord;

void         bk_log_capture_start (void);
/* The records since start (or the last clear). */
GPtrArray   *bk_log_capture_get   (void);
void         bk_log_capture_clear (void);
/* The first record with this event or whose message contains text; NULL if none. */
BkLogRecord *bk_log_capture_find  (const char *event,
                                   const char *text);
/* TRUE when text occurs in any field of any record. */
gboolean     bk_log_capture_mentions (const char *text);
