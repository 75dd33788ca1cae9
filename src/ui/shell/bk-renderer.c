/* bk-renderer.c: the renderer that fits the hardware (see bk-renderer.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-renderer"

#include "bk-config.h"

#include <string.h>
#include <epoxy/gl.h>

#include "bk-renderer-private.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#include <cairo-xlib.h>
#endif

static const char *choice = "GTK's default";

/* What GSK draws with, kept where it is decided (the frame pool needs it). */
typedef enum {
  DRAWS_UNDECIDED,
  DRAWS_CAIRO,
  DRAWS_OTHER,
} Draws;

static Draws draws = DRAWS_UNDECIDED;

/* GSK_RENDERER's value, or the display's "gsk-renderer" that GSK reads first. */
static Draws
draws_named (const char *name)
{
  if (name == NULL || name[0] == '\0')
    return DRAWS_UNDECIDED;
  return g_str_equal (name, "cairo") ? DRAWS_CAIRO : DRAWS_OTHER;
}

BkRendererEarly
_bk_renderer_decide_early (const char  *gsk_renderer,
                           const char  *libgl_always_software,
                           gboolean     have_gpu_device,
                           const char **reason)
{
  if (gsk_renderer != NULL && gsk_renderer[0] != '\0')
    {
      *reason = "GSK_RENDERER set";
      return BK_RENDERER_KEEP;
    }
  if (libgl_always_software != NULL && libgl_always_software[0] != '\0' &&
      !g_str_equal (libgl_always_software, "0") &&
      g_ascii_strcasecmp (libgl_always_software, "false") != 0)
    {
      *reason = "LIBGL_ALWAYS_SOFTWARE set";
      return BK_RENDERER_CAIRO;
    }
  if (!have_gpu_device)
    {
      *reason = "no GPU device";
      return BK_RENDERER_CAIRO;
    }
  *reason = "a GPU device";
  return BK_RENDERER_PROBE;
}

gboolean
_bk_renderer_is_software (const char *gl_renderer)
{
  static const char *const software[] = {
    "llvmpipe", "softpipe", "swrast", "software rasterizer", "swiftshader",
  };
  g_autofree char *lower = NULL;

  if (gl_renderer == NULL)
    return FALSE;
  lower = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (lower, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A render or card node under /dev/dri: Mesa could drive a GPU. */
static gboolean
have_gpu_device (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD") || g_str_has_prefix (name, "card"))
      return TRUE;
  return FALSE;
}

static gboolean probe_display;

void
bk_renderer_choose_early (void)
{
  const char *reason = NULL;

  switch (_bk_renderer_decide_early (g_getenv ("GSK_RENDERER"), g_getenv ("LIBGL_ALWAYS_SOFTWARE"),
                                     have_gpu_device (), &reason))
    {
    case BK_RENDERER_KEEP:
      choice = "GSK_RENDERER from the environment";
      draws = draws_named (g_getenv ("GSK_RENDERER"));
      break;
    case BK_RENDERER_CAIRO:
      {
        const char *debug = g_getenv ("GDK_DEBUG");
        g_autofree char *with_gl_disabled = NULL;

        /* Called from main before any thread runs: setenv is safe here. */
        g_setenv ("GSK_RENDERER", "cairo", TRUE);
        with_gl_disabled = debug != NULL && debug[0] != '\0'
                           ? g_strconcat (debug, ",gl-disable", NULL)
                           : g_strdup ("gl-disable");
        g_setenv ("GDK_DEBUG", with_gl_disabled, TRUE);
        choice = g_str_equal (reason, "no GPU device") ? "cairo, without GL (no GPU device)"
                                                        : "cairo, without GL (LIBGL_ALWAYS_SOFTWARE)";
        draws = DRAWS_CAIRO;
        break;
      }
    case BK_RENDERER_PROBE:
    default:
      choice = "GL unless it runs in software (asked when the display opens)";
      probe_display = TRUE;
      break;
    }
  g_debug ("renderer: %s", choice);
}

void
bk_renderer_choose_for_display (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *gl_renderer;
  const char *set_already;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (!probe_display)
    return;
  probe_display = FALSE;
  set_already = g_object_get_data (G_OBJECT (display), "gsk-renderer");
  if (set_already != NULL)
    {
      draws = draws_named (set_already);
      return;
    }

  /* On X11 GDK has set GL up already (to pick the visual), so this costs a
   * context, not the driver. */
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      /* GTK falls back to cairo by itself. */
      g_debug ("renderer: no GL (%s)", error ? error->message : "?");
      choice = "cairo (no GL)";
      draws = DRAWS_CAIRO;
      return;
    }
  gdk_gl_context_make_current (context);
  gl_renderer = (const char *) glGetString (GL_RENDERER);
  if (_bk_renderer_is_software (gl_renderer))
    {
      /* GSK reads this before GSK_RENDERER: set only because that is unset. */
      g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);
      choice = "cairo (GL runs in software)";
      draws = DRAWS_CAIRO;
    }
  else
    {
      choice = "GL (a GPU)";
      draws = DRAWS_OTHER;
    }
  g_debug ("renderer: %s; GL_RENDERER %s", choice, gl_renderer ? gl_renderer : "?");
  gdk_gl_context_clear_current ();
}

const char *
bk_renderer_get_choice (void)
{
  return choice;
}

/* ---- the shared-memory pool of cairo's X11 frames (see bk-renderer.h) ---- */

void
bk_renderer_keep_frame_pool (GdkDisplay *display)
{
#ifdef GDK_WINDOWING_X11
  GListModel *monitors;
  Display *xdisplay;
  int screen;
  int width = 0, height = 0;
  cairo_surface_t *root;
  cairo_surface_t *frame;
  cairo_surface_t *keep;
#endif

  g_return_if_fail (GDK_IS_DISPLAY (display));

#ifdef GDK_WINDOWING_X11
  if (!GDK_IS_X11_DISPLAY (display) || draws != DRAWS_CAIRO ||
      g_object_get_data (G_OBJECT (display), "bk-frame-pool") != NULL)
    return;

  /* The largest frame: a window over the largest monitor. */
  monitors = gdk_display_get_monitors (display);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;
      int scale = gdk_monitor_get_scale_factor (monitor);

      gdk_monitor_get_geometry (monitor, &geometry);
      if ((gint64) geometry.width * geometry.height * scale * scale > (gint64) width * height)
        {
          width = geometry.width * scale;
          height = geometry.height * scale;
        }
    }
  if (width <= 0 || height <= 0)
    return;

  /* On GDK's own connection: cairo keeps its pools per connection. An
   * image of the frame's size makes cairo map a pool big enough and clear
   * the image (the kiosk's pages are touched; the X server's are at the
   * first frame). The small image, made while the large one still holds
   * the pool, keeps the pool once the large one is gone. */
  xdisplay = gdk_x11_display_get_xdisplay (display);
  screen = DefaultScreen (xdisplay);
  root = cairo_xlib_surface_create (xdisplay, RootWindow (xdisplay, screen),
                                    DefaultVisual (xdisplay, screen), 1, 1);
  frame = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32, width, height);
  keep = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32, 32, 32);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (root);
  g_object_set_data_full (G_OBJECT (display), "bk-frame-pool", keep,
                          (GDestroyNotify) cairo_surface_destroy);
  g_debug ("frame pool: kept for %d × %d", width, height);
#endif
}
