// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalAccountDialog.h"

#include "session/AccountSession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tidings {

LocalAccountDialog::LocalAccountDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("localAccountDialog"));
    setWindowTitle(tr("Use without a server"));

    auto *intro = new QLabel(tr("Tidings listens on this computer's network. Give your SIP "
                                "address to the people you want to chat with; they write to it "
                                "directly, without a server in between."),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_user = new QLineEdit(AccountSession::userOf(QString()), this);
    m_user->setObjectName(QStringLiteral("localUserEdit"));
    m_user->setAccessibleName(tr("User name"));
    // RFC 3261 §25.1 "user": unreserved characters and a few marks, no "@".
    m_user->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9._~!$&'()*+,;=?/-]{1,64}")), m_user));
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("localDisplayNameEdit"));
    m_displayName->setAccessibleName(tr("Your name"));

    m_address = new QComboBox(this);
    m_address->setObjectName(QStringLiteral("localAddressCombo"));
    m_address->setAccessibleName(tr("Network address"));
    const QHostAddress preferred = AccountSession::preferredLocalAddress();
    m_address->addItem(tr("Automatic (%1)").arg(preferred.toString()), QString());
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol)
            m_address->addItem(a.toString(), a.toString());
    }
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("localPortSpin"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setValue(AccountSession::kDefaultLocalPort);
    m_port->setToolTip(tr("When another program uses this port, Tidings takes a free one."));

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("Your &name:"), m_displayName);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Port:"), m_port);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("localOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

Account LocalAccountDialog::account() const
{
    Account a;
    const QString chosen = m_address->currentData().toString();
    const QHostAddress host =
        chosen.isEmpty() ? AccountSession::preferredLocalAddress() : QHostAddress(chosen);
    const quint16 port = quint16(m_port->value());
    a.aor = QString::fromUtf8(AccountSession::localAor(m_user->text().trimmed(), host, port));
    a.displayName = m_displayName->text().trimmed();
    a.registerAccount = false;
    a.listenPort = port;
    return a;
}

void LocalAccountDialog::accept()
{
    if (!m_user->hasAcceptableInput()) {
        m_user->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace tidings
