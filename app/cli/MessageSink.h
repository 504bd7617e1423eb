// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where `listen` hands accepted MESSAGEs: each one's JSON line is written
// and flushed before its 200 goes out (an answered message has been handed
// on). Messages that arrive together — one drain of a socket — share one
// write and one flush, then are all answered: a group commit, the way the
// store commits one SQLite transaction for a burst.

#include "ua/UserAgent.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>

namespace tidings {

class JsonLines;

class MessageSink : public QObject
{
    Q_OBJECT
public:
    // `answer` sends the final response for a server transaction.
    MessageSink(JsonLines &out, std::function<void(quint64 serverId)> answer,
                QObject *parent = nullptr);
    // What is still pending is written and answered.
    ~MessageSink() override;

    void add(const sip::IncomingMessage &message);
    // Writes and answers what is pending now (also done from the event
    // loop right after a burst).
    void flush();
    qsizetype pending() const { return m_serverIds.size(); }

private:
    JsonLines &m_out;
    std::function<void(quint64)> m_answer;
    QByteArray m_lines;
    QList<quint64> m_serverIds;
    bool m_scheduled = false;
};

} // namespace tidings
