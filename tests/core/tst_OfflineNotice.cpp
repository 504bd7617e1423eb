// SPDX-License-Identifier: GPL-3.0-or-later
// Kamailio msilo's "[Offline message - <ctime>] " prefix (add_date=1, its
// default): taken off the body, its time kept, and anything not exactly in
// msilo's shape left as it is. The texts are what msilo's m_build_body
// writes: "[Offline message - " + 24 characters of ctime() + "] " + body.

#include "messenger/OfflineNotice.h"

#include <QTest>

using namespace tidings;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

} // namespace

class tst_OfflineNotice : public QObject
{
    Q_OBJECT

private slots:
    void msiloPrefix_data();
    void msiloPrefix();
    void leftUntouched_data();
    void leftUntouched();
};

void tst_OfflineNotice::msiloPrefix_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QDateTime>("dateHeader");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("storedAt");

    const QDateTime none;
    QTest::addRow("msilo add_date=1, no Date header: read as UTC")
        << QStringLiteral("[Offline message - Sun Nov 29 00:18:54 2026] see you at 8") << none
        << QStringLiteral("see you at 8") << utc(2026, 11, 29, 0, 18, 54);
    QTest::addRow("ctime pads a one-digit day with a space")
        << QStringLiteral("[Offline message - Mon Nov  2 09:05:01 2026] hi") << none
        << QStringLiteral("hi") << utc(2026, 11, 2, 9, 5, 1);
    // RFC 3261 §20.17: msilo also sends the stored time as Date (GMT); a
    // server in UTC+01:00 writes the prefix one hour ahead of it.
    QTest::addRow("Date header, server in UTC+01:00: the Date header's instant")
        << QStringLiteral("[Offline message - Sun Nov 29 01:18:54 2026] hallo")
        << utc(2026, 11, 29, 0, 18, 54) << QStringLiteral("hallo") << utc(2026, 11, 29, 0, 18, 54);
    QTest::addRow("Date header, server in UTC-05:30")
        << QStringLiteral("[Offline message - Sat Nov 28 18:48:54 2026] x")
        << utc(2026, 11, 29, 0, 18, 54) << QStringLiteral("x") << utc(2026, 11, 29, 0, 18, 54);
    QTest::addRow("Date header of another instant: the prefix, as UTC")
        << QStringLiteral("[Offline message - Sun Nov 29 00:18:54 2026] late")
        << utc(2026, 11, 29, 3, 1, 7) << QStringLiteral("late") << utc(2026, 11, 29, 0, 18, 54);
    QTest::addRow("non-ASCII body (the interop test's text)")
        << QStringLiteral("[Offline message - Sun Nov 29 00:18:54 2026] Später: Grüße ✓ 你好")
        << none << QStringLiteral("Später: Grüße ✓ 你好") << utc(2026, 11, 29, 0, 18, 54);
    QTest::addRow("multi-line body kept as it was")
        << QStringLiteral("[Offline message - Tue Feb 29 23:59:59 2028] a\r\nb\n") << none
        << QStringLiteral("a\r\nb\n") << utc(2028, 2, 29, 23, 59, 59);
    QTest::addRow("the body itself starts with a bracket")
        << QStringLiteral("[Offline message - Sun Nov 29 00:18:54 2026] [draft] x") << none
        << QStringLiteral("[draft] x") << utc(2026, 11, 29, 0, 18, 54);
    QTest::addRow("older msilo: empty body, no space after the bracket")
        << QStringLiteral("[Offline message - Sun Nov 29 00:18:54 2026]") << none << QString()
        << utc(2026, 11, 29, 0, 18, 54);
}

void tst_OfflineNotice::msiloPrefix()
{
    QFETCH(QString, body);
    QFETCH(QDateTime, dateHeader);
    QFETCH(QString, text);
    QFETCH(QDateTime, storedAt);
    const OfflineNotice n = OfflineNotice::parse(body, dateHeader);
    QVERIFY(n.found);
    QCOMPARE(n.body, text);
    QCOMPARE(n.storedAt, storedAt);
    QCOMPARE(n.storedAt.timeSpec(), Qt::UTC);
}

void tst_OfflineNotice::leftUntouched_data()
{
    QTest::addColumn<QString>("body");
    QTest::addRow("no prefix") << QStringLiteral("hello");
    QTest::addRow("empty") << QString();
    QTest::addRow("prefix alone, cut short") << QStringLiteral("[Offline message - ");
    QTest::addRow("date cut short") << QStringLiteral("[Offline message - Sun Nov 29 00:18] x");
    QTest::addRow("no closing bracket")
        << QStringLiteral("[Offline message - Sun Nov 29 00:18:54 2026 x");
    QTest::addRow("no space after the bracket")
        << QStringLiteral("[Offline message - Sun Nov 29 00:18:54 2026]x");
    QTest::addRow("lower case") << QStringLiteral("[offline message - Sun Nov 29 00:18:54 2026] x");
    QTest::addRow("not at the start")
        << QStringLiteral(" [Offline message - Sun Nov 29 00:18:54 2026] x");
    QTest::addRow("unknown month")
        << QStringLiteral("[Offline message - Sun Foo 29 00:18:54 2026] x");
    QTest::addRow("unknown weekday")
        << QStringLiteral("[Offline message - Xyz Nov 29 00:18:54 2026] x");
    QTest::addRow("weekday not of that date")
        << QStringLiteral("[Offline message - Mon Nov 29 00:18:54 2026] x");
    QTest::addRow("no such day") << QStringLiteral(
        "[Offline message - Mon Feb 30 00:18:54 2026] x");
    QTest::addRow("hour 25") << QStringLiteral("[Offline message - Sun Nov 29 25:18:54 2026] x");
    QTest::addRow("letters in the time")
        << QStringLiteral("[Offline message - Sun Nov 29 0a:18:54 2026] x");
    QTest::addRow("ISO date instead of ctime")
        << QStringLiteral("[Offline message - 2026-11-29T00:18:54Z] x");
    QTest::addRow("msilo's reminder, not an offline message")
        << QStringLiteral("[Reminder message - Sun Nov 29 00:18:54 2026] x");
    QTest::addRow("non-ASCII inside the date")
        << QStringLiteral("[Offline message - Sun Nov 29 00:18:54 2０26] x");
}

void tst_OfflineNotice::leftUntouched()
{
    QFETCH(QString, body);
    const OfflineNotice n = OfflineNotice::parse(body, QDateTime::currentDateTimeUtc());
    QVERIFY(!n.found);
    QCOMPARE(n.body, body);
    QVERIFY(!n.storedAt.isValid());
}

QTEST_APPLESS_MAIN(tst_OfflineNotice)
#include "tst_OfflineNotice.moc"
