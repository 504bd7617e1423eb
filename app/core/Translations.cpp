// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace tidings {

bool Translations::install(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();
    if (!app) {
        return false;
    }

    // Qt's own strings (standard buttons, QCommandLineParser's help). Optional:
    // Debian ships them in qt6-translations-l10n.
    auto *qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    } else {
        delete qtTranslator;
    }

    auto *translator = new QTranslator(app);
    if (translator->load(locale, QStringLiteral("tidings"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}

} // namespace tidings
