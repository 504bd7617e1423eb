// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

namespace tidings {

// The profile directory: where one user's database, settings and state live.
//
// Resolution order (docs/ARCHITECTURE.md, app/core):
//   1. a directory given on the command line (--profile DIR),
//   2. the TIDINGS_PROFILE environment variable,
//   3. QStandardPaths::AppDataLocation — only with Fallback::StandardLocation.
//      The CLI uses Fallback::None: without --profile or TIDINGS_PROFILE it
//      stores nothing.
// Empty values count as not given. Relative paths are made absolute against
// the current directory. Resolving never touches the file system;
// ensureExists() creates the directory.
class Profile
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    enum class Source
    {
        None,
        CommandLine,
        Environment,
        StandardLocation,
    };

    enum class Fallback
    {
        StandardLocation,
        None,
    };

    static constexpr const char *environmentVariable = "TIDINGS_PROFILE";

    Profile() = default;

    static Profile resolve(const QString &commandLineDir,
                           Fallback fallback = Fallback::StandardLocation);
    static Profile resolve(const QString &commandLineDir, const QProcessEnvironment &environment,
                           Fallback fallback = Fallback::StandardLocation);

    // False only for Source::None (no profile: store nothing).
    bool isValid() const { return m_source != Source::None; }
    Source source() const { return m_source; }
    // Absolute, cleaned path; empty when !isValid().
    QString directory() const { return m_directory; }
    // Path of a file inside the profile directory.
    QString filePath(const QString &fileName) const;

    // Creates the directory (and parents) if needed. On failure returns false
    // and, when errorMessage is given, sets it to a sentence a user understands.
    bool ensureExists(QString *errorMessage = nullptr) const;

private:
    Profile(Source source, const QString &directory);

    Source m_source = Source::None;
    QString m_directory;
};

} // namespace tidings
