// SPDX-License-Identifier: GPL-3.0-or-later
// Stream framing for TCP/TLS (RFC 3261 §18.3) and CRLF keep-alives
// (RFC 5626 §4.4.1).

#include "message/Limits.h"
#include "message/Parser.h"
#include "message/StreamFramer.h"

#include <QTest>

using namespace sip;

namespace {

QByteArray message(const QByteArray &callId, const QByteArray &body)
{
    return "MESSAGE sip:bob@example.org SIP/2.0\r\n"
           "Via: SIP/2.0/TCP 192.0.2.9;branch=z9hG4bK" +
           callId +
           "\r\n"
           "From: <sip:alice@example.com>;tag=1\r\n"
           "To: <sip:bob@example.org>\r\n"
           "Call-ID: " +
           callId +
           "\r\n"
           "CSeq: 1 MESSAGE\r\n"
           "Content-Type: text/plain\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Drains every frame currently available.
QList<StreamFramer::Frame> drain(StreamFramer &framer)
{
    QList<StreamFramer::Frame> out;
    for (;;) {
        StreamFramer::Frame f = framer.next();
        if (f.kind == StreamFramer::Kind::NeedMore)
            return out;
        out.append(f);
        if (f.kind == StreamFramer::Kind::Error)
            return out;
    }
}

} // namespace

class tst_StreamFramer : public QObject
{
    Q_OBJECT

private slots:
    void rfc3261_18_3_splitsByContentLength_data();
    void rfc3261_18_3_splitsByContentLength();
    void rfc5626_4_4_1_keepAlives();
    void rfc3261_7_5_crlfBeforeStartLine();
    void crlfThenStrayCrIsIndependentOfChunking();
    void rfc3261_18_3_missingContentLengthIsFatal();
    void limits_headerSectionBounded();
    void limits_bodyBounded();
    void bodyContainingBlankLines();
    void errorIsSticky();
    void bufferIsReleased();
};

void tst_StreamFramer::rfc3261_18_3_splitsByContentLength_data()
{
    QTest::addColumn<int>("chunk");
    QTest::addRow("byte by byte") << 1;
    QTest::addRow("7-byte chunks") << 7;
    QTest::addRow("100-byte chunks") << 100;
    QTest::addRow("all at once") << 0; // 0: everything in one append
}

void tst_StreamFramer::rfc3261_18_3_splitsByContentLength()
{
    QFETCH(int, chunk);
    const QByteArray a = message("a1", "hello");
    const QByteArray b = message("b2", "");
    const QByteArray c = message("c3", QByteArray("Grüße 👋\r\n\r\nContent-Length: 99\r\n"));
    const QByteArray stream = a + b + "\r\n\r\n" + c;
    StreamFramer framer;
    QList<StreamFramer::Frame> frames;
    const int step = chunk > 0 ? chunk : int(stream.size());
    for (qsizetype i = 0; i < stream.size(); i += step) {
        framer.append(QByteArrayView(stream).sliced(i, qMin<qsizetype>(step, stream.size() - i)));
        frames += drain(framer);
    }
    // The messages come out whole and in order; the ping between them is
    // reported as a ping (byte by byte its first half shows as a pong).
    QList<QByteArray> messages;
    QList<StreamFramer::Kind> keepAlives;
    for (const StreamFramer::Frame &f : frames) {
        if (f.kind == StreamFramer::Kind::Message)
            messages.append(f.bytes);
        else
            keepAlives.append(f.kind);
    }
    QCOMPARE(messages, (QList<QByteArray>{a, b, c}));
    QVERIFY(keepAlives.contains(StreamFramer::Kind::Ping));
    QVERIFY(keepAlives.size() <= 2);
    QVERIFY(!keepAlives.contains(StreamFramer::Kind::Error));
    const ParseResult r = Parser::parse(messages[2], Parser::Framing::Stream);
    QVERIFY2(r.ok(), r.error.reasonPhrase().constData());
    QCOMPARE(r.message.callId(), QByteArrayView("c3"));
    QCOMPARE(framer.buffered(), 0);
}

void tst_StreamFramer::rfc5626_4_4_1_keepAlives()
{
    StreamFramer framer;
    framer.append("\r\n\r\n");
    QCOMPARE(framer.next().kind, StreamFramer::Kind::Ping);
    framer.append("\r\n");
    QCOMPARE(framer.next().kind, StreamFramer::Kind::Pong);
    // A ping split across reads is not mistaken for two pongs while it is
    // still incomplete.
    framer.append("\r\n\r");
    QCOMPARE(framer.next().kind, StreamFramer::Kind::NeedMore);
    framer.append("\n");
    QCOMPARE(framer.next().kind, StreamFramer::Kind::Ping);
    QCOMPARE(framer.next().kind, StreamFramer::Kind::NeedMore);
}

void tst_StreamFramer::rfc3261_7_5_crlfBeforeStartLine()
{
    StreamFramer framer;
    const QByteArray m = message("x", "x");
    framer.append("\r\n" + m);
    const auto frames = drain(framer);
    QCOMPARE(frames.size(), 2);
    QCOMPARE(frames[0].kind, StreamFramer::Kind::Pong);
    QCOMPARE(frames[1].bytes, m);
}

void tst_StreamFramer::crlfThenStrayCrIsIndependentOfChunking()
{
    // Found by fuzz_framer: "CRLF CR <byte>" after a message was framed
    // differently when the CRLF ended a read (pong) than when it arrived
    // with the rest (kept in front of the next message).
    const QByteArray m = message("s", "x");
    const QByteArray stream = m + "\r\n\r\x0c" + m;
    const auto framesOf = [&](qsizetype split) {
        StreamFramer framer;
        QList<QByteArray> messages;
        framer.append(QByteArrayView(stream).first(split));
        for (const auto &f : drain(framer))
            messages.append(f.kind == StreamFramer::Kind::Message ? f.bytes : QByteArray());
        framer.append(QByteArrayView(stream).sliced(split));
        for (const auto &f : drain(framer))
            messages.append(f.kind == StreamFramer::Kind::Message ? f.bytes : QByteArray());
        messages.removeAll(QByteArray());
        return messages;
    };
    const QList<QByteArray> whole = framesOf(stream.size());
    QCOMPARE(framesOf(m.size() + 2), whole);
    QCOMPARE(framesOf(m.size() + 3), whole);
    QCOMPARE(whole.size(), 2);
    QCOMPARE(whole[0], m);
    QVERIFY(whole[1].endsWith(m));
}

void tst_StreamFramer::rfc3261_18_3_missingContentLengthIsFatal()
{
    StreamFramer framer;
    QByteArray m = message("y", "");
    m.replace("Content-Length: 0\r\n", "");
    framer.append(m + "more bytes");
    const StreamFramer::Frame f = framer.next();
    QCOMPARE(f.kind, StreamFramer::Kind::Error);
    QCOMPARE(f.error.code, ParseError::Code::MissingContentLength);
    // The header section comes along so a 400 can still be answered.
    QVERIFY(f.bytes.startsWith("MESSAGE sip:bob@example.org SIP/2.0\r\n"));
    QVERIFY(framer.hasFailed());
}

void tst_StreamFramer::limits_headerSectionBounded()
{
    StreamFramer framer;
    const QByteArray junk(4096, 'j');
    StreamFramer::Frame f;
    // Garbage without an empty line: buffered only up to the limit.
    for (int i = 0; i < 100 && f.kind != StreamFramer::Kind::Error; ++i) {
        framer.append(junk);
        f = framer.next();
        QVERIFY(framer.buffered() <= limits::kMaxHeaderSectionSize + junk.size());
    }
    QCOMPARE(f.kind, StreamFramer::Kind::Error);
    QCOMPARE(f.error.code, ParseError::Code::TooLarge);
}

void tst_StreamFramer::limits_bodyBounded()
{
    StreamFramer framer;
    QByteArray m = message("z", "");
    m.replace("Content-Length: 0",
              "Content-Length: " + QByteArray::number(limits::kMaxStreamBodySize + 1));
    framer.append(m);
    const StreamFramer::Frame f = framer.next();
    QCOMPARE(f.kind, StreamFramer::Kind::Error);
    QCOMPARE(f.error.code, ParseError::Code::TooLarge);
    QCOMPARE(f.error.suggestedStatus(), 513);
}

void tst_StreamFramer::bodyContainingBlankLines()
{
    StreamFramer framer;
    const QByteArray body = "line1\r\n\r\nSIP/2.0 200 OK\r\n\r\n";
    const QByteArray m = message("w", body);
    framer.append(m.left(m.size() - 3));
    QCOMPARE(framer.next().kind, StreamFramer::Kind::NeedMore);
    framer.append(m.right(3));
    const StreamFramer::Frame f = framer.next();
    QCOMPARE(f.kind, StreamFramer::Kind::Message);
    QCOMPARE(f.bytes, m);
}

void tst_StreamFramer::errorIsSticky()
{
    StreamFramer framer;
    framer.append("GARBAGE\r\nNo-Length: here\r\n\r\n");
    QCOMPARE(framer.next().kind, StreamFramer::Kind::Error);
    framer.append(message("v", "ok"));
    QCOMPARE(framer.next().kind, StreamFramer::Kind::Error);
    QCOMPARE(framer.buffered(), 0);
}

void tst_StreamFramer::bufferIsReleased()
{
    // Thousands of messages through one framer: consumed bytes never pile up.
    StreamFramer framer;
    const QByteArray m = message("r", QByteArray(200, 'b'));
    int seen = 0;
    for (int i = 0; i < 5000; ++i) {
        framer.append(m);
        if (i % 3 == 2) {
            seen += int(drain(framer).size());
            QVERIFY(framer.buffered() == 0);
        }
    }
    seen += int(drain(framer).size());
    QCOMPARE(seen, 5000);
}

QTEST_GUILESS_MAIN(tst_StreamFramer)
#include "tst_StreamFramer.moc"
