// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreResult.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

#include <memory>

namespace tidings {

// The one-writer-per-profile rule: a lock file in the profile directory, held
// for as long as a writing Database is open. A second writer (another process,
// or another Database in this one) is refused with a message naming the
// holder. A lock left behind by a process that died (SIGKILL, power loss) is
// recognised as stale by its process id and taken over.
class WriterLock
{
    Q_DECLARE_TR_FUNCTIONS(WriterLock)

public:
    static constexpr const char *fileName = "tidings.lock";

    static StoreResult<std::unique_ptr<WriterLock>> acquire(const QString &profileDirectory);

    ~WriterLock();
    WriterLock(const WriterLock &) = delete;
    WriterLock &operator=(const WriterLock &) = delete;

    QString filePath() const { return m_path; }

private:
    explicit WriterLock(const QString &path);

    QString m_path;
    QLockFile m_lock;
};

} // namespace tidings
