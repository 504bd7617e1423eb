// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Account.h"
#include "store/Contact.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace tidings {
class ProblemLabel;
}

namespace tidings {

// Ctrl+N: whom to write to — a contact, or any SIP address (alice@example.com
// is read as sip:alice@example.com) — and, with several accounts, from which.
// An address that is not one is explained, not ignored.
class NewConversationDialog : public QDialog
{
    Q_OBJECT

public:
    NewConversationDialog(const QList<Account> &accounts, const QList<Contact> &contacts,
                          qint64 preferredAccount, QWidget *parent = nullptr);

    qint64 accountId() const;
    QString peerUri() const;
    // The contact's name when a contact was chosen.
    QString peerName() const;
    QString problem() const;
    void setAddress(const QString &text);

    void accept() override;

private:
    QList<Contact> m_contacts;
    QComboBox *m_account = nullptr;
    QComboBox *m_address = nullptr;
    ProblemLabel *m_problem = nullptr;
};

} // namespace tidings
