// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tidings {

// "Use without a server": a name (the user part of the address) and, under
// it, the port (5060, or a free one when taken) and the address others on
// the network reach this computer at.
class LocalAccountDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LocalAccountDialog(QWidget *parent = nullptr);

    Account account() const;
    void accept() override;

private:
    QLineEdit *m_user = nullptr;
    QLineEdit *m_displayName = nullptr;
    QComboBox *m_address = nullptr;
    QSpinBox *m_port = nullptr;
};

} // namespace tidings
