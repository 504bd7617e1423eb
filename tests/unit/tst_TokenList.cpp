// SPDX-License-Identifier: GPL-3.0-or-later
// sip::parseTokenList: comma-separated token lists of Allow, Supported,
// Require, Unsupported and Proxy-Require (RFC 3261 §20.5, §20.37, §20.32,
// §20.40, §20.29).

#include "message/TokenList.h"

#include <QTest>

using namespace sip;

class tst_TokenList : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_20_5_tokenList_data();
    void rfc3261_20_5_tokenList();
    void rfc3261_20_5_invalid_data();
    void rfc3261_20_5_invalid();
};

// RFC 3261 §20.5: Allow = "Allow" HCOLON [Method *(COMMA Method)] — an empty
// value is a valid empty list; §20.37: Supported = ( "Supported" / "k" )
// HCOLON [option-tag *(COMMA option-tag)].
void tst_TokenList::rfc3261_20_5_tokenList_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArrayList>("tokens");

    QTest::addRow("mixed LWS") << QByteArray("MESSAGE, OPTIONS,INVITE")
                               << QByteArrayList{"MESSAGE", "OPTIONS", "INVITE"};
    QTest::addRow("rfc 20.5 Allow") << QByteArray("INVITE, ACK, OPTIONS, CANCEL, BYE")
                                    << QByteArrayList{"INVITE", "ACK", "OPTIONS", "CANCEL", "BYE"};
    QTest::addRow("single") << QByteArray("100rel") << QByteArrayList{"100rel"};
    QTest::addRow("option tags") << QByteArray("100rel, timer, path, gruu")
                                 << QByteArrayList{"100rel", "timer", "path", "gruu"};
    QTest::addRow("empty") << QByteArray() << QByteArrayList{};
    QTest::addRow("only LWS") << QByteArray(" \t ") << QByteArrayList{};
    QTest::addRow("LWS and folds")
        << QByteArray("  MESSAGE ,\r\n\tINVITE  ") << QByteArrayList{"MESSAGE", "INVITE"};
    QTest::addRow("case kept") << QByteArray("message, Invite")
                               << QByteArrayList{"message", "Invite"};
    QTest::addRow("token chars") << QByteArray("a-.!%*_+`'~9") << QByteArrayList{"a-.!%*_+`'~9"};
    QTest::addRow("duplicates kept")
        << QByteArray("timer, timer") << QByteArrayList{"timer", "timer"};
}

void tst_TokenList::rfc3261_20_5_tokenList()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArrayList, tokens);
    const char *why = nullptr;
    const auto list = parseTokenList(text, &why);
    QVERIFY2(list, why);
    QCOMPARE(*list, tokens);
}

void tst_TokenList::rfc3261_20_5_invalid_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::addRow("space inside") << QByteArray("a b");
    QTest::addRow("space inside second") << QByteArray("MESSAGE, OPT IONS");
    QTest::addRow("empty item") << QByteArray("a,,b");
    QTest::addRow("leading comma") << QByteArray(",a");
    QTest::addRow("trailing comma") << QByteArray("a,");
    QTest::addRow("only comma") << QByteArray(",");
    QTest::addRow("separator") << QByteArray("a;b");
    QTest::addRow("slash") << QByteArray("text/plain");
    QTest::addRow("quoted token") << QByteArray("MESSAGE, \"OPTIONS\"");
    QTest::addRow("angle brackets") << QByteArray("<MESSAGE>");
    QTest::addRow("utf-8") << QByteArray("M\xc3\x89SSAGE");
    // Unbalanced quotes or brackets make the whole list malformed (nothing
    // may be returned for them, not even the items before them).
    QTest::addRow("unterminated quote") << QByteArray("MESSAGE, \"OPTIONS");
    QTest::addRow("unterminated quote alone") << QByteArray("\"abc");
    QTest::addRow("unterminated angle") << QByteArray("a<b");
    QTest::addRow("stray closing angle") << QByteArray("a>b, c");
}

void tst_TokenList::rfc3261_20_5_invalid()
{
    QFETCH(QByteArray, text);
    const char *why = nullptr;
    const auto list = parseTokenList(text, &why);
    QVERIFY2(!list, list ? list->join('|').constData() : "");
    QVERIFY(why != nullptr);
    QVERIFY(*why != '\0');
    QVERIFY(!parseTokenList(text)); // a null `why` is allowed
}

QTEST_GUILESS_MAIN(tst_TokenList)
#include "tst_TokenList.moc"
