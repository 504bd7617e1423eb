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

class JsonLines
{
public:
    explicit JsonLines(QTextStream &out)
        : m_out(out)
    {}
    void write(const JsonFields &fields);
    static QString format(const JsonFields &fields);

private:
    QTextStream &m_out;
};

} // namespace tidings
