/* bk-ctl-staff.c: the staff commands of buergerkiosk-ctl
 *
 * set-staff-pin and stats. The PIN is read from standard input with echo
 * off, never from the command line, where any user could read it in the
 * process list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bk-ctl"

#include "bk-config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "bk-ctl-private.h"
#include "bk-error.h"
#include "bk-staff-log.h"
#include "bk-staff-pin.h"
#include "bk-stats.h"

/* One line from standard input without its line end; with echo off on a
 * terminal, so that nobody behind the clerk can read the PIN. */
static char *
read_secret_line (const char *prompt)
{
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  char buffer[256];
  char *line;

  if (tty)
    {
      g_printerr ("%s", prompt);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) ECHO;
          tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
        }
      else
        tty = FALSE;
    }
  line = fgets (buffer, sizeof buffer, stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  if (line == NULL)
    return NULL;
  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);
  return line;
}

static void
free_secret (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

int
bk_ctl_cmd_set_staff_pin (CtlGlobals *globals,
                          int         argc,
                          char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *pin = NULL;
  int status = EXIT_OK;

  if (!bk_ctl_parse_command_options ("set-staff-pin", NULL,
                                     _("Set the PIN that opens staff mode on the kiosk. The PIN "
                                       "is read from standard input (not shown on a terminal): "
                                       "at least 6 digits, nothing else."),
                                     NULL, &argc, &argv))
    return EXIT_FAILURE_;
  if (argc > 1)
    {
      g_printerr (_("buergerkiosk-ctl set-staff-pin: the PIN is read from standard input, "
                    "not given as an argument\n"));
      return EXIT_FAILURE_;
    }

  /* Translators: a prompt on the terminal; the digits typed are not shown */
  pin = read_secret_line (_("New staff PIN: "));
  if (pin == NULL)
    {
      g_printerr (_("buergerkiosk-ctl set-staff-pin: no PIN on standard input\n"));
      return EXIT_BAD_INPUT;
    }
  if (!bk_staff_pin_check_format (pin, &error))
    {
      bk_ctl_print_error (error);
      free_secret (pin);
      return EXIT_BAD_INPUT;
    }
  if (isatty (STDIN_FILENO))
    {
      char *again = read_secret_line (_("The same PIN again: "));
      gboolean same = again != NULL && strcmp (again, pin) == 0;

      free_secret (again);
      if (!same)
        {
          g_printerr (_("buergerkiosk-ctl set-staff-pin: the two PINs differ; nothing changed\n"));
          free_secret (pin);
          return EXIT_BAD_INPUT;
        }
    }

  store = bk_ctl_open_store (globals, &error);
  if (store == NULL || !bk_staff_pin_set (store, pin, &error))
    {
      bk_ctl_print_error (error);
      status = bk_ctl_exit_status_for (error);
    }
  else
    {
      bk_staff_log (G_LOG_LEVEL_INFO, "pin-set", NULL, "The staff PIN was set");
      g_print (_("The staff PIN was set.\n"));
    }
  free_secret (pin);
  return status;
}

int
bk_ctl_cmd_stats (CtlGlobals *globals,
                  int         argc,
                  char      **argv)
{
  g_autoptr(BkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *format = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv (the default) or json"), N_("FORMAT") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only days from DATE on (YYYY-MM-DD)"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Only days up to DATE (YYYY-MM-DD)"), N_("DATE") },
    { NULL }
  };

  if (!bk_ctl_parse_command_options ("stats", NULL,
                                     _("Print the kiosk's anonymous usage counters per day: "
                                       "sessions, pages, services, forms, accessibility features, "
                                       "minutes of speech and ratings."),
                                     entries, &argc, &argv))
    return EXIT_FAILURE_;
  if (format != NULL && g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "json") != 0)
    {
      g_printerr (_("buergerkiosk-ctl stats: unknown format “%s”: use csv or json\n"), format);
      return EXIT_FAILURE_;
    }
  if ((since != NULL && !bk_ctl_scan_date (since, NULL, NULL, NULL)) ||
      (until != NULL && !bk_ctl_scan_date (until, NULL, NULL, NULL)))
    {
      g_printerr (_("buergerkiosk-ctl stats: write dates as YYYY-MM-DD\n"));
      return EXIT_FAILURE_;
    }
  store = bk_ctl_open_store (globals, &error);
  if (store == NULL || (rows = bk_stats_list (store, since, until, &error)) == NULL)
    {
      bk_ctl_print_error (error);
      return EXIT_FAILURE_;
    }
  text = g_strcmp0 (format, "json") == 0 ? bk_stats_to_json (rows) : bk_stats_to_csv (rows);
  g_print ("%s%s", text, g_str_has_suffix (text, "\n") ? "" : "\n");
  return EXIT_OK;
}
