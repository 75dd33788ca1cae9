/* bk-scanner.h: switch scanning of a kiosk window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-voice.h"

G_BEGIN_DECLS

#define BK_TYPE_SCANNER (bk_scanner_get_type ())
G_DECLARE_FINAL_TYPE (BkScanner, bk_scanner, BK, SCANNER, GObject)

typedef enum
{
  BK_SCAN_OFF,
  BK_SCAN_ONE_SWITCH,   /* automatic steps; the switch selects */
  BK_SCAN_TWO_SWITCH,   /* one switch steps, the other selects */
} BkScanMode;

/* CSS classes of the highlights. */
#define BK_SCAN_GROUP_HIGHLIGHT "bk-scan-group-current"
#define BK_SCAN_ITEM_HIGHLIGHT  "bk-scan-current"
#define BK_SCAN_LEAVE_HIGHLIGHT "bk-scan-leave"

BkScanner  *bk_scanner_new                 (GtkWidget  *window,
                                            BkVoice    *voice);
/* The mode and interval follow the voice's settings (scan-mode,
 * scan-interval). */
BkScanMode  bk_scanner_get_mode            (BkScanner  *self);

/* One step: the next group, or in a group the next item and at the end
 * "leave group". The automatic timer calls this too. */
void        bk_scanner_step                (BkScanner  *self);
/* The switch: enters the highlighted group, activates the highlighted item
 * (then scanning starts again at the groups) or leaves the group. */
void        bk_scanner_select              (BkScanner  *self);
/* Back to the first group, e.g. after a page change. */
void        bk_scanner_restart             (BkScanner  *self);

/* What the select switch would do now, for explore mode. */
char       *bk_scanner_dup_selection_text  (BkScanner  *self);

/* Signal "said" (const char *text). */

G_END_DECLS
