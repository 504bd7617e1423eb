// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageSink.h"

#include "JsonLines.h"
#include "MessageEvent.h"

#include <QDateTime>

namespace tidings {

MessageSink::MessageSink(JsonLines &out, std::function<void(quint64)> answer, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_answer(std::move(answer))
{}

MessageSink::~MessageSink()
{
    flush();
}

void MessageSink::add(const sip::IncomingMessage &message)
{
    m_lines += messageEvent(message, QDateTime::currentMSecsSinceEpoch());
    m_lines += '\n';
    m_serverIds.append(message.serverId);
    if (!m_scheduled) {
        m_scheduled = true;
        // Queued: runs once the current socket drain has handed up
        // everything that arrived with this message.
        QMetaObject::invokeMethod(this, &MessageSink::flush, Qt::QueuedConnection);
    }
}

void MessageSink::flush()
{
    m_scheduled = false;
    if (m_serverIds.isEmpty())
        return;
    m_out.writeLines(m_lines);
    m_lines.clear();
    const QList<quint64> ids = std::exchange(m_serverIds, {});
    for (quint64 id : ids)
        m_answer(id);
}

} // namespace tidings
