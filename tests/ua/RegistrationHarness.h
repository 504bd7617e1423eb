// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A Registration on the real transaction layer, a manual clock, a fake
// transport, a resolver that answers at once, a local address chosen by the
// test and keep-alives captured — with helpers to answer each REGISTER sent.

#include "../support/FakeTransport.h"
#include "../support/ManualScheduler.h"
#include "../transaction/TransactionFixtures.h"
#include "ua/Registration.h"

#include <QObject>

#include <memory>

namespace sip::test {

// Tokens from a seeded generator; bounded() returns `fixed` (capped), so
// jitter is exact: 0 means none (the full interval).
class TestRandom final : public RandomSource
{
public:
    QByteArray token(int length = 20) override { return m_tokens.token(length); }
    quint32 bounded(quint32 bound) override { return bound == 0 ? 0 : qMin(fixed, bound - 1); }
    quint32 fixed = 0;

private:
    SeededRandom m_tokens{7};
};

struct RegistrationHarness
{
    ManualScheduler clock;
    FakeTransport transport{[this] { return clock.now(); }};
    TransactionLayer layer{clock, transport};
    TestRandom random;
    QList<Endpoint> targets{endpoint(TransportType::Udp, 5060)};
    QString resolveError = QStringLiteral("cannot resolve");
    // What the transport layer would put in the Via: our Contact address.
    std::optional<Endpoint> local =
        Endpoint{TransportType::Udp, QHostAddress(QStringLiteral("192.0.2.10")), 5062};
    QList<QByteArray> resolvedFor;
    QList<std::pair<qint64, Endpoint>> keepAlives; // (time, flow)
    QList<TransportSender::ErrorCallback> keepAliveErrors;
    QList<RegistrationStatus> states;
    std::unique_ptr<Registration> reg;

    explicit RegistrationHarness(Registration::Config config = defaults()) { make(config); }

    static Registration::Config defaults()
    {
        Registration::Config c;
        c.aor = "sip:alice@example.com";
        c.displayName = QStringLiteral("Alice");
        return c;
    }

    Registration::Network network()
    {
        Registration::Network n;
        n.resolve = [this](const Uri &target, qsizetype, Registration::ResolveCallback done) {
            resolvedFor << target.toByteArray();
            done(targets, targets.isEmpty() ? resolveError : QString());
        };
        n.localAddress = [this](const Endpoint &target, QString *why) -> std::optional<Endpoint> {
            if (!local) {
                *why = QStringLiteral("no udp transport bound for IPv4");
                return std::nullopt;
            }
            Endpoint e = *local;
            e.transport = target.transport;
            return e;
        };
        n.sendKeepAlive = [this](const Endpoint &flow, TransportSender::ErrorCallback onError) {
            keepAlives.append({clock.now(), flow});
            keepAliveErrors.append(std::move(onError));
        };
        return n;
    }

    void make(const Registration::Config &config)
    {
        reg = std::make_unique<Registration>(layer, clock, random, network(), config);
        QObject::connect(reg.get(), &Registration::stateChanged,
                         [this](const RegistrationStatus &s) { states << s; });
    }

    int sentCount() const { return int(transport.sent.size()); }
    Message sent(int i) const { return parseOrDie(transport.sent.at(i).wire); }
    Message last() const { return sent(sentCount() - 1); }
    QByteArray lastWire() const { return transport.sent.back().wire; }
    const RegistrationStatus &status() const { return reg->status(); }

    // Answers REGISTER `i` with `status`, extra header lines ("Name: value"
    // separated by \n) and extra top-Via parameters (as a registrar adds
    // received/rport, RFC 3581 §4).
    void answer(int i, int status, const QByteArray &extra = {}, const QByteArray &viaParams = {})
    {
        const Message request = sent(i);
        Message r = Message::response(status);
        QByteArray via = request.topVia().text().toByteArray();
        if (!viaParams.isEmpty()) {
            via.replace(";rport", "");
            via += viaParams;
        }
        r.addHeader("Via", via);
        r.addHeader("From", request.header(HeaderId::From));
        r.addHeader("To", request.header(HeaderId::To).toByteArray() + ";tag=reg1");
        r.addHeader("Call-ID", request.callId());
        r.addHeader("CSeq", request.header(HeaderId::CSeq));
        if (!extra.isEmpty()) {
            for (const QByteArray &line : extra.split('\n')) {
                const qsizetype colon = line.indexOf(':');
                if (!r.addHeader(line.left(colon), line.mid(colon + 1).trimmed()))
                    qFatal("bad test header: %s", line.constData());
            }
        }
        layer.receive(received(parseOrDie(r.toWire())));
    }
    void answerLast(int status, const QByteArray &extra = {}, const QByteArray &viaParams = {})
    {
        answer(sentCount() - 1, status, extra, viaParams);
    }

    // Starts and answers the first REGISTER with 200 (echoing its Contact
    // with `expires`).
    void registerWith(quint32 expires = 3600, const QByteArray &extra = {})
    {
        reg->start();
        QByteArray headers = contactEcho(last(), expires);
        if (!extra.isEmpty())
            headers += "\n" + extra;
        answerLast(200, headers);
    }
    static QByteArray contactEcho(const Message &request, quint32 expires)
    {
        const auto contacts = request.contacts();
        return "Contact: <" + contacts->front().uri().toByteArray() +
               ">;expires=" + QByteArray::number(expires);
    }
};

} // namespace sip::test
