// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "Cli.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
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
