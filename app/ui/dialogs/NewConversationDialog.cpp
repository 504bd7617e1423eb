// SPDX-License-Identifier: GPL-3.0-or-later
#include "NewConversationDialog.h"

#include "AccountDialog.h"
#include "store/ContactKey.h"
#include "widgets/ProblemLabel.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tidings {

NewConversationDialog::NewConversationDialog(const QList<Account> &accounts,
                                             const QList<Contact> &contacts,
                                             qint64 preferredAccount, QWidget *parent)
    : QDialog(parent)
    , m_contacts(contacts)
{
    setObjectName(QStringLiteral("newConversationDialog"));
    setWindowTitle(tr("New conversation"));

    m_account = new QComboBox(this);
    m_account->setObjectName(QStringLiteral("fromAccountCombo"));
    m_account->setAccessibleName(tr("From account"));
    for (const Account &a : accounts) {
        if (a.enabled || accounts.size() == 1)
            m_account->addItem(a.displayName.isEmpty()
                                   ? a.aor
                                   : QStringLiteral("%1 <%2>").arg(a.displayName, a.aor),
                               a.id);
    }
    m_account->setCurrentIndex(qMax(0, m_account->findData(preferredAccount)));

    m_address = new QComboBox(this);
    m_address->setObjectName(QStringLiteral("peerAddressCombo"));
    m_address->setAccessibleName(tr("SIP address or contact"));
    m_address->setEditable(true);
    m_address->setInsertPolicy(QComboBox::NoInsert);
    m_address->lineEdit()->setPlaceholderText(tr("bob@example.com, or a contact's name"));
    for (const Contact &c : contacts) {
        if (!c.blocked)
            m_address->addItem(c.displayName.isEmpty()
                                   ? c.uri
                                   : QStringLiteral("%1 <%2>").arg(c.displayName, c.uri),
                               c.uri);
    }
    m_address->setCurrentIndex(-1);
    m_address->completer()->setFilterMode(Qt::MatchContains);
    m_address->completer()->setCaseSensitivity(Qt::CaseInsensitive);

    m_problem = new ProblemLabel(QStringLiteral("newConversationProblem"), this);

    auto *form = new QFormLayout;
    if (m_account->count() > 1)
        form->addRow(tr("&From:"), m_account);
    else
        m_account->hide();
    form->addRow(tr("&To:"), m_address);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("startConversationButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(440, sizeHint().height());
}

void NewConversationDialog::setAddress(const QString &text)
{
    m_address->setEditText(text);
}

qint64 NewConversationDialog::accountId() const
{
    return m_account->currentData().toLongLong();
}

QString NewConversationDialog::peerUri() const
{
    const QString text = m_address->currentText().trimmed();
    // A contact picked from the list ("Name <uri>") or typed by its name.
    for (const Contact &c : m_contacts) {
        const QString label =
            c.displayName.isEmpty() ? c.uri : QStringLiteral("%1 <%2>").arg(c.displayName, c.uri);
        if (text == label ||
            (!c.displayName.isEmpty() && text.compare(c.displayName, Qt::CaseInsensitive) == 0))
            return c.uri;
    }
    QString uri = text;
    if (uri.startsWith(QLatin1Char('<')) && uri.endsWith(QLatin1Char('>')))
        uri = uri.mid(1, uri.size() - 2);
    return AccountDialog::normalizedAor(uri);
}

QString NewConversationDialog::peerName() const
{
    const QString uri = peerUri();
    for (const Contact &c : m_contacts) {
        if (c.uri == uri)
            return c.displayName;
    }
    return {};
}

QString NewConversationDialog::problem() const
{
    if (m_account->count() == 0)
        return tr("Add an account first: there is nothing to send from.");
    const QString text = m_address->currentText().trimmed();
    if (text.isEmpty())
        return tr("Enter a SIP address, e.g. bob@example.com.");
    if (text.contains(QLatin1Char(' ')) && !text.contains(QLatin1Char('<')))
        return tr("\"%1\" is not a contact, and an address has no spaces (e.g. bob@example.com).")
            .arg(text);
    if (!ContactKey::fromString(peerUri()).isValid())
        return tr("\"%1\" is not a SIP address. It looks like bob@example.com or "
                  "sip:bob@192.168.1.20:5060.")
            .arg(text);
    return {};
}

void NewConversationDialog::accept()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        m_problem->showProblem(why);
        return;
    }
    QDialog::accept();
}

} // namespace tidings
