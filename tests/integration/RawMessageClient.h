// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A UAC reduced to bytes for store tests: MESSAGE requests written by hand
// on a plain QUdpSocket (127.0.0.1), and the final responses that come back,
// keyed by Call-ID. No transaction layer: a test retransmits (RFC 3261
// §17.1.2.2, same branch) or re-sends (new branch, same From tag + Call-ID +
// CSeq, as after a restart) exactly when it wants to.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QUdpSocket>
#include <QVariant>

namespace tidings::test {

struct RawResponse
{
    int status = 0;
    QByteArray callId;
    QByteArray retryAfter; // the Retry-After value, empty when none
};

class RawMessageClient
{
public:
    RawMessageClient()
    {
        m_socket.bind(QHostAddress::LocalHost, 0);
        m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, QVariant(4 << 20));
    }

    bool isBound() const { return m_socket.state() == QAbstractSocket::BoundState; }
    quint16 port() const { return m_socket.localPort(); }

    // One MESSAGE to bob at 127.0.0.1:`port`. `branch` picks the
    // transaction; the identity is From tag + Call-ID + CSeq.
    static QByteArray message(quint16 port, const QByteArray &callId, const QByteArray &body,
                              const QByteArray &branch, quint16 fromPort,
                              const QByteArray &fromTag = "t1", quint32 cseq = 1,
                              const QByteArray &extraHeaders = {},
                              const QByteArray &from = "\"Alice\" <sip:alice@127.0.0.1>")
    {
        const QByteArray target = "127.0.0.1:" + QByteArray::number(port);
        return "MESSAGE sip:bob@" + target +
               " SIP/2.0\r\n"
               "Via: SIP/2.0/UDP 127.0.0.1:" +
               QByteArray::number(fromPort) + ";branch=z9hG4bK" + branch +
               "\r\n"
               "Max-Forwards: 70\r\n"
               "From: " +
               from + ";tag=" + fromTag +
               "\r\n"
               "To: <sip:bob@" +
               target +
               ">\r\n"
               "Call-ID: " +
               callId +
               "\r\n"
               "CSeq: " +
               QByteArray::number(cseq) + " MESSAGE\r\n" + extraHeaders +
               "Content-Type: text/plain;charset=UTF-8\r\n"
               "Content-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

    void send(quint16 port, const QByteArray &callId, const QByteArray &body,
              const QByteArray &branch, const QByteArray &fromTag = "t1", quint32 cseq = 1,
              const QByteArray &extraHeaders = {},
              const QByteArray &from = "\"Alice\" <sip:alice@127.0.0.1>")
    {
        m_socket.writeDatagram(
            message(port, callId, body, branch, this->port(), fromTag, cseq, extraHeaders, from),
            QHostAddress::LocalHost, port);
    }

    // Reads what has arrived; returns how many final responses were new.
    int read()
    {
        int count = 0;
        while (m_socket.hasPendingDatagrams()) {
            QByteArray d(int(m_socket.pendingDatagramSize()), Qt::Uninitialized);
            const qint64 n = m_socket.readDatagram(d.data(), d.size());
            if (n <= 0) {
                continue;
            }
            d.truncate(int(n));
            const RawResponse r = parse(d);
            if (r.status >= 200) {
                m_responses[r.callId].append(r);
                ++count;
            }
        }
        return count;
    }

    // Every final response so far for this Call-ID, in arrival order.
    QList<RawResponse> responses(const QByteArray &callId) const
    {
        return m_responses.value(callId);
    }
    const QHash<QByteArray, QList<RawResponse>> &allResponses() const { return m_responses; }
    void clear() { m_responses.clear(); }
    QUdpSocket &socket() { return m_socket; }

    static RawResponse parse(const QByteArray &datagram)
    {
        RawResponse r;
        const qsizetype end = datagram.indexOf("\r\n\r\n");
        const QList<QByteArray> lines = datagram.left(end < 0 ? datagram.size() : end).split('\n');
        if (lines.isEmpty() || !lines[0].startsWith("SIP/2.0 ")) {
            return r;
        }
        r.status = lines[0].mid(8, 3).toInt();
        for (const QByteArray &raw : lines) {
            const QByteArray line = raw.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "call-id" || name == "i") {
                r.callId = value;
            } else if (name == "retry-after") {
                r.retryAfter = value;
            }
        }
        return r;
    }

private:
    QUdpSocket m_socket;
    QHash<QByteArray, QList<RawResponse>> m_responses;
};

} // namespace tidings::test
