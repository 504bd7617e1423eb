// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryExporter.h"

#include "Database.h"
#include "DeliveryState.h"
#include "MessageRow.h"
#include "Sql.h"

#include <QDir>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace tidings {

namespace {

QString uidText(const QByteArray &uid)
{
    if (uid.size() == 16) {
        return QUuid::fromRfc4122(uid).toString(QUuid::WithoutBraces);
    }
    return QString::fromLatin1(uid.toHex());
}

QJsonObject toJson(const StoredMessage &m, const QString &accountAor)
{
    QJsonObject o;
    o.insert(QStringLiteral("uid"), uidText(m.uid));
    o.insert(QStringLiteral("account"), accountAor);
    o.insert(QStringLiteral("direction"), DeliveryNames::direction(m.direction));
    o.insert(QStringLiteral("peer"), m.peerUri);
    o.insert(QStringLiteral("peer_key"), m.peerKey);
    o.insert(QStringLiteral("body"), m.body);
    o.insert(QStringLiteral("content_type"), m.contentType);
    o.insert(QStringLiteral("state"), DeliveryNames::state(m.state));
    if (m.statusCode != 0) {
        o.insert(QStringLiteral("status"), m.statusCode);
    }
    if (!m.reason.isEmpty()) {
        o.insert(QStringLiteral("reason"), m.reason);
    }
    o.insert(QStringLiteral("call_id"), m.callId);
    o.insert(QStringLiteral("from_tag"), m.fromTag);
    o.insert(QStringLiteral("cseq"), m.cseq);
    o.insert(QStringLiteral("time"), HistoryExporter::formatTime(m.time));
    const std::pair<const char *, QDateTime> times[] = {
        {"sent_at", m.sentAt}, {"received_at", m.receivedAt}, {"server_date", m.serverDate}};
    for (const auto &[name, time] : times) {
        if (time.isValid()) {
            o.insert(QLatin1String(name), HistoryExporter::formatTime(time));
        }
    }
    o.insert(QStringLiteral("read"), m.read);
    o.insert(QStringLiteral("delivered_late"), m.deliveredLate);
    return o;
}

bool writeAll(QIODevice &out, const QByteArray &bytes)
{
    return out.write(bytes) == bytes.size();
}

} // namespace

HistoryExporter::HistoryExporter(Database &db)
    : m_db(db)
{}

QString HistoryExporter::formatTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

StoreResult<int> HistoryExporter::exportJson(QIODevice &out, qint64 conversationId) const
{
    const QString action = tr("Could not export the history.");
    auto writeError = [&out] {
        return StoreError(StoreError::Code::Io,
                          tr("Could not write the export: %1").arg(out.errorString()));
    };

    QHash<qint64, QString> aors;
    QJsonArray accounts;
    {
        QSqlQuery q(m_db.connection());
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT id, aor, display_name FROM accounts WHERE ? = 0 OR id IN "
                           "(SELECT account_id FROM conversations WHERE id = ?) ORDER BY id"));
        q.addBindValue(conversationId);
        q.addBindValue(conversationId);
        if (auto done = Sql::run(q, action); !done) {
            return done.error();
        }
        while (q.next()) {
            aors.insert(q.value(0).toLongLong(), q.value(1).toString());
            accounts.append(QJsonObject{{QStringLiteral("aor"), q.value(1).toString()},
                                        {QStringLiteral("display_name"), q.value(2).toString()}});
        }
    }

    QJsonObject head;
    head.insert(QStringLiteral("format"), QLatin1String(formatName));
    head.insert(QStringLiteral("version"), formatVersion);
    head.insert(QStringLiteral("exported_at"), formatTime(QDateTime::currentDateTimeUtc()));
    head.insert(QStringLiteral("accounts"), accounts);
    // The head object without its closing brace, then the messages array.
    QByteArray text = QJsonDocument(head).toJson(QJsonDocument::Compact);
    text.chop(1);
    text += ",\"messages\":[\n";
    if (!writeAll(out, text)) {
        return writeError();
    }

    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE ? = 0 OR m.conversation_id = ? "
                             "ORDER BY m.sort_time, m.id")
                  .arg(MessageRow::columns(), MessageRow::from()));
    q.addBindValue(conversationId);
    q.addBindValue(conversationId);
    if (auto done = Sql::run(q, action); !done) {
        return done.error();
    }
    int count = 0;
    while (q.next()) {
        const StoredMessage m = MessageRow::read(q);
        QByteArray line = count > 0 ? QByteArray(",\n") : QByteArray();
        line += QJsonDocument(toJson(m, aors.value(m.accountId))).toJson(QJsonDocument::Compact);
        if (!writeAll(out, line)) {
            return writeError();
        }
        ++count;
    }
    if (q.lastError().isValid()) {
        return StoreError::fromSql(q.lastError(), action);
    }
    if (!writeAll(out, QByteArrayLiteral("\n]}\n"))) {
        return writeError();
    }
    return count;
}

StoreResult<int> HistoryExporter::exportText(QIODevice &out, qint64 conversationId) const
{
    const QString action = tr("Could not export the history.");
    auto writeError = [&out] {
        return StoreError(StoreError::Code::Io,
                          tr("Could not write the export: %1").arg(out.errorString()));
    };
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, a.aor FROM %2 JOIN accounts a ON a.id = m.account_id "
                             "WHERE ? = 0 OR m.conversation_id = ? "
                             "ORDER BY m.account_id, m.conversation_id, m.sort_time, m.id")
                  .arg(MessageRow::columns(), MessageRow::from()));
    q.addBindValue(conversationId);
    q.addBindValue(conversationId);
    if (auto done = Sql::run(q, action); !done) {
        return done.error();
    }
    int count = 0;
    qint64 conversation = 0;
    const QString indent = QStringLiteral("\n    ");
    while (q.next()) {
        const StoredMessage m = MessageRow::read(q);
        QString text;
        if (m.conversationId != conversation) {
            conversation = m.conversationId;
            if (count > 0) {
                text += QLatin1Char('\n');
            }
            text += tr("== Conversation with %1 (account %2) ==")
                        .arg(m.peerUri, q.value(MessageRow::columnCount()).toString()) +
                    QLatin1Char('\n');
        }
        const QString who = m.direction == Direction::Incoming ? m.peerUri : tr("me");
        text += QStringLiteral("[%1] %2: ").arg(formatTime(m.time), who);
        QString body = m.body;
        body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        text += body.replace(QLatin1Char('\n'), indent);
        if (m.state == DeliveryState::Failed) {
            text += QLatin1Char(' ') +
                    (m.statusCode > 0 ? tr("(not delivered: %1 %2)").arg(m.statusCode).arg(m.reason)
                                      : tr("(not delivered: %1)").arg(m.reason));
        } else if (DeliveryNames::isPending(m.state)) {
            text += QLatin1Char(' ') + tr("(not sent yet)");
        } else if (m.deliveredLate) {
            text += QLatin1Char(' ') + tr("(delivered late)");
        }
        text += QLatin1Char('\n');
        if (!writeAll(out, text.toUtf8())) {
            return writeError();
        }
        ++count;
    }
    if (q.lastError().isValid()) {
        return StoreError::fromSql(q.lastError(), action);
    }
    return count;
}

template <typename Write>
StoreResult<int> HistoryExporter::toFile(const QString &path, Write write) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return StoreError(
            StoreError::Code::Io,
            tr("Could not create %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    auto written = write(file);
    if (!written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit()) {
        return StoreError(
            StoreError::Code::Io,
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return written;
}

StoreResult<int> HistoryExporter::exportJsonFile(const QString &path, qint64 conversationId) const
{
    return toFile(path, [&](QIODevice &out) { return exportJson(out, conversationId); });
}

StoreResult<int> HistoryExporter::exportTextFile(const QString &path, qint64 conversationId) const
{
    return toFile(path, [&](QIODevice &out) { return exportText(out, conversationId); });
}

} // namespace tidings
