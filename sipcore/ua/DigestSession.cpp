// SPDX-License-Identifier: GPL-3.0-or-later
#include "DigestSession.h"

#include "auth/Digest.h"

namespace sip {

DigestSession::DigestSession(Credentials credentials)
    : m_credentials(std::move(credentials))
{}

void DigestSession::setCredentials(Credentials credentials)
{
    m_credentials = std::move(credentials);
    m_entries.clear();
}

DigestSession::Entry *DigestSession::find(bool proxy, const QByteArray &realm)
{
    for (Entry &e : m_entries) {
        if (e.proxy == proxy && e.challenge.realm() == realm)
            return &e;
    }
    return nullptr;
}

DigestSession::Result DigestSession::challenge(const Message &response)
{
    const bool proxy = response.statusCode() == 407;
    const auto challenges = proxy ? response.proxyAuthenticate() : response.wwwAuthenticate();
    if (!challenges || challenges->isEmpty())
        return {Outcome::Unsupported,
                QStringLiteral("the server asks for authentication (%1) without a readable "
                               "challenge")
                    .arg(response.statusCode())};
    if (!hasPassword())
        return {Outcome::NoPassword,
                QStringLiteral("the server asks for a password, but none is configured")};
    // RFC 8760 §2.4: the topmost challenge whose algorithm we support.
    const int index = Digest::chooseChallenge(*challenges);
    if (index < 0) {
        QStringList offered;
        for (const AuthHeader &c : *challenges)
            offered << QString::fromLatin1(c.isDigest() ? c.algorithm() : c.scheme());
        return {Outcome::Unsupported,
                QStringLiteral("no supported authentication offered (%1); MD5, SHA-256 and "
                               "SHA-512-256 digest with qop auth or none are")
                    .arg(offered.join(QStringLiteral(", ")))};
    }
    const AuthHeader &chosen = challenges->at(index);
    Entry *entry = find(proxy, chosen.realm());
    if (entry && entry->answered && !chosen.stale()) {
        // RFC 3261 §22.2: the credentials we just sent for this realm were
        // refused; sending them again would not help.
        return {Outcome::Refused,
                QStringLiteral("authentication failed for realm \"%1\": wrong user name or "
                               "password")
                    .arg(QString::fromUtf8(chosen.realm()))};
    }
    if (entry && chosen.stale()) {
        // RFC 7616 §3.3: the credentials were right, only the nonce is old.
        if (++entry->staleInARow > kMaxStaleInARow)
            return {Outcome::Refused,
                    QStringLiteral("the server calls every nonce stale (realm \"%1\")")
                        .arg(QString::fromUtf8(chosen.realm()))};
    } else if (entry) {
        entry->staleInARow = 0; // credentials sent ahead were not taken: a fresh start
    }
    if (!entry) {
        m_entries.append(Entry{proxy, chosen, 0, false, 0});
        entry = &m_entries.back();
    }
    entry->challenge = chosen;
    entry->nonceCount = 0;
    entry->answered = true;
    return {Outcome::Answered, {}};
}

QList<std::pair<QByteArray, QByteArray>>
DigestSession::headers(QByteArrayView method, const QByteArray &digestUri, RandomSource &random)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    for (Entry &e : m_entries) {
        Digest::Input in;
        in.username = m_credentials.username;
        in.password = m_credentials.password;
        in.method = method.toByteArray();
        in.digestUri = digestUri;
        in.cnonce = random.token(16);
        // RFC 7616 §3.4: nc counts the requests sent with this nonce.
        in.nonceCount = ++e.nonceCount;
        if (const auto value = Digest::authorization(e.challenge, in))
            out.append({e.proxy ? "Proxy-Authorization" : "Authorization", *value});
    }
    return out;
}

void DigestSession::accepted()
{
    for (Entry &e : m_entries) {
        e.answered = false;
        e.staleInARow = 0;
    }
}

} // namespace sip
