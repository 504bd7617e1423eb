// SPDX-License-Identifier: GPL-3.0-or-later
#include "Baresip.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>

namespace tidings::interop {

namespace {

const QByteArray kTraceStart = "\x1b[36;1m#\n";
const QByteArray kTraceEnd = "\x1b[;m";

// Compact forms (RFC 3261 §7.3.3) of the header fields the tests look at.
QByteArray compactForm(const QByteArray &name)
{
    static const QList<QPair<QByteArray, QByteArray>> forms{
        {"content-length", "l"}, {"content-type", "c"}, {"call-id", "i"},
        {"from", "f"},           {"to", "t"},           {"via", "v"}};
    for (const auto &[full, compact] : forms) {
        if (name.compare(full, Qt::CaseInsensitive) == 0)
            return compact;
    }
    return {};
}

// Waits until check() holds, at most timeoutMs.
template <typename Check>
bool waitFor(Check check, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!check()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QThread::msleep(20);
    }
    return true;
}

} // namespace

QByteArray TracedSip::header(const QByteArray &name) const
{
    const QByteArray compact = compactForm(name);
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray field = line.left(colon).trimmed();
        if (field.compare(name, Qt::CaseInsensitive) == 0 ||
            (!compact.isEmpty() && field.compare(compact, Qt::CaseInsensitive) == 0))
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QList<TracedSip> parseBaresipTrace(const QByteArray &output)
{
    QList<TracedSip> found;
    qsizetype at = 0;
    while ((at = output.indexOf(kTraceStart, at)) >= 0) {
        at += kTraceStart.size();
        // "<PROTO> <src> -> <dst>\n"
        const qsizetype lineEnd = output.indexOf('\n', at);
        if (lineEnd < 0)
            break;
        const QList<QByteArray> route = output.mid(at, lineEnd - at).split(' ');
        const qsizetype headEnd = output.indexOf("\r\n\r\n", lineEnd + 1);
        if (route.size() != 4 || headEnd < 0)
            continue;
        TracedSip sip;
        sip.transport = route[0];
        sip.source = route[1];
        sip.destination = route[3];
        const QByteArray head = output.mid(lineEnd + 1, headEnd - lineEnd - 1);
        const qsizetype firstEnd = head.indexOf("\r\n");
        sip.startLine = head.left(firstEnd);
        sip.headers = firstEnd < 0 ? QByteArray() : head.mid(firstEnd + 2);
        const qsizetype length = sip.header("Content-Length").toInt();
        // Only whole blocks: the log may be read while baresip writes it.
        if (!output.mid(headEnd + 4 + length).startsWith(kTraceEnd))
            continue;
        sip.body = output.mid(headEnd + 4, length);
        found << sip;
        at = headEnd + 4 + length;
    }
    return found;
}

Baresip::Baresip(const Kamailio &lab, const QString &user, const QString &transport,
                 const QStringList &contacts)
    : m_lab(lab)
    , m_user(user)
    , m_transport(transport)
    , m_contacts(contacts)
    , m_configDir(lab.dir() + QStringLiteral("/baresip-") + user + QLatin1Char('-') + transport)
{}

Baresip::~Baresip()
{
    stop();
}

bool Baresip::fail(const QString &why)
{
    m_error = why;
    return false;
}

bool Baresip::writeConfig()
{
    // Its TLS listener takes sip_listen + 1 even without a certificate.
    m_sipPort = pickFreePort(2);
    m_ctrlPort = pickFreePort();
    if (!m_sipPort || !m_ctrlPort)
        return fail(QStringLiteral("no free port on 127.0.0.1"));
    if (!QDir().mkpath(m_configDir))
        return fail(QStringLiteral("cannot make ") + m_configDir);
    // Everything pinned to 127.0.0.1; dns_server too, so it never asks a real
    // resolver. Audio from and to nowhere: only MESSAGE matters here. stdio is
    // its text UI, which shows incoming MESSAGEs.
    const QByteArray config = QStringLiteral("poll_method\t\tepoll\n"
                                             "sip_listen\t\t127.0.0.1:%1\n"
                                             "net_interface\t\t127.0.0.1\n"
                                             "dns_server\t\t127.0.0.1:53\n"
                                             "call_max_calls\t\t1\n"
                                             "audio_player\t\taufile,/dev/null\n"
                                             "audio_source\t\taufile,/dev/null\n"
                                             "module_path\t\t/usr/lib/baresip/modules\n"
                                             "module\t\t\tstdio.so\n"
                                             "module\t\t\tg711.so\n"
                                             "module_tmp\t\tuuid.so\n"
                                             "module_tmp\t\taccount.so\n"
                                             "module_app\t\tcontact.so\n"
                                             "module_app\t\tmenu.so\n"
                                             "module_app\t\tctrl_tcp.so\n"
                                             "ctrl_tcp_listen\t\t127.0.0.1:%2\n")
                                  .arg(m_sipPort)
                                  .arg(m_ctrlPort)
                                  .toUtf8();
    // outbound=...: without it baresip 1.0.0 sends requests straight to the
    // request-URI, over UDP even on a TCP account.
    const QString proxy =
        QStringLiteral("sip:127.0.0.1:%1;transport=%2").arg(m_lab.port()).arg(m_transport);
    const QByteArray account = QStringLiteral("<sip:%1@127.0.0.1:%2;transport=%3>;auth_pass=%4;"
                                              "regint=300;mwi=no;pubint=0;outbound=\"%5\"\n")
                                   .arg(m_user)
                                   .arg(m_lab.port())
                                   .arg(m_transport, QLatin1String(kPassword), proxy)
                                   .toUtf8();
    QByteArray contacts;
    for (const QString &peer : m_contacts)
        contacts += QStringLiteral("<sip:%1@127.0.0.1>\n").arg(peer).toUtf8();
    for (const auto &[name, text] : {std::pair{"config", config}, std::pair{"accounts", account},
                                     std::pair{"contacts", contacts}}) {
        QFile f(m_configDir + QLatin1Char('/') + QLatin1String(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
            return fail(QStringLiteral("cannot write ") + f.fileName());
    }
    return true;
}

bool Baresip::start()
{
    if (!writeConfig())
        return false;
    // -s: SIP trace on stdout. stdin stays an open pipe: the stdio UI quits
    // on /dev/null.
    if (!m_process.start(QStringLiteral("baresip"), {QStringLiteral("-f"), m_configDir, "-s"},
                         m_configDir + QStringLiteral("/output.log"), true))
        return fail(QStringLiteral("cannot start baresip"));
    // "carol@127.0.0.1: {0/UDP/v4} 200 OK (kamailio ...) [1 binding]"
    const QRegularExpression registered(
        QStringLiteral("%1@127\\.0\\.0\\.1: \\{\\d+/%2/v4\\} 200 OK")
            .arg(QRegularExpression::escape(m_user), m_transport.toUpper()));
    const bool ok = waitFor(
        [&] {
            return !m_process.isRunning() ||
                   registered.match(QString::fromUtf8(m_process.log())).hasMatch();
        },
        10000);
    if (!ok || !m_process.isRunning())
        return fail(QStringLiteral("baresip (%1 over %2) did not register:\n%3")
                        .arg(m_user, m_transport, outputTail()));
    return true;
}

void Baresip::stop()
{
    // SIGTERM: it unregisters first (Kamailio answers within milliseconds).
    m_process.stop(3000);
}

QList<TracedSip> Baresip::receivedMessages() const
{
    // Everything baresip receives comes from Kamailio's UDP/TCP port (over
    // TCP: Kamailio's end of the connection baresip opened); what it sends
    // comes from its own port or from an ephemeral one towards Kamailio.
    const QByteArray proxy = "127.0.0.1:" + QByteArray::number(m_lab.port());
    QList<TracedSip> incoming;
    for (const TracedSip &sip : parseBaresipTrace(m_process.log())) {
        if (sip.startLine.startsWith("MESSAGE ") && sip.source == proxy)
            incoming << sip;
    }
    return incoming;
}

bool Baresip::waitForMessages(int count, int timeoutMs) const
{
    return waitFor([&] { return receivedMessages().size() >= count; }, timeoutMs);
}

bool Baresip::displayed(const QByteArray &peer, const QByteArray &text) const
{
    return m_process.log().contains('\r' + peer + ": \"" + text + "\"\n");
}

QList<int> Baresip::messageResponses() const
{
    const QByteArray proxy = "127.0.0.1:" + QByteArray::number(m_lab.port());
    QList<int> statuses;
    for (const TracedSip &sip : parseBaresipTrace(m_process.log())) {
        if (sip.source == proxy && sip.startLine.startsWith("SIP/2.0 ") &&
            sip.header("CSeq").endsWith(" MESSAGE")) {
            const int status = sip.startLine.mid(8, 3).toInt();
            if (status >= 200 && status != 401 && status != 407)
                statuses << status;
        }
    }
    return statuses;
}

bool Baresip::sendMessage(const QByteArray &text)
{
    QTcpSocket ctrl;
    ctrl.connectToHost(QHostAddress::LocalHost, m_ctrlPort);
    if (!ctrl.waitForConnected(3000))
        return fail(QStringLiteral("cannot connect to baresip's ctrl_tcp port"));
    const QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("command"), "message"},
                                  {QStringLiteral("params"), QString::fromUtf8(text)},
                                  {QStringLiteral("token"), "interop"}})
            .toJson(QJsonDocument::Compact);
    ctrl.write(QByteArray::number(json.size()) + ':' + json + ',');
    // Netstrings back: events ({"event":true,...}) and our response.
    QByteArray in;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 5000) {
        if (!ctrl.waitForReadyRead(100))
            continue;
        in += ctrl.readAll();
        for (;;) {
            const qsizetype colon = in.indexOf(':');
            if (colon <= 0)
                break;
            const qsizetype length = in.left(colon).toLongLong();
            if (in.size() < colon + 1 + length + 1)
                break;
            const QJsonObject reply = QJsonDocument::fromJson(in.mid(colon + 1, length)).object();
            in.remove(0, colon + 1 + length + 1);
            if (reply.value(QStringLiteral("response")).toBool())
                return reply.value(QStringLiteral("ok")).toBool() ||
                       fail(QStringLiteral("baresip refused the message command: ") +
                            reply.value(QStringLiteral("data")).toString());
        }
    }
    return fail(QStringLiteral("no answer on baresip's ctrl_tcp port"));
}

} // namespace tidings::interop
