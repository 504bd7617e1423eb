// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "Profile.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace tidings;

Q_DECLARE_METATYPE(tidings::Profile::Source)
Q_DECLARE_METATYPE(tidings::Profile::Fallback)

class TestProfile : public QObject
{
    Q_OBJECT

private:
    static QString standardLocation()
    {
        return QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    }

private slots:
    void initTestCase()
    {
        // Keep the standard location away from the user's real data.
        QStandardPaths::setTestModeEnabled(true);
        AppInfo::applyToApplication();
        QVERIFY(!standardLocation().isEmpty());
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("commandLine");
        QTest::addColumn<QString>("environment"); // null: variable not set
        QTest::addColumn<Profile::Fallback>("fallback");
        QTest::addColumn<Profile::Source>("expectedSource");
        QTest::addColumn<QString>("expectedDirectory"); // "<standard>" for the default

        const auto standard = Profile::Fallback::StandardLocation;
        const auto none = Profile::Fallback::None;

        QTest::newRow("command line wins over environment")
            << "/tmp/a"
            << "/tmp/b" << standard << Profile::Source::CommandLine << "/tmp/a";
        QTest::newRow("command line without environment")
            << "/tmp/a" << QString() << none << Profile::Source::CommandLine << "/tmp/a";
        QTest::newRow("environment when no command line")
            << QString() << "/tmp/b" << standard << Profile::Source::Environment << "/tmp/b";
        QTest::newRow("environment, CLI fallback")
            << QString() << "/tmp/b" << none << Profile::Source::Environment << "/tmp/b";
        QTest::newRow("empty environment counts as unset")
            << QString() << "" << standard << Profile::Source::StandardLocation << "<standard>";
        QTest::newRow("standard location last")
            << QString() << QString() << standard << Profile::Source::StandardLocation
            << "<standard>";
        QTest::newRow("CLI without profile stores nothing")
            << QString() << QString() << none << Profile::Source::None << QString();
        QTest::newRow("path is cleaned")
            << "/tmp/x/../a//b/" << QString() << none << Profile::Source::CommandLine << "/tmp/a/b";
    }

    void resolve()
    {
        QFETCH(QString, commandLine);
        QFETCH(QString, environment);
        QFETCH(Profile::Fallback, fallback);
        QFETCH(Profile::Source, expectedSource);
        QFETCH(QString, expectedDirectory);

        QProcessEnvironment env;
        if (!environment.isNull()) {
            env.insert(QString::fromLatin1(Profile::environmentVariable), environment);
        }
        if (expectedDirectory == QLatin1String("<standard>")) {
            expectedDirectory = standardLocation();
        }

        const Profile profile = Profile::resolve(commandLine, env, fallback);
        QCOMPARE(profile.source(), expectedSource);
        QCOMPARE(profile.isValid(), expectedSource != Profile::Source::None);
        QCOMPARE(profile.directory(), expectedDirectory);
    }

    void relativePathIsMadeAbsolute()
    {
        const Profile profile = Profile::resolve(QStringLiteral("rel/dir"), QProcessEnvironment(),
                                                 Profile::Fallback::None);
        QVERIFY(QDir::isAbsolutePath(profile.directory()));
        QCOMPARE(profile.directory(), QDir::cleanPath(QDir::current().absoluteFilePath("rel/dir")));
    }

    void readsTheProcessEnvironment()
    {
        const QByteArray saved = qgetenv(Profile::environmentVariable);
        qputenv(Profile::environmentVariable, "/tmp/from-env");
        const Profile profile = Profile::resolve(QString());
        if (saved.isNull()) {
            qunsetenv(Profile::environmentVariable);
        } else {
            qputenv(Profile::environmentVariable, saved);
        }
        QCOMPARE(profile.source(), Profile::Source::Environment);
        QCOMPARE(profile.directory(), QStringLiteral("/tmp/from-env"));
    }

    void filePath()
    {
        const Profile profile = Profile::resolve(QStringLiteral("/tmp/p"), QProcessEnvironment(),
                                                 Profile::Fallback::None);
        QCOMPARE(profile.filePath(QStringLiteral("tidings.sqlite")),
                 QStringLiteral("/tmp/p/tidings.sqlite"));
        QCOMPARE(Profile().filePath(QStringLiteral("x")), QString());
    }

    void ensureExistsCreatesDirectories()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dir = tmp.filePath(QStringLiteral("a/b/profile"));
        const Profile profile =
            Profile::resolve(dir, QProcessEnvironment(), Profile::Fallback::None);
        QString error;
        QVERIFY2(profile.ensureExists(&error), qPrintable(error));
        QVERIFY(QFileInfo(dir).isDir());
        // Idempotent.
        QVERIFY2(profile.ensureExists(&error), qPrintable(error));
    }

    void ensureExistsRejectsAFile()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString path = tmp.filePath(QStringLiteral("file"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        QString error;
        QVERIFY(!Profile::resolve(path, QProcessEnvironment(), Profile::Fallback::None)
                     .ensureExists(&error));
        QVERIFY2(error.contains(QStringLiteral("not a directory")), qPrintable(error));
    }

    void ensureExistsWithoutProfile()
    {
        QString error;
        QVERIFY(!Profile().ensureExists(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!Profile().ensureExists()); // error message is optional
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_Profile.moc"
