// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's JSON lines: key order kept, every string escaped per RFC 8259 §7
// and readable back by a JSON parser.

#include "JsonLines.h"

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

QTEST_GUILESS_MAIN(tst_JsonLines)
#include "tst_JsonLines.moc"
