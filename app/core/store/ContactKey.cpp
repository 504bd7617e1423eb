// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContactKey.h"

#include "message/Uri.h"

#include <QHostAddress>

namespace tidings {

namespace {

constexpr int kSipDefaultPort = 5060;  // RFC 3261 §19.1.2
constexpr int kSipsDefaultPort = 5061; // RFC 3261 §19.1.2

// The key is plain ASCII: bytes a normalized user part may hold that are not
// printable ASCII (decoded UTF-8, controls) go back to %HH, upper-case.
QByteArray escapeUnprintable(const QByteArray &text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f) {
            out.append('%');
            out.append(kHex[u >> 4]);
            out.append(kHex[u & 15]);
        } else {
            out.append(c);
        }
    }
    return out;
}

QByteArray canonicalHost(const sip::Uri &uri)
{
    const QByteArray host = uri.hostLower();
    if (uri.isIpv6Host() && host.size() > 2) {
        const QHostAddress address(QString::fromLatin1(host.mid(1, host.size() - 2)));
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            return '[' + address.toString().toLatin1() + ']';
        }
    }
    return host;
}

// RFC 3966 §5.1.1: visual separators carry no meaning.
QByteArray withoutVisualSeparators(QByteArrayView number)
{
    QByteArray out;
    out.reserve(number.size());
    for (const char c : number) {
        if (c != '-' && c != '.' && c != '(' && c != ')') {
            out.append(c);
        }
    }
    return out.toLower();
}

} // namespace

ContactKey ContactKey::fromUri(const sip::Uri &uri)
{
    if (!uri.isValid()) {
        return {};
    }
    QByteArray key = uri.schemeText().toByteArray().toLower();
    key += ':';
    switch (uri.scheme()) {
    case sip::Uri::Scheme::Sip:
    case sip::Uri::Scheme::Sips: {
        if (uri.hasUser()) {
            // addressOfRecord() is scheme ":" user "@" host with the user's
            // escapes normalized per §19.1.4; '@' inside the user part stays
            // escaped (it is reserved), so the first '@' ends the user.
            const QByteArray aor = uri.addressOfRecord();
            const qsizetype start = aor.indexOf(':') + 1;
            const qsizetype at = aor.indexOf('@', start);
            if (at < start) {
                return {};
            }
            key += escapeUnprintable(aor.mid(start, at - start));
            key += '@';
        }
        key += canonicalHost(uri);
        const int defaultPort = uri.isSips() ? kSipsDefaultPort : kSipDefaultPort;
        if (uri.hasPort() && uri.port() != defaultPort) {
            key += ':';
            key += QByteArray::number(uri.port());
        }
        break;
    }
    case sip::Uri::Scheme::Tel: {
        key += withoutVisualSeparators(uri.opaque());
        const QByteArrayView context = uri.param("phone-context");
        if (!context.isEmpty()) {
            key += ";phone-context=";
            key += context.startsWith('+') ? withoutVisualSeparators(context)
                                           : context.toByteArray().toLower();
        }
        break;
    }
    case sip::Uri::Scheme::Other:
        key += escapeUnprintable(uri.opaque().toByteArray());
        break;
    case sip::Uri::Scheme::None:
        return {};
    }
    return ContactKey(QString::fromLatin1(key));
}

ContactKey ContactKey::fromString(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('<')) && trimmed.endsWith(QLatin1Char('>'))) {
        trimmed = trimmed.mid(1, trimmed.size() - 2).trimmed();
    }
    if (trimmed.isEmpty()) {
        return {};
    }
    const auto uri = sip::Uri::parse(trimmed.toUtf8());
    if (!uri) {
        return {};
    }
    return fromUri(*uri);
}

} // namespace tidings
