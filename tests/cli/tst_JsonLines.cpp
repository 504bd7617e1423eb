// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's JSON lines: key order kept, every string escaped per RFC 8259 §7
// and readable back by a JSON parser.

#include "JsonLines.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tidings;

class tst_JsonLines : public QObject
{
    Q_OBJECT

private slots:
    void keyOrderAndTypes();
    void rfc8259_7_escapes_data();
    void rfc8259_7_escapes();
    void exactEscapes_data();
    void exactEscapes();
    void utcTimestamp_data();
    void utcTimestamp();
    void builderMatchesFormat_data();
    void builderMatchesFormat();
    void builderReplacesInvalidUtf8();
};

void tst_JsonLines::keyOrderAndTypes()
{
    const QString line = JsonLines::format(
        {{QStringLiteral("event"), QStringLiteral("result")},
         {QStringLiteral("status"), 200},
         {QStringLiteral("ok"), true},
         {QStringLiteral("bind"), QJsonArray{QStringLiteral("udp:127.0.0.1:5080"), 7}}});
    QCOMPARE(line,
             QStringLiteral(
                 R"({"event":"result","status":200,"ok":true,"bind":["udp:127.0.0.1:5080",7]})"));
}

void tst_JsonLines::rfc8259_7_escapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("quotes and backslash") << QStringLiteral("say \"hi\" \\ bye");
    QTest::addRow("line breaks and tab") << QStringLiteral("a\r\nb\tc");
    QTest::addRow("controls") << QString::fromUtf8("nul:\0 bel:\a esc:\x1b del:\x7f", 22);
    QTest::addRow("non-ASCII") << QStringLiteral("Grüße 你好 👋 \u2028");
}

void tst_JsonLines::rfc8259_7_escapes()
{
    QFETCH(QString, text);
    const QString line = JsonLines::format({{QStringLiteral("body"), text}});
    QVERIFY(!line.contains(QLatin1Char('\n')));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value(QStringLiteral("body")).toString(), text);
}

void tst_JsonLines::exactEscapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("json");
    QTest::addRow("empty") << QString() << QStringLiteral(R"("")");
    QTest::addRow("plain") << QStringLiteral("abc") << QStringLiteral(R"("abc")");
    QTest::addRow("escape first") << QStringLiteral("\"x") << QStringLiteral(R"("\"x")");
    QTest::addRow("escape last") << QStringLiteral("x\n") << QStringLiteral(R"("x\n")");
    QTest::addRow("adjacent escapes")
        << QStringLiteral("\\\t\u0001") << QStringLiteral(R"("\\\t\u0001")");
    QTest::addRow("non-ASCII kept") << QStringLiteral("ü\"你") << QStringLiteral(R"("ü\"你")");
}

void tst_JsonLines::exactEscapes()
{
    QFETCH(QString, text);
    QFETCH(QString, json);
    QCOMPARE(JsonLines::format({{QStringLiteral("b"), text}}),
             QStringLiteral("{\"b\":") + json + QLatin1Char('}'));
}

void tst_JsonLines::utcTimestamp_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    QTest::addRow("contract example") << QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    QTest::addRow("leap day, milliseconds")
        << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::addRow("end of year") << QDateTime(QDate(2026, 12, 31), QTime(0, 0, 0, 7), Qt::UTC);
}

void tst_JsonLines::utcTimestamp()
{
    QFETCH(QDateTime, time);
    QCOMPARE(JsonLines::utcTimestamp(time.toMSecsSinceEpoch()),
             time.toUTC().toString(Qt::ISODateWithMs));
}

void tst_JsonLines::builderMatchesFormat_data()
{
    exactEscapes_data();
}

void tst_JsonLines::builderMatchesFormat()
{
    QFETCH(QString, text);
    const QByteArray fromBytes = JsonLineBuilder()
                                     .add(QLatin1StringView("event"), QByteArrayView("message"))
                                     .add(QLatin1StringView("b"), QByteArrayView(text.toUtf8()))
                                     .add(QLatin1StringView("s"), QStringView(text))
                                     .add(QLatin1StringView("n"), qint64(-42))
                                     .take();
    const QString expected =
        JsonLines::format({{QStringLiteral("event"), QStringLiteral("message")},
                           {QStringLiteral("b"), text},
                           {QStringLiteral("s"), text},
                           {QStringLiteral("n"), -42}});
    QCOMPARE(QString::fromUtf8(fromBytes), expected);
}

void tst_JsonLines::builderReplacesInvalidUtf8()
{
    // A lone continuation byte and a truncated sequence: the line stays
    // valid UTF-8 and JSON, with U+FFFD where the bad bytes were.
    const QByteArray line = JsonLineBuilder()
                                .add(QLatin1StringView("v"), QByteArrayView("a\x80"
                                                                            "b\xe4\xbd"))
                                .take();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QString v = doc.object().value(QStringLiteral("v")).toString();
    QCOMPARE(v, QStringLiteral("a\uFFFDb\uFFFD\uFFFD")); // one per bad byte, as QString::fromUtf8
}

QTEST_GUILESS_MAIN(tst_JsonLines)
#include "tst_JsonLines.moc"
