// SPDX-License-Identifier: GPL-3.0-or-later
#include "SipDate.h"

#include "Lex.h"

namespace sip {
namespace {

constexpr QByteArrayView kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr QByteArrayView kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int number(QByteArrayView s)
{
    const auto v = lex::parseUnsigned(s, 9999);
    return v ? int(*v) : -1;
}

} // namespace

std::optional<QDateTime> parseSipDate(QByteArrayView text)
{
    // wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":" 2DIGIT SP "GMT"
    const QByteArrayView s = lex::trimmed(text);
    if (s.size() != 29 || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' ||
        s[16] != ' ' || s[19] != ':' || s[22] != ':' || s[25] != ' ' || s.sliced(26) != "GMT")
        return std::nullopt;
    bool dayOk = false;
    for (QByteArrayView d : kDays)
        dayOk = dayOk || s.first(3) == d;
    int month = 0;
    for (int i = 0; i < 12; ++i) {
        if (s.sliced(8, 3) == kMonths[i])
            month = i + 1;
    }
    const int day = number(s.sliced(5, 2));
    const int year = number(s.sliced(12, 4));
    const int hh = number(s.sliced(17, 2));
    const int mm = number(s.sliced(20, 2));
    const int ss = number(s.sliced(23, 2));
    const QDate date(year, month, day);
    const QTime time(hh, mm, ss);
    if (!dayOk || month == 0 || !date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

QByteArray formatSipDate(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    QByteArray out;
    out += kDays[d.dayOfWeek() - 1];
    out += ", ";
    out += QByteArray::number(d.day()).rightJustified(2, '0');
    out += ' ';
    out += kMonths[d.month() - 1];
    out += ' ';
    out += QByteArray::number(d.year()).rightJustified(4, '0');
    out += ' ';
    out += t.toString(QStringLiteral("HH:mm:ss")).toLatin1();
    out += " GMT";
    return out;
}

} // namespace sip
