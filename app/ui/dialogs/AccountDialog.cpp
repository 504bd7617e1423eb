// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccountDialog.h"

#include "store/ContactKey.h"
#include "widgets/ProblemLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSslCertificate>
#include <QVBoxLayout>

namespace tidings {

namespace {

bool isSipUri(const QString &text)
{
    return ContactKey::fromString(text).isValid();
}

} // namespace

QString AccountDialog::normalizedAor(const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive) ||
        t.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive))
        return t;
    return QStringLiteral("sip:") + t;
}

AccountDialog::AccountDialog(const std::optional<Account> &existing, bool secretsPersistent,
                             QWidget *parent)
    : QDialog(parent)
    , m_base(existing.value_or(Account{}))
    , m_editing(existing.has_value())
{
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(m_editing ? tr("Edit account") : tr("Add a SIP account"));

    m_aor = new QLineEdit(this);
    m_aor->setObjectName(QStringLiteral("aorEdit"));
    m_aor->setAccessibleName(tr("SIP address"));
    m_aor->setPlaceholderText(tr("alice@example.com"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    if (m_editing)
        m_password->setPlaceholderText(tr("unchanged"));
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
    m_displayName->setAccessibleName(tr("Your name"));
    m_displayName->setPlaceholderText(tr("shown to the people you write to"));

    auto *form = new QFormLayout;
    form->addRow(tr("SIP &address:"), m_aor);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Your &name:"), m_displayName);

    auto *keychainNote = new QLabel(this);
    keychainNote->setObjectName(QStringLiteral("keychainNote"));
    keychainNote->setWordWrap(true);
    keychainNote->setTextFormat(Qt::PlainText);
    keychainNote->setForegroundRole(QPalette::PlaceholderText);
    keychainNote->setText(secretsPersistent
                              ? tr("The password is kept in your system's keychain.")
                              : tr("No keychain is available: the password is kept only while "
                                   "Tidings runs and asked for again next time."));

    m_advanced = new QGroupBox(tr("Advanced"), this);
    m_advanced->setObjectName(QStringLiteral("advancedBox"));
    m_advanced->setCheckable(true);
    m_authUser = new QLineEdit(m_advanced);
    m_authUser->setObjectName(QStringLiteral("authUserEdit"));
    m_authUser->setAccessibleName(tr("Authentication user"));
    m_authUser->setPlaceholderText(tr("the address's user part"));
    m_registrar = new QLineEdit(m_advanced);
    m_registrar->setObjectName(QStringLiteral("registrarEdit"));
    m_registrar->setAccessibleName(tr("Registrar"));
    m_registrar->setPlaceholderText(tr("the address's domain"));
    m_proxy = new QLineEdit(m_advanced);
    m_proxy->setObjectName(QStringLiteral("proxyEdit"));
    m_proxy->setAccessibleName(tr("Outbound proxy"));
    m_proxy->setPlaceholderText(tr("none"));
    m_transport = new QComboBox(m_advanced);
    m_transport->setObjectName(QStringLiteral("transportCombo"));
    m_transport->setAccessibleName(tr("Transport"));
    m_transport->addItem(tr("Automatic"), QString());
    m_transport->addItem(QStringLiteral("UDP"), QStringLiteral("udp"));
    m_transport->addItem(QStringLiteral("TCP"), QStringLiteral("tcp"));
    m_transport->addItem(QStringLiteral("TLS"), QStringLiteral("tls"));
    m_caFile = new QLineEdit(m_advanced);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setAccessibleName(tr("CA certificate file"));
    m_caFile->setPlaceholderText(tr("for a server with its own certificate authority"));
    auto *browse = new QPushButton(tr("Browse…"), m_advanced);
    browse->setObjectName(QStringLiteral("caBrowseButton"));
    browse->setAccessibleName(tr("Choose the CA certificate file"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA certificate"), QString(), tr("PEM certificates (*.pem *.crt);;All (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    m_keepAlive = new QSpinBox(m_advanced);
    m_keepAlive->setObjectName(QStringLiteral("keepAliveSpin"));
    m_keepAlive->setAccessibleName(tr("Keep-alive interval"));
    m_keepAlive->setRange(0, 3600);
    m_keepAlive->setSuffix(tr(" s"));
    m_keepAlive->setSpecialValueText(tr("Automatic"));
    auto *advancedForm = new QFormLayout(m_advanced);
    advancedForm->addRow(tr("Authentication &user:"), m_authUser);
    advancedForm->addRow(tr("&Registrar:"), m_registrar);
    advancedForm->addRow(tr("Outbound &proxy:"), m_proxy);
    advancedForm->addRow(tr("&Transport:"), m_transport);
    advancedForm->addRow(tr("Trusted &CA:"), caRow);
    advancedForm->addRow(tr("&Keep-alive:"), m_keepAlive);
    // Collapsed until asked for: the address and password are enough for most.
    const auto showAdvanced = [this](bool on) {
        for (QWidget *w : m_advanced->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
            w->setVisible(on);
    };
    connect(m_advanced, &QGroupBox::toggled, this, showAdvanced);

    m_problem = new ProblemLabel(QStringLiteral("accountProblem"), this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(m_editing ? tr("Save") : tr("Add account"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("accountOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(keychainNote);
    layout->addWidget(m_advanced);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    // Fill in.
    m_aor->setText(m_base.aor);
    m_displayName->setText(m_base.displayName);
    m_authUser->setText(m_base.authUser);
    m_registrar->setText(m_base.registrar);
    m_proxy->setText(m_base.outboundProxy);
    m_transport->setCurrentIndex(
        qMax(0, m_transport->findData(m_base.transports.value(0).toLower())));
    m_caFile->setText(m_base.tlsCaFile);
    m_keepAlive->setValue(m_base.keepAliveInterval);
    const bool anyAdvanced = !m_base.authUser.isEmpty() || !m_base.registrar.isEmpty() ||
                             !m_base.outboundProxy.isEmpty() || !m_base.transports.isEmpty() ||
                             !m_base.tlsCaFile.isEmpty() || m_base.keepAliveInterval > 0;
    m_advanced->setChecked(anyAdvanced);
    showAdvanced(anyAdvanced);
    resize(480, sizeHint().height());
}

Account AccountDialog::account() const
{
    Account a = m_base;
    a.aor = normalizedAor(m_aor->text());
    a.displayName = m_displayName->text().trimmed();
    a.registerAccount = true;
    a.authUser = m_authUser->text().trimmed();
    a.registrar = normalizedAor(m_registrar->text());
    a.outboundProxy = normalizedAor(m_proxy->text());
    const QString transport = m_transport->currentData().toString();
    a.transports = transport.isEmpty() ? QStringList{} : QStringList{transport};
    a.tlsCaFile = m_caFile->text().trimmed();
    a.keepAliveInterval = m_keepAlive->value();
    return a;
}

std::optional<QString> AccountDialog::password() const
{
    if (m_editing && m_password->text().isEmpty())
        return std::nullopt;
    return m_password->text();
}

QString AccountDialog::problem() const
{
    const Account a = account();
    if (a.aor.isEmpty())
        return tr("Enter your SIP address, e.g. alice@example.com.");
    if (!isSipUri(a.aor))
        return tr("\"%1\" is not a SIP address. It looks like alice@example.com.")
            .arg(m_aor->text().trimmed());
    if (!a.registrar.isEmpty() && !isSipUri(a.registrar))
        return tr("The registrar \"%1\" is not a SIP address (e.g. sip:example.com).")
            .arg(a.registrar);
    if (!a.outboundProxy.isEmpty() && !isSipUri(a.outboundProxy))
        return tr("The outbound proxy \"%1\" is not a SIP address (e.g. sip:proxy.example.com).")
            .arg(a.outboundProxy);
    if (!a.tlsCaFile.isEmpty()) {
        QFile f(a.tlsCaFile);
        if (!f.open(QIODevice::ReadOnly))
            return tr("Cannot read the CA file %1: %2").arg(a.tlsCaFile, f.errorString());
        if (QSslCertificate::fromData(f.readAll(), QSsl::Pem).isEmpty())
            return tr("%1 holds no PEM certificate.").arg(a.tlsCaFile);
    }
    if (a.aor.startsWith(QLatin1String("sips:"), Qt::CaseInsensitive) && !a.transports.isEmpty() &&
        a.transports.first() != QLatin1String("tls"))
        return tr("A sips: address is only used over TLS; choose TLS or Automatic.");
    return {};
}

void AccountDialog::accept()
{
    const QString why = problem();
    if (!why.isEmpty()) {
        m_problem->showProblem(why);
        return;
    }
    QDialog::accept();
}

} // namespace tidings
