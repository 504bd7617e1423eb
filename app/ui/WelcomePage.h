// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;

namespace tidings {

// What a new profile shows: add a SIP account, or use Tidings without a
// server on the local network.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    QPushButton *addAccountButton() const { return m_addAccount; }
    QPushButton *localButton() const { return m_local; }

signals:
    void addAccountRequested();
    void useWithoutServerRequested();

private:
    QPushButton *m_addAccount = nullptr;
    QPushButton *m_local = nullptr;
};

} // namespace tidings
