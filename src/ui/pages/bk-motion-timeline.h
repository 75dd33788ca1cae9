/* bk-motion-timeline.h: where and when a motion is discussed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bk-motion.h"
#include "bk-reader.h"

G_BEGIN_DECLS

/* Fills box with motion's consultations, each read aloud as part of
 * section of reader. Returns their committees, roles and meeting names as
 * text (for the words-explained buttons). */
char *bk_motion_timeline_fill (GtkBox         *box,
                               const BkMotion *motion,
                               BkReader       *reader,
                               guint           section);

G_END_DECLS
