// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tidings {
class ProblemLabel;
}

namespace tidings {

// Add or edit a SIP account with a server: the address of record and the
// password, and under "Advanced" the authentication user, registrar,
// outbound proxy, transport, a CA file to trust and the keep-alive interval.
// Checks what it can before it closes (a SIP address, a readable CA file)
// and says what to fix.
class AccountDialog : public QDialog
{
    Q_OBJECT

public:
    // `secretsPersistent` false: says the password is kept for this run only.
    AccountDialog(const std::optional<Account> &existing, bool secretsPersistent,
                  QWidget *parent = nullptr);

    Account account() const;
    // The password typed; nullopt when editing and left empty (unchanged).
    std::optional<QString> password() const;

    // The checks of accept(): empty when the form is good.
    QString problem() const;

    // "alice@example.com" -> "sip:alice@example.com"; what is already a URI stays.
    static QString normalizedAor(const QString &text);

    void accept() override;

private:
    Account m_base;
    bool m_editing = false;
    QLineEdit *m_aor = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_displayName = nullptr;
    QGroupBox *m_advanced = nullptr;
    QLineEdit *m_authUser = nullptr;
    QLineEdit *m_registrar = nullptr;
    QLineEdit *m_proxy = nullptr;
    QComboBox *m_transport = nullptr;
    QLineEdit *m_caFile = nullptr;
    QSpinBox *m_keepAlive = nullptr;
    ProblemLabel *m_problem = nullptr;
};

} // namespace tidings
