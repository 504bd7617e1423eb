// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "MainWindow.h"
#include "Profile.h"
#include "Translations.h"
#include "secrets/SecretStore.h"
#include "service/MessengerService.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>

using namespace tidings;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppInfo::applyToApplication();
    QGuiApplication::setDesktopFileName(AppInfo::id());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(AppInfo::id())));
    Translations::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Instant messaging over SIP MESSAGE."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate("main", "Keep all data in directory <dir> (default: "
                                            "$TIDINGS_PROFILE, else %1).")
            .arg(QDir::toNativeSeparators(
                Profile::resolve(QString(), QProcessEnvironment()).directory())),
        QCoreApplication::translate("main", "dir"));
    parser.addOption(profileOption);
    parser.process(app);

    const Profile profile = Profile::resolve(parser.value(profileOption));
    QString error;
    if (!profile.ensureExists(&error)) {
        QMessageBox::critical(nullptr, AppInfo::displayName(), error);
        return 1;
    }

    // Closing the window signs the accounts out first (bounded), then quits.
    app.setQuitOnLastWindowClosed(false);
    SecretStore secrets;
    MessengerService service(profile.directory(), secrets);
    MainWindow window(profile, service);
    QObject::connect(&window, &MainWindow::shutDown, &app, &QCoreApplication::quit);
    window.show();
    service.open();
    return app.exec();
}
