// SPDX-License-Identifier: GPL-3.0-or-later
// UdpTransport on a real loopback socket (RFC 3261 §18): every datagram is
// handed up whole, from its real source, and costs only its own size in
// memory (a server transaction keeps the request for Timer J, 32 s: a
// 64 KiB read buffer kept per request would be tens of gigabytes under load).

#include "transport/UdpTransport.h"

#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace sip;

class tst_UdpTransport : public QObject
{
    Q_OBJECT

private slots:
    void datagramsArriveWholeWithTheirSource_data();
    void datagramsArriveWholeWithTheirSource();
    void receivedDatagramHoldsOnlyItsOwnSize();
};

void tst_UdpTransport::datagramsArriveWholeWithTheirSource_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("1 byte") << 1;
    QTest::newRow("500 bytes") << 500;
    QTest::newRow("1300 bytes (§18.1.1)") << 1300;
    QTest::newRow("65507 bytes (IPv4 maximum)") << 65507;
}

void tst_UdpTransport::datagramsArriveWholeWithTheirSource()
{
    QFETCH(int, size);
    UdpTransport udp;
    QString error;
    QVERIFY2(udp.bind(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    udp.setReceiveBufferSize(1 << 20);

    QList<QByteArray> got;
    Endpoint from;
    udp.setDatagramHandler([&](UdpTransport &, const QByteArray &datagram, const Endpoint &remote) {
        got << datagram;
        from = remote;
    });

    QByteArray payload(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        payload[i] = char('a' + i % 26);
    QUdpSocket sender;
    QVERIFY(sender.bind(QHostAddress::LocalHost, 0));
    QCOMPARE(sender.writeDatagram(payload, QHostAddress::LocalHost, udp.port()), qint64(size));
    QTRY_COMPARE(got.size(), 1);
    QCOMPARE(got.first(), payload);
    QCOMPARE(from.port, sender.localPort());
    QVERIFY(from.address.isEqual(QHostAddress::LocalHost));
}

void tst_UdpTransport::receivedDatagramHoldsOnlyItsOwnSize()
{
    UdpTransport udp;
    QString error;
    QVERIFY2(udp.bind(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QList<QByteArray> got;
    udp.setDatagramHandler(
        [&](UdpTransport &, const QByteArray &datagram, const Endpoint &) { got << datagram; });

    QUdpSocket sender;
    const QByteArray small(400, 'x');
    for (int i = 0; i < 3; ++i)
        sender.writeDatagram(small, QHostAddress::LocalHost, udp.port());
    QTRY_COMPARE(got.size(), 3);
    for (const QByteArray &d : got) {
        QCOMPARE(d, small);
        // Kept by the message (and its server transaction) as is.
        QVERIFY2(d.capacity() < 1024, qPrintable(QString::number(d.capacity())));
    }
}

QTEST_GUILESS_MAIN(tst_UdpTransport)
#include "tst_UdpTransport.moc"
