// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseFile.h"

#include <QFile>
#include <QFileInfo>

namespace tidings {

namespace {

constexpr qsizetype kHeaderSize = 100;
constexpr char kMagic[] = "SQLite format 3"; // followed by a NUL: 16 bytes

quint32 bigEndian32(const QByteArray &bytes, qsizetype offset)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData() + offset);
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

} // namespace

DatabaseFile DatabaseFile::inspect(const QString &path)
{
    DatabaseFile out;
    const QFileInfo info(path);
    if (!info.exists()) {
        out.m_state = State::Missing;
        return out;
    }
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        out.m_state = State::Unreadable;
        return out;
    }
    out.m_size = file.size();
    if (out.m_size == 0) {
        out.m_state = State::Empty;
        return out;
    }
    const QByteArray header = file.read(kHeaderSize);
    const qsizetype magicSize = qsizetype(sizeof(kMagic)); // with the NUL
    const QByteArray magic(kMagic, magicSize);
    if (header.size() < magicSize || !header.startsWith(magic)) {
        out.m_state = State::NotSqlite;
        return out;
    }
    if (header.size() < kHeaderSize) {
        out.m_state = State::Damaged;
        out.m_damage = tr("the file is shorter than an SQLite header");
        return out;
    }

    // Offset 16: page size, big-endian; 1 means 65536.
    int pageSize =
        (static_cast<unsigned char>(header[16]) << 8) | static_cast<unsigned char>(header[17]);
    if (pageSize == 1) {
        pageSize = 65536;
    }
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0) {
        out.m_state = State::Damaged;
        out.m_damage = tr("the header names an impossible page size");
        return out;
    }
    out.m_pageSize = pageSize;
    out.m_walMode = header[18] == 2 && header[19] == 2;

    // Offset 28: the in-header database size, valid only when non-zero and
    // the change counter (offset 24) equals version-valid-for (offset 92).
    const quint32 pages = bigEndian32(header, 28);
    if (pages != 0 && bigEndian32(header, 24) == bigEndian32(header, 92)) {
        out.m_headerPageCount = pages;
    }

    // A WAL file may still hold pages the main file has not received; only
    // SQLite can tell then, so the size checks apply without one.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool walPending = wal.exists() && wal.size() > 0;
    if (!walPending) {
        if (out.m_size % pageSize != 0) {
            out.m_state = State::Damaged;
            out.m_damage = tr("the file ends in the middle of a page (it was cut short)");
            return out;
        }
        if (out.m_headerPageCount > 0 && out.m_size < out.m_headerPageCount * pageSize) {
            out.m_state = State::Damaged;
            out.m_damage = tr("the file is shorter than its header says (it was cut short)");
            return out;
        }
    }
    out.m_state = State::Valid;
    return out;
}

} // namespace tidings
