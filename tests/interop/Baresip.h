// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// baresip 1.0.0 as a peer of the interop lab: one account registered at the
// lab's Kamailio over UDP or TCP, its SIP trace (-s) and stdio UI captured in
// a log file, driven through its ctrl_tcp module (netstring JSON).
//
// What baresip received is read from its SIP trace, which prints every SIP
// message whole: a block "ESC[36;1m#\n<PROTO> <src> -> <dst>\n<message>ESC[;m\n".
// The body is cut by its Content-Length, so it is compared byte for byte.
// Its stdio UI also shows each incoming MESSAGE as `\r<from>: "<text>"\n`.

#include "InteropLab.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace tidings::interop {

// One SIP message from baresip's trace.
struct TracedSip
{
    QByteArray transport; // UDP, TCP or TLS
    QByteArray source;    // ip:port
    QByteArray destination;
    QByteArray startLine;
    QByteArray headers; // the header lines, CRLF-separated, without the blank line
    QByteArray body;
    // The first value of a header field (case-insensitive, compact form too).
    QByteArray header(const QByteArray &name) const;
};

// Parses a baresip SIP trace.
QList<TracedSip> parseBaresipTrace(const QByteArray &output);

class Baresip
{
public:
    // user: a lab user (alice, bob, carol). transport: udp or tcp, for the
    // REGISTER and everything it sends (its outbound proxy is the lab's
    // Kamailio). contacts: lab users for its contact list; the first is the
    // current contact that sendMessage() writes to.
    Baresip(const Kamailio &lab, const QString &user, const QString &transport,
            const QStringList &contacts = {});
    ~Baresip();
    Baresip(const Baresip &) = delete;
    Baresip &operator=(const Baresip &) = delete;

    // Writes the configuration, starts baresip and waits until Kamailio
    // accepted its REGISTER. False with error() set otherwise.
    bool start();
    void stop();
    const QString &error() const { return m_error; }

    quint16 sipPort() const { return m_sipPort; }

    // The MESSAGE requests it received, oldest first.
    QList<TracedSip> receivedMessages() const;
    bool waitForMessages(int count, int timeoutMs = 10000) const;
    // Its stdio UI showed `<peer>: "<text>"` (peer as baresip prints it, e.g.
    // sip:alice@127.0.0.1).
    bool displayed(const QByteArray &peer, const QByteArray &text) const;
    // The final response it got for the MESSAGEs it sent, in order.
    QList<int> messageResponses() const;

    // ctrl_tcp {"command":"message","params":text}: a MESSAGE to the current
    // contact. True when baresip accepted the command.
    bool sendMessage(const QByteArray &text);

    QByteArray output() const { return m_process.log(); }
    QString outputTail(int lines = 60) const { return m_process.logTail(lines); }

private:
    bool fail(const QString &why);
    bool writeConfig();

    const Kamailio &m_lab;
    QString m_user;
    QString m_transport;
    QStringList m_contacts;
    QString m_configDir;
    quint16 m_sipPort = 0;
    quint16 m_ctrlPort = 0;
    OwnedProcess m_process;
    QString m_error;
};

} // namespace tidings::interop
