// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationListModel.h"

#include "service/MessengerService.h"
#include "store/ConversationStore.h"
#include "store/Database.h"

#include <QRegularExpression>

namespace tidings {

namespace {

// Newer first; the id breaks ties so the order is total.
bool before(const Conversation &a, const Conversation &b)
{
    const qint64 ta = a.lastMessageAt.isValid() ? a.lastMessageAt.toMSecsSinceEpoch() : 0;
    const qint64 tb = b.lastMessageAt.isValid() ? b.lastMessageAt.toMSecsSinceEpoch() : 0;
    return ta != tb ? ta > tb : a.id > b.id;
}

} // namespace

ConversationListModel::ConversationListModel(MessengerService &service, Database &reader,
                                             QObject *parent)
    : QAbstractListModel(parent)
    , m_service(service)
    , m_reader(reader)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, &ConversationListModel::refreshDirty);

    connect(&service, &MessengerService::messagesStored, this,
            [this](const QList<StoredMessage> &messages) {
                for (const StoredMessage &m : messages)
                    markDirty(m.conversationId);
            });
    connect(&service, &MessengerService::messageChanged, this,
            [this](const StoredMessage &m) { markDirty(m.conversationId); });
    connect(&service, &MessengerService::messageRemoved, this,
            [this](qint64, qint64 conversationId) { markDirty(conversationId); });
    connect(&service, &MessengerService::conversationRead, this, &ConversationListModel::markDirty);
    connect(&service, &MessengerService::conversationRemoved, this,
            &ConversationListModel::markDirty);
    // A contact's name or blocked state can change any row of its account.
    const auto all = [this] {
        m_reloadAll = true;
        m_refresh.start();
    };
    connect(&service, &MessengerService::contactsChanged, this, all);
    connect(&service, &MessengerService::accountsChanged, this, all);
    reload();
}

void ConversationListModel::reload()
{
    auto list = ConversationStore(m_reader).list();
    beginResetModel();
    m_rows = list ? list.value() : QList<Conversation>{};
    endResetModel();
    m_dirty.clear();
    m_reloadAll = false;
    const int unread = totalUnread();
    if (unread != m_lastUnread) {
        m_lastUnread = unread;
        emit totalUnreadChanged(unread);
    }
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ConversationListModel::displayName(const Conversation &c)
{
    const QString name = c.name();
    if (!name.isEmpty())
        return name;
    QString uri = c.peerUri;
    // sip:alice@example.com -> alice@example.com: the scheme says nothing to people.
    static const QRegularExpression scheme(QStringLiteral("^sips?:"),
                                           QRegularExpression::CaseInsensitiveOption);
    uri.remove(scheme);
    return uri;
}

QString ConversationListModel::initialsOf(const QString &name)
{
    QStringList words;
    for (const QString &w :
         name.split(QRegularExpression(QStringLiteral("[\\s@._-]+")), Qt::SkipEmptyParts)) {
        if (!w.isEmpty() && w.at(0).isLetterOrNumber())
            words.append(w);
    }
    if (words.isEmpty())
        return QStringLiteral("?");
    // The first letter as a whole grapheme would need QTextBoundaryFinder;
    // one code point covers names in every script we show.
    const auto first = [](const QString &w) {
        return w.at(0).isHighSurrogate() && w.size() > 1 ? w.left(2) : w.left(1);
    };
    QString initials = first(words.first()).toUpper();
    if (words.size() > 1 && !name.contains(QLatin1Char('@')))
        initials += first(words.at(1)).toUpper();
    return initials;
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conversation &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return displayName(c);
    case Qt::AccessibleTextRole: {
        QString text = displayName(c);
        if (c.unreadCount > 0)
            text += QLatin1String(", ") + tr("%n unread", nullptr, c.unreadCount);
        if (!c.lastMessagePreview.isEmpty())
            text += QLatin1String(": ") + c.lastMessagePreview.left(80);
        return text;
    }
    case Qt::ToolTipRole:
        return c.peerUri;
    case ConversationIdRole:
        return c.id;
    case AccountIdRole:
        return c.accountId;
    case PeerUriRole:
        return c.peerUri;
    case InitialsRole:
        return initialsOf(displayName(c));
    case PreviewRole: {
        const qsizetype nl = c.lastMessagePreview.indexOf(QLatin1Char('\n'));
        QString line = nl < 0 ? c.lastMessagePreview : c.lastMessagePreview.left(nl);
        return line.simplified();
    }
    case LastTimeRole:
        return c.lastMessageAt.isValid() ? c.lastMessageAt.toLocalTime() : QDateTime();
    case UnreadRole:
        return c.unreadCount;
    case BlockedRole:
        return c.blocked;
    case IsContactRole:
        return c.contactId != 0;
    case LastDirectionRole:
        return int(c.lastDirection);
    case LastStateRole:
        return int(c.lastState);
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ConversationIdRole, "conversationId");
    names.insert(AccountIdRole, "accountId");
    names.insert(PeerUriRole, "peerUri");
    names.insert(NameRole, "name");
    names.insert(InitialsRole, "initials");
    names.insert(PreviewRole, "preview");
    names.insert(LastTimeRole, "lastTime");
    names.insert(UnreadRole, "unread");
    names.insert(BlockedRole, "blocked");
    names.insert(IsContactRole, "isContact");
    names.insert(LastDirectionRole, "lastDirection");
    names.insert(LastStateRole, "lastState");
    return names;
}

int ConversationListModel::rowOf(qint64 conversationId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == conversationId)
            return i;
    }
    return -1;
}

const Conversation *ConversationListModel::conversation(qint64 conversationId) const
{
    const int row = rowOf(conversationId);
    return row < 0 ? nullptr : &m_rows.at(row);
}

int ConversationListModel::totalUnread() const
{
    int total = 0;
    for (const Conversation &c : m_rows) {
        if (!c.blocked)
            total += c.unreadCount;
    }
    return total;
}

void ConversationListModel::markDirty(qint64 conversationId)
{
    if (conversationId <= 0)
        return;
    m_dirty.insert(conversationId);
    m_refresh.start();
}

void ConversationListModel::refreshDirty()
{
    if (m_reloadAll) {
        // Keep the rows the views know; only their contents change.
        auto list = ConversationStore(m_reader).list();
        if (list && list.value().size() == m_rows.size()) {
            m_rows = list.value();
            if (!m_rows.isEmpty())
                emit dataChanged(index(0), index(int(m_rows.size()) - 1));
            m_reloadAll = false;
            m_dirty.clear();
        } else {
            reload();
            return;
        }
    }
    const QSet<qint64> dirty = std::exchange(m_dirty, {});
    for (qint64 id : dirty)
        refreshOne(id);
    const int unread = totalUnread();
    if (unread != m_lastUnread) {
        m_lastUnread = unread;
        emit totalUnreadChanged(unread);
    }
}

int ConversationListModel::sortedRowFor(const Conversation &c, int excluding) const
{
    int row = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (i == excluding)
            continue;
        if (before(m_rows.at(i), c))
            ++row;
        else
            break;
    }
    return row;
}

void ConversationListModel::refreshOne(qint64 conversationId)
{
    const int old = rowOf(conversationId);
    auto found = ConversationStore(m_reader).find(conversationId);
    if (!found) {
        if (old >= 0 && found.error().code() == StoreError::Code::NotFound) {
            beginRemoveRows({}, old, old);
            m_rows.removeAt(old);
            endRemoveRows();
        }
        return;
    }
    const Conversation &c = found.value();
    const int target = sortedRowFor(c, old);
    if (old < 0) {
        beginInsertRows({}, target, target);
        m_rows.insert(target, c);
        endInsertRows();
        return;
    }
    if (target != old) {
        // beginMoveRows takes the destination in the numbering before the move.
        const int destination = target > old ? target + 1 : target;
        beginMoveRows({}, old, old, {}, destination);
        m_rows.move(old, target);
        endMoveRows();
    }
    m_rows[target] = c;
    emit dataChanged(index(target), index(target));
}

} // namespace tidings
