// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The real desktop app for GUI tests: a profile in a temporary directory,
// the SecretStore (in memory where no keychain runs), MessengerService on its
// core thread with local accounts on 127.0.0.1, and the MainWindow shown.

#include "MainWindow.h"
#include "Profile.h"
#include "secrets/SecretStore.h"
#include "service/MessengerService.h"

#include <QApplication>
#include <QDialog>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace tidings::test {

struct GuiApp
{
    SecretStore &secrets;
    QString directory;
    std::unique_ptr<MessengerService> service;
    std::unique_ptr<MainWindow> window;

    GuiApp(SecretStore &s, const QString &dir)
        : secrets(s)
        , directory(dir)
    {}

    bool start()
    {
        MessengerService::Options options;
        options.unregisterBoundMs = 500;
        options.session.localHost = QHostAddress(QHostAddress::LocalHost);
        service = std::make_unique<MessengerService>(directory, secrets, options);
        const Profile profile =
            Profile::resolve(directory, QProcessEnvironment(), Profile::Fallback::None);
        window = std::make_unique<MainWindow>(profile, *service);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            return false;
        service->open();
        return QTest::qWaitFor([this] { return window->isReady(); }, 10000);
    }

    // Closes the window as the user does: accounts sign out, then shutDown().
    bool stop()
    {
        if (!window)
            return true;
        bool down = false;
        QObject::connect(window.get(), &MainWindow::shutDown, [&down] { down = true; });
        window->close();
        const bool ok = QTest::qWaitFor([&down] { return down; }, 10000);
        window.reset();
        service.reset();
        return ok;
    }

    ~GuiApp() { stop(); }
};

// Runs `fill` on the next modal dialog of type D as soon as it is open (for
// actions that exec() one), then accepts it unless `fill` closed it.
template <typename D>
void whenDialogOpens(std::function<void(D *)> fill)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, fill] {
        auto *dialog = qobject_cast<D *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        fill(dialog);
        if (dialog->isVisible())
            dialog->accept();
    });
    timer->start();
}

} // namespace tidings::test
