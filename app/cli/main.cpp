// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "Cli.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    // A headless process needs no GLib main loop: Qt's own UNIX event
    // dispatcher does less work per socket event (measured with `make
    // bench-load`). QT_NO_GLIB=0 in the environment keeps GLib.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    tidings::AppInfo::applyToApplication();
    tidings::Translations::install();

    QTextStream out(stdout);
    QTextStream err(stderr);
    tidings::Cli cli(out, err);
    const int code = cli.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    return code;
}
