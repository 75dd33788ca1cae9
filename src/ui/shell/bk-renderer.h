/* bk-renderer.h: the renderer that fits the hardware
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK draws with OpenGL where it can. OpenGL without a GPU runs in software
 * (Mesa's llvmpipe): every frame is slower than with GTK's cairo renderer
 * and the process needs several times the memory. The kiosk therefore picks:
 *
 *  - before the display opens (main, before any thread starts): without a
 *    GPU device (/dev/dri) or with LIBGL_ALWAYS_SOFTWARE, GL can only run in
 *    software, so GSK_RENDERER=cairo and GDK_DEBUG=gl-disable (GTK does not
 *    even load the GL driver);
 *  - when the display is open, before the first window is realised: a GL
 *    context that reports a software renderer (llvmpipe, softpipe, swrast)
 *    makes the display use cairo too.
 *
 * A GSK_RENDERER set in the environment always wins (GSK_RENDERER=gl forces
 * GL, GSK_RENDERER=cairo forces cairo with GL still loaded);
 * G_MESSAGES_DEBUG=bk-renderer prints the choice. */
void        bk_renderer_choose_early       (void);
void        bk_renderer_choose_for_display (GdkDisplay *display);

/* With GTK's cairo renderer on X11, cairo paints each frame into an image
 * in memory it shares with the X server, taken from a pool that cairo 1.16
 * unmaps as soon as it is empty. A frame that repaints the whole window
 * then maps a fresh segment and both processes fault in its pages (on a VM
 * 10–20 ms of a 1280×1024 repaint). This makes a pool big enough for a
 * window over the largest monitor and keeps it, with one small image in it,
 * for as long as the display is open, so the pages of every full repaint
 * are there already. Call it once bk_renderer_choose_early and
 * bk_renderer_choose_for_display have chosen, before the first window; does
 * nothing on Wayland, with GL, or when nothing was chosen. */
void        bk_renderer_keep_frame_pool    (GdkDisplay *display);

/* What was chosen and why, for the journal: "cairo (no GPU device)", … */
const char *bk_renderer_get_choice         (void);

G_END_DECLS
