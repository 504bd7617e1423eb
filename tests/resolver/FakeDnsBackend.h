// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A DnsBackend answering from tables the test fills in, logging every query.
// It answers inside lookupX() (Immediate), from the event loop (Queued), or
// only when the test says so (Manual: answerSrv()/answerAddresses()).

#include "transport/DnsBackend.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <memory>

namespace sip::test {

class FakeDnsBackend final : public DnsBackend
{
public:
    enum class Mode
    {
        Immediate,
        Queued,
        Manual
    };

    Mode mode = Mode::Queued;
    // Absent names have no SRV records (an empty, successful answer).
    QHash<QString, SrvAnswer> srv;
    // Absent hosts fail with "host not found".
    QHash<QString, AddressAnswer> hosts;
    // "SRV <name>" and "ADDR <host>", in the order asked.
    QStringList queries;
    // Lookups whose handle died before their answer.
    int cancelled = 0;

    void addSrv(const QString &name, QList<SrvRecord> records) { srv[name].records = records; }
    void addHost(const QString &host, const QStringList &addresses)
    {
        AddressAnswer &a = hosts[host];
        for (const QString &text : addresses)
            a.addresses.append(QHostAddress(text));
    }

    std::unique_ptr<DnsLookup> lookupSrv(const QString &name, SrvCallback callback) override
    {
        queries.append(QStringLiteral("SRV ") + name);
        auto p = std::make_shared<Pending>();
        p->name = name;
        p->srv = std::move(callback);
        return start(p);
    }
    std::unique_ptr<DnsLookup> lookupAddresses(const QString &host,
                                               AddressCallback callback) override
    {
        queries.append(QStringLiteral("ADDR ") + host);
        auto p = std::make_shared<Pending>();
        p->name = host;
        p->addresses = std::move(callback);
        return start(p);
    }

    // Manual mode: answers the pending query for `name`; false if there is
    // none (never asked, already answered or cancelled).
    bool answerSrv(const QString &name, const SrvAnswer &answer)
    {
        for (const auto &p : std::as_const(m_pending)) {
            if (p->srv && p->live() && p->name == name) {
                const auto keep = p; // the callback may add queries
                keep->done = true;
                keep->srv(answer);
                return true;
            }
        }
        return false;
    }
    bool answerAddresses(const QString &host, const AddressAnswer &answer)
    {
        for (const auto &p : std::as_const(m_pending)) {
            if (p->addresses && p->live() && p->name == host) {
                const auto keep = p; // the callback may add queries
                keep->done = true;
                keep->addresses(answer);
                return true;
            }
        }
        return false;
    }
    // Queries neither answered nor cancelled.
    int pendingCount() const
    {
        return int(std::count_if(m_pending.cbegin(), m_pending.cend(),
                                 [](const auto &p) { return p->live(); }));
    }

private:
    struct Pending
    {
        QString name;
        SrvCallback srv;
        AddressCallback addresses;
        bool done = false;
        bool cancelled = false;
        bool live() const { return !done && !cancelled; }
    };
    class Handle final : public DnsLookup
    {
    public:
        Handle(std::shared_ptr<Pending> p, int *cancelled)
            : m_pending(std::move(p))
            , m_cancelled(cancelled)
        {}
        ~Handle() override
        {
            if (m_pending->live()) {
                m_pending->cancelled = true;
                ++*m_cancelled;
            }
        }

    private:
        std::shared_ptr<Pending> m_pending;
        int *m_cancelled;
    };

    void answer(Pending &p)
    {
        if (!p.live())
            return;
        p.done = true;
        if (p.srv) {
            p.srv(srv.value(p.name));
        } else {
            const auto it = hosts.constFind(p.name);
            p.addresses(it != hosts.cend() ? *it
                                           : AddressAnswer{{}, QStringLiteral("host not found")});
        }
    }
    std::unique_ptr<DnsLookup> start(const std::shared_ptr<Pending> &p)
    {
        m_pending.append(p);
        auto handle = std::make_unique<Handle>(p, &cancelled);
        switch (mode) {
        case Mode::Immediate:
            answer(*p);
            break;
        case Mode::Queued:
            QMetaObject::invokeMethod(
                &m_context, [this, p] { answer(*p); }, Qt::QueuedConnection);
            break;
        case Mode::Manual:
            break;
        }
        return handle;
    }

    QList<std::shared_ptr<Pending>> m_pending;
    QObject m_context;
};

} // namespace sip::test
