// SPDX-License-Identifier: GPL-3.0-or-later
#include "WriterLock.h"

#include <QDir>
#include <QSysInfo>

namespace tidings {

WriterLock::WriterLock(const QString &path)
    : m_path(path)
    , m_lock(path)
{
    // Never treat a lock as stale because of its age: a writer may run for
    // months. Staleness is decided by the holder's process id alone.
    m_lock.setStaleLockTime(0);
}

WriterLock::~WriterLock()
{
    m_lock.unlock();
}

StoreResult<std::unique_ptr<WriterLock>> WriterLock::acquire(const QString &profileDirectory)
{
    const QString path = QDir(profileDirectory).filePath(QString::fromLatin1(fileName));
    std::unique_ptr<WriterLock> lock(new WriterLock(path));
    if (lock->m_lock.tryLock(0)) {
        return lock;
    }
    const QString profile = QDir::toNativeSeparators(profileDirectory);
    switch (lock->m_lock.error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString application;
        if (!lock->m_lock.getLockInfo(&pid, &host, &application)) {
            return StoreError(StoreError::Code::Locked,
                              tr("The profile %1 is already open for writing in another "
                                 "program. Only one program at a time can write to a profile.")
                                  .arg(profile));
        }
        if (application.isEmpty()) {
            application = tr("another program");
        }
        QString holder = tr("%1 (process %2)").arg(application).arg(pid);
        if (!host.isEmpty() && host != QSysInfo::machineHostName()) {
            holder = tr("%1 (process %2 on %3)").arg(application).arg(pid).arg(host);
        }
        return StoreError(StoreError::Code::Locked,
                          tr("The profile %1 is already open for writing by %2. Only one "
                             "program at a time can write to a profile; close it first. "
                             "Reading the history still works.")
                              .arg(profile, holder));
    }
    case QLockFile::PermissionError:
        return StoreError(StoreError::Code::ReadOnly,
                          tr("Cannot write to the profile %1: permission denied.").arg(profile));
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    return StoreError(StoreError::Code::Io,
                      tr("Cannot lock the profile %1 for writing.").arg(profile));
}

} // namespace tidings
