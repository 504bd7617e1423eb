// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One TLS bind (RFC 3261 §26.2.1; sips and transport=tls of §19.1, RFC 5630).
// With an identity (certificate and key) it listens; without one it is
// client-only: it still opens outgoing connections, and flows the peer reuses
// work both ways. Server certificates are always verified, against the system
// CAs plus the extra trusted ones, and against Endpoint::serverName when set,
// else the IP address (RFC 5922 §7.2); a failed verification fails the
// connection, never passes silently.

#include "TcpTransport.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace sip {

class TlsTransport final : public TcpTransport
{
    Q_OBJECT
public:
    explicit TlsTransport(QObject *parent = nullptr);
    ~TlsTransport() override;

    TransportType type() const override { return TransportType::Tls; }

    // Listens when there is an identity; client-only (always true) otherwise.
    bool bind(const QHostAddress &address, quint16 port, QString *error) override;
    // The port asked for at bind(): startListening() uses it.
    quint16 requestedPort() const { return m_requestedPort; }
    // Starts listening on the bound address (after setIdentity()).
    bool startListening(QString *error);

    // The certificate (and intermediate chain) and private key of this side.
    void setIdentity(const QSslCertificate &certificate, const QSslKey &key,
                     const QList<QSslCertificate> &chain = {});
    bool hasIdentity() const { return !m_certificate.isNull() && !m_key.isNull(); }
    // Trusted on top of the system CAs (a private CA or a self-signed server).
    void setExtraCaCertificates(const QList<QSslCertificate> &certificates);

    // The system CA certificates, loaded once per process.
    static const QList<QSslCertificate> &systemCaCertificates();

protected:
    QTcpSocket *createSocket() override;
    void startConnecting(QTcpSocket *socket, const Endpoint &target) override;
    QTcpSocket *adopt(qintptr descriptor) override;

private:
    QSslConfiguration clientConfiguration() const;
    QSslConfiguration serverConfiguration() const;

    QSslCertificate m_certificate;
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
    QList<QSslCertificate> m_extraCas;
    quint16 m_requestedPort = 0;
};

} // namespace sip
