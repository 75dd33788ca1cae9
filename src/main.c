#include "bk-config.h"
#include "bk-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr(BkApplication) app = bk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
