// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A throw-away certificate authority made by the openssl CLI in a temporary
// directory: a CA, and a server certificate it signed for 127.0.0.1, ::1 and
// localhost (subjectAltName IP and DNS entries, RFC 5922 §7.2).

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace sip::test {

class TestCa
{
public:
    // Runs openssl; false with error() set when it cannot.
    bool generate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            return failWith(QStringLiteral(
                "the openssl command is missing (packaging/debian-packages.txt lists it)"));
        if (!m_dir.isValid())
            return failWith(QStringLiteral("no temporary directory"));
        const QStringList ec{
            QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
        if (!write("ca.cnf", "[req]\ndistinguished_name = dn\nx509_extensions = v3_ca\n"
                             "prompt = no\n[dn]\nCN = Tidings Test CA\n[v3_ca]\n"
                             "basicConstraints = critical,CA:TRUE\n"
                             "keyUsage = critical,keyCertSign,cRLSign\n"
                             "subjectKeyIdentifier = hash\n") ||
            !write("server.cnf", "[req]\ndistinguished_name = dn\nprompt = no\n"
                                 "[dn]\nCN = 127.0.0.1\n") ||
            !write("server.ext", "subjectAltName = IP:127.0.0.1,IP:::1,DNS:localhost\n"
                                 "basicConstraints = CA:FALSE\n"
                                 "keyUsage = critical,digitalSignature,keyAgreement\n"
                                 "extendedKeyUsage = serverAuth\n"
                                 "authorityKeyIdentifier = keyid\n"))
            return false;
        if (!openssl(QStringList{"req", "-x509", "-config", "ca.cnf"} + ec +
                     QStringList{"-keyout", "ca.key", "-out", "ca.crt", "-days", "2"}) ||
            !openssl(QStringList{"req", "-new", "-config", "server.cnf"} + ec +
                     QStringList{"-keyout", "server.key", "-out", "server.csr"}) ||
            !openssl({"x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                      "-set_serial", "2", "-days", "2", "-extfile", "server.ext", "-out",
                      "server.crt"}))
            return false;
        const auto cas = QSslCertificate::fromPath(path("ca.crt"));
        const auto servers = QSslCertificate::fromPath(path("server.crt"));
        QFile keyFile(path("server.key"));
        if (cas.size() != 1 || servers.size() != 1 || !keyFile.open(QIODevice::ReadOnly))
            return failWith(QStringLiteral("openssl wrote unreadable certificates"));
        m_ca = cas.first();
        m_server = servers.first();
        m_serverKey = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
        if (m_serverKey.isNull())
            return failWith(QStringLiteral("cannot read the server key"));
        return true;
    }

    const QString &error() const { return m_error; }
    const QSslCertificate &ca() const { return m_ca; }
    const QSslCertificate &serverCertificate() const { return m_server; }
    const QSslKey &serverKey() const { return m_serverKey; }

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

    bool failWith(const QString &why)
    {
        m_error = why;
        return false;
    }

    bool write(const char *name, const char *text)
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0)
            return failWith(QStringLiteral("cannot write %1").arg(f.fileName()));
        return true;
    }

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0)
            return failWith(QStringLiteral("openssl %1 failed: %2")
                                .arg(args.join(' '), QString::fromLocal8Bit(p.readAll())));
        return true;
    }

    QTemporaryDir m_dir;
    QString m_error;
    QSslCertificate m_ca;
    QSslCertificate m_server;
    QSslKey m_serverKey;
};

} // namespace sip::test
