// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SearchQuery.h"

#include <QtTest>

using namespace tidings;

class TestSearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void build_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("words");       // unicode61 MATCH, last word as a prefix
        QTest::addColumn<QStringList>("indexed"); // LIKE on the trigram index
        QTest::addColumn<QStringList>("likes");   // LIKE on the text, escape '\'
        QTest::addColumn<bool>("substrings");

        const QStringList none;
        QTest::newRow("empty") << ""
                               << "" << none << none << false;
        QTest::newRow("white space") << " \t\n "
                                     << "" << none << none << false;
        QTest::newRow("one word") << "hello"
                                  << "\"hello\"*" << QStringList{"%hello%"} << none << false;
        QTest::newRow("two words") << "meeting tomorrow"
                                   << "\"meeting\" \"tomorrow\"*"
                                   << QStringList{"%meeting%", "%tomorrow%"} << none << false;
        QTest::newRow("extra white space")
            << "  a\t\tb  "
            << "\"a\" \"b\"*" << none << QStringList{"%a%", "%b%"} << false;
        // FTS5 syntax is only text.
        QTest::newRow("operators are words")
            << "AND OR NOT NEAR"
            << "\"AND\" \"OR\" \"NOT\" \"NEAR\"*" << QStringList{"%AND%", "%NOT%", "%NEAR%"}
            << QStringList{"%OR%"} << false;
        QTest::newRow("quotes doubled")
            << "say \"hi\""
            << "\"say\" \"\"\"hi\"\"\"*" << QStringList{"%say%", "%\"hi\"%"} << none << false;
        QTest::newRow("lone quote") << "\""
                                    << "" << none << QStringList{"%\"%"} << true;
        QTest::newRow("star") << "foo*"
                              << "\"foo*\"*" << QStringList{"%foo*%"} << none << false;
        QTest::newRow("only stars") << "***"
                                    << "" << QStringList{"%***%"} << none << true;
        QTest::newRow("parentheses")
            << "(a OR b)"
            << "\"(a\" \"OR\" \"b)\"*" << none << QStringList{"%(a%", "%OR%", "%b)%"} << false;
        QTest::newRow("column filter") << "body:x"
                                       << "\"body:x\"*" << QStringList{"%body:x%"} << none << false;
        QTest::newRow("caret and plus")
            << "^start +x"
            << "\"^start\" \"+x\"*" << QStringList{"%^start%"} << QStringList{"%+x%"} << false;
        QTest::newRow("NEAR group") << "NEAR(a b, 3)"
                                    << "\"NEAR(a\" \"b,\" \"3)\"*" << QStringList{"%NEAR(a%"}
                                    << QStringList{"%b,%", "%3)%"} << false;
        QTest::newRow("duplicate terms once") << "hi hi"
                                              << "\"hi\"*" << none << QStringList{"%hi%"} << false;
        QTest::newRow("control characters separate")
            << QString::fromUtf8("a\x01"
                                 "b") +
                   QChar(0)
            << "\"a\" \"b\"*" << none << QStringList{"%a%", "%b%"} << false;
        // LIKE wildcards are escaped, and keep a term off the trigram index.
        QTest::newRow("LIKE wildcards")
            << "a% _"
            << "\"a%\"*" << none << QStringList{"%a\\%%", "%\\_%"} << false;
        QTest::newRow("long term with wildcards")
            << "100%_x"
            << "\"100%_x\"*" << none << QStringList{"%100\\%\\_x%"} << false;
        QTest::newRow("backslash") << "\\"
                                   << "" << none << QStringList{"%\\\\%"} << true;
        // Scripts without spaces go to the trigram index.
        QTest::newRow("Chinese, two characters")
            << QString::fromUtf8("你好") << QString::fromUtf8("\"你好\"*") << none
            << QStringList{QString::fromUtf8("%你好%")} << true;
        QTest::newRow("Japanese, five characters")
            << QString::fromUtf8("東京タワー") << QString::fromUtf8("\"東京タワー\"*")
            << QStringList{QString::fromUtf8("%東京タワー%")} << none << true;
        QTest::newRow("mixed scripts")
            << QString::fromUtf8("東京 meeting") << QString::fromUtf8("\"東京\" \"meeting\"*")
            << QStringList{"%meeting%"} << QStringList{QString::fromUtf8("%東京%")} << true;
        QTest::newRow("Korean") << QString::fromUtf8("서울에서")
                                << QString::fromUtf8("\"서울에서\"*")
                                << QStringList{QString::fromUtf8("%서울에서%")} << none << true;
        QTest::newRow("Thai") << QString::fromUtf8("สวัสดี") << QString::fromUtf8("\"สวัสดี\"*")
                              << QStringList{QString::fromUtf8("%สวัสดี%")} << none << true;
        QTest::newRow("accents stay words")
            << QString::fromUtf8("crème brûlée") << QString::fromUtf8("\"crème\" \"brûlée\"*")
            << QStringList{QString::fromUtf8("%crème%"), QString::fromUtf8("%brûlée%")} << none
            << false;
    }

    void build()
    {
        QFETCH(QString, input);
        QFETCH(QString, words);
        QFETCH(QStringList, indexed);
        QFETCH(QStringList, likes);
        QFETCH(bool, substrings);

        const SearchQuery query = SearchQuery::fromUserText(input);
        QCOMPARE(query.wordQuery(true), words);
        // Without the prefix (the default): the same without the final star.
        QCOMPARE(query.wordQuery(), words.endsWith(QLatin1Char('*')) ? words.chopped(1) : words);
        QCOMPARE(query.indexedPatterns(), indexed);
        QCOMPARE(query.likePatterns(), likes);
        QCOMPARE(query.prefersSubstrings(), substrings);
    }

    void emptyInput()
    {
        QVERIFY(SearchQuery::fromUserText(QString()).isEmpty());
        QVERIFY(SearchQuery::fromUserText(QStringLiteral("  ")).isEmpty());
        QVERIFY(!SearchQuery::fromUserText(QStringLiteral("x")).isEmpty());
    }

    void termCountIsBounded()
    {
        QStringList many;
        for (int i = 0; i < 40; ++i) {
            many << QStringLiteral("w%1").arg(i);
        }
        const SearchQuery query = SearchQuery::fromUserText(many.join(QLatin1Char(' ')));
        QCOMPARE(query.terms().size(), SearchQuery::maxTerms);
        QCOMPARE(query.terms().first(), QStringLiteral("w0"));
    }

    void quote()
    {
        QCOMPARE(SearchQuery::quote(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
        QCOMPARE(SearchQuery::quote(QString()), QStringLiteral("\"\""));
    }
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_SearchQuery.moc"
