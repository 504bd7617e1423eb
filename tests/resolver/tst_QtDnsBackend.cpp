// SPDX-License-Identifier: GPL-3.0-or-later
// QtDnsBackend on this machine, offline and on loopback only: "localhost"
// from the hosts file (no DNS query leaves the machine), and SRV/A/AAAA from
// a small DNS server the test runs on 127.0.0.1:53 (Qt 6.4's QDnsLookup only
// talks to port 53; the test is skipped when that port cannot be bound).

#include "message/Uri.h"
#include "transport/QtDnsBackend.h"
#include "transport/Resolver.h"

#include <QHash>
#include <QNetworkDatagram>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>

using namespace sip;

namespace {

// Answers DNS queries over UDP from a table: enough of RFC 1035 for one
// question per query and uncompressed names in the answers.
class LoopbackDnsServer
{
public:
    enum Type : quint16
    {
        A = 1,
        AAAA = 28,
        SRV = 33
    };

    bool listen()
    {
        if (!m_socket.bind(QHostAddress(QHostAddress::LocalHost), 53))
            return false;
        QObject::connect(&m_socket, &QUdpSocket::readyRead, &m_socket, [this] { serve(); });
        return true;
    }

    void addSrv(const QString &name, quint16 priority, quint16 weight, quint16 port,
                const QString &target)
    {
        QByteArray rdata;
        appendU16(rdata, priority);
        appendU16(rdata, weight);
        appendU16(rdata, port);
        rdata += encodeName(target);
        m_records[{name, SRV}].append(rdata);
    }
    void addAddress(const QString &name, const QHostAddress &address)
    {
        QByteArray rdata;
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            const quint32 v4 = qToBigEndian(address.toIPv4Address());
            rdata = QByteArray(reinterpret_cast<const char *>(&v4), 4);
            m_records[{name, A}].append(rdata);
        } else {
            const Q_IPV6ADDR v6 = address.toIPv6Address();
            rdata = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
            m_records[{name, AAAA}].append(rdata);
        }
    }
    void failWithServerFailure(const QString &name) { m_servfail.append(name); }

    QStringList asked; // "name type"

private:
    static void appendU16(QByteArray &out, quint16 v)
    {
        out.append(char(v >> 8));
        out.append(char(v & 0xff));
    }
    static QByteArray encodeName(const QString &name)
    {
        QByteArray out;
        for (const QString &label : name.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
            out.append(char(label.size()));
            out.append(label.toLatin1());
        }
        out.append('\0');
        return out;
    }

    void serve()
    {
        while (m_socket.hasPendingDatagrams()) {
            const QNetworkDatagram query = m_socket.receiveDatagram();
            const QByteArray reply = answer(query.data());
            if (!reply.isEmpty())
                m_socket.writeDatagram(reply, query.senderAddress(), quint16(query.senderPort()));
        }
    }

    QByteArray answer(const QByteArray &q)
    {
        if (q.size() < 12 || (quint8(q[4]) << 8 | quint8(q[5])) != 1)
            return {};
        qsizetype pos = 12;
        QStringList labels;
        while (pos < q.size() && q[pos] != 0) {
            const int length = quint8(q[pos]);
            labels.append(QString::fromLatin1(q.mid(pos + 1, length)).toLower());
            pos += 1 + length;
        }
        pos += 1;
        if (pos + 4 > q.size())
            return {};
        const QString name = labels.join(QLatin1Char('.'));
        const quint16 type = quint16(quint8(q[pos]) << 8 | quint8(q[pos + 1]));
        const QByteArray question = q.mid(12, pos + 4 - 12);
        asked.append(name + QLatin1Char(' ') + QString::number(type));

        const QList<QByteArray> rdatas = m_records.value({name, type});
        bool nameExists = false;
        for (auto it = m_records.cbegin(); it != m_records.cend(); ++it)
            nameExists = nameExists || it.key().first == name;
        const int rcode = m_servfail.contains(name) ? 2 : nameExists ? 0 : 3;

        QByteArray reply = q.left(2);                                // ID
        appendU16(reply, quint16(0x8080 | (q[2] & 1) << 8 | rcode)); // QR, RD copied, RA
        appendU16(reply, 1);
        appendU16(reply, rcode == 0 ? quint16(rdatas.size()) : 0);
        appendU16(reply, 0);
        appendU16(reply, 0);
        reply += question;
        for (const QByteArray &rdata : rcode == 0 ? rdatas : QList<QByteArray>{}) {
            appendU16(reply, 0xc00c); // the name in the question
            appendU16(reply, type);
            appendU16(reply, 1); // IN
            appendU16(reply, 0);
            appendU16(reply, 60); // TTL
            appendU16(reply, quint16(rdata.size()));
            reply += rdata;
        }
        return reply;
    }

    QUdpSocket m_socket;
    QHash<QPair<QString, quint16>, QList<QByteArray>> m_records;
    QStringList m_servfail;
};

} // namespace

class tst_QtDnsBackend : public QObject
{
    Q_OBJECT

private slots:
    void localhostAddresses();
    void cancelledLookupNeverCallsBack();
    void handleDroppedInsideCallback();
    void resolverFindsLocalhostWithPort();
    void rfc3263_4_srvThroughLoopbackNameserver();
};

void tst_QtDnsBackend::localhostAddresses()
{
    QtDnsBackend dns;
    std::optional<AddressAnswer> answer;
    auto lookup = dns.lookupAddresses(QStringLiteral("localhost"),
                                      [&](const AddressAnswer &a) { answer = a; });
    QVERIFY(!answer); // asynchronous
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY2(answer->error.isEmpty(), qPrintable(answer->error));
    QVERIFY(!answer->addresses.isEmpty());
    for (const QHostAddress &a : answer->addresses)
        QVERIFY2(a.isLoopback(), qPrintable(a.toString()));
}

void tst_QtDnsBackend::cancelledLookupNeverCallsBack()
{
    QtDnsBackend dns;
    int calls = 0;
    auto lookup =
        dns.lookupAddresses(QStringLiteral("localhost"), [&](const AddressAnswer &) { ++calls; });
    lookup.reset();
    QTest::qWait(300);
    QCOMPARE(calls, 0);
}

void tst_QtDnsBackend::handleDroppedInsideCallback()
{
    QtDnsBackend dns;
    std::unique_ptr<DnsLookup> lookup;
    bool done = false;
    lookup = dns.lookupAddresses(QStringLiteral("localhost"), [&](const AddressAnswer &) {
        lookup.reset();
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
    QTest::qWait(10); // the deferred deletion runs
}

void tst_QtDnsBackend::resolverFindsLocalhostWithPort()
{
    // A port is given: no SRV query (RFC 3263 §4.2), only the hosts file.
    QtDnsBackend dns;
    Resolver resolver(dns);
    std::optional<ResolveResult> result;
    TargetOptions options;
    options.ipv6 = false;
    auto lookup = resolver.resolve(*Uri::parse(QByteArrayLiteral("sip:bob@localhost:5070")),
                                   options, [&](const ResolveResult &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QCOMPARE(result->endpoints.first().toString(), QStringLiteral("udp:127.0.0.1:5070"));
    QCOMPARE(result->endpoints.first().serverName, QStringLiteral("localhost"));
}

void tst_QtDnsBackend::rfc3263_4_srvThroughLoopbackNameserver()
{
    LoopbackDnsServer server;
    if (!server.listen())
        QSKIP("cannot bind 127.0.0.1:53 (needs privileges and a free port)");
    server.addSrv(QStringLiteral("_sip._udp.example.test"), 20, 0, 5071,
                  QStringLiteral("b.example.test"));
    server.addSrv(QStringLiteral("_sip._udp.example.test"), 10, 0, 5070,
                  QStringLiteral("a.example.test"));
    server.addAddress(QStringLiteral("a.example.test"), QHostAddress(QStringLiteral("127.0.0.2")));
    server.addAddress(QStringLiteral("b.example.test"), QHostAddress(QStringLiteral("127.0.0.3")));
    server.addAddress(QStringLiteral("b.example.test"), QHostAddress(QStringLiteral("::1")));
    server.failWithServerFailure(QStringLiteral("_sip._tcp.example.test"));

    QtDnsBackend dns;
    dns.setNameserver(QHostAddress(QHostAddress::LocalHost));

    // The backend itself: records, NXDOMAIN as no records, a failure in words.
    std::optional<SrvAnswer> srv;
    auto srvLookup = dns.lookupSrv(QStringLiteral("_sip._udp.example.test"),
                                   [&](const SrvAnswer &a) { srv = a; });
    QTRY_VERIFY_WITH_TIMEOUT(srv.has_value(), 10000);
    QVERIFY2(srv->error.isEmpty(), qPrintable(srv->error));
    QCOMPARE(srv->records.size(), 2);
    QVERIFY(srv->records.contains(SrvRecord{10, 0, 5070, QStringLiteral("a.example.test")}));

    srv.reset();
    srvLookup = dns.lookupSrv(QStringLiteral("_sips._tcp.example.test"),
                              [&](const SrvAnswer &a) { srv = a; });
    QTRY_VERIFY_WITH_TIMEOUT(srv.has_value(), 10000);
    QVERIFY(srv->records.isEmpty());
    QVERIFY2(srv->error.isEmpty(), qPrintable(srv->error));

    srv.reset();
    srvLookup = dns.lookupSrv(QStringLiteral("_sip._tcp.example.test"),
                              [&](const SrvAnswer &a) { srv = a; });
    QTRY_VERIFY_WITH_TIMEOUT(srv.has_value(), 10000);
    QVERIFY(srv->records.isEmpty());
    QVERIFY(srv->error.startsWith(QLatin1String("DNS server failure")));

    // The whole of §4: _sips._tcp (none), _sip._tcp (failed), _sip._udp
    // (records, priority 10 first), then AAAA and A of each target.
    Resolver resolver(dns);
    std::optional<ResolveResult> result;
    auto lookup = resolver.resolve(*Uri::parse(QByteArrayLiteral("sip:bob@example.test")), {},
                                   [&](const ResolveResult &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY2(result->ok(), qPrintable(result->error));
    QStringList endpoints;
    for (const Endpoint &e : result->endpoints)
        endpoints.append(e.toString());
    QCOMPARE(endpoints,
             (QStringList{"udp:127.0.0.2:5070", "udp:[::1]:5071", "udp:127.0.0.3:5071"}));
    QCOMPARE(result->endpoints.first().serverName, QStringLiteral("example.test"));
    QVERIFY(server.asked.contains(QStringLiteral("a.example.test 28")));
    QVERIFY(server.asked.contains(QStringLiteral("b.example.test 1")));
}

QTEST_GUILESS_MAIN(tst_QtDnsBackend)
#include "tst_QtDnsBackend.moc"
