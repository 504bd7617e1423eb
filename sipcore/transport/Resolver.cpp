// SPDX-License-Identifier: GPL-3.0-or-later
#include "Resolver.h"

#include "message/Uri.h"

#include <QObject>

#include <vector>

namespace sip {

namespace {

bool familyAllowed(const QHostAddress &a, const TargetOptions &options)
{
    return a.protocol() == QAbstractSocket::IPv6Protocol ? options.ipv6 : options.ipv4;
}

QHostAddress addressLiteral(QString host)
{
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress a;
    return a.setAddress(host) ? a : QHostAddress();
}

// RFC 2782: a single record with target "." means "decidedly not available".
bool saysUnavailable(const SrvAnswer &answer)
{
    return answer.records.size() == 1 &&
           (answer.records[0].target.isEmpty() || answer.records[0].target == QLatin1String("."));
}

class ResolveJob final : public Resolver::Lookup
{
public:
    ResolveJob(DnsBackend &dns, const SrvRandom &random, const TargetOptions &options,
               Resolver::Callback callback)
        : m_dns(dns)
        , m_random(random)
        , m_options(options)
        , m_callback(std::move(callback))
    {}

    void start(const Uri &uri);

private:
    enum class Phase : quint8
    {
        Srv,
        Addresses,
        Done
    };
    struct SrvState
    {
        SrvQuery query;
        bool answered = false;
        SrvAnswer answer;
        std::unique_ptr<DnsLookup> lookup;
    };
    struct HostState
    {
        QString host;
        quint16 port = 0;
        bool answered = false;
        AddressAnswer answer;
        std::unique_ptr<DnsLookup> lookup;
    };
    struct HostTarget
    {
        QString host;
        quint16 port;
    };

    void startSrv();
    void srvAnswered();
    void resolveHosts(const QList<HostTarget> &hosts, TransportType chosen, QString context);
    void addressesAnswered();
    void finish(QList<Endpoint> endpoints, QString error);
    void deliver();
    QString srvFailures() const;

    DnsBackend &m_dns;
    SrvRandom m_random;
    TargetOptions m_options;
    Resolver::Callback m_callback;
    TargetPlan m_plan;
    Phase m_phase = Phase::Srv;
    std::vector<SrvState> m_srv;
    std::vector<HostState> m_hosts;
    TransportType m_transport = TransportType::Udp;
    QString m_context; // what the addresses are for, for errors
    ResolveResult m_result;
    QObject m_delivery; // queued delivery of the result; dies with the job
};

void ResolveJob::start(const Uri &uri)
{
    m_plan = planTarget(uri, m_options);
    if (!m_plan.ok()) {
        finish({}, m_plan.error);
        return;
    }
    if (!m_plan.srvQueries.isEmpty()) {
        startSrv();
        return;
    }
    // RFC 3263 §4.1/§4.2: numeric TARGET or explicit port, no SRV.
    resolveHosts({{m_plan.target, m_plan.port}}, m_plan.transport, {});
}

void ResolveJob::startSrv()
{
    m_srv.resize(size_t(m_plan.srvQueries.size()));
    for (size_t i = 0; i < m_srv.size(); ++i)
        m_srv[i].query = m_plan.srvQueries[qsizetype(i)];
    for (size_t i = 0; i < m_srv.size() && m_phase == Phase::Srv; ++i) {
        // The callback may run before lookupSrv() returns.
        auto lookup = m_dns.lookupSrv(m_srv[i].query.name, [this, i](const SrvAnswer &answer) {
            m_srv[i].answered = true;
            m_srv[i].answer = answer;
            srvAnswered();
        });
        m_srv[i].lookup = std::move(lookup); // kept until delivery, even when answered
    }
}

void ResolveJob::srvAnswered()
{
    if (m_phase != Phase::Srv)
        return;
    // RFC 3263 §4.1: the most preferred transport whose SRV query found
    // records; wait for every more preferred answer first.
    for (const SrvState &s : m_srv) {
        if (!s.answered)
            return;
        if (saysUnavailable(s.answer))
            continue;
        const QList<SrvRecord> ordered = orderSrvRecords(s.answer.records, m_random);
        QList<HostTarget> hosts;
        for (const SrvRecord &r : ordered) {
            if (r.port != 0)
                hosts.append({r.target.toLower(), r.port});
        }
        if (hosts.isEmpty())
            continue;
        resolveHosts(hosts, s.query.transport,
                     QStringLiteral("the SRV targets of %1").arg(s.query.name));
        return;
    }
    // §4.2: no SRV records: A/AAAA of TARGET at the default port of the
    // transport chosen by §4.1 - unless that transport's own SRV query said
    // it is decidedly not available (RFC 2782 target ".").
    for (const SrvState &s : m_srv) {
        if (s.query.transport == m_plan.transport && saysUnavailable(s.answer)) {
            finish({}, QStringLiteral("%1 offers no SIP service over %2 (SRV target \".\" at %3)")
                           .arg(m_plan.target, QString::fromLatin1(transportName(m_plan.transport)),
                                s.query.name));
            return;
        }
    }
    resolveHosts({{m_plan.target, 0}}, m_plan.transport, {});
}

QString ResolveJob::srvFailures() const
{
    QStringList failures;
    for (const SrvState &s : m_srv) {
        if (!s.answer.error.isEmpty())
            failures.append(s.query.name + QStringLiteral(": ") + s.answer.error);
    }
    return failures.join(QStringLiteral("; "));
}

void ResolveJob::resolveHosts(const QList<HostTarget> &hosts, TransportType chosen, QString context)
{
    m_phase = Phase::Addresses;
    QString error;
    const std::optional<TransportType> transport = finalTransport(chosen, m_options, &error);
    if (!transport) {
        finish({}, error);
        return;
    }
    m_transport = *transport;
    m_context = std::move(context);
    m_hosts.resize(size_t(hosts.size()));
    for (size_t i = 0; i < m_hosts.size(); ++i) {
        const HostTarget &h = hosts[qsizetype(i)];
        m_hosts[i].host = h.host;
        m_hosts[i].port = h.port != 0 ? h.port : defaultPort(m_transport);
    }
    for (size_t i = 0; i < m_hosts.size() && m_phase == Phase::Addresses; ++i) {
        HostState &h = m_hosts[i];
        // TARGET when numeric; an SRV target that is an address (RFC 2782
        // wants names, but it happens): no lookup.
        const QHostAddress literal = !m_plan.address.isNull() && h.host == m_plan.target
                                         ? m_plan.address
                                         : addressLiteral(h.host);
        if (!literal.isNull()) {
            h.answered = true;
            h.answer.addresses = {literal};
            addressesAnswered();
            continue;
        }
        // The callback may run before lookupAddresses() returns.
        auto lookup = m_dns.lookupAddresses(h.host, [this, i](const AddressAnswer &answer) {
            m_hosts[i].answered = true;
            m_hosts[i].answer = answer;
            addressesAnswered();
        });
        m_hosts[i].lookup = std::move(lookup);
    }
}

void ResolveJob::addressesAnswered()
{
    if (m_phase != Phase::Addresses)
        return;
    for (const HostState &h : m_hosts) {
        if (!h.answered)
            return;
    }
    // Hosts in order (SRV order, RFC 2782), each host's addresses in the
    // order the resolver gave them.
    QList<Endpoint> endpoints;
    QStringList problems;
    for (const HostState &h : m_hosts) {
        bool anyAllowed = false;
        for (const QHostAddress &a : h.answer.addresses) {
            if (!familyAllowed(a, m_options))
                continue;
            anyAllowed = true;
            Endpoint e;
            e.transport = m_transport;
            e.address = a;
            e.port = h.port;
            e.serverName = m_plan.serverName;
            if (!endpoints.contains(e))
                endpoints.append(e);
        }
        if (anyAllowed)
            continue;
        if (!h.answer.error.isEmpty())
            problems.append(h.host + QStringLiteral(": ") + h.answer.error);
        else if (h.answer.addresses.isEmpty())
            problems.append(h.host + QStringLiteral(": no addresses"));
        else
            problems.append(h.host + QStringLiteral(": only %1 addresses, which is not enabled")
                                         .arg(m_options.ipv4 ? QStringLiteral("IPv6")
                                                             : QStringLiteral("IPv4")));
    }
    if (!endpoints.isEmpty()) {
        finish(endpoints, {});
        return;
    }
    QString error = m_context.isEmpty()
                        ? QStringLiteral("cannot resolve ") + problems.join(QStringLiteral("; "))
                        : QStringLiteral("cannot resolve %1 (%2)")
                              .arg(m_context, problems.join(QStringLiteral("; ")));
    if (const QString srv = srvFailures(); !srv.isEmpty() && m_context.isEmpty())
        error += QStringLiteral(" (SRV lookups failed: %1)").arg(srv);
    finish({}, error);
}

void ResolveJob::finish(QList<Endpoint> endpoints, QString error)
{
    m_phase = Phase::Done;
    m_result.endpoints = std::move(endpoints);
    m_result.error = std::move(error);
    // Always from the event loop: the caller holds the Lookup by then, and
    // no DNS callback is on the stack when it runs.
    QMetaObject::invokeMethod(
        &m_delivery, [this] { deliver(); }, Qt::QueuedConnection);
}

void ResolveJob::deliver()
{
    m_srv.clear(); // cancels SRV queries still running (less preferred ones)
    m_hosts.clear();
    const ResolveResult result = std::move(m_result);
    const Resolver::Callback callback = std::exchange(m_callback, {});
    if (callback)
        callback(result); // may destroy this job
}

} // namespace

Resolver::Resolver(DnsBackend &dns, SrvRandom random)
    : m_dns(dns)
    , m_random(random ? std::move(random) : defaultSrvRandom())
{}

std::unique_ptr<Resolver::Lookup> Resolver::resolve(const Uri &target, const TargetOptions &options,
                                                    Callback callback)
{
    auto job = std::make_unique<ResolveJob>(m_dns, m_random, options, std::move(callback));
    job->start(target);
    return job;
}

} // namespace sip
