// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonLines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace tidings {
namespace {

// RFC 8259 §7: quote, backslash and control characters escaped; everything
// else (non-ASCII included) written as is. Written by hand: going through
// QJsonDocument for every value cost more than the whole SIP transaction.
void appendString(QString &out, QStringView s)
{
    static constexpr char16_t kHex[] = u"0123456789abcdef";
    out += QLatin1Char('"');
    for (QChar c : s) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (u < 0x20) {
                out += QLatin1String("\\u00");
                out += QChar(kHex[u >> 4]);
                out += QChar(kHex[u & 15]);
            } else {
                out += c;
            }
        }
    }
    out += QLatin1Char('"');
}

void appendValue(QString &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9.0e15)
            out += QString::number(qint64(d));
        else
            out += QString::number(d, 'g', 17);
        return;
    }
    case QJsonValue::Bool:
        out += value.toBool() ? QLatin1String("true") : QLatin1String("false");
        return;
    case QJsonValue::Array: {
        out += QLatin1Char('[');
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out += QLatin1Char(',');
            appendValue(out, array.at(i));
        }
        out += QLatin1Char(']');
        return;
    }
    case QJsonValue::Object:
        out += QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        return;
    default:
        out += QLatin1String("null");
        return;
    }
}

} // namespace

QString JsonLines::format(const JsonFields &fields)
{
    QString line;
    line.reserve(256);
    line += QLatin1Char('{');
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            line += QLatin1Char(',');
        appendString(line, fields[i].first);
        line += QLatin1Char(':');
        appendValue(line, fields[i].second);
    }
    line += QLatin1Char('}');
    return line;
}

void JsonLines::write(const JsonFields &fields)
{
    m_out << format(fields) << '\n';
    m_out.flush();
}

} // namespace tidings
