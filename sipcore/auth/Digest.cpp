// SPDX-License-Identifier: GPL-3.0-or-later
#include "Digest.h"

#include "message/Lex.h"

#include <QCryptographicHash>

#include <openssl/evp.h>

namespace sip {
namespace {

QByteArrayView baseAlgorithm(QByteArrayView algorithm, bool *sess)
{
    *sess = algorithm.size() > 5 && lex::iequals(algorithm.last(5), "-sess");
    return *sess ? algorithm.first(algorithm.size() - 5) : algorithm;
}

std::optional<QByteArray> sha512_256(QByteArrayView data)
{
    // RFC 7616 §3.2: SHA-512/256 (FIPS 180-4), not a truncated SHA-512.
    const EVP_MD *md = EVP_get_digestbyname("SHA512-256");
    if (!md)
        return std::nullopt;
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), out, &len, md, nullptr) != 1)
        return std::nullopt;
    return QByteArray(reinterpret_cast<const char *>(out), int(len)).toHex();
}

QByteArray quoted(QByteArrayView v)
{
    return lex::quote(v);
}

} // namespace

std::optional<QByteArray> Digest::hash(QByteArrayView algorithm, QByteArrayView data)
{
    bool sess = false;
    const QByteArrayView base = baseAlgorithm(algorithm, &sess);
    if (lex::iequals(base, "MD5"))
        return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
    if (lex::iequals(base, "SHA-256"))
        return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    if (lex::iequals(base, "SHA-512-256"))
        return sha512_256(data);
    return std::nullopt;
}

bool Digest::isSupported(QByteArrayView algorithm)
{
    return hash(algorithm, "").has_value();
}

int Digest::chooseChallenge(const QList<AuthHeader> &challenges)
{
    for (int i = 0; i < challenges.size(); ++i) {
        const AuthHeader &c = challenges[i];
        if (!c.isDigest() || !isSupported(c.algorithm()))
            continue;
        const QList<QByteArray> qops = c.qopList();
        bool qopOk = qops.isEmpty();
        for (const QByteArray &q : qops)
            qopOk = qopOk || lex::iequals(q, "auth");
        if (qopOk)
            return i;
    }
    return -1;
}

std::optional<QByteArray> Digest::response(QByteArrayView algorithm, QByteArrayView qop,
                                           const QByteArray &realm, const QByteArray &nonce,
                                           const Input &in)
{
    bool sess = false;
    baseAlgorithm(algorithm, &sess);
    // RFC 7616 §3.4.2: A1 = username:realm:password, and for -sess
    // H(username:realm:password):nonce:cnonce.
    auto ha1 = hash(algorithm, in.username + ':' + realm + ':' + in.password);
    if (!ha1)
        return std::nullopt;
    if (sess)
        ha1 = hash(algorithm, *ha1 + ':' + nonce + ':' + in.cnonce);
    // §3.4.3: A2 = method:digest-uri for qop=auth or no qop.
    const auto ha2 = hash(algorithm, in.method + ':' + in.digestUri);
    if (!ha1 || !ha2)
        return std::nullopt;
    if (qop.isEmpty()) // RFC 2069 compatibility
        return hash(algorithm, *ha1 + ':' + nonce + ':' + *ha2);
    const QByteArray nc = QByteArray::number(in.nonceCount, 16).rightJustified(8, '0');
    return hash(algorithm, *ha1 + ':' + nonce + ':' + nc + ':' + in.cnonce + ':' +
                               qop.toByteArray() + ':' + *ha2);
}

std::optional<QByteArray> Digest::authorization(const AuthHeader &challenge, const Input &in)
{
    if (!challenge.isDigest())
        return std::nullopt;
    const QByteArray algorithm = challenge.algorithm();
    QByteArray qop;
    const QList<QByteArray> qops = challenge.qopList();
    for (const QByteArray &q : qops) {
        if (lex::iequals(q, "auth"))
            qop = "auth";
    }
    if (!qops.isEmpty() && qop.isEmpty())
        return std::nullopt; // only auth-int offered
    const QByteArray realm = challenge.realm();
    const QByteArray nonce = challenge.nonce();
    const auto digest = response(algorithm, qop, realm, nonce, in);
    if (!digest)
        return std::nullopt;
    // RFC 3261 §22.4 / RFC 7616 §3.4: quoted strings except algorithm,
    // qop and nc.
    QByteArray v = "Digest username=" + quoted(in.username) + ", realm=" + quoted(realm) +
                   ", nonce=" + quoted(nonce) + ", uri=" + quoted(in.digestUri) +
                   ", response=" + quoted(*digest) + ", algorithm=" + algorithm;
    if (!qop.isEmpty() || algorithm.endsWith("-sess") || algorithm.endsWith("-SESS"))
        v += ", cnonce=" + quoted(in.cnonce);
    if (challenge.has("opaque"))
        v += ", opaque=" + quoted(challenge.opaque());
    if (!qop.isEmpty())
        v +=
            ", qop=" + qop + ", nc=" + QByteArray::number(in.nonceCount, 16).rightJustified(8, '0');
    return v;
}

} // namespace sip
