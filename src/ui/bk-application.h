/* bk-application.h: the kiosk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bk-settings.h"

G_BEGIN_DECLS

#define BK_TYPE_APPLICATION (bk_application_get_type ())
G_DECLARE_FINAL_TYPE (BkApplication, bk_application, BK, APPLICATION, AdwApplication)

BkApplication *bk_application_new               (void);
BkSettings    *bk_application_get_settings      (BkApplication *self);
const char    *bk_application_get_database_path (BkApplication *self);

G_END_DECLS
