/* bk-voice-private.h: for tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bk-voice.h"

G_BEGIN_DECLS

/* For tests: the language of the last on-demand utterance. */
const char *bk_voice_get_last_language       (BkVoice    *self);

G_END_DECLS
