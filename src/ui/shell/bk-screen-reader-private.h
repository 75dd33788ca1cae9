/* bk-screen-reader-private.h: the decision without the buses (tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bk-screen-reader.h"

G_BEGIN_DECLS

/* events: the a(ss) of org.a11y.atspi.Registry.GetRegisteredEvents. TRUE
 * when one client listens to both focus changes and caret moves. */
gboolean _bk_screen_reader_events_say_reader (GVariant *events);

G_END_DECLS
