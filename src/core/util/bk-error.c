#include "bk-error.h"

G_DEFINE_QUARK (bk-error-quark, bk_error)
