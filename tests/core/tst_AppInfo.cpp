// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QtTest>

using namespace tidings;

class TestAppInfo : public QObject
{
    Q_OBJECT

private slots:
    void identity()
    {
        QCOMPARE(AppInfo::id(), QStringLiteral("org.tidings.Tidings"));
        QCOMPARE(AppInfo::displayName(), QStringLiteral("Tidings"));
    }

    void versionComesFromTheProject()
    {
        static const QRegularExpression semver(QStringLiteral("^\\d+\\.\\d+\\.\\d+$"));
        QVERIFY2(semver.match(AppInfo::version()).hasMatch(), qPrintable(AppInfo::version()));
    }

    void applyToApplication()
    {
        AppInfo::applyToApplication();
        QCOMPARE(QCoreApplication::applicationName(), AppInfo::displayName());
        QCOMPARE(QCoreApplication::organizationName(), AppInfo::displayName());
        QCOMPARE(QCoreApplication::organizationDomain(), QStringLiteral("tidings.org"));
        QCOMPARE(QCoreApplication::applicationVersion(), AppInfo::version());
    }
};

QTEST_GUILESS_MAIN(TestAppInfo)
#include "tst_AppInfo.moc"
