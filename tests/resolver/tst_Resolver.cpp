// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 3263 §4 server location end to end on a fake DNS backend: which
// queries are made, which answer wins, the order of the endpoints, the
// RFC 3261 §18.1.1 size rule, errors, and cancellation.

#include "FakeDnsBackend.h"
#include "message/Uri.h"
#include "transport/Resolver.h"

#include <QTest>

using namespace sip;
using namespace sip::test;

namespace {

Uri uri(const char *text)
{
    const QByteArray bytes(text);
    std::optional<Uri> u = Uri::parse(bytes);
    if (!u)
        qFatal("fixture URI %s does not parse", text);
    return *u;
}

QStringList strings(const QList<Endpoint> &endpoints)
{
    QStringList out;
    for (const Endpoint &e : endpoints)
        out.append(e.toString());
    return out;
}

SrvRecord rec(quint16 priority, quint16 weight, const char *target, quint16 port)
{
    return {priority, weight, port, QString::fromLatin1(target)};
}

struct Harness
{
    FakeDnsBackend dns;
    QList<quint32> script; // numbers for the weighted SRV choice
    Resolver resolver{dns, [this](quint32 highest) {
                          return script.isEmpty() ? 0 : qMin(script.takeFirst(), highest);
                      }};
    std::unique_ptr<Resolver::Lookup> lookup;
    std::optional<ResolveResult> result;
    int calls = 0;

    void start(const char *target, const TargetOptions &options = {})
    {
        result.reset();
        lookup = resolver.resolve(uri(target), options, [this](const ResolveResult &r) {
            ++calls;
            result = r;
        });
    }
    // Starts and waits for the result (the fake answers at once or queued).
    ResolveResult run(const char *target, const TargetOptions &options = {})
    {
        start(target, options);
        if (!QTest::qWaitFor([this] { return result.has_value(); }, 5000))
            return {{}, QStringLiteral("no result")};
        return *result;
    }
    QStringList endpoints(const char *target, const TargetOptions &options = {})
    {
        const ResolveResult r = run(target, options);
        return r.ok() ? strings(r.endpoints) : QStringList{QStringLiteral("error: ") + r.error};
    }
};

const QString kSipsTcp = QStringLiteral("_sips._tcp.example.com");
const QString kSipTcp = QStringLiteral("_sip._tcp.example.com");
const QString kSipUdp = QStringLiteral("_sip._udp.example.com");

} // namespace

class tst_Resolver : public QObject
{
    Q_OBJECT

private slots:
    void rfc3263_4_1_numericHostUsesUdp();
    void rfc3263_4_1_numericHostSipsUsesTls();
    void rfc3263_4_1_transportParamWithNumericHost();
    void rfc3263_4_1_portGivenSkipsSrv();
    void rfc3263_4_1_srvPrefersTlsThenTcpThenUdp();
    void rfc3263_4_1_srvFirstTransportWithRecordsWins();
    void rfc3263_4_1_srvOnlyEnabledTransports();
    void rfc3263_4_1_sipsQueriesOnlySipsTcp();
    void rfc3263_4_1_waitsForMorePreferredSrvAnswers();
    void rfc3263_4_1_srvFailureCountsAsNoRecords();
    void rfc3263_4_2_explicitTransportQueriesItsSrvName();
    void rfc3263_4_2_noSrvRecordsUsesAddressesAtDefaultPort();
    void rfc3263_4_2_srvPriorityAndWeight();
    void rfc3263_4_2_addressOrderKeptWhenAnswersArriveOutOfOrder();
    void rfc3263_4_2_duplicateEndpointsDropped();
    void rfc3263_4_2_failedSrvTargetSkipped();
    void rfc2782_dotTargetMeansNotAvailable();
    void rfc3261_18_1_1_largeRequestSwitchesToTcp();
    void rfc3261_18_1_1_largeRequestSrvUdpUsesTcpSamePort();
    void rfc3261_18_1_1_largeRequestWithoutTcpFails();
    void rfc3261_19_1_1_ipv6LiteralHost();
    void rfc3263_4_maddrOverridesHost();
    void rfc3263_4_telUriNeedsProxy();
    void addressFamiliesFilter();
    void dnsFailuresReportedInWords();
    void resultNeverDeliveredInsideResolve();
    void immediateBackendAnswers();
    void destroyingLookupCancelsDnsQueries();
    void destroyingLookupAfterDnsSuppressesCallback();
    void destroyingLookupInsideCallbackIsSafe();
};

void tst_Resolver::rfc3263_4_1_numericHostUsesUdp()
{
    Harness h;
    const ResolveResult r = h.run("sip:bob@192.0.2.1");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(strings(r.endpoints), QStringList{"udp:192.0.2.1:5060"});
    QVERIFY(r.endpoints[0].serverName.isEmpty()); // no name to verify
    QVERIFY(h.dns.queries.isEmpty());             // no DNS for a numeric TARGET
}

void tst_Resolver::rfc3263_4_1_numericHostSipsUsesTls()
{
    Harness h;
    QCOMPARE(h.endpoints("sips:bob@192.0.2.1"), QStringList{"tls:192.0.2.1:5061"});
    QCOMPARE(h.endpoints("sips:bob@192.0.2.1:6000"), QStringList{"tls:192.0.2.1:6000"});
    QVERIFY(h.dns.queries.isEmpty());
}

void tst_Resolver::rfc3263_4_1_transportParamWithNumericHost()
{
    Harness h;
    QCOMPARE(h.endpoints("sip:192.0.2.1;transport=tcp"), QStringList{"tcp:192.0.2.1:5060"});
    QCOMPARE(h.endpoints("sip:192.0.2.1;transport=tls"), QStringList{"tls:192.0.2.1:5061"});
    QCOMPARE(h.endpoints("sips:192.0.2.1;transport=tcp"), QStringList{"tls:192.0.2.1:5061"});
    QCOMPARE(h.endpoints("sips:192.0.2.1;transport=udp"),
             QStringList{"error: a sips: URI cannot use transport=udp (SIPS needs TLS)"});
    QVERIFY(h.dns.queries.isEmpty());
}

void tst_Resolver::rfc3263_4_1_portGivenSkipsSrv()
{
    Harness h;
    h.dns.addHost(QStringLiteral("example.com"), {"2001:db8::10", "192.0.2.10"});
    h.dns.addSrv(kSipUdp, {rec(0, 0, "other.example.com", 5090)}); // must not be used
    const ResolveResult r = h.run("sip:bob@example.com:5080");
    QCOMPARE(strings(r.endpoints), (QStringList{"udp:[2001:db8::10]:5080", "udp:192.0.2.10:5080"}));
    QCOMPARE(h.dns.queries, QStringList{"ADDR example.com"});
    for (const Endpoint &e : r.endpoints)
        QCOMPARE(e.serverName, QStringLiteral("example.com"));

    h.dns.queries.clear();
    QCOMPARE(h.endpoints("sips:bob@example.com:5081"),
             (QStringList{"tls:[2001:db8::10]:5081", "tls:192.0.2.10:5081"}));
    QCOMPARE(h.dns.queries, QStringList{"ADDR example.com"});
}

void tst_Resolver::rfc3263_4_1_srvPrefersTlsThenTcpThenUdp()
{
    Harness h;
    h.dns.addSrv(kSipsTcp, {rec(0, 0, "tls.example.com", 5061)});
    h.dns.addSrv(kSipTcp, {rec(0, 0, "tcp.example.com", 5060)});
    h.dns.addSrv(kSipUdp, {rec(0, 0, "udp.example.com", 5060)});
    h.dns.addHost(QStringLiteral("tls.example.com"), {"192.0.2.1"});
    h.dns.addHost(QStringLiteral("tcp.example.com"), {"192.0.2.2"});
    h.dns.addHost(QStringLiteral("udp.example.com"), {"192.0.2.3"});

    const ResolveResult r = h.run("sip:bob@example.com");
    QCOMPARE(strings(r.endpoints), QStringList{"tls:192.0.2.1:5061"});
    // TLS checks the URI's domain, not the SRV target (RFC 5922 §4).
    QCOMPARE(r.endpoints[0].serverName, QStringLiteral("example.com"));
    QCOMPARE(h.dns.queries.mid(0, 3),
             (QStringList{"SRV " + kSipsTcp, "SRV " + kSipTcp, "SRV " + kSipUdp}));
    QCOMPARE(h.dns.queries.mid(3), QStringList{"ADDR tls.example.com"});
}

void tst_Resolver::rfc3263_4_1_srvFirstTransportWithRecordsWins()
{
    Harness h;
    h.dns.addSrv(kSipUdp, {rec(0, 0, "udp.example.com", 5062)});
    h.dns.addHost(QStringLiteral("udp.example.com"), {"192.0.2.3"});
    QCOMPARE(h.endpoints("sip:bob@example.com"), QStringList{"udp:192.0.2.3:5062"});

    Harness t;
    t.dns.addSrv(kSipTcp, {rec(0, 0, "tcp.example.com", 5070)});
    t.dns.addSrv(kSipUdp, {rec(0, 0, "udp.example.com", 5062)});
    t.dns.addHost(QStringLiteral("tcp.example.com"), {"192.0.2.2"});
    t.dns.addHost(QStringLiteral("udp.example.com"), {"192.0.2.3"});
    QCOMPARE(t.endpoints("sip:bob@example.com"), QStringList{"tcp:192.0.2.2:5070"});
}

void tst_Resolver::rfc3263_4_1_srvOnlyEnabledTransports()
{
    Harness h;
    h.dns.addSrv(kSipsTcp, {rec(0, 0, "tls.example.com", 5061)});
    h.dns.addSrv(kSipUdp, {rec(0, 0, "udp.example.com", 5060)});
    h.dns.addHost(QStringLiteral("tls.example.com"), {"192.0.2.1"});
    h.dns.addHost(QStringLiteral("udp.example.com"), {"192.0.2.3"});
    TargetOptions options;
    options.transports = {TransportType::Udp, TransportType::Tcp};
    QCOMPARE(h.endpoints("sip:bob@example.com", options), QStringList{"udp:192.0.2.3:5060"});
    QCOMPARE(h.dns.queries,
             (QStringList{"SRV " + kSipTcp, "SRV " + kSipUdp, "ADDR udp.example.com"}));
}

void tst_Resolver::rfc3263_4_1_sipsQueriesOnlySipsTcp()
{
    Harness h;
    h.dns.addSrv(kSipUdp, {rec(0, 0, "udp.example.com", 5060)});
    h.dns.addHost(QStringLiteral("example.com"), {"192.0.2.9"});
    // No _sips._tcp records: §4.2 A/AAAA of the domain, TLS, port 5061.
    QCOMPARE(h.endpoints("sips:bob@example.com"), QStringList{"tls:192.0.2.9:5061"});
    QCOMPARE(h.dns.queries, (QStringList{"SRV " + kSipsTcp, "ADDR example.com"}));
}

void tst_Resolver::rfc3263_4_1_waitsForMorePreferredSrvAnswers()
{
    Harness h;
    h.dns.mode = FakeDnsBackend::Mode::Manual;
    h.start("sip:bob@example.com");
    QCOMPARE(h.dns.pendingCount(), 3); // all SRV queries side by side

    // UDP answers first, but TLS and TCP are preferred: wait for them.
    QVERIFY(h.dns.answerSrv(kSipUdp, {{rec(0, 0, "udp.example.com", 5060)}, {}}));
    QVERIFY(h.dns.answerSrv(kSipsTcp, {}));
    QCOMPARE(h.dns.pendingCount(), 1);
    QVERIFY(!h.dns.queries.contains(QStringLiteral("ADDR udp.example.com")));
    QVERIFY(h.dns.answerSrv(kSipTcp, {{rec(0, 0, "tcp.example.com", 5070)}, {}}));
    QCOMPARE(h.dns.queries.last(), QStringLiteral("ADDR tcp.example.com"));
    QVERIFY(h.dns.answerAddresses(QStringLiteral("tcp.example.com"),
                                  {{QHostAddress(QStringLiteral("192.0.2.2"))}, {}}));
    QTRY_VERIFY(h.result.has_value());
    QCOMPARE(strings(h.result->endpoints), QStringList{"tcp:192.0.2.2:5070"});
}

void tst_Resolver::rfc3263_4_1_srvFailureCountsAsNoRecords()
{
    Harness h;
    h.dns.srv[kSipsTcp].error = QStringLiteral("DNS server failure");
    h.dns.addSrv(kSipTcp, {rec(0, 0, "tcp.example.com", 5070)});
    h.dns.addHost(QStringLiteral("tcp.example.com"), {"192.0.2.2"});
    QCOMPARE(h.endpoints("sip:bob@example.com"), QStringList{"tcp:192.0.2.2:5070"});
}

void tst_Resolver::rfc3263_4_2_explicitTransportQueriesItsSrvName()
{
    Harness h;
    h.dns.addSrv(kSipsTcp, {rec(0, 0, "tls.example.com", 5061)});
    h.dns.addSrv(kSipTcp, {rec(0, 0, "tcp.example.com", 5075)});
    h.dns.addHost(QStringLiteral("tcp.example.com"), {"192.0.2.2"});
    QCOMPARE(h.endpoints("sip:bob@example.com;transport=tcp"), QStringList{"tcp:192.0.2.2:5075"});
    QCOMPARE(h.dns.queries, (QStringList{"SRV " + kSipTcp, "ADDR tcp.example.com"}));

    // No records for that transport: A/AAAA at its default port.
    h.dns.queries.clear();
    h.dns.addHost(QStringLiteral("example.com"), {"192.0.2.9"});
    QCOMPARE(h.endpoints("sip:bob@example.com;transport=udp"), QStringList{"udp:192.0.2.9:5060"});
    QCOMPARE(h.dns.queries, (QStringList{"SRV " + kSipUdp, "ADDR example.com"}));
}

void tst_Resolver::rfc3263_4_2_noSrvRecordsUsesAddressesAtDefaultPort()
{
    Harness h;
    h.dns.addHost(QStringLiteral("example.com"), {"2001:db8::9", "192.0.2.9"});
    QCOMPARE(h.endpoints("sip:bob@example.com"),
             (QStringList{"udp:[2001:db8::9]:5060", "udp:192.0.2.9:5060"}));
    QCOMPARE(h.dns.queries, (QStringList{"SRV " + kSipsTcp, "SRV " + kSipTcp, "SRV " + kSipUdp,
                                         "ADDR example.com"}));
    // Without UDP the fallback transport is TCP.
    TargetOptions noUdp;
    noUdp.transports = {TransportType::Tcp, TransportType::Tls};
    QCOMPARE(h.endpoints("sip:bob@example.com", noUdp),
             (QStringList{"tcp:[2001:db8::9]:5060", "tcp:192.0.2.9:5060"}));
}

void tst_Resolver::rfc3263_4_2_srvPriorityAndWeight()
{
    Harness h;
    // Priority 10: a (w10), b (w0), c (w30); priority 20: d. Running sums
    // (zero weights first): b 0, a 10, c 40. Numbers: 15 -> c, 0 -> b.
    h.dns.addSrv(kSipUdp, {rec(20, 5, "d.example.com", 5004), rec(10, 10, "a.example.com", 5001),
                           rec(10, 0, "b.example.com", 5002), rec(10, 30, "c.example.com", 5003)});
    h.dns.addHost(QStringLiteral("a.example.com"), {"192.0.2.1"});
    h.dns.addHost(QStringLiteral("b.example.com"), {"192.0.2.2"});
    h.dns.addHost(QStringLiteral("c.example.com"), {"192.0.2.3"});
    h.dns.addHost(QStringLiteral("d.example.com"), {"192.0.2.4", "2001:db8::4"});
    h.script = {15, 0};
    TargetOptions options;
    options.transports = {TransportType::Udp};
    QCOMPARE(h.endpoints("sip:bob@example.com", options),
             (QStringList{"udp:192.0.2.3:5003", "udp:192.0.2.2:5002", "udp:192.0.2.1:5001",
                          "udp:192.0.2.4:5004", "udp:[2001:db8::4]:5004"}));
}

void tst_Resolver::rfc3263_4_2_addressOrderKeptWhenAnswersArriveOutOfOrder()
{
    Harness h;
    h.dns.mode = FakeDnsBackend::Mode::Manual;
    TargetOptions options;
    options.transports = {TransportType::Tcp};
    h.start("sip:bob@example.com", options);
    QVERIFY(h.dns.answerSrv(
        kSipTcp,
        {{rec(1, 0, "first.example.com", 5001), rec(2, 0, "second.example.com", 5002)}, {}}));
    QCOMPARE(h.dns.pendingCount(), 2); // both hosts side by side
    QVERIFY(h.dns.answerAddresses(QStringLiteral("second.example.com"),
                                  {{QHostAddress(QStringLiteral("192.0.2.2"))}, {}}));
    QTest::qWait(10);
    QVERIFY(!h.result); // still waiting for the first host
    QVERIFY(h.dns.answerAddresses(
        QStringLiteral("first.example.com"),
        {{QHostAddress(QStringLiteral("2001:db8::1")), QHostAddress(QStringLiteral("192.0.2.1"))},
         {}}));
    QTRY_VERIFY(h.result.has_value());
    QCOMPARE(strings(h.result->endpoints),
             (QStringList{"tcp:[2001:db8::1]:5001", "tcp:192.0.2.1:5001", "tcp:192.0.2.2:5002"}));
}

void tst_Resolver::rfc3263_4_2_duplicateEndpointsDropped()
{
    Harness h;
    h.dns.addSrv(kSipTcp, {rec(1, 0, "a.example.com", 5060), rec(2, 0, "b.example.com", 5060)});
    h.dns.addHost(QStringLiteral("a.example.com"), {"192.0.2.1"});
    h.dns.addHost(QStringLiteral("b.example.com"), {"192.0.2.1", "192.0.2.2"});
    TargetOptions options;
    options.transports = {TransportType::Tcp};
    QCOMPARE(h.endpoints("sip:bob@example.com", options),
             (QStringList{"tcp:192.0.2.1:5060", "tcp:192.0.2.2:5060"}));
}

void tst_Resolver::rfc3263_4_2_failedSrvTargetSkipped()
{
    Harness h;
    h.dns.addSrv(kSipTcp, {rec(1, 0, "gone.example.com", 5060), rec(2, 0, "b.example.com", 5061)});
    h.dns.addHost(QStringLiteral("b.example.com"), {"192.0.2.2"});
    TargetOptions options;
    options.transports = {TransportType::Tcp};
    QCOMPARE(h.endpoints("sip:bob@example.com", options), QStringList{"tcp:192.0.2.2:5061"});

    // None resolves: an error naming the SRV name and each target's failure.
    h.dns.hosts.clear();
    QCOMPARE(h.endpoints("sip:bob@example.com", options),
             QStringList{"error: cannot resolve the SRV targets of _sip._tcp.example.com "
                         "(gone.example.com: host not found; b.example.com: host not found)"});
}

void tst_Resolver::rfc2782_dotTargetMeansNotAvailable()
{
    // "A Target of "." means that the service is decidedly not available at
    // this domain": skip TLS, use the next transport with records.
    Harness h;
    h.dns.addSrv(kSipsTcp, {rec(0, 0, ".", 0)});
    h.dns.addSrv(kSipUdp, {rec(0, 0, "udp.example.com", 5060)});
    h.dns.addHost(QStringLiteral("udp.example.com"), {"192.0.2.3"});
    QCOMPARE(h.endpoints("sip:bob@example.com"), QStringList{"udp:192.0.2.3:5060"});

    // The only transport allowed says "not here": no A/AAAA fallback.
    Harness s;
    s.dns.addSrv(kSipsTcp, {rec(0, 0, ".", 0)});
    s.dns.addHost(QStringLiteral("example.com"), {"192.0.2.9"});
    QCOMPARE(s.endpoints("sips:bob@example.com"),
             QStringList{"error: example.com offers no SIP service over TLS "
                         "(SRV target \".\" at _sips._tcp.example.com)"});
}

void tst_Resolver::rfc3261_18_1_1_largeRequestSwitchesToTcp()
{
    Harness h;
    TargetOptions options;
    options.requestSize = 1301;
    QCOMPARE(h.endpoints("sip:bob@192.0.2.1", options), QStringList{"tcp:192.0.2.1:5060"});
    QCOMPARE(h.endpoints("sip:bob@192.0.2.1:5080;transport=udp", options),
             QStringList{"tcp:192.0.2.1:5080"});
    // TLS is congestion-controlled already.
    QCOMPARE(h.endpoints("sips:bob@192.0.2.1", options), QStringList{"tls:192.0.2.1:5061"});
    // 1300 bytes is still fine over UDP.
    options.requestSize = 1300;
    QCOMPARE(h.endpoints("sip:bob@192.0.2.1", options), QStringList{"udp:192.0.2.1:5060"});
}

void tst_Resolver::rfc3261_18_1_1_largeRequestSrvUdpUsesTcpSamePort()
{
    Harness h;
    h.dns.addSrv(kSipUdp, {rec(0, 0, "udp.example.com", 5062)});
    h.dns.addHost(QStringLiteral("udp.example.com"), {"192.0.2.3"});
    TargetOptions options;
    options.transports = {TransportType::Udp, TransportType::Tcp};
    options.requestSize = 5000;
    QCOMPARE(h.endpoints("sip:bob@example.com", options), QStringList{"tcp:192.0.2.3:5062"});
}

void tst_Resolver::rfc3261_18_1_1_largeRequestWithoutTcpFails()
{
    Harness h;
    h.dns.addSrv(kSipUdp, {rec(0, 0, "udp.example.com", 5062)});
    h.dns.addHost(QStringLiteral("udp.example.com"), {"192.0.2.3"});
    TargetOptions options;
    options.transports = {TransportType::Udp, TransportType::Tls};
    options.requestSize = 1400;
    const QStringList error{"error: request too large for UDP and no TCP transport enabled"};
    QCOMPARE(h.endpoints("sip:bob@192.0.2.1", options), error);
    QVERIFY(h.dns.queries.isEmpty());
    // Only known after SRV found nothing for TLS.
    QCOMPARE(h.endpoints("sip:bob@example.com", options), error);
    QCOMPARE(h.dns.queries, (QStringList{"SRV " + kSipsTcp, "SRV " + kSipUdp}));
}

void tst_Resolver::rfc3261_19_1_1_ipv6LiteralHost()
{
    Harness h;
    const ResolveResult r = h.run("sip:bob@[::1]:5070");
    QCOMPARE(strings(r.endpoints), QStringList{"udp:[::1]:5070"});
    QCOMPARE(r.endpoints[0].address, QHostAddress(QHostAddress::LocalHostIPv6));
    QVERIFY(r.endpoints[0].serverName.isEmpty());
    QCOMPARE(h.endpoints("sips:[2001:db8::1]"), QStringList{"tls:[2001:db8::1]:5061"});
    QVERIFY(h.dns.queries.isEmpty());
}

void tst_Resolver::rfc3263_4_maddrOverridesHost()
{
    Harness h;
    const ResolveResult r = h.run("sip:bob@example.com;maddr=192.0.2.7");
    QCOMPARE(strings(r.endpoints), QStringList{"udp:192.0.2.7:5060"});
    QCOMPARE(r.endpoints[0].serverName, QStringLiteral("example.com"));
    QVERIFY(h.dns.queries.isEmpty());
}

void tst_Resolver::rfc3263_4_telUriNeedsProxy()
{
    Harness h;
    QCOMPARE(h.endpoints("tel:+15551234567"),
             QStringList{"error: cannot route a tel: URI without a proxy"});
    QCOMPARE(h.endpoints("im:bob@example.com"),
             QStringList{"error: cannot route a im: URI (only sip: and sips:)"});
    QVERIFY(h.dns.queries.isEmpty());
}

void tst_Resolver::addressFamiliesFilter()
{
    Harness h;
    h.dns.addHost(QStringLiteral("example.com"), {"2001:db8::9", "192.0.2.9"});
    h.dns.addHost(QStringLiteral("v6.example.com"), {"2001:db8::6"});
    TargetOptions v4;
    v4.ipv6 = false;
    QCOMPARE(h.endpoints("sip:example.com:5060", v4), QStringList{"udp:192.0.2.9:5060"});
    QCOMPARE(h.endpoints("sip:v6.example.com:5060", v4),
             QStringList{"error: cannot resolve v6.example.com: only IPv6 addresses, "
                         "which is not enabled"});
    TargetOptions v6;
    v6.ipv4 = false;
    QCOMPARE(h.endpoints("sip:example.com:5060", v6), QStringList{"udp:[2001:db8::9]:5060"});
}

void tst_Resolver::dnsFailuresReportedInWords()
{
    Harness h;
    QCOMPARE(h.endpoints("sip:bob@nowhere.example:5060"),
             QStringList{"error: cannot resolve nowhere.example: host not found"});

    // SRV failures are reported beside the A/AAAA failure they led to.
    h.dns.srv[QStringLiteral("_sip._udp.nowhere.example")].error = QStringLiteral("timed out");
    TargetOptions udp;
    udp.transports = {TransportType::Udp};
    QCOMPARE(h.endpoints("sip:bob@nowhere.example", udp),
             QStringList{"error: cannot resolve nowhere.example: host not found "
                         "(SRV lookups failed: _sip._udp.nowhere.example: timed out)"});
}

void tst_Resolver::resultNeverDeliveredInsideResolve()
{
    Harness h;
    h.dns.mode = FakeDnsBackend::Mode::Immediate;
    h.start("sip:bob@192.0.2.1");
    QCOMPARE(h.calls, 0); // not before resolve() returned
    QTRY_COMPARE(h.calls, 1);
    QTest::qWait(10);
    QCOMPARE(h.calls, 1); // exactly once
}

void tst_Resolver::immediateBackendAnswers()
{
    // A backend that answers inside lookupSrv()/lookupAddresses().
    Harness h;
    h.dns.mode = FakeDnsBackend::Mode::Immediate;
    h.dns.addSrv(kSipTcp, {rec(1, 0, "a.example.com", 5001), rec(2, 0, "b.example.com", 5002)});
    h.dns.addHost(QStringLiteral("a.example.com"), {"192.0.2.1"});
    h.dns.addHost(QStringLiteral("b.example.com"), {"192.0.2.2"});
    QCOMPARE(h.endpoints("sip:bob@example.com"),
             (QStringList{"tcp:192.0.2.1:5001", "tcp:192.0.2.2:5002"}));
    QCOMPARE(h.calls, 1);
}

void tst_Resolver::destroyingLookupCancelsDnsQueries()
{
    Harness h;
    h.dns.mode = FakeDnsBackend::Mode::Manual;
    h.start("sip:bob@example.com");
    QCOMPARE(h.dns.pendingCount(), 3);
    h.lookup.reset();
    QCOMPARE(h.dns.pendingCount(), 0);
    QCOMPARE(h.dns.cancelled, 3);
    QVERIFY(!h.dns.answerSrv(kSipUdp, {}));
    QTest::qWait(10);
    QCOMPARE(h.calls, 0);

    // Cancelled in the address phase too.
    h.start("sip:bob@example.com:5060");
    QCOMPARE(h.dns.pendingCount(), 1);
    h.lookup.reset();
    QCOMPARE(h.dns.cancelled, 4);
    QTest::qWait(10);
    QCOMPARE(h.calls, 0);
}

void tst_Resolver::destroyingLookupAfterDnsSuppressesCallback()
{
    Harness h;
    h.dns.mode = FakeDnsBackend::Mode::Immediate;
    h.dns.addHost(QStringLiteral("example.com"), {"192.0.2.9"});
    h.start("sip:bob@example.com:5060"); // answered already, delivery queued
    h.lookup.reset();
    QTest::qWait(10);
    QCOMPARE(h.calls, 0);
}

void tst_Resolver::destroyingLookupInsideCallbackIsSafe()
{
    Harness h;
    h.dns.addHost(QStringLiteral("example.com"), {"192.0.2.9"});
    bool done = false;
    h.lookup = h.resolver.resolve(uri("sip:bob@example.com:5060"), {}, [&](const ResolveResult &r) {
        h.lookup.reset();
        done = r.ok();
    });
    QTRY_VERIFY(done);
}

QTEST_GUILESS_MAIN(tst_Resolver)
#include "tst_Resolver.moc"
