// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Running the real tidings-cli executable from a test: one run to its end
// (runCli), or the JSON lines of a long-running one (nextJsonLine). The
// test target defines TIDINGS_CLI_PATH (the executable's path).

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>
#include <QUdpSocket>

namespace tidings::test {

inline QString cliPath()
{
    return QStringLiteral(TIDINGS_CLI_PATH);
}

// One finished run of tidings-cli.
struct CliRun
{
    // -1 when it did not end in time or crashed.
    int exitCode = -1;
    // The first line of stdout as JSON (send's result line).
    QJsonObject result;
    QString rawOut;
    QString err;

    // Every stdout line, each parsed as a JSON object (an empty object for a
    // line that is not one).
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> out;
        const QStringList texts = rawOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &text : texts)
            out << QJsonDocument::fromJson(text.toUtf8()).object();
        return out;
    }
};

// Runs tidings-cli to its end (killed after timeoutMs).
inline CliRun
runCli(const QStringList &arguments, int timeoutMs = 40000,
       const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(cliPath(), arguments);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.rawOut = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.result = QJsonDocument::fromJson(r.rawOut.section(QLatin1Char('\n'), 0, 0).toUtf8()).object();
    return r;
}

// A usage error of the contract: exit 2, nothing on stdout, and
// `expectedOnStderr` in the message on stderr.
inline void verifyUsageError(const CliRun &run, const QString &expectedOnStderr)
{
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.rawOut, QString());
    QVERIFY2(run.err.contains(expectedOnStderr), qPrintable(run.err));
}

// Reads the next JSON line a running tidings-cli prints (bytes read past it
// stay in `pending`); empty when none comes within timeoutMs, or when the
// line does not start with "event" as the contract shows every line.
inline QJsonObject nextJsonLine(QProcess &process, QByteArray &pending, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!pending.contains('\n') && t.elapsed() < timeoutMs &&
           process.state() == QProcess::Running) {
        process.waitForReadyRead(200);
        pending += process.readAllStandardOutput();
    }
    pending += process.readAllStandardOutput();
    const qsizetype nl = pending.indexOf('\n');
    if (nl < 0)
        return {};
    const QByteArray line = pending.left(nl);
    pending.remove(0, nl + 1);
    if (!line.startsWith("{\"event\":"))
        return {};
    return QJsonDocument::fromJson(line).object();
}

// The host can use ::1 (a kernel without IPv6, or with it disabled on lo,
// cannot bind there).
inline bool ipv6LoopbackAvailable()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress::LocalHostIPv6, 0);
}

} // namespace tidings::test
