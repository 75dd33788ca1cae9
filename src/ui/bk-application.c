#include "bk-application.h"

struct _BkApplication { AdwApplication parent_instance; };
G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)
static void bk_application_class_init (BkApplicationClass *klass) {}
static void bk_application_init (BkApplication *self) {}
BkApplication *bk_application_new (void)
{
  return g_object_new (BK_TYPE_APPLICATION, "application-id", "io.github.buergerkiosk.Kiosk", NULL);
}
