// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tidings-cli listen` as a peer of the interop lab: started with the
// arguments a test gives (the password in kPasswordVariable), its JSON lines
// (stdout) and its --trace (stderr) captured in two files of the lab
// directory, signalled and stopped by its PID (SIGTERM from the kernel too,
// should the test process die).
//
// What it received is read twice: from its JSON lines (the decoded text it
// printed) and from its --trace, which writes each SIP message whole after
// "<time> received <N> bytes on <local> from <remote>:", so the wire bytes
// are cut by N and the body by its Content-Length, byte for byte.

#include "InteropLab.h"

#include <QJsonObject>
#include <QList>
#include <QProcess>

#include <memory>
#include <optional>

namespace tidings::interop {

// One SIP message from tidings-cli's --trace.
struct TracedWire
{
    bool outgoing = false;
    QByteArray local;  // e.g. udp:127.0.0.1:40000
    QByteArray remote; // e.g. 127.0.0.1:5070
    QByteArray wire;   // exactly as sent or received
    QByteArray startLine() const;
    QByteArray body() const; // cut by Content-Length
    QByteArray header(const QByteArray &name) const;
};

// Parses tidings-cli's --trace output.
QList<TracedWire> parseTidingsTrace(const QByteArray &trace);

class TidingsListen
{
public:
    explicit TidingsListen(const Kamailio &lab, const QString &name = QStringLiteral("listen"));
    ~TidingsListen();
    TidingsListen(const TidingsListen &) = delete;
    TidingsListen &operator=(const TidingsListen &) = delete;

    // Starts `tidings-cli listen ARGS --trace` and waits for its "listening"
    // line. False with error() set otherwise.
    bool start(const QStringList &arguments, const QByteArray &password = kPassword);
    const QString &error() const { return m_error; }

    // The JSON lines printed so far, in order.
    QList<QJsonObject> events() const;
    QList<QJsonObject> events(const QString &event) const;
    // Waits until `count` lines with this event were printed (at most
    // timeoutMs); the count-th one, or nullopt.
    std::optional<QJsonObject> waitForEvent(const QString &event, int count = 1,
                                            int timeoutMs = 15000) const;

    void signal(int number);
    // Waits for the exit (at most timeoutMs): its exit code, -1 when it did
    // not end (or crashed).
    int waitForExit(int timeoutMs);
    // Stops it by PID (SIGKILL when SIGTERM does not end it in time).
    void kill();

    QByteArray stdoutText() const;
    QByteArray trace() const; // stderr: --trace and messages
    QList<TracedWire> received(const QByteArray &startLinePrefix) const;
    QList<TracedWire> sent(const QByteArray &startLinePrefix) const;
    // Output for failure messages: the JSON lines and the end of stderr.
    QString describe() const;

private:
    const Kamailio &m_lab;
    QString m_stdout;
    QString m_stderr;
    std::unique_ptr<QProcess> m_process;
    QString m_error;
};

} // namespace tidings::interop
