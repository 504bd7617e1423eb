// SPDX-License-Identifier: GPL-3.0-or-later
#include "Profile.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace tidings {

Profile::Profile(Source source, const QString &directory)
    : m_source(source)
    , m_directory(QDir::cleanPath(QDir::current().absoluteFilePath(directory)))
{}

Profile Profile::resolve(const QString &commandLineDir, Fallback fallback)
{
    return resolve(commandLineDir, QProcessEnvironment::systemEnvironment(), fallback);
}

Profile Profile::resolve(const QString &commandLineDir, const QProcessEnvironment &environment,
                         Fallback fallback)
{
    if (!commandLineDir.isEmpty()) {
        return Profile(Source::CommandLine, commandLineDir);
    }
    const QString fromEnvironment = environment.value(QString::fromLatin1(environmentVariable));
    if (!fromEnvironment.isEmpty()) {
        return Profile(Source::Environment, fromEnvironment);
    }
    if (fallback == Fallback::StandardLocation) {
        const QString standard = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (!standard.isEmpty()) {
            return Profile(Source::StandardLocation, standard);
        }
    }
    return {};
}

QString Profile::filePath(const QString &fileName) const
{
    if (!isValid()) {
        return {};
    }
    return QDir(m_directory).filePath(fileName);
}

bool Profile::ensureExists(QString *errorMessage) const
{
    auto fail = [errorMessage](const QString &message) {
        if (errorMessage) {
            *errorMessage = message;
        }
        return false;
    };

    if (!isValid()) {
        return fail(tr("No profile directory was given."));
    }
    const QFileInfo info(m_directory);
    if (info.exists() && !info.isDir()) {
        return fail(tr("The profile path %1 exists but is not a directory.")
                        .arg(QDir::toNativeSeparators(m_directory)));
    }
    if (!info.exists() && !QDir().mkpath(m_directory)) {
        return fail(tr("Could not create the profile directory %1.")
                        .arg(QDir::toNativeSeparators(m_directory)));
    }
    if (!QFileInfo(m_directory).isWritable()) {
        return fail(tr("The profile directory %1 is not writable.")
                        .arg(QDir::toNativeSeparators(m_directory)));
    }
    return true;
}

} // namespace tidings
