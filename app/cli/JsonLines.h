// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The CLI's machine-readable output: one compact JSON object per line,
// flushed at once so a script reading a pipe sees each event as it happens.
// Keys keep the order given ("event" first), unlike QJsonObject's sorted
// keys, so the lines read as the contract shows them.

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QTextStream>

#include <utility>

namespace tidings {

using JsonFields = QList<std::pair<QString, QJsonValue>>;

// One JSON object built straight into UTF-8 bytes, field by field, for the
// events printed per message (a QJsonValue per field cost more than the
// SIP transaction the line reports). Same escaping as JsonLines::format.
class JsonLineBuilder
{
public:
    JsonLineBuilder();
    JsonLineBuilder &add(QLatin1StringView key, QStringView value);
    // UTF-8 text; invalid sequences become U+FFFD.
    JsonLineBuilder &add(QLatin1StringView key, QByteArrayView utf8);
    JsonLineBuilder &add(QLatin1StringView key, qint64 value);
    // The finished object, without the line break.
    QByteArray take();

private:
    void key(QLatin1StringView key);
    QByteArray m_line;
};

class JsonLines
{
public:
    explicit JsonLines(QTextStream &out)
        : m_out(out)
    {}
    void write(const JsonFields &fields);
    // Writes a finished object (UTF-8) and the line break, flushed.
    void writeLine(const QByteArray &utf8Object);
    // Writes finished lines (UTF-8, each ending in a line break) at once,
    // flushed.
    void writeLines(const QByteArray &utf8Lines);
    static QString format(const JsonFields &fields);
    // A time as the contract writes it: "2026-01-01T12:00:00.000Z" (UTC).
    static QString utcTimestamp(qint64 msecsSinceEpoch);

private:
    QTextStream &m_out;
};

} // namespace tidings
