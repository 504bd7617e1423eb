// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Scans every file under a directory (a profile) for some bytes: a test that
// a secret never reaches the disk.

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QStringList>

namespace tidings::test {

struct ScanResult
{
    int files = 0;          // files read
    QStringList containing; // files holding one of the needles
    QStringList unreadable; // files that could not be opened
};

inline ScanResult scanFiles(const QString &directory, const QList<QByteArray> &needles)
{
    ScanResult result;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            result.unreadable.append(path);
            continue;
        }
        const QByteArray bytes = f.readAll();
        ++result.files;
        for (const QByteArray &needle : needles) {
            if (bytes.contains(needle)) {
                result.containing.append(path);
                break;
            }
        }
    }
    return result;
}

} // namespace tidings::test
