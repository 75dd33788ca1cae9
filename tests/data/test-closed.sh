#!/bin/bash
# test-closed.sh: nothing in the kiosk opens another program (EN 301 549
# closed functionality; issue 6): no file dialog, no URL or file opener, no
# shell or process start, and every link button is handled in the kiosk.
# Fails naming the file and line.
set -u
root=${BK_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
status=0

forbidden='gtk_show_uri|gtk_file_chooser|GtkFileChooser|GtkFileDialog|gtk_file_dialog|gtk_file_launcher|GtkFileLauncher|gtk_uri_launcher|GtkUriLauncher|GtkAppChooser|gtk_app_chooser|g_app_info_launch|g_app_info_launch_default_for_uri|g_spawn_|GSubprocess|g_subprocess|popen *\(|system *\(|execv|execl'
# The kiosk's own code: the widgets and the core they use (the staff tool in
# src/cli is a separate program and may do more).
if hits=$(grep -nE "$forbidden" -r "$root/src/ui" "$root/src/core" "$root/src/speech" "$root/src/main.c" --include='*.c' --include='*.h' --include='*.ui'); then
  echo "FAIL: the kiosk could start another program or open a dialog:"
  echo "$hits" | sed "s|^$root/|  |"
  status=1
fi

# A GtkLinkButton opens its URI with the system unless activate-link is
# handled: every file that makes one must connect that signal.
for f in $(grep -lE 'gtk_link_button_new|GtkLinkButton' -r "$root/src/ui" --include='*.c' --include='*.ui'); do
  base=${f%.*}
  if ! grep -q 'activate-link' "$base.c" 2>/dev/null; then
    echo "FAIL: ${f#"$root"/} makes a link button without handling activate-link"
    status=1
  fi
done

# Labels with <a href> would open the URI too unless activate-link is handled.
for f in $(grep -lE '<a href' -r "$root/src/ui" --include='*.c' --include='*.ui'); do
  base=${f%.*}
  if ! grep -q 'activate-link' "$base.c" 2>/dev/null; then
    echo "FAIL: ${f#"$root"/} has a link in a label without handling activate-link"
    status=1
  fi
done

[ "$status" -eq 0 ] && echo "PASS: no dialogs, openers or process starts in the kiosk"
exit "$status"
