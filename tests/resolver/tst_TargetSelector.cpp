// SPDX-License-Identifier: GPL-3.0-or-later
// The DNS-free decisions of RFC 3263 §4 (TARGET, transport, port, SRV
// names), the RFC 3261 §18.1.1 size rule, and the RFC 2782 SRV order.

#include "message/Uri.h"
#include "transport/TargetSelector.h"

#include <QTest>

using namespace sip;

namespace {

Uri uri(const char *text)
{
    const QByteArray bytes(text);
    const char *why = nullptr;
    std::optional<Uri> u = Uri::parse(bytes, &why);
    if (!u)
        qFatal("fixture URI %s does not parse: %s", text, why);
    return *u;
}

TransportSet transports(const QString &list)
{
    TransportSet set;
    for (const QString &name : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
        set.insert(*transportFromName(name.toLatin1()));
    return set;
}

QString name(TransportType t)
{
    return QString::fromLatin1(transportParamName(t));
}

// Returns the scripted numbers in order (clamped to `highest`) and records
// each `highest` asked for.
struct ScriptedRandom
{
    QList<quint32> script;
    QList<quint32> asked;
    SrvRandom fn()
    {
        return [this](quint32 highest) {
            asked.append(highest);
            return script.isEmpty() ? 0 : qMin(script.takeFirst(), highest);
        };
    }
};

SrvRecord rec(quint16 priority, quint16 weight, const char *target, quint16 port = 5060)
{
    return {priority, weight, port, QString::fromLatin1(target)};
}

QStringList targets(const QList<SrvRecord> &records)
{
    QStringList out;
    for (const SrvRecord &r : records)
        out.append(r.target);
    return out;
}

} // namespace

class tst_TargetSelector : public QObject
{
    Q_OBJECT

private slots:
    void rfc3263_4_1_transportAndSrvNames_data();
    void rfc3263_4_1_transportAndSrvNames();
    void rfc3263_4_unroutableUris_data();
    void rfc3263_4_unroutableUris();
    void rfc3263_4_maddrIsTargetHostIsServerName();
    void rfc3261_19_1_1_ipv6Reference();
    void rfc3263_4_hostLowerCasedWithoutTrailingDot();
    void rfc3261_18_1_1_sizeRule_data();
    void rfc3261_18_1_1_sizeRule();
    void rfc3261_18_1_1_planFailsEarlyWhenNoTransportFits();
    void rfc2782_priorityThenWeightedRandom();
    void rfc2782_weightedSelectionFollowsRunningSum();
    void rfc2782_zeroWeightsKeepTheirOrder();
    void rfc2782_dotTargetAndEmptyTargetDropped();
    void rfc2782_defaultRandomStaysInRange();
};

void tst_TargetSelector::rfc3263_4_1_transportAndSrvNames_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("enabled");
    QTest::addColumn<QString>("transport");
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("srv");

    const QString all = QStringLiteral("udp,tcp,tls");
    const QStringList none;
    // §4.1: "if no transport protocol is specified, but the TARGET is a
    // numeric IP address, the client SHOULD use UDP for a SIP URI, and TCP
    // [TLS] for a SIPS URI"; no SRV.
    QTest::newRow("numeric sip: -> UDP") << "sip:bob@192.0.2.1" << all << "udp" << 0 << none;
    QTest::newRow("numeric sips: -> TLS") << "sips:bob@192.0.2.1" << all << "tls" << 0 << none;
    QTest::newRow("numeric, port") << "sip:192.0.2.1:5070" << all << "udp" << 5070 << none;
    QTest::newRow("numeric sip: without UDP -> TCP") << "sip:192.0.2.1"
                                                     << "tcp,tls"
                                                     << "tcp" << 0 << none;
    // §4.1: the same when the host is a name but a port is given; §4.2: A/AAAA.
    QTest::newRow("port given -> UDP, no SRV")
        << "sip:bob@example.com:5080" << all << "udp" << 5080 << none;
    QTest::newRow("port given sips: -> TLS, no SRV")
        << "sips:bob@example.com:5081" << all << "tls" << 5081 << none;
    // §4.1: the transport parameter decides; §4.2: SRV for that transport only.
    QTest::newRow("transport=tcp") << "sip:example.com;transport=tcp" << all << "tcp" << 0
                                   << QStringList{"_sip._tcp.example.com"};
    QTest::newRow("transport=udp") << "sip:example.com;transport=UDP" << all << "udp" << 0
                                   << QStringList{"_sip._udp.example.com"};
    QTest::newRow("transport=tls") << "sip:example.com;transport=tls" << all << "tls" << 0
                                   << QStringList{"_sips._tcp.example.com"};
    QTest::newRow("sips: transport=tcp is TLS") << "sips:example.com;transport=tcp" << all << "tls"
                                                << 0 << QStringList{"_sips._tcp.example.com"};
    QTest::newRow("transport and numeric host")
        << "sip:192.0.2.1;transport=tcp" << all << "tcp" << 0 << none;
    QTest::newRow("transport and port")
        << "sip:example.com:5090;transport=tls" << all << "tls" << 5090 << none;
    // §4.1 without NAPTR: SRV for each supported transport, most preferred
    // first; with no SRV records, UDP for sip: and TLS for sips:.
    QTest::newRow("sip: SRV TLS, TCP, UDP")
        << "sip:bob@example.com" << all << "udp" << 0
        << QStringList{"_sips._tcp.example.com", "_sip._tcp.example.com", "_sip._udp.example.com"};
    QTest::newRow("sip: only enabled transports")
        << "sip:bob@example.com"
        << "udp,tcp"
        << "udp" << 0 << QStringList{"_sip._tcp.example.com", "_sip._udp.example.com"};
    QTest::newRow("sip: TCP only") << "sip:example.com"
                                   << "tcp"
                                   << "tcp" << 0 << QStringList{"_sip._tcp.example.com"};
    QTest::newRow("sips: only _sips._tcp")
        << "sips:bob@example.com" << all << "tls" << 0 << QStringList{"_sips._tcp.example.com"};
}

void tst_TargetSelector::rfc3263_4_1_transportAndSrvNames()
{
    QFETCH(QString, uri);
    QFETCH(QString, enabled);
    QFETCH(QString, transport);
    QFETCH(int, port);
    QFETCH(QStringList, srv);

    TargetOptions options;
    options.transports = transports(enabled);
    const TargetPlan plan = planTarget(::uri(uri.toLatin1().constData()), options);
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(name(plan.transport), transport);
    QCOMPARE(int(plan.port), port);
    QStringList names;
    for (const SrvQuery &q : plan.srvQueries) {
        names.append(q.name);
        // Each SRV name means one transport.
        QCOMPARE(q.transport, q.name.startsWith(QLatin1String("_sips._tcp"))  ? TransportType::Tls
                              : q.name.startsWith(QLatin1String("_sip._tcp")) ? TransportType::Tcp
                                                                              : TransportType::Udp);
    }
    QCOMPARE(names, srv);
}

void tst_TargetSelector::rfc3263_4_unroutableUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("enabled");
    QTest::addColumn<QString>("error");

    const QString all = QStringLiteral("udp,tcp,tls");
    QTest::newRow("tel:") << "tel:+15551234567" << all << "cannot route a tel: URI without a proxy";
    QTest::newRow("other scheme") << "mailto:bob@example.com" << all
                                  << "cannot route a mailto: URI (only sip: and sips:)";
    QTest::newRow("sips: transport=udp") << "sips:bob@example.com;transport=udp" << all
                                         << "a sips: URI cannot use transport=udp (SIPS needs TLS)";
    QTest::newRow("unknown transport") << "sip:bob@example.com;transport=sctp" << all
                                       << "unsupported transport \"sctp\" in the URI";
    QTest::newRow("transport not enabled") << "sip:bob@example.com;transport=tcp"
                                           << "udp,tls"
                                           << "no TCP transport enabled";
    QTest::newRow("numeric, UDP not enabled, TCP neither") << "sip:bob@192.0.2.1;transport=udp"
                                                           << "tls"
                                                           << "no UDP transport enabled";
    QTest::newRow("sips: without TLS") << "sips:bob@example.com"
                                       << "udp,tcp"
                                       << "a sips: URI needs TLS, and no TLS transport is enabled";
    QTest::newRow("nothing enabled") << "sip:bob@example.com"
                                     << ""
                                     << "no transport enabled";
    QTest::newRow("not an IPv4 address")
        << "sip:bob@192.0.2" << all << "invalid IPv4 address 192.0.2";
}

void tst_TargetSelector::rfc3263_4_unroutableUris()
{
    QFETCH(QString, uri);
    QFETCH(QString, enabled);
    QFETCH(QString, error);

    TargetOptions options;
    options.transports = transports(enabled);
    const TargetPlan plan = planTarget(::uri(uri.toLatin1().constData()), options);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error, error);
    QVERIFY(plan.srvQueries.isEmpty());
}

void tst_TargetSelector::rfc3263_4_maddrIsTargetHostIsServerName()
{
    // §4: "TARGET [is] the value of the maddr parameter of the URI, if
    // present"; TLS still checks the URI's domain (RFC 5922 §4).
    const TargetPlan plan = planTarget(uri("sips:bob@Example.com;maddr=192.0.2.9"), {});
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(plan.target, QStringLiteral("192.0.2.9"));
    QCOMPARE(plan.address, QHostAddress(QStringLiteral("192.0.2.9")));
    QCOMPARE(plan.serverName, QStringLiteral("example.com"));
    QCOMPARE(plan.transport, TransportType::Tls);
    QVERIFY(plan.srvQueries.isEmpty());

    const TargetPlan named = planTarget(uri("sip:bob@example.com;maddr=proxy.example.net"), {});
    QCOMPARE(named.target, QStringLiteral("proxy.example.net"));
    QCOMPARE(named.serverName, QStringLiteral("example.com"));
    QCOMPARE(named.srvQueries.first().name, QStringLiteral("_sips._tcp.proxy.example.net"));
}

void tst_TargetSelector::rfc3261_19_1_1_ipv6Reference()
{
    const TargetPlan plan = planTarget(uri("sip:bob@[2001:DB8::1]:5070"), {});
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(plan.address, QHostAddress(QStringLiteral("2001:db8::1")));
    QCOMPARE(plan.target, QStringLiteral("2001:db8::1"));
    QVERIFY(plan.serverName.isEmpty()); // an address, verified as such
    QCOMPARE(plan.port, quint16(5070));
    QCOMPARE(plan.transport, TransportType::Udp);
    QVERIFY(plan.srvQueries.isEmpty());

    TargetOptions v4only;
    v4only.ipv6 = false;
    QCOMPARE(planTarget(uri("sip:bob@[::1]"), v4only).error,
             QStringLiteral("cannot reach ::1: IPv6 is not enabled"));
}

void tst_TargetSelector::rfc3263_4_hostLowerCasedWithoutTrailingDot()
{
    const TargetPlan plan = planTarget(uri("sip:bob@Example.COM."), {});
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(plan.target, QStringLiteral("example.com"));
    QCOMPARE(plan.serverName, QStringLiteral("example.com"));
    QCOMPARE(plan.srvQueries.last().name, QStringLiteral("_sip._udp.example.com"));
}

void tst_TargetSelector::rfc3261_18_1_1_sizeRule_data()
{
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QString>("enabled");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("result"); // transport, or the error

    const QString all = QStringLiteral("udp,tcp,tls");
    QTest::newRow("UDP at 1300 bytes stays UDP") << "udp" << all << 1300 << "udp";
    QTest::newRow("UDP at 1301 bytes -> TCP") << "udp" << all << 1301 << "tcp";
    QTest::newRow("UDP, large, only TCP enabled -> TCP") << "udp"
                                                         << "tcp" << 4000 << "tcp";
    QTest::newRow("UDP, large, no TCP")
        << "udp"
        << "udp,tls" << 1301 << "request too large for UDP and no TCP transport enabled";
    QTest::newRow("TCP stays TCP") << "tcp" << all << 60000 << "tcp";
    QTest::newRow("TLS stays TLS") << "tls" << all << 60000 << "tls";
    QTest::newRow("small, UDP not enabled") << "udp"
                                            << "tcp" << 100 << "no UDP transport enabled";
    QTest::newRow("TLS not enabled") << "tls"
                                     << "udp,tcp" << 100 << "no TLS transport enabled";
}

void tst_TargetSelector::rfc3261_18_1_1_sizeRule()
{
    QFETCH(QString, chosen);
    QFETCH(QString, enabled);
    QFETCH(int, size);
    QFETCH(QString, result);

    TargetOptions options;
    options.transports = transports(enabled);
    options.requestSize = size;
    QString error;
    const std::optional<TransportType> t =
        finalTransport(*transportFromName(chosen.toLatin1()), options, &error);
    QCOMPARE(t ? name(*t) : error, result);
}

void tst_TargetSelector::rfc3261_18_1_1_planFailsEarlyWhenNoTransportFits()
{
    TargetOptions options;
    options.transports = {TransportType::Udp};
    options.requestSize = 2000;
    // Numeric: known before any DNS.
    QCOMPARE(planTarget(uri("sip:192.0.2.1"), options).error,
             QStringLiteral("request too large for UDP and no TCP transport enabled"));
    // SRV could only find UDP: no point asking.
    QCOMPARE(planTarget(uri("sip:example.com"), options).error,
             QStringLiteral("request too large for UDP and no TCP transport enabled"));
    // With TLS enabled _sips._tcp might exist: ask.
    options.transports.insert(TransportType::Tls);
    QVERIFY(planTarget(uri("sip:example.com"), options).ok());
}

void tst_TargetSelector::rfc2782_priorityThenWeightedRandom()
{
    // Priority 10: a (w10), b (w0), c (w30); priority 20: d (w5).
    // RFC 2782: lowest priority first; within it zero weights first in the
    // running sum (b 0, a 10, c 40), pick a number in [0, 40]: 15 -> c;
    // then (b 0, a 10) and 0 -> b; then a; then d.
    ScriptedRandom random{{15, 0, 7, 3}, {}};
    const QList<SrvRecord> ordered = orderSrvRecords(
        {rec(20, 5, "d"), rec(10, 10, "a"), rec(10, 0, "b"), rec(10, 30, "c")}, random.fn());
    QCOMPARE(targets(ordered), (QStringList{"c", "b", "a", "d"}));
    QCOMPARE(random.asked, (QList<quint32>{40, 10, 10, 5}));
}

void tst_TargetSelector::rfc2782_weightedSelectionFollowsRunningSum()
{
    // Weights 1 and 3: running sums 1 and 4; numbers 0..1 pick the first,
    // 2..4 the second.
    for (quint32 n = 0; n <= 4; ++n) {
        ScriptedRandom random{{n}, {}};
        const QList<SrvRecord> ordered =
            orderSrvRecords({rec(1, 1, "light"), rec(1, 3, "heavy")}, random.fn());
        QCOMPARE(ordered.first().target,
                 n <= 1 ? QStringLiteral("light") : QStringLiteral("heavy"));
        QCOMPARE(ordered.size(), 2);
    }
}

void tst_TargetSelector::rfc2782_zeroWeightsKeepTheirOrder()
{
    ScriptedRandom random;
    const QList<SrvRecord> ordered = orderSrvRecords(
        {rec(5, 0, "x"), rec(1, 0, "y"), rec(5, 0, "z"), rec(1, 0, "w")}, random.fn());
    QCOMPARE(targets(ordered), (QStringList{"y", "w", "x", "z"}));
}

void tst_TargetSelector::rfc2782_dotTargetAndEmptyTargetDropped()
{
    ScriptedRandom random;
    QCOMPARE(orderSrvRecords({rec(0, 0, ".")}, random.fn()), QList<SrvRecord>{});
    QCOMPARE(targets(orderSrvRecords({rec(0, 0, ""), rec(1, 0, "sip.example.com")}, random.fn())),
             QStringList{"sip.example.com"});
}

void tst_TargetSelector::rfc2782_defaultRandomStaysInRange()
{
    const SrvRandom random = defaultSrvRandom();
    for (quint32 highest : {0u, 1u, 7u, 65535u}) {
        for (int i = 0; i < 200; ++i)
            QVERIFY(random(highest) <= highest);
    }
    QCOMPARE(random(0), 0u);
}

QTEST_GUILESS_MAIN(tst_TargetSelector)
#include "tst_TargetSelector.moc"
