// SPDX-License-Identifier: GPL-3.0-or-later
#include "TlsTransport.h"

#include "SipTrace.h"

#include <QSslSocket>

namespace sip {

TlsTransport::TlsTransport(QObject *parent)
    : TcpTransport(parent)
{}

TlsTransport::~TlsTransport() = default;

bool TlsTransport::bind(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    m_address = address;
    m_requestedPort = port;
    if (!QSslSocket::supportsSsl()) {
        if (error)
            *error = QStringLiteral("TLS is not available (no TLS backend for Qt)");
        return false;
    }
    return hasIdentity() ? listen(port, error) : true;
}

bool TlsTransport::startListening(QString *error)
{
    if (isListening())
        return true;
    if (!hasIdentity()) {
        if (error)
            *error = QStringLiteral("a TLS server needs a certificate and a private key");
        return false;
    }
    return listen(m_requestedPort, error);
}

void TlsTransport::setIdentity(const QSslCertificate &certificate, const QSslKey &key,
                               const QList<QSslCertificate> &chain)
{
    m_certificate = certificate;
    m_key = key;
    m_chain = chain;
}

void TlsTransport::setExtraCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_extraCas = certificates;
}

const QList<QSslCertificate> &TlsTransport::systemCaCertificates()
{
    static const QList<QSslCertificate> cas = QSslConfiguration::systemCaCertificates();
    return cas;
}

QSslConfiguration TlsTransport::clientConfiguration() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    // Explicit, so the extra CAs add to the system ones instead of replacing
    // Qt's on-demand loading of them.
    c.setCaCertificates(systemCaCertificates() + m_extraCas);
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    c.setProtocol(QSsl::TlsV1_2OrLater);
    return c;
}

QSslConfiguration TlsTransport::serverConfiguration() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificateChain(QList<QSslCertificate>{m_certificate} + m_chain);
    c.setPrivateKey(m_key);
    // RFC 3261 §26.2.1 asks a server for its certificate only; client
    // certificates are not requested.
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    c.setProtocol(QSsl::TlsV1_2OrLater);
    return c;
}

QTcpSocket *TlsTransport::createSocket()
{
    auto *socket = new QSslSocket;
    socket->setSslConfiguration(clientConfiguration());
    return socket;
}

void TlsTransport::startConnecting(QTcpSocket *socket, const Endpoint &target)
{
    auto *ssl = static_cast<QSslSocket *>(socket);
    const QString name =
        target.serverName.isEmpty() ? target.address.toString() : target.serverName;
    // Connects to the address as given (no lookup) and verifies the
    // certificate against `name`, which also goes out as SNI when it is a
    // host name.
    ssl->connectToHostEncrypted(target.address.toString(), target.port, name);
}

QTcpSocket *TlsTransport::adopt(qintptr descriptor)
{
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcTransport) << "cannot adopt an accepted TLS connection:"
                               << socket->errorString();
        delete socket;
        closeDescriptor(descriptor);
        return nullptr;
    }
    socket->setSslConfiguration(serverConfiguration());
    socket->startServerEncryption();
    return socket;
}

} // namespace sip
