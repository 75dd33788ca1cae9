#include "bk-ctl.h"

int
main (int argc, char *argv[])
{
  return bk_ctl_run (argc, argv);
}
