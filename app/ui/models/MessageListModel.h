// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/PageCursor.h"
#include "store/StoredMessage.h"

#include <QAbstractListModel>
#include <QHash>

namespace tidings {

class Database;
class MessengerService;

// The messages of one conversation, oldest at the top as a chat shows them.
// It starts with the newest page; canFetchMore()/fetchMore() read the next
// older page (keyset paging: MessageStore::page) and insert it at the top.
// New and changed messages arrive through MessengerService's notifications
// (values, so no read is needed) and are placed by (time, id).
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles
    {
        MessageIdRole = Qt::UserRole + 1,
        BodyRole,          // QString, as stored (shown as plain text)
        OutgoingRole,      // bool
        StateRole,         // int(DeliveryState)
        TimeRole,          // QDateTime, local: when it was written or received
        SentAtRole,        // QDateTime, local: the sender's time (may differ)
        StatusCodeRole,    // int: the final response, 0 when none
        ReasonRole,        // QString
        DeliveredLateRole, // bool: stored by the server while we were offline
        DayBreakRole,      // bool: the first message of its day (a separator above)
        StateTextRole,     // QString: the delivery state in words
        CallIdRole,
        // quint64: id, state and day break in one value — what a delegate's
        // cached row height depends on, read with one call.
        LayoutKeyRole,
    };

    static constexpr int kPageSize = 100;

    MessageListModel(MessengerService &service, Database &reader, qint64 conversationId,
                     QObject *parent = nullptr);

    qint64 conversationId() const { return m_conversationId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    int rowOf(qint64 messageId) const;
    const StoredMessage &at(int row) const { return m_rows.at(row); }
    // The last page read failed: the error in words (empty when fine).
    QString lastError() const { return m_error; }

    // The delivery state of an outgoing message in words: "Queued",
    // "Sending…", "Sent", "Accepted by the server (not yet delivered)",
    // "Failed: 486 Busy Here".
    static QString stateText(const StoredMessage &message);

signals:
    // Rows were added at the bottom (new messages), for views that follow.
    void appended(int count);

private:
    void loadPage();
    void upsert(const StoredMessage &message);
    int insertionRow(const StoredMessage &message) const;
    void reindexFrom(int row);
    bool dayBreak(int row) const;

    MessengerService &m_service;
    Database &m_reader;
    qint64 m_conversationId;
    QList<StoredMessage> m_rows;
    // Each row's local calendar day (toLocalTime is costly; day breaks are
    // asked for every row whenever the view lays out).
    QList<QDate> m_days;
    QHash<qint64, int> m_rowById;
    PageCursor m_next;
    bool m_hasMore = true;
    QString m_error;
};

} // namespace tidings
