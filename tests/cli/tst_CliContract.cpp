// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"

#include <QProcess>
#include <QtTest>

using namespace tidings;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs tidings-cli with the given arguments and a fixed language.
Run runCli(const QStringList &arguments, const QString &lang = QStringLiteral("C"))
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANGUAGE"}) {
        env.remove(QString::fromLatin1(name));
    }
    env.insert(QStringLiteral("LANG"), lang);

    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TIDINGS_CLI_PATH), arguments);
    Run run;
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCliContract : public QObject
{
    Q_OBJECT

private slots:
    void version()
    {
        const Run run = runCli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("tidings-cli %1\n").arg(AppInfo::version()));
        QCOMPARE(run.err, QString());
    }

    void help()
    {
        for (const QString &option : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Run run = runCli({option});
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.out.startsWith(QStringLiteral("Usage: tidings-cli")), qPrintable(run.out));
            QVERIFY(run.out.contains(QStringLiteral("--version")));
            // listen --register and what it prints, as the contract says.
            for (const char *part :
                 {"--register [--registrar URI] [--auth-user U --password-env VAR]",
                  "{\"event\":\"registered\",\"aor\":...,\"expires\":N}", "\"registration_failed\"",
                  "{\"event\":\"unregistered\"}", "130 for SIGINT, 143 for SIGTERM"})
                QVERIFY2(run.out.contains(QLatin1String(part)), part);
            QVERIFY(!run.out.contains(QStringLiteral("Not yet available: --register")));
            QCOMPARE(run.err, QString());
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expectedOnStderr");

        QTest::newRow("no arguments") << QStringList() << "Usage: tidings-cli";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << "unknown command";
        QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "unknown option";
        QTest::newRow("version with extra argument")
            << QStringList{"--version", "extra"} << "--version takes no arguments";
        QTest::newRow("listen --registrar without --register")
            << QStringList{"listen",          "--aor",       "sip:bob@127.0.0.1", "--bind",
                           "udp:127.0.0.1:0", "--registrar", "sip:127.0.0.1"}
            << "--registrar only applies with --register";
        QTest::newRow("listen --register with an unset password variable")
            << QStringList{"listen",
                           "--aor",
                           "sip:bob@127.0.0.1",
                           "--bind",
                           "udp:127.0.0.1:0",
                           "--register",
                           "--password-env",
                           "TIDINGS_CONTRACT_UNSET"}
            << "TIDINGS_CONTRACT_UNSET is not set";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expectedOnStderr);

        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.contains(expectedOnStderr), qPrintable(run.err));
    }

    void translatedForGermanUsers()
    {
        const Run run = runCli({QStringLiteral("frobnicate")}, QStringLiteral("de_DE.UTF-8"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("unbekannter Befehl")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliContract)
#include "tst_CliContract.moc"
