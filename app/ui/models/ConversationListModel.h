// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Conversation.h"

#include <QAbstractListModel>
#include <QSet>
#include <QTimer>

namespace tidings {

class Database;
class MessengerService;
struct StoredMessage;

// Every conversation of every account, most recent activity first: the
// peer's name or address, the newest message's preview, its time and the
// unread count. Reads through the view's read-only connection; refreshes the
// conversations a notification of MessengerService names, once per event
// loop turn however many notifications came (a burst of 1,000 messages is
// one refresh per conversation).
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles
    {
        ConversationIdRole = Qt::UserRole + 1,
        AccountIdRole,
        PeerUriRole,
        NameRole,     // the contact's name, the name the peer gave, or the address
        InitialsRole, // one or two letters for the avatar
        PreviewRole,  // the newest message's first line
        LastTimeRole, // QDateTime of the newest message (local time)
        UnreadRole,   // int
        BlockedRole,  // bool
        IsContactRole,
        LastDirectionRole, // int(Direction)
        LastStateRole,     // int(DeliveryState)
    };

    ConversationListModel(MessengerService &service, Database &reader, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads every conversation again.
    void reload();
    // The row of a conversation, -1 when it is not listed.
    int rowOf(qint64 conversationId) const;
    const Conversation *conversation(qint64 conversationId) const;
    const Conversation &at(int row) const { return m_rows.at(row); }
    int totalUnread() const;

    static QString initialsOf(const QString &name);
    static QString displayName(const Conversation &c);

signals:
    void totalUnreadChanged(int unread);

private:
    void markDirty(qint64 conversationId);
    void refreshDirty();
    void refreshOne(qint64 conversationId);
    int sortedRowFor(const Conversation &c, int excluding) const;

    MessengerService &m_service;
    Database &m_reader;
    QList<Conversation> m_rows;
    QSet<qint64> m_dirty;
    bool m_reloadAll = false;
    QTimer m_refresh;
    int m_lastUnread = -1;
};

} // namespace tidings
