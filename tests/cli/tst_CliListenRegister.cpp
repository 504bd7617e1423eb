// SPDX-License-Identifier: GPL-3.0-or-later
// `tidings-cli listen --register` against a small registrar in the test
// (UDP on 127.0.0.1, digest MD5 without qop): the JSON lines, the REGISTERs
// on the wire, the signals and exit codes of the docs/CLI.md contract. The
// same against Kamailio: tests/interop/tst_InteropRegister.

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

#include <csignal>

namespace {

const QString kCli = QStringLiteral(TIDINGS_CLI_PATH);
const QByteArray kPassword = "s3cret-Pass";
const QByteArray kRealm = "fake.test";
const QByteArray kNonce = "5f3c1a9e0b";

QByteArray md5Hex(const QByteArray &text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex();
}

// The first value of a header field in a request's head (CRLF lines).
QByteArray headerValue(const QByteArray &message, const QByteArray &name)
{
    const QList<QByteArray> lines = message.left(message.indexOf("\r\n\r\n")).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QList<QByteArray> headerLines(const QByteArray &message, const QByteArray &name)
{
    QList<QByteArray> found;
    const QList<QByteArray> lines = message.left(message.indexOf("\r\n\r\n")).split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            found << line.trimmed();
    }
    return found;
}

// A registrar that challenges every REGISTER without credentials (401,
// Digest MD5, no qop), accepts correct credentials with a 200 granting
// `grant` seconds, challenges wrong ones again, and, when told, leaves
// removals (expires=0) unanswered.
class FakeRegistrar : public QObject
{
public:
    quint32 grant = 3600;
    bool answerRemovals = true;
    QList<QByteArray> requests; // every REGISTER, as received

    bool start()
    {
        connect(&m_socket, &QUdpSocket::readyRead, this, [this] { read(); });
        return m_socket.bind(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_socket.localPort(); }

private:
    void read()
    {
        while (m_socket.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_socket.receiveDatagram();
            const QByteArray request = d.data();
            if (!request.startsWith("REGISTER "))
                continue; // keep-alive CRLFs
            requests << request;
            const QByteArray reply = answer(request);
            if (!reply.isEmpty())
                m_socket.writeDatagram(reply, d.senderAddress(), quint16(d.senderPort()));
        }
    }

    QByteArray answer(const QByteArray &request)
    {
        QByteArray head;
        for (const QByteArray &via : headerLines(request, "Via"))
            head += via + "\r\n";
        head += "From: " + headerValue(request, "From") + "\r\n";
        head += "To: " + headerValue(request, "To") + ";tag=registrar1\r\n";
        head += "Call-ID: " + headerValue(request, "Call-ID") + "\r\n";
        head += "CSeq: " + headerValue(request, "CSeq") + "\r\n";
        const QByteArray challenge = "SIP/2.0 401 Unauthorized\r\n" + head +
                                     "WWW-Authenticate: Digest realm=\"" + kRealm + "\", nonce=\"" +
                                     kNonce + "\", algorithm=MD5\r\nContent-Length: 0\r\n\r\n";
        const QByteArray authorization = headerValue(request, "Authorization");
        if (authorization.isEmpty() || !credentialsCorrect(authorization))
            return challenge;
        const bool removal = headerValue(request, "Expires") == "0";
        if (removal && !answerRemovals)
            return {};
        QByteArray contact;
        if (!removal) {
            const QByteArray value = headerValue(request, "Contact");
            contact = "Contact: " + value.left(value.indexOf(">") + 1) +
                      ";expires=" + QByteArray::number(grant) + "\r\n";
        }
        return "SIP/2.0 200 OK\r\n" + head + contact + "Content-Length: 0\r\n\r\n";
    }

    static bool credentialsCorrect(const QByteArray &authorization)
    {
        QHash<QByteArray, QByteArray> p;
        static const QRegularExpression param(QStringLiteral("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))"));
        auto it = param.globalMatch(QString::fromUtf8(authorization));
        while (it.hasNext()) {
            const auto m = it.next();
            p.insert(m.captured(1).toUtf8(),
                     (m.capturedLength(2) ? m.captured(2) : m.captured(3)).toUtf8());
        }
        // RFC 2617 §3.2.2.1 without qop: MD5(HA1:nonce:HA2).
        const QByteArray ha1 = md5Hex(p.value("username") + ':' + kRealm + ':' + kPassword);
        const QByteArray ha2 = md5Hex("REGISTER:" + p.value("uri"));
        return p.value("realm") == kRealm && p.value("nonce") == kNonce &&
               p.value("response") == md5Hex(ha1 + ':' + kNonce + ':' + ha2);
    }

    QUdpSocket m_socket;
};

// A running `tidings-cli listen`, its JSON lines read while the test's
// event loop runs (the registrar lives on it).
class Listen
{
public:
    ~Listen()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

    bool start(const QStringList &args, const QByteArray &password)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TIDINGS_TEST_PASSWORD"), QString::fromUtf8(password));
        m_process.setProcessEnvironment(env);
        m_process.start(kCli, QStringList{QStringLiteral("listen")} + args +
                                  QStringList{QStringLiteral("--password-env"),
                                              QStringLiteral("TIDINGS_TEST_PASSWORD")});
        return m_process.waitForStarted(5000);
    }

    // The next JSON line, waiting at most timeoutMs; empty when none came.
    QJsonObject next(int timeoutMs = 10000)
    {
        QElapsedTimer t;
        t.start();
        while (!m_pending.contains('\n') && t.elapsed() < timeoutMs) {
            QTest::qWait(10);
            m_pending += m_process.readAllStandardOutput();
            if (m_process.state() == QProcess::NotRunning) {
                m_pending += m_process.readAllStandardOutput();
                break;
            }
        }
        const qsizetype nl = m_pending.indexOf('\n');
        if (nl < 0)
            return {};
        const QByteArray line = m_pending.left(nl);
        m_pending.remove(0, nl + 1);
        m_lines << line;
        return QJsonDocument::fromJson(line).object();
    }

    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }

    // Waits for the exit while the event loop runs; -1 when it did not end.
    int exitCode(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (m_process.state() != QProcess::NotRunning && t.elapsed() < timeoutMs)
            QTest::qWait(10);
        if (m_process.state() != QProcess::NotRunning)
            return -1;
        m_pending += m_process.readAllStandardOutput();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QByteArray rest() { return m_pending + m_process.readAllStandardOutput(); }
    QString stderrText() { return QString::fromUtf8(m_process.readAllStandardError()); }

private:
    QProcess m_process;
    QByteArray m_pending;
    QList<QByteArray> m_lines;
};

QString eventName(const QJsonObject &o)
{
    return o.value(QStringLiteral("event")).toString();
}

} // namespace

class tst_CliListenRegister : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_10_registersRefreshesAndUnregisters();
    void rfc3261_22_wrongPasswordIsReportedWithoutALoop();
    void unregisterWaitsAtMostFiveSeconds();
    void secondSignalExitsAtOnce();
    void noResponseIsReportedAsAnError();
};

void tst_CliListenRegister::rfc3261_10_registersRefreshesAndUnregisters()
{
    FakeRegistrar registrar;
    registrar.grant = 2; // a refresh after 80 %: 1.6 s
    QVERIFY(registrar.start());
    // No --registrar: RFC 3261 §10.2's default, the AOR's domain (with its port).
    const QString aor = QStringLiteral("sip:bob@127.0.0.1:%1").arg(registrar.port());
    Listen listen;
    QVERIFY(listen.start({QStringLiteral("--aor"), aor, QStringLiteral("--bind"),
                          QStringLiteral("udp:127.0.0.1:0"), QStringLiteral("--register"),
                          QStringLiteral("--auth-user"), QStringLiteral("bob")},
                         kPassword));
    const QJsonObject listening = listen.next();
    QCOMPARE(eventName(listening), QStringLiteral("listening"));
    const QString bind = listening.value(QStringLiteral("bind")).toArray().at(0).toString();
    const QString port = bind.section(QLatin1Char(':'), -1);

    for (int refresh = 0; refresh < 2; ++refresh) {
        const QJsonObject registered = listen.next();
        QCOMPARE(eventName(registered), QStringLiteral("registered"));
        QCOMPARE(registered.value(QStringLiteral("aor")).toString(), aor);
        QCOMPARE(registered.value(QStringLiteral("expires")).toInt(), 2);
        QCOMPARE(registered.value(QStringLiteral("contact")).toString(),
                 QStringLiteral("sip:bob@127.0.0.1:%1;transport=udp").arg(port));
    }

    listen.signal(SIGTERM);
    QCOMPARE(eventName(listen.next()), QStringLiteral("unregistered"));
    QCOMPARE(listen.exitCode(5000), 0);
    QCOMPARE(listen.rest(), QByteArray());

    // On the wire: challenged once, then every REGISTER with credentials, one
    // Call-ID, rising CSeq, Allow listing MESSAGE; the last one removes.
    const QList<QByteArray> &sent = registrar.requests;
    QVERIFY2(sent.size() >= 4, qPrintable(QString::number(sent.size())));
    QVERIFY(headerValue(sent[0], "Authorization").isEmpty());
    const QByteArray callId = headerValue(sent[0], "Call-ID");
    int cseq = 0;
    for (const QByteArray &r : sent) {
        QVERIFY2(r.startsWith("REGISTER sip:127.0.0.1:" + QByteArray::number(registrar.port()) +
                              " SIP/2.0\r\n"),
                 r.constData());
        QCOMPARE(headerValue(r, "Call-ID"), callId);
        const int n = headerValue(r, "CSeq").split(' ').first().toInt();
        QVERIFY(n > cseq);
        cseq = n;
        QVERIFY2(headerValue(r, "Allow").split(',').contains(" MESSAGE") ||
                     headerValue(r, "Allow").startsWith("MESSAGE"),
                 headerValue(r, "Allow").constData());
        QCOMPARE(headerValue(r, "To"), QByteArray("<" + aor.toUtf8() + ">"));
    }
    for (qsizetype i = 1; i < sent.size(); ++i)
        QVERIFY(headerValue(sent[i], "Authorization").startsWith("Digest username=\"bob\""));
    const QByteArray removal = sent.last();
    QCOMPARE(headerValue(removal, "Expires"), QByteArray("0"));
    QCOMPARE(headerValue(removal, "Contact"),
             "<sip:bob@127.0.0.1:" + port.toUtf8() + ";transport=udp>;expires=0");
}

void tst_CliListenRegister::rfc3261_22_wrongPasswordIsReportedWithoutALoop()
{
    FakeRegistrar registrar;
    QVERIFY(registrar.start());
    Listen listen;
    QVERIFY(listen.start({QStringLiteral("--aor"), QStringLiteral("sip:bob@127.0.0.1"),
                          QStringLiteral("--bind"), QStringLiteral("udp:127.0.0.1:0"),
                          QStringLiteral("--register"), QStringLiteral("--registrar"),
                          QStringLiteral("sip:127.0.0.1:%1").arg(registrar.port())},
                         "not-the-password"));
    QCOMPARE(eventName(listen.next()), QStringLiteral("listening"));
    const QJsonObject failed = listen.next();
    QCOMPARE(eventName(failed), QStringLiteral("registration_failed"));
    QCOMPARE(failed.value(QStringLiteral("status")).toInt(), 401);
    QCOMPARE(failed.value(QStringLiteral("reason")).toString(), QStringLiteral("Unauthorized"));
    QVERIFY2(failed.value(QStringLiteral("detail"))
                 .toString()
                 .contains(QStringLiteral("wrong user name or password")),
             qPrintable(failed.value(QStringLiteral("detail")).toString()));
    // RFC 5626 §4.5 back-off: the first retry after 15 to 30 s.
    const int retry = failed.value(QStringLiteral("retry_in")).toInt();
    QVERIFY2(retry >= 15 && retry <= 30, qPrintable(QString::number(retry)));

    // No loop: the challenge answered once, then nothing for a while.
    QTest::qWait(2000);
    QCOMPARE(registrar.requests.size(), 2);
    QCOMPARE(listen.rest(), QByteArray());
    QVERIFY(listen.stderrText().contains(QStringLiteral("wrong user name or password")));

    // Never bound: nothing to remove, the end is immediate.
    listen.signal(SIGINT);
    QCOMPARE(eventName(listen.next()), QStringLiteral("unregistered"));
    QCOMPARE(listen.exitCode(2000), 0);
    QCOMPARE(registrar.requests.size(), 2);
}

void tst_CliListenRegister::unregisterWaitsAtMostFiveSeconds()
{
    FakeRegistrar registrar;
    registrar.answerRemovals = false;
    QVERIFY(registrar.start());
    Listen listen;
    QVERIFY(listen.start({QStringLiteral("--aor"), QStringLiteral("sip:bob@127.0.0.1"),
                          QStringLiteral("--bind"), QStringLiteral("udp:127.0.0.1:0"),
                          QStringLiteral("--register"), QStringLiteral("--registrar"),
                          QStringLiteral("sip:127.0.0.1:%1").arg(registrar.port())},
                         kPassword));
    QCOMPARE(eventName(listen.next()), QStringLiteral("listening"));
    QCOMPARE(eventName(listen.next()), QStringLiteral("registered"));
    QElapsedTimer clock;
    clock.start();
    listen.signal(SIGTERM);
    const QJsonObject unregistered = listen.next(10000);
    const qint64 waited = clock.elapsed();
    QCOMPARE(eventName(unregistered), QStringLiteral("unregistered"));
    QVERIFY2(unregistered.value(QStringLiteral("error"))
                 .toString()
                 .startsWith(QStringLiteral("no answer to the unregister within 5 s")),
             qPrintable(unregistered.value(QStringLiteral("error")).toString()));
    QVERIFY2(waited >= 4900 && waited < 7000, qPrintable(QString::number(waited)));
    QCOMPARE(listen.exitCode(2000), 0);
    // The removal went out (and its retransmissions, unanswered).
    QVERIFY(headerValue(registrar.requests.last(), "Expires") == "0");
}

void tst_CliListenRegister::secondSignalExitsAtOnce()
{
    FakeRegistrar registrar;
    registrar.answerRemovals = false;
    QVERIFY(registrar.start());
    Listen listen;
    QVERIFY(listen.start({QStringLiteral("--aor"), QStringLiteral("sip:bob@127.0.0.1"),
                          QStringLiteral("--bind"), QStringLiteral("udp:127.0.0.1:0"),
                          QStringLiteral("--register"), QStringLiteral("--registrar"),
                          QStringLiteral("sip:127.0.0.1:%1").arg(registrar.port())},
                         kPassword));
    QCOMPARE(eventName(listen.next()), QStringLiteral("listening"));
    QCOMPARE(eventName(listen.next()), QStringLiteral("registered"));
    const qsizetype before = registrar.requests.size();
    listen.signal(SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(registrar.requests.size() > before, 3000); // the removal is out
    QElapsedTimer clock;
    clock.start();
    listen.signal(SIGINT);
    // 128 + SIGINT, without waiting for the unanswered removal.
    QCOMPARE(listen.exitCode(3000), 128 + SIGINT);
    QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(listen.rest(), QByteArray());
}

void tst_CliListenRegister::noResponseIsReportedAsAnError()
{
    // A TCP port nobody listens on: the connection is refused.
    quint16 closed = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closed = probe.serverPort();
    }
    Listen listen;
    QVERIFY(listen.start({QStringLiteral("--aor"), QStringLiteral("sip:bob@127.0.0.1"),
                          QStringLiteral("--bind"), QStringLiteral("tcp:127.0.0.1:0"),
                          QStringLiteral("--register"), QStringLiteral("--registrar"),
                          QStringLiteral("sip:127.0.0.1:%1;transport=tcp").arg(closed)},
                         kPassword));
    QCOMPARE(eventName(listen.next()), QStringLiteral("listening"));
    const QJsonObject failed = listen.next();
    QCOMPARE(eventName(failed), QStringLiteral("registration_failed"));
    QVERIFY(!failed.contains(QStringLiteral("status")));
    const QString error = failed.value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(closed)), qPrintable(error));
    QVERIFY(failed.value(QStringLiteral("retry_in")).toInt() >= 15);
    listen.signal(SIGTERM);
    QCOMPARE(eventName(listen.next()), QStringLiteral("unregistered"));
    QCOMPARE(listen.exitCode(3000), 0);
}

QTEST_GUILESS_MAIN(tst_CliListenRegister)
#include "tst_CliListenRegister.moc"
