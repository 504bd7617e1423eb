// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

namespace tidings {

// Loads the application's translation (":/i18n/tidings_<lang>.qm", compiled
// from translations/*.ts and embedded by the executable) and Qt's own
// translation for the given locale, and installs them into the running
// QCoreApplication. Call after the application object exists.
class Translations
{
public:
    // Returns true when a Tidings translation for the locale was installed
    // (false for English, which needs none, and for languages without a .ts).
    static bool install(const QLocale &locale = QLocale::system());
};

} // namespace tidings
