// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/UnsegmentedScript.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace tidings;

class TestUnsegmentedScript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
    }

    void cleanupTestCase() { QSqlDatabase::database().close(); }

    void classify_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("unsegmented");
        QTest::newRow("Chinese") << QString::fromUtf8("你好") << true;
        QTest::newRow("Japanese kanji") << QString::fromUtf8("東京") << true;
        QTest::newRow("hiragana") << QString::fromUtf8("ありがとう") << true;
        QTest::newRow("katakana") << QString::fromUtf8("タワー") << true;
        QTest::newRow("halfwidth katakana") << QString::fromUtf8("ｱｲｳ") << true;
        QTest::newRow("Korean") << QString::fromUtf8("서울") << true;
        QTest::newRow("Thai") << QString::fromUtf8("สวัสดี") << true;
        QTest::newRow("Khmer") << QString::fromUtf8("សួស្តី") << true;
        QTest::newRow("Myanmar") << QString::fromUtf8("မင်္ဂလာပါ") << true;
        QTest::newRow("CJK extension B") << QString::fromUtf8("𠀀") << true;
        QTest::newRow("mixed with Latin") << QString::fromUtf8("meet at 東京 station") << true;
        QTest::newRow("Latin") << "hello world" << false;
        QTest::newRow("accents") << QString::fromUtf8("crème brûlée") << false;
        QTest::newRow("Cyrillic") << QString::fromUtf8("привет") << false;
        QTest::newRow("Greek") << QString::fromUtf8("γειά") << false;
        QTest::newRow("emoji") << QString::fromUtf8("🙂👍") << false;
        QTest::newRow("CJK punctuation only") << QString::fromUtf8("、。") << false;
        QTest::newRow("fullwidth Latin") << QString::fromUtf8("ＡＢＣ") << false;
        QTest::newRow("empty") << "" << false;
    }

    void classify()
    {
        QFETCH(QString, text);
        QFETCH(bool, unsegmented);
        QCOMPARE(UnsegmentedScript::contains(text), unsegmented);

        // SQLite's GLOB with the index pattern agrees.
        QSqlQuery q;
        QVERIFY(q.prepare(QStringLiteral("SELECT ? GLOB ?")));
        q.addBindValue(text);
        q.addBindValue(UnsegmentedScript::globPattern());
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt() == 1, unsegmented);
    }

    void patternShape()
    {
        const QString pattern = UnsegmentedScript::globPattern();
        QVERIFY(pattern.startsWith(QStringLiteral("*[")));
        QVERIFY(pattern.endsWith(QStringLiteral("]*")));
        // Used inside a SQL string literal.
        QVERIFY(!pattern.contains(QLatin1Char('\'')));
    }
};

QTEST_GUILESS_MAIN(TestUnsegmentedScript)
#include "tst_UnsegmentedScript.moc"
