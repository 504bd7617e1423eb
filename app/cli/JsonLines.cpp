// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonLines.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tidings {
namespace {

// Any JSON value as compact text (QJsonDocument only takes arrays and
// objects, so the value goes into a one-element array first).
QString valueText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

} // namespace

QString JsonLines::format(const JsonFields &fields)
{
    QString line = QStringLiteral("{");
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            line += QLatin1Char(',');
        line += valueText(fields[i].first) + QLatin1Char(':') + valueText(fields[i].second);
    }
    return line + QLatin1Char('}');
}

void JsonLines::write(const JsonFields &fields)
{
    m_out << format(fields) << '\n';
    m_out.flush();
}

} // namespace tidings
