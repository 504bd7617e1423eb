// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Snippet.h"

#include <QtTest>

using namespace tidings;

class TestSnippet : public QObject
{
    Q_OBJECT

private slots:
    void highlight_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<QString>("expected");

        QTest::newRow("one match")
            << "see you tomorrow" << QStringList{"you"} << "see [you] tomorrow";
        QTest::newRow("every occurrence, any case")
            << "Ho ho HO" << QStringList{"ho"} << "[Ho] [ho] [HO]";
        QTest::newRow("two terms")
            << "alpha beta gamma" << QStringList{"gamma", "alpha"} << "[alpha] beta [gamma]";
        QTest::newRow("overlapping terms merge")
            << "abcdef" << QStringList{"abc", "cde"} << "[abcde]f";
        QTest::newRow("adjacent terms merge")
            << "abcdef" << QStringList{"abc", "def"} << "[abcdef]";
        QTest::newRow("no match") << "nothing here" << QStringList{"zzz"} << "nothing here";
        QTest::newRow("Chinese") << QString::fromUtf8("我说你好世界") << QStringList{"你好"}
                                 << QString::fromUtf8("我说[你好]世界");
        QTest::newRow("Japanese") << QString::fromUtf8("明日は東京で会いましょう")
                                  << QStringList{QString::fromUtf8("東京")}
                                  << QString::fromUtf8("明日は[東京]で会いましょう");
        QTest::newRow("empty term ignored") << "abc" << QStringList{""} << "abc";
    }

    void highlight()
    {
        QFETCH(QString, body);
        QFETCH(QStringList, terms);
        QFETCH(QString, expected);
        QCOMPARE(Snippet::highlight(body, terms), expected);
    }

    void longBodyIsCutAroundTheMatch()
    {
        QString body;
        for (int i = 0; i < 50; ++i) {
            body += QStringLiteral("filler%1 ").arg(i);
        }
        body += QStringLiteral("needle ");
        for (int i = 0; i < 50; ++i) {
            body += QStringLiteral("more%1 ").arg(i);
        }
        const QString snippet = Snippet::highlight(body, {QStringLiteral("needle")}, 80);
        QVERIFY2(snippet.contains(QStringLiteral("[needle]")), qPrintable(snippet));
        QVERIFY(snippet.startsWith(Snippet::ellipsis));
        QVERIFY(snippet.endsWith(Snippet::ellipsis));
        QVERIFY2(snippet.size() <= 80 + 4, qPrintable(snippet));
    }

    void cutNeverSplitsASurrogatePair()
    {
        QString body;
        for (int i = 0; i < 100; ++i) {
            body += QString::fromUtf8("😀");
        }
        const QString snippet = Snippet::highlight(body, {QStringLiteral("x")}, 21);
        for (qsizetype i = 0; i < snippet.size(); ++i) {
            if (snippet.at(i).isHighSurrogate()) {
                QVERIFY(i + 1 < snippet.size() && snippet.at(i + 1).isLowSurrogate());
            }
            if (snippet.at(i).isLowSurrogate()) {
                QVERIFY(i > 0 && snippet.at(i - 1).isHighSurrogate());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSnippet)
#include "tst_Snippet.moc"
