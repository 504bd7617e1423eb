// SPDX-License-Identifier: GPL-3.0-or-later
// sip::parseSipDate / formatSipDate: the Date header's rfc1123-date
// (RFC 3261 §20.17, RFC 2616 §3.3.1), always GMT.

#include "message/SipDate.h"

#include <QTest>
#include <QTimeZone>

using namespace sip;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

} // namespace

class tst_SipDate : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_20_17_date_data();
    void rfc3261_20_17_date();
    void rfc3261_20_17_invalid_data();
    void rfc3261_20_17_invalid();
    void rfc3261_20_17_format_data();
    void rfc3261_20_17_format();
};

// RFC 3261 §20.17: Date = "Date" HCOLON SIP-date, SIP-date = rfc1123-date,
// e.g. "Date: Sat, 13 Nov 2010 23:29:00 GMT"; rfc1123-date = wkday ","
// SP date1 SP time SP "GMT", date1 = 2DIGIT SP month SP 4DIGIT.
void tst_SipDate::rfc3261_20_17_date_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("time");

    QTest::addRow("rfc 20.17 example")
        << QByteArray("Sat, 13 Nov 2010 23:29:00 GMT") << utc(2010, 11, 13, 23, 29, 0);
    QTest::addRow("epoch") << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT")
                           << utc(1970, 1, 1, 0, 0, 0);
    QTest::addRow("leap day") << QByteArray("Mon, 29 Feb 2016 12:00:00 GMT")
                              << utc(2016, 2, 29, 12, 0, 0);
    QTest::addRow("end of year") << QByteArray("Fri, 31 Dec 1999 23:59:59 GMT")
                                 << utc(1999, 12, 31, 23, 59, 59);
    QTest::addRow("after 2038") << QByteArray("Tue, 19 Jan 2038 03:14:08 GMT")
                                << utc(2038, 1, 19, 3, 14, 8);
    QTest::addRow("every month: Jan")
        << QByteArray("Wed, 15 Jan 2025 08:00:00 GMT") << utc(2025, 1, 15, 8, 0, 0);
    QTest::addRow("every month: Jun")
        << QByteArray("Sun, 15 Jun 2025 08:00:00 GMT") << utc(2025, 6, 15, 8, 0, 0);
    QTest::addRow("every month: Sep")
        << QByteArray("Mon, 15 Sep 2025 08:00:00 GMT") << utc(2025, 9, 15, 8, 0, 0);
    QTest::addRow("surrounding LWS")
        << QByteArray("  Sat, 13 Nov 2010 23:29:00 GMT \t") << utc(2010, 11, 13, 23, 29, 0);
}

void tst_SipDate::rfc3261_20_17_date()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, time);

    const auto parsed = parseSipDate(text);
    QVERIFY(parsed);
    QCOMPARE(*parsed, time);
    QCOMPARE(parsed->timeSpec(), Qt::UTC);
    // Round trip: formatting gives the canonical text back.
    QCOMPARE(formatSipDate(*parsed), text.trimmed());
    QCOMPARE(parseSipDate(formatSipDate(time)).value_or(QDateTime()), time);
}

void tst_SipDate::rfc3261_20_17_invalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("empty") << QByteArray();
    QTest::addRow("unknown weekday") << QByteArray("Sax, 13 Nov 2010 23:29:00 GMT");
    QTest::addRow("long weekday") << QByteArray("Saturday, 13 Nov 2010 23:29:00 GMT");
    // RFC 2616 §3.3.1: "HTTP-date is case sensitive".
    QTest::addRow("lower-case weekday") << QByteArray("sat, 13 Nov 2010 23:29:00 GMT");
    QTest::addRow("lower-case month") << QByteArray("Sat, 13 nov 2010 23:29:00 GMT");
    QTest::addRow("unknown month") << QByteArray("Sat, 13 Nox 2010 23:29:00 GMT");
    QTest::addRow("lower-case GMT") << QByteArray("Sat, 13 Nov 2010 23:29:00 gmt");
    QTest::addRow("UTC") << QByteArray("Sat, 13 Nov 2010 23:29:00 UTC");
    QTest::addRow("numeric zone") << QByteArray("Sat, 13 Nov 2010 23:29:00 +0000");
    QTest::addRow("no zone") << QByteArray("Sat, 13 Nov 2010 23:29:00");
    QTest::addRow("EST") << QByteArray("Sat, 13 Nov 2010 23:29:00 EST");
    QTest::addRow("day 32") << QByteArray("Sat, 32 Nov 2010 23:29:00 GMT");
    QTest::addRow("31 November") << QByteArray("Sat, 31 Nov 2010 23:29:00 GMT");
    QTest::addRow("day 00") << QByteArray("Sat, 00 Nov 2010 23:29:00 GMT");
    QTest::addRow("29 Feb, not a leap year") << QByteArray("Thu, 29 Feb 2018 00:00:00 GMT");
    QTest::addRow("one-digit day") << QByteArray("Sat, 1 Nov 2010 23:29:00 GMT");
    QTest::addRow("non-digit day") << QByteArray("Sat, 1x Nov 2010 23:29:00 GMT");
    QTest::addRow("two-digit year") << QByteArray("Sat, 13 Nov 10 23:29:00 GMT");
    QTest::addRow("hour 24") << QByteArray("Sat, 13 Nov 2010 24:00:00 GMT");
    QTest::addRow("minute 60") << QByteArray("Sat, 13 Nov 2010 23:60:00 GMT");
    QTest::addRow("second 61") << QByteArray("Sat, 13 Nov 2010 23:29:61 GMT");
    QTest::addRow("missing comma") << QByteArray("Sat 13 Nov 2010 23:29:00 GMT");
    QTest::addRow("no space after comma") << QByteArray("Sat,13 Nov 2010 23:29:00 GMT");
    QTest::addRow("double space") << QByteArray("Sat, 13  Nov 2010 23:29:00 GMT");
    QTest::addRow("dashes (RFC 850)") << QByteArray("Saturday, 13-Nov-10 23:29:00 GMT");
    QTest::addRow("asctime") << QByteArray("Sat Nov 13 23:29:00 2010");
    QTest::addRow("dots for colons") << QByteArray("Sat, 13 Nov 2010 23.29.00 GMT");
    QTest::addRow("trailing junk") << QByteArray("Sat, 13 Nov 2010 23:29:00 GMTx");
    QTest::addRow("sign in number") << QByteArray("Sat, +3 Nov 2010 23:29:00 GMT");
}

void tst_SipDate::rfc3261_20_17_invalid()
{
    QFETCH(QByteArray, text);
    const auto parsed = parseSipDate(text);
    QVERIFY2(!parsed, qPrintable(parsed ? parsed->toString(Qt::ISODate) : QString()));
}

// formatSipDate writes any QDateTime in GMT with English names.
void tst_SipDate::rfc3261_20_17_format_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("UTC") << utc(2010, 11, 13, 23, 29, 0)
                         << QByteArray("Sat, 13 Nov 2010 23:29:00 GMT");
    QTest::addRow("offset +01:00, next day")
        << QDateTime(QDate(2010, 11, 14), QTime(0, 29, 0), QTimeZone(3600))
        << QByteArray("Sat, 13 Nov 2010 23:29:00 GMT");
    QTest::addRow("offset -05:00")
        << QDateTime(QDate(2010, 11, 13), QTime(18, 29, 0), QTimeZone(-5 * 3600))
        << QByteArray("Sat, 13 Nov 2010 23:29:00 GMT");
    QTest::addRow("milliseconds dropped")
        << QDateTime(QDate(2010, 11, 13), QTime(23, 29, 0, 999), Qt::UTC)
        << QByteArray("Sat, 13 Nov 2010 23:29:00 GMT");
    QTest::addRow("single-digit day padded")
        << utc(2024, 3, 5, 7, 8, 9) << QByteArray("Tue, 05 Mar 2024 07:08:09 GMT");
    QTest::addRow("Sunday") << utc(2024, 3, 10, 0, 0, 0)
                            << QByteArray("Sun, 10 Mar 2024 00:00:00 GMT");
    QTest::addRow("year below 1000 padded")
        << utc(999, 1, 1, 0, 0, 0) << QByteArray("Tue, 01 Jan 0999 00:00:00 GMT");
}

void tst_SipDate::rfc3261_20_17_format()
{
    QFETCH(QDateTime, time);
    QFETCH(QByteArray, text);
    QCOMPARE(formatSipDate(time), text);
    const auto back = parseSipDate(text);
    QVERIFY(back);
    QCOMPARE(back->toSecsSinceEpoch(), time.toSecsSinceEpoch());
}

QTEST_GUILESS_MAIN(tst_SipDate)
#include "tst_SipDate.moc"
