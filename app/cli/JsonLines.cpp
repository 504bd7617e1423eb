// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonLines.h"

#include <QFileDevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <utility>

namespace tidings {
namespace {

// RFC 8259 §7: quote, backslash and control characters escaped; everything
// else (non-ASCII included) written as is. Written by hand: going through
// QJsonDocument for every value cost more than the whole SIP transaction.
void appendString(QString &out, QStringView s)
{
    static constexpr char16_t kHex[] = u"0123456789abcdef";
    out += QLatin1Char('"');
    // Runs of characters that need no escape are appended in one piece.
    qsizetype run = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t u = s[i].unicode();
        if (u >= 0x20 && u != u'"' && u != u'\\')
            continue;
        out += s.sliced(run, i - run);
        run = i + 1;
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
            out += QLatin1String("\\u00");
            out += QChar(kHex[u >> 4]);
            out += QChar(kHex[u & 15]);
        }
    }
    out += s.sliced(run);
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

QString JsonLines::utcTimestamp(qint64 msecsSinceEpoch)
{
    // ISO 8601 in UTC with milliseconds, "2026-01-01T12:00:00.000Z", from
    // the civil calendar of <chrono> (QDateTime::toString cost more per
    // message than answering it).
    using namespace std::chrono;
    const sys_time<milliseconds> t{milliseconds(msecsSinceEpoch)};
    const sys_days day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<milliseconds> hms{t - day};
    char buf[32];
    const int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                                int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()),
                                int(hms.hours().count()), int(hms.minutes().count()),
                                int(hms.seconds().count()), int(hms.subseconds().count()));
    return QString::fromLatin1(buf, n);
}

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

namespace {

// RFC 8259 §7 over UTF-8 bytes: runs without '"', '\\' or controls are
// copied in one piece.
void appendEscaped(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    qsizetype run = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.sliced(run, i - run));
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    out.append(utf8.sliced(run));
    out += '"';
}

bool isAscii(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

} // namespace

JsonLineBuilder::JsonLineBuilder()
{
    m_line.reserve(512);
    m_line += '{';
}

void JsonLineBuilder::key(QLatin1StringView key)
{
    if (m_line.size() > 1)
        m_line += ',';
    appendEscaped(m_line, QByteArrayView(key.data(), key.size()));
    m_line += ':';
}

JsonLineBuilder &JsonLineBuilder::add(QLatin1StringView name, QStringView value)
{
    key(name);
    appendEscaped(m_line, value.toUtf8());
    return *this;
}

JsonLineBuilder &JsonLineBuilder::add(QLatin1StringView name, QByteArrayView utf8)
{
    if (!isAscii(utf8))
        return add(name, QString::fromUtf8(utf8)); // validated: U+FFFD for bad bytes
    key(name);
    appendEscaped(m_line, utf8);
    return *this;
}

JsonLineBuilder &JsonLineBuilder::add(QLatin1StringView name, qint64 value)
{
    key(name);
    m_line += QByteArray::number(value);
    return *this;
}

QByteArray JsonLineBuilder::take()
{
    m_line += '}';
    return std::exchange(m_line, {});
}

void JsonLines::writeLine(const QByteArray &utf8Object)
{
    writeLines(utf8Object + '\n');
}

void JsonLines::writeLines(const QByteArray &utf8Lines)
{
    m_out.flush();
    if (auto *file = qobject_cast<QFileDevice *>(m_out.device())) {
        file->write(utf8Lines);
        file->flush();
        return;
    }
    m_out << QString::fromUtf8(utf8Lines);
    m_out.flush();
}

void JsonLines::write(const JsonFields &fields)
{
    m_out << format(fields) << '\n';
    m_out.flush();
}

} // namespace tidings
