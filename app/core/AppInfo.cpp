// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"

#include "BuildConfig.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace tidings {

QString AppInfo::id()
{
    return QStringLiteral(TIDINGS_APP_ID);
}

QString AppInfo::displayName()
{
    return QStringLiteral(TIDINGS_DISPLAY_NAME);
}

QString AppInfo::version()
{
    return QStringLiteral(TIDINGS_VERSION);
}

void AppInfo::applyToApplication()
{
    // "org.tidings.Tidings" -> domain "tidings.org"
    QStringList domain = id().split(QLatin1Char('.'));
    domain.removeLast();
    std::reverse(domain.begin(), domain.end());

    QCoreApplication::setOrganizationName(displayName());
    QCoreApplication::setOrganizationDomain(domain.join(QLatin1Char('.')));
    QCoreApplication::setApplicationName(displayName());
    QCoreApplication::setApplicationVersion(version());
}

} // namespace tidings
