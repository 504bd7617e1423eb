// SPDX-License-Identifier: GPL-3.0-or-later
// The Inbox: incoming MESSAGEs of one burst committed in ONE transaction,
// then signalled, then answered; retransmissions stored once (RFC 3261
// §8.2.2.2, §17.2.3); 500 + Retry-After when storing fails (§21.5.1,
// §20.33); blocked contacts answered 603 (§21.6.2) or silently 200. A real
// SQLite file in a temporary directory; the requests are parsed from wire
// text and the answers captured (no sockets).

#include "StoreTestSupport.h"
#include "message/Parser.h"
#include "messenger/Inbox.h"
#include "store/ContactStore.h"
#include "store/ConversationStore.h"
#include "store/MessageStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

Q_DECLARE_METATYPE(tidings::Account::BlockedAnswer)

using namespace tidings;
using namespace tidings::test;

namespace {

struct Request
{
    QByteArray callId = "c1";
    QByteArray fromTag = "t1";
    quint32 cseq = 1;
    QByteArray body = "hello";
    QByteArray from = "\"Alice\" <sip:alice@127.0.0.1>";
    QByteArray contentType = "text/plain;charset=UTF-8";
    QByteArray extraHeaders;
};

sip::IncomingMessage incomingRequest(quint64 serverId, const Request &r)
{
    const QByteArray wire = "MESSAGE sip:bob@127.0.0.1 SIP/2.0\r\n"
                            "Via: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK" +
                            QByteArray::number(serverId) +
                            "\r\n"
                            "From: " +
                            r.from + ";tag=" + r.fromTag +
                            "\r\n"
                            "To: <sip:bob@127.0.0.1>\r\n"
                            "Call-ID: " +
                            r.callId +
                            "\r\n"
                            "CSeq: " +
                            QByteArray::number(r.cseq) + " MESSAGE\r\n" + r.extraHeaders +
                            "Content-Type: " + r.contentType +
                            "\r\n"
                            "Content-Length: " +
                            QByteArray::number(r.body.size()) + "\r\n\r\n" + r.body;
    sip::ParseResult parsed = sip::Parser::parseDatagram(wire);
    if (!parsed.ok()) {
        qFatal("fixture does not parse");
    }
    sip::IncomingMessage m;
    m.serverId = serverId;
    m.received.message = parsed.message;
    m.received.remote = {sip::TransportType::Udp, QHostAddress::LocalHost, 5062};
    m.text = QString::fromUtf8(r.body);
    m.contentType = parsed.message.contentType().essence();
    return m;
}

struct Answered
{
    quint64 serverId = 0;
    int status = 0;
    QByteArray reason;
    Inbox::Headers headers;
    // Messages the inbox had signalled as stored when this answer went out.
    int signalledBefore = 0;
};

// An Inbox on a temporary profile, its answers captured.
class Fixture
{
public:
    Fixture()
        : inbox(profile.db(), profile.accountId(),
                [this](quint64 id, int status, const QByteArray &reason,
                       const Inbox::Headers &headers) {
                    answers.append({id, status, reason, headers, signalled});
                })
    {
        QObject::connect(&inbox, &Inbox::messagesStored,
                         [this](const QList<StoredMessage> &m) { signalled += int(m.size()); });
    }

    qint64 rows()
    {
        QSqlQuery q(profile.db().connection());
        q.exec(QStringLiteral("SELECT count(*) FROM messages"));
        return q.next() ? q.value(0).toLongLong() : -1;
    }

    TempProfile profile;
    QList<Answered> answers;
    int signalled = 0;
    Inbox inbox;
};

} // namespace

class tst_Inbox : public QObject
{
    Q_OBJECT

private slots:
    void groupCommit_oneBatchThenAnswers();
    void rfc3261_8_2_2_2_sameIdentityStoredOnce_data();
    void rfc3261_8_2_2_2_sameIdentityStoredOnce();
    void storesWhatTheRequestSays();
    void msiloOfflineMessageDeliveredLate();
    void blockedContact_data();
    void blockedContact();
    void displayNameNamesTheConversationNotTheAddressBook();
    void rfc3261_21_5_1_storeFailureGets500WithRetryAfter();
    void pendingMessagesAnsweredOnDestruction();
};

void tst_Inbox::groupCommit_oneBatchThenAnswers()
{
    Fixture f;
    QVERIFY2(f.profile.isValid(), qPrintable(f.profile.error()));
    QSignalSpy stored(&f.inbox, &Inbox::messagesStored);
    for (quint64 i = 1; i <= 50; ++i) {
        Request r;
        r.callId = "burst-" + QByteArray::number(i);
        f.inbox.add(incomingRequest(i, r));
    }
    // Nothing is answered while the burst is being read.
    QCOMPARE(f.answers.size(), 0);
    QCOMPARE(f.inbox.pending(), 50);
    QTRY_COMPARE_WITH_TIMEOUT(f.answers.size(), 50, 10000);
    // One commit, one signal with all fifty, and every 200 after it.
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0][0].value<QList<StoredMessage>>().size(), 50);
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(f.answers[i].serverId, quint64(i + 1)); // in arrival order
        QCOMPARE(f.answers[i].status, 200);
        QCOMPARE(f.answers[i].signalledBefore, 50);
    }
    QCOMPARE(f.rows(), 50);
    QCOMPARE(f.inbox.pending(), 0);
}

void tst_Inbox::rfc3261_8_2_2_2_sameIdentityStoredOnce_data()
{
    QTest::addColumn<QByteArray>("callId");
    QTest::addColumn<QByteArray>("fromTag");
    QTest::addColumn<quint32>("cseq");
    QTest::addColumn<bool>("sameBurst");
    QTest::addColumn<int>("rows");
    QTest::addRow("§17.2.3 retransmission, a later burst")
        << QByteArray("c1") << QByteArray("t1") << 1u << false << 1;
    QTest::addRow("§8.2.2.2 merged request, same burst")
        << QByteArray("c1") << QByteArray("t1") << 1u << true << 1;
    QTest::addRow("another CSeq is another message")
        << QByteArray("c1") << QByteArray("t1") << 2u << false << 2;
    QTest::addRow("another From tag is another message")
        << QByteArray("c1") << QByteArray("t2") << 1u << true << 2;
    QTest::addRow("another Call-ID is another message")
        << QByteArray("c2") << QByteArray("t1") << 1u << false << 2;
}

void tst_Inbox::rfc3261_8_2_2_2_sameIdentityStoredOnce()
{
    QFETCH(QByteArray, callId);
    QFETCH(QByteArray, fromTag);
    QFETCH(quint32, cseq);
    QFETCH(bool, sameBurst);
    QFETCH(int, rows);
    Fixture f;
    QVERIFY2(f.profile.isValid(), qPrintable(f.profile.error()));
    f.inbox.add(incomingRequest(1, Request{}));
    if (!sameBurst) {
        QTRY_COMPARE_WITH_TIMEOUT(f.answers.size(), 1, 10000);
    }
    Request again;
    again.callId = callId;
    again.fromTag = fromTag;
    again.cseq = cseq;
    f.inbox.add(incomingRequest(2, again));
    QTRY_COMPARE_WITH_TIMEOUT(f.answers.size(), 2, 10000);
    QCOMPARE(f.answers[0].status, 200);
    QCOMPARE(f.answers[1].status, 200); // answered 200 again
    QCOMPARE(f.rows(), rows);
    QCOMPARE(f.signalled, rows); // a duplicate is not signalled again
}

void tst_Inbox::storesWhatTheRequestSays()
{
    Fixture f;
    QVERIFY2(f.profile.isValid(), qPrintable(f.profile.error()));
    QSignalSpy requests(&f.inbox, &Inbox::requestsStored);
    Request r;
    r.callId = "fields@127.0.0.1";
    r.fromTag = "ftag";
    r.cseq = 7;
    r.body = "Grüße ✓ 你好";
    r.extraHeaders = "Date: Sat, 28 Nov 2026 23:00:00 GMT\r\n";
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    f.inbox.add(incomingRequest(1, r));
    QTRY_COMPARE_WITH_TIMEOUT(requests.size(), 1, 10000);
    const auto list = requests[0][0].value<QList<StoredRequest>>();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].request.serverId, quint64(1));
    const StoredMessage &m = list[0].message;
    QVERIFY(m.id > 0);
    QCOMPARE(m.accountId, f.profile.accountId());
    QCOMPARE(m.peerUri, QStringLiteral("sip:alice@127.0.0.1"));
    QCOMPARE(m.direction, Direction::Incoming);
    QCOMPARE(m.state, DeliveryState::Received);
    QCOMPARE(m.body, QStringLiteral("Grüße ✓ 你好"));
    QCOMPARE(m.contentType, QStringLiteral("text/plain"));
    QCOMPARE(m.callId, QStringLiteral("fields@127.0.0.1"));
    QCOMPARE(m.fromTag, QStringLiteral("ftag"));
    QCOMPARE(m.cseq, 7);
    QCOMPARE(m.serverDate, QDateTime(QDate(2026, 11, 28), QTime(23, 0), Qt::UTC));
    QVERIFY(m.receivedAt >= before && m.receivedAt <= QDateTime::currentDateTimeUtc());
    QVERIFY(!m.deliveredLate);
    QVERIFY(!m.sentAt.isValid());
    // What the signal said is what the store has.
    auto found = MessageStore(f.profile.db()).find(m.id);
    QVERIFY(found.ok());
    QCOMPARE(found.value().body, m.body);
    QCOMPARE(found.value().callId, m.callId);
    QCOMPARE(found.value().conversationId, m.conversationId);
}

void tst_Inbox::msiloOfflineMessageDeliveredLate()
{
    Fixture f;
    QVERIFY2(f.profile.isValid(), qPrintable(f.profile.error()));
    QSignalSpy stored(&f.inbox, &Inbox::messagesStored);
    // What Kamailio's msilo (add_date=1) sends from a server in UTC+01:00:
    // the prefix in local time, the same instant as Date in GMT.
    Request r;
    r.body = "[Offline message - Sun Nov 29 01:18:54 2026] Später: Grüße ✓ 你好";
    r.contentType = "text/plain";
    r.extraHeaders = "Date: Sun, 29 Nov 2026 00:18:54 GMT\r\n";
    f.inbox.add(incomingRequest(1, r));
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 10000);
    const StoredMessage m = stored[0][0].value<QList<StoredMessage>>().constFirst();
    QCOMPARE(m.body, QStringLiteral("Später: Grüße ✓ 你好"));
    QVERIFY(m.deliveredLate);
    QCOMPARE(m.sentAt, QDateTime(QDate(2026, 11, 29), QTime(0, 18, 54), Qt::UTC));
    auto found = MessageStore(f.profile.db()).find(m.id);
    QVERIFY(found.ok());
    QVERIFY(found.value().deliveredLate);
    QCOMPARE(found.value().sentAt, m.sentAt);
    QCOMPARE(found.value().body, m.body);
}

void tst_Inbox::blockedContact_data()
{
    QTest::addColumn<Account::BlockedAnswer>("answer");
    QTest::addColumn<int>("status");
    QTest::addRow("RFC 3261 §21.6.2 603 Decline (default)")
        << Account::BlockedAnswer::Decline << 603;
    QTest::addRow("silently 200") << Account::BlockedAnswer::SilentAccept << 200;
}

void tst_Inbox::blockedContact()
{
    QFETCH(Account::BlockedAnswer, answer);
    QFETCH(int, status);
    Fixture f;
    QVERIFY2(f.profile.isValid(), qPrintable(f.profile.error()));
    QCOMPARE(f.inbox.blockedAnswer(), Account::BlockedAnswer::Decline);
    f.inbox.setBlockedAnswer(answer);
    Contact spammer;
    spammer.accountId = f.profile.accountId();
    // Another spelling of the same address (host case): the same contact.
    spammer.uri = QStringLiteral("sip:spam@EXAMPLE.com");
    spammer.blocked = true;
    QVERIFY(ContactStore(f.profile.db()).add(spammer).ok());

    Request blocked;
    blocked.callId = "blocked";
    blocked.from = "\"Spam\" <sip:spam@example.com>";
    f.inbox.add(incomingRequest(1, blocked));
    Request friendly;
    friendly.callId = "friend";
    f.inbox.add(incomingRequest(2, friendly));
    QTRY_COMPARE_WITH_TIMEOUT(f.answers.size(), 2, 10000);
    QCOMPARE(f.answers[0].status, status);
    QCOMPARE(f.answers[1].status, 200);
    QCOMPARE(f.rows(), 1);    // the blocked one is not stored
    QCOMPARE(f.signalled, 1); // nor shown
}

void tst_Inbox::displayNameNamesTheConversationNotTheAddressBook()
{
    Fixture f;
    QVERIFY2(f.profile.isValid(), qPrintable(f.profile.error()));
    ContactStore contacts(f.profile.db());
    Contact known;
    known.accountId = f.profile.accountId();
    known.uri = QStringLiteral("sip:carol@127.0.0.1");
    known.displayName = QStringLiteral("Carol (work)");
    QVERIFY(contacts.add(known).ok());

    Request alice; // "Alice", not in the address book
    alice.callId = "a";
    Request carol;
    carol.callId = "c";
    carol.from = "\"Caroline\" <sip:carol@127.0.0.1>";
    Request anonymous;
    anonymous.callId = "n";
    anonymous.from = "<sip:nobody@127.0.0.1>";
    f.inbox.add(incomingRequest(1, alice));
    f.inbox.add(incomingRequest(2, carol));
    f.inbox.add(incomingRequest(3, anonymous));
    QTRY_COMPARE_WITH_TIMEOUT(f.answers.size(), 3, 10000);
    QCOMPARE(f.rows(), 3);

    // A stranger's name does not make them a contact (the address book is
    // the user's), but it names their conversation.
    auto a = contacts.findByUri(f.profile.accountId(), QStringLiteral("sip:alice@127.0.0.1"));
    QVERIFY(a.ok() && !a.value());
    auto listed = ConversationStore(f.profile.db()).list(f.profile.accountId());
    QVERIFY(listed.ok());
    QHash<QString, Conversation> byUri;
    for (const Conversation &c : listed.value())
        byUri.insert(c.peerUri, c);
    QCOMPARE(byUri.size(), 3);
    const Conversation ca = byUri.value(QStringLiteral("sip:alice@127.0.0.1"));
    QCOMPARE(ca.peerDisplayName, QStringLiteral("Alice"));
    QCOMPARE(ca.contactId, 0);
    QCOMPARE(ca.name(), QStringLiteral("Alice"));
    const Conversation cc = byUri.value(QStringLiteral("sip:carol@127.0.0.1"));
    QCOMPARE(cc.peerDisplayName, QStringLiteral("Caroline"));
    QCOMPARE(cc.name(), QStringLiteral("Carol (work)")); // the user's name wins
    QVERIFY(cc.contactId != 0);
    const Conversation cn = byUri.value(QStringLiteral("sip:nobody@127.0.0.1"));
    QVERIFY(cn.name().isEmpty()); // nothing to name it with
    QCOMPARE(cn.lastDirection, Direction::Incoming);
    QVERIFY(cn.lastMessageId != 0);
    QCOMPARE(cn.unreadCount, 1);
}

void tst_Inbox::rfc3261_21_5_1_storeFailureGets500WithRetryAfter()
{
    Fixture f;
    QVERIFY2(f.profile.isValid(), qPrintable(f.profile.error()));
    QSignalSpy failed(&f.inbox, &Inbox::storeFailed);
    QSignalSpy stored(&f.inbox, &Inbox::messagesStored);
    f.inbox.add(incomingRequest(1, Request{}));
    QTRY_COMPARE_WITH_TIMEOUT(f.answers.size(), 1, 10000);
    QCOMPARE(f.answers[0].status, 200);

    // The file may not grow: SQLITE_FULL, as on a full disk.
    QSqlQuery limit(f.profile.db().connection());
    QVERIFY(limit.exec(QStringLiteral("PRAGMA page_count")) && limit.next());
    const qint64 pages = limit.value(0).toLongLong();
    QVERIFY(limit.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
    for (quint64 i = 2; i <= 40; ++i) {
        Request big;
        big.callId = "full-" + QByteArray::number(i);
        big.body = QByteArray(3000, 'x');
        f.inbox.add(incomingRequest(i, big));
    }
    f.inbox.add(incomingRequest(41, Request{})); // the stored one again
    QTRY_COMPARE_WITH_TIMEOUT(f.answers.size(), 41, 10000);
    for (int i = 1; i < 40; ++i) {
        QCOMPARE(f.answers[i].status, 500); // never a 2xx
        QCOMPARE(f.answers[i].headers,
                 Inbox::Headers({{QByteArray("Retry-After"), QByteArray("30")}}));
    }
    QCOMPARE(f.answers[40].status, 200); // stored before: still safe to confirm
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed[0][0].toString().contains(QStringLiteral("full")),
             qPrintable(failed[0][0].toString()));
    QCOMPARE(stored.size(), 1); // only the first burst
    QCOMPARE(f.rows(), 1);

    // Room again: the sender's retry is stored and answered 200.
    QVERIFY(limit.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
    Request retried;
    retried.callId = "full-2";
    retried.body = QByteArray(3000, 'x');
    f.inbox.add(incomingRequest(42, retried));
    QTRY_COMPARE_WITH_TIMEOUT(f.answers.size(), 42, 10000);
    QCOMPARE(f.answers[41].status, 200);
    QCOMPARE(f.rows(), 2);
    QVERIFY(f.profile.db().checkIntegrity().ok());
}

void tst_Inbox::pendingMessagesAnsweredOnDestruction()
{
    TempProfile profile;
    QVERIFY2(profile.isValid(), qPrintable(profile.error()));
    QList<int> statuses;
    {
        Inbox inbox(profile.db(), profile.accountId(),
                    [&statuses](quint64, int status, const QByteArray &, const Inbox::Headers &) {
                        statuses.append(status);
                    });
        inbox.add(incomingRequest(1, Request{}));
        QCOMPARE(statuses.size(), 0);
    }
    QCOMPARE(statuses, QList<int>{200});
    QCOMPARE(MessageStore(profile.db()).history({}, 0).value().size(), 1);
}

QTEST_GUILESS_MAIN(tst_Inbox)
#include "tst_Inbox.moc"
