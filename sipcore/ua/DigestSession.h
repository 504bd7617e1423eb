// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A UAC's digest state across the requests of one client (RFC 3261 §22.2,
// RFC 7616 §3.4, RFC 8760): the challenges it has answered, one per realm
// and header (401 WWW-Authenticate, 407 Proxy-Authenticate), each with its
// nonce count, so later requests carry credentials before being challenged
// and the count goes up with every use of a nonce.
//
// It also tells a wrong password from a nonce that only went stale: a second
// challenge for a realm just answered, without stale=true, means the
// credentials were refused (§22.2: "the client SHOULD NOT re-attempt");
// stale=true (RFC 7616 §3.3) is answered again without counting as a
// failure, a few times at most.

#include "RandomSource.h"
#include "message/Message.h"

#include <QList>
#include <QString>

#include <utility>

namespace sip {

class DigestSession
{
public:
    // How many stale=true challenges in a row are answered before the
    // server's nonces are treated as unusable.
    static constexpr int kMaxStaleInARow = 3;

    struct Credentials
    {
        QByteArray username;
        QByteArray password;
    };

    enum class Outcome : quint8
    {
        Answered,    // the request may be sent again with headers()
        NoPassword,  // challenged, but no password is configured
        Unsupported, // no Digest challenge with an algorithm and qop we do
        Refused      // challenged again for a realm just answered: wrong credentials
    };
    struct Result
    {
        Outcome outcome = Outcome::Refused;
        QString error; // in words, empty for Answered
    };

    explicit DigestSession(Credentials credentials = {});

    void setCredentials(Credentials credentials);
    bool hasPassword() const { return !m_credentials.password.isEmpty(); }

    // A 401 or 407 to a request: picks the topmost challenge we support
    // (RFC 8760 §2.4) and remembers it for its realm.
    Result challenge(const Message &response);
    // The Authorization / Proxy-Authorization header lines (name, value)
    // for a request with `method` and Request-URI `digestUri`; each call
    // uses each nonce once more (nc, RFC 7616 §3.4) with a fresh cnonce.
    QList<std::pair<QByteArray, QByteArray>>
    headers(QByteArrayView method, const QByteArray &digestUri, RandomSource &random);
    // The request got a final response other than 401/407: the credentials
    // were taken, and a later challenge is a fresh one.
    void accepted();
    // Forgets every challenge (e.g. the credentials changed).
    void clear() { m_entries.clear(); }

    int realmCount() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        bool proxy = false;
        AuthHeader challenge;
        quint32 nonceCount = 0;
        bool answered = false; // answered since the last accepted request
        int staleInARow = 0;
    };

    Entry *find(bool proxy, const QByteArray &realm);

    Credentials m_credentials;
    QList<Entry> m_entries;
};

} // namespace sip
