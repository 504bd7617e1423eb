// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace tidings {

// Who this application is: the names and version shared by the GUI, the CLI,
// the desktop file and the AppStream metainfo. The values come from CMake
// (project version, TIDINGS_APP_ID) through a generated header.
class AppInfo
{
public:
    // Reverse-DNS application id, "org.tidings.Tidings". Also the name of the
    // .desktop file, the metainfo file and the icon.
    static QString id();
    // The name users see, "Tidings".
    static QString displayName();
    // The project version, e.g. "0.1.0".
    static QString version();

    // Sets the QCoreApplication organization/application names, domain and
    // version. They decide QStandardPaths::AppDataLocation (the default profile
    // directory), so the GUI and the CLI must both call this before resolving a
    // Profile.
    static void applyToApplication();
};

} // namespace tidings
