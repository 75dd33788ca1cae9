/* bk-renderer-private.h: the renderer choice without the process's state (tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bk-renderer.h"

G_BEGIN_DECLS

typedef enum
{
  BK_RENDERER_KEEP,     /* the environment chose: leave GTK alone */
  BK_RENDERER_CAIRO,    /* GL can only run in software: cairo, no GL at all */
  BK_RENDERER_PROBE,    /* a GPU may be there: ask GL when the display is open */
} BkRendererEarly;

/* gsk_renderer, libgl_always_software: the environment's values (or NULL);
 * have_gpu_device: a device node under /dev/dri exists. *reason is static. */
BkRendererEarly _bk_renderer_decide_early (const char  *gsk_renderer,
                                           const char  *libgl_always_software,
                                           gboolean     have_gpu_device,
                                           const char **reason);

/* TRUE when gl_renderer (GL_RENDERER of a context) names a software rasterizer. */
gboolean        _bk_renderer_is_software  (const char  *gl_renderer);

G_END_DECLS
