// SPDX-License-Identifier: GPL-3.0-or-later
#include "QtDnsBackend.h"

#include <QDnsLookup>
#include <QHostInfo>
#include <QObject>
#include <QPointer>

namespace sip {

namespace {

// A query's state lives in a QObject, so Qt drops results addressed to it
// once it is gone. The handle the caller holds (QueryHandle) cancels it and
// deletes it later: the caller may drop the handle from inside the
// callback, that is from inside a Qt signal of this very object's children.
class Query : public QObject
{
public:
    virtual void cancel() = 0;
};

class QueryHandle final : public DnsLookup
{
public:
    explicit QueryHandle(Query *query)
        : m_query(query)
    {}
    ~QueryHandle() override
    {
        if (m_query) {
            m_query->cancel();
            m_query->deleteLater();
        }
    }
    QueryHandle(const QueryHandle &) = delete;
    QueryHandle &operator=(const QueryHandle &) = delete;

private:
    QPointer<Query> m_query;
};

QString withoutTrailingDot(QString name)
{
    if (name.size() > 1 && name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

QString describe(const QDnsLookup &lookup)
{
    const QString what = lookup.errorString();
    switch (lookup.error()) {
    case QDnsLookup::ServerFailureError:
        return QStringLiteral("DNS server failure (%1)").arg(what);
    case QDnsLookup::ServerRefusedError:
        return QStringLiteral("DNS server refused the query (%1)").arg(what);
    case QDnsLookup::InvalidReplyError:
        return QStringLiteral("invalid DNS reply (%1)").arg(what);
    default:
        return what.isEmpty() ? QStringLiteral("DNS lookup failed") : what;
    }
}

QDnsLookup *startDns(QObject *parent, QDnsLookup::Type type, const QString &name,
                     const QHostAddress &nameserver)
{
    auto *lookup = new QDnsLookup(type, name, parent);
    if (!nameserver.isNull())
        lookup->setNameserver(nameserver); // always port 53 in Qt 6.4
    return lookup;
}

class SrvQuery final : public Query
{
public:
    SrvQuery(const QString &name, const QHostAddress &nameserver, DnsBackend::SrvCallback callback)
        : m_callback(std::move(callback))
    {
        // Qt 6.4 has no QDnsLookup::NAPTR: RFC 3263 §4.1 NAPTR processing is
        // skipped and the Resolver asks for SRV records directly.
        m_lookup = startDns(this, QDnsLookup::SRV, name, nameserver);
        QObject::connect(m_lookup, &QDnsLookup::finished, this, [this] { finished(); });
        m_lookup->lookup();
    }
    void cancel() override
    {
        m_callback = {};
        if (m_lookup->isFinished())
            return;
        m_lookup->abort();
    }

private:
    void finished()
    {
        if (!m_callback)
            return;
        SrvAnswer answer;
        switch (m_lookup->error()) {
        case QDnsLookup::NoError:
            // QDnsLookup already sorts SRV records (RFC 2782); the Resolver
            // orders them again with its own, injectable, random numbers.
            for (const QDnsServiceRecord &r : m_lookup->serviceRecords())
                answer.records.append(
                    {r.priority(), r.weight(), r.port(), withoutTrailingDot(r.target())});
            break;
        case QDnsLookup::NotFoundError:
            break; // NXDOMAIN: no SRV records, not a failure (RFC 3263 §4.1)
        default:
            answer.error = describe(*m_lookup);
            break;
        }
        const auto callback = std::exchange(m_callback, {});
        callback(answer);
    }

    QDnsLookup *m_lookup = nullptr;
    DnsBackend::SrvCallback m_callback;
};

// The system resolver (getaddrinfo through QHostInfo): /etc/hosts applies.
class HostInfoQuery final : public Query
{
public:
    HostInfoQuery(const QString &host, DnsBackend::AddressCallback callback)
        : m_callback(std::move(callback))
    {
        m_id = QHostInfo::lookupHost(host, this, [this](const QHostInfo &info) { finished(info); });
    }
    void cancel() override
    {
        if (m_callback)
            QHostInfo::abortHostLookup(m_id);
        m_callback = {};
    }

private:
    void finished(const QHostInfo &info)
    {
        if (!m_callback)
            return;
        AddressAnswer answer;
        answer.addresses = info.addresses();
        if (answer.addresses.isEmpty()) {
            answer.error = info.error() == QHostInfo::NoError ? QStringLiteral("no addresses")
                                                              : info.errorString();
        }
        const auto callback = std::exchange(m_callback, {});
        callback(answer);
    }

    int m_id = -1;
    DnsBackend::AddressCallback m_callback;
};

// AAAA and A queries to a chosen nameserver, side by side; IPv6 first.
class DnsAddressQuery final : public Query
{
public:
    DnsAddressQuery(const QString &host, const QHostAddress &nameserver,
                    DnsBackend::AddressCallback callback)
        : m_callback(std::move(callback))
    {
        m_aaaa = startDns(this, QDnsLookup::AAAA, host, nameserver);
        m_a = startDns(this, QDnsLookup::A, host, nameserver);
        for (QDnsLookup *lookup : {m_aaaa, m_a})
            QObject::connect(lookup, &QDnsLookup::finished, this, [this] { finished(); });
        m_aaaa->lookup();
        m_a->lookup();
    }
    void cancel() override
    {
        m_callback = {};
        for (QDnsLookup *lookup : {m_aaaa, m_a}) {
            if (!lookup->isFinished())
                lookup->abort();
        }
    }

private:
    void finished()
    {
        if (!m_callback || !m_aaaa->isFinished() || !m_a->isFinished())
            return;
        AddressAnswer answer;
        QStringList errors;
        for (QDnsLookup *lookup : {m_aaaa, m_a}) {
            for (const QDnsHostAddressRecord &r : lookup->hostAddressRecords())
                answer.addresses.append(r.value());
            if (lookup->error() != QDnsLookup::NoError &&
                lookup->error() != QDnsLookup::NotFoundError)
                errors.append(describe(*lookup));
        }
        if (answer.addresses.isEmpty()) {
            errors.removeDuplicates();
            answer.error = errors.isEmpty() ? QStringLiteral("host not found")
                                            : errors.join(QStringLiteral("; "));
        }
        const auto callback = std::exchange(m_callback, {});
        callback(answer);
    }

    QDnsLookup *m_aaaa = nullptr;
    QDnsLookup *m_a = nullptr;
    DnsBackend::AddressCallback m_callback;
};

} // namespace

std::unique_ptr<DnsLookup> QtDnsBackend::lookupSrv(const QString &name, SrvCallback callback)
{
    return std::make_unique<QueryHandle>(new SrvQuery(name, m_nameserver, std::move(callback)));
}

std::unique_ptr<DnsLookup> QtDnsBackend::lookupAddresses(const QString &host,
                                                         AddressCallback callback)
{
    if (m_nameserver.isNull())
        return std::make_unique<QueryHandle>(new HostInfoQuery(host, std::move(callback)));
    return std::make_unique<QueryHandle>(
        new DnsAddressQuery(host, m_nameserver, std::move(callback)));
}

} // namespace sip
