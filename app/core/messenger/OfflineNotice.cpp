// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineNotice.h"

#include <array>
#include <optional>

namespace tidings {
namespace {

// ctime()'s fixed-width form without its line break:
// "Www Mmm dd hh:mm:ss yyyy" (C11 §7.27.3.1, the asctime format
// "%.3s %.3s%3d %.2d:%.2d:%.2d %d").
constexpr qsizetype kCtimeLength = 24;

constexpr std::array<const char *, 7> kWeekdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<const char *, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The index (from 1) of `name` in `names`, 0 when it is none of them.
template <std::size_t N>
int indexOf(QStringView name, const std::array<const char *, N> &names)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1StringView(names[i])) {
            return int(i) + 1;
        }
    }
    return 0;
}

// Digits only (a leading space allowed when `padded`); -1 otherwise.
int number(QStringView text, bool padded = false)
{
    int value = 0;
    bool any = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (padded && !any && c == QLatin1Char(' ') && i + 1 < text.size()) {
            continue;
        }
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return -1;
        }
        value = value * 10 + (c.unicode() - '0');
        any = true;
    }
    return any ? value : -1;
}

std::optional<QDateTime> parseCtime(QStringView t)
{
    if (t.size() != kCtimeLength || t[3] != QLatin1Char(' ') || t[7] != QLatin1Char(' ') ||
        t[10] != QLatin1Char(' ') || t[13] != QLatin1Char(':') || t[16] != QLatin1Char(':') ||
        t[19] != QLatin1Char(' ')) {
        return std::nullopt;
    }
    const int weekday = indexOf(t.mid(0, 3), kWeekdays);
    const int month = indexOf(t.mid(4, 3), kMonths);
    const int day = number(t.mid(8, 2), true);
    const int hour = number(t.mid(11, 2));
    const int minute = number(t.mid(14, 2));
    const int second = number(t.mid(17, 2));
    const int year = number(t.mid(20, 4));
    if (weekday == 0 || month == 0 || day < 1 || hour < 0 || minute < 0 || second < 0 || year < 0) {
        return std::nullopt;
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    // ctime never writes a weekday that does not belong to the date.
    if (!date.isValid() || !time.isValid() || date.dayOfWeek() != weekday) {
        return std::nullopt;
    }
    return QDateTime(date, time, Qt::UTC);
}

// The Date header, when it is the same instant as the prefix written in
// some time zone: the difference is a whole zone offset (UTC-12:00 to
// UTC+14:00, in steps of 15 minutes).
bool sameInstantInSomeZone(const QDateTime &prefixAsUtc, const QDateTime &dateHeader)
{
    if (!dateHeader.isValid()) {
        return false;
    }
    const qint64 offset = dateHeader.secsTo(prefixAsUtc);
    return offset % (15 * 60) == 0 && offset >= -12 * 3600 && offset <= 14 * 3600;
}

} // namespace

QString OfflineNotice::opening()
{
    return QStringLiteral("[Offline message - ");
}

OfflineNotice OfflineNotice::parse(const QString &body, const QDateTime &dateHeader)
{
    OfflineNotice notice;
    notice.body = body;
    const QString open = opening();
    if (!body.startsWith(open)) {
        return notice;
    }
    const qsizetype close = open.size() + kCtimeLength;
    if (body.size() <= close || body[close] != QLatin1Char(']')) {
        return notice;
    }
    // msilo writes "] " before the body; versions before 5.0 left the space
    // out when the stored body was empty.
    qsizetype rest = close + 1;
    if (rest < body.size()) {
        if (body[rest] != QLatin1Char(' ')) {
            return notice;
        }
        ++rest;
    }
    const auto stamp = parseCtime(QStringView(body).mid(open.size(), kCtimeLength));
    if (!stamp) {
        return notice;
    }
    notice.found = true;
    notice.body = body.mid(rest);
    notice.storedAt = sameInstantInSomeZone(*stamp, dateHeader) ? dateHeader.toUTC() : *stamp;
    return notice;
}

} // namespace tidings
