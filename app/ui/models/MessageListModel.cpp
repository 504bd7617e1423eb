// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"

#include "service/MessengerService.h"
#include "store/Database.h"
#include "store/MessageStore.h"

#include <algorithm>

namespace tidings {

namespace {

bool earlier(const StoredMessage &a, const StoredMessage &b)
{
    const qint64 ta = a.time.toMSecsSinceEpoch();
    const qint64 tb = b.time.toMSecsSinceEpoch();
    return ta != tb ? ta < tb : a.id < b.id;
}

} // namespace

MessageListModel::MessageListModel(MessengerService &service, Database &reader,
                                   qint64 conversationId, QObject *parent)
    : QAbstractListModel(parent)
    , m_service(service)
    , m_reader(reader)
    , m_conversationId(conversationId)
{
    connect(&service, &MessengerService::messagesStored, this,
            [this](const QList<StoredMessage> &messages) {
                for (const StoredMessage &m : messages) {
                    if (m.conversationId == m_conversationId)
                        upsert(m);
                }
            });
    connect(&service, &MessengerService::messageChanged, this, [this](const StoredMessage &m) {
        if (m.conversationId == m_conversationId)
            upsert(m);
    });
    connect(&service, &MessengerService::messageRemoved, this,
            [this](qint64 messageId, qint64 conversationId) {
                if (conversationId != m_conversationId)
                    return;
                const int row = rowOf(messageId);
                if (row < 0)
                    return;
                beginRemoveRows({}, row, row);
                m_rows.removeAt(row);
                m_days.removeAt(row);
                endRemoveRows();
                reindexFrom(row);
                if (row < m_rows.size()) {
                    const QModelIndex i = index(row);
                    emit dataChanged(i, i, {DayBreakRole});
                }
            });
    connect(&service, &MessengerService::conversationRemoved, this, [this](qint64 id) {
        if (id != m_conversationId)
            return;
        beginResetModel();
        m_rows.clear();
        m_days.clear();
        m_rowById.clear();
        m_hasMore = false;
        endResetModel();
    });
    loadPage();
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore;
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid() && m_hasMore)
        loadPage();
}

void MessageListModel::loadPage()
{
    auto page = MessageStore(m_reader).page(m_conversationId, m_next, kPageSize);
    if (!page) {
        m_error = page.error().toString();
        m_hasMore = false;
        return;
    }
    m_error.clear();
    QList<StoredMessage> older = page.value().messages; // newest first
    m_next = page.value().next;
    m_hasMore = page.value().hasMore();
    // A message that arrived (and was announced) while the page was read
    // may be in both: keep the row we have.
    older.erase(std::remove_if(older.begin(), older.end(),
                               [this](const StoredMessage &m) { return m_rowById.contains(m.id); }),
                older.end());
    if (older.isEmpty())
        return;
    std::reverse(older.begin(), older.end());
    beginInsertRows({}, 0, int(older.size()) - 1);
    QList<QDate> days;
    days.reserve(older.size());
    for (const StoredMessage &m : std::as_const(older))
        days.append(m.time.toLocalTime().date());
    m_rows = older + m_rows;
    m_days = days + m_days;
    endInsertRows();
    reindexFrom(0);
    // The first row we had may no longer start a day.
    const int first = int(older.size());
    if (first < m_rows.size()) {
        const QModelIndex i = index(first);
        emit dataChanged(i, i, {DayBreakRole});
    }
}

int MessageListModel::insertionRow(const StoredMessage &message) const
{
    const auto it = std::upper_bound(m_rows.cbegin(), m_rows.cend(), message, earlier);
    return int(it - m_rows.cbegin());
}

void MessageListModel::upsert(const StoredMessage &message)
{
    if (const int row = rowOf(message.id); row >= 0) {
        m_rows[row] = message;
        const QModelIndex i = index(row);
        emit dataChanged(i, i);
        return;
    }
    // Older than everything loaded while older pages remain: it is found
    // when they are read.
    if (m_hasMore && !m_rows.isEmpty() && earlier(message, m_rows.first()))
        return;
    const int row = insertionRow(message);
    beginInsertRows({}, row, row);
    m_rows.insert(row, message);
    m_days.insert(row, message.time.toLocalTime().date());
    endInsertRows();
    reindexFrom(row);
    if (row + 1 < m_rows.size()) {
        const QModelIndex i = index(row + 1);
        emit dataChanged(i, i, {DayBreakRole});
    }
    if (row == m_rows.size() - 1)
        emit appended(1);
}

void MessageListModel::reindexFrom(int row)
{
    if (row == 0)
        m_rowById.clear();
    for (int i = row; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows.at(i).id, i);
}

bool MessageListModel::dayBreak(int row) const
{
    return row == 0 || m_days.at(row - 1) != m_days.at(row);
}

int MessageListModel::rowOf(qint64 messageId) const
{
    return m_rowById.value(messageId, -1);
}

QString MessageListModel::stateText(const StoredMessage &m)
{
    switch (m.state) {
    case DeliveryState::Received:
        return m.deliveredLate ? tr("Delivered late") : QString();
    case DeliveryState::Queued:
        return tr("Waiting to be sent");
    case DeliveryState::Sending:
        return tr("Sending…");
    case DeliveryState::Sent:
        return tr("Sent");
    case DeliveryState::Accepted:
        return tr("Accepted by the server, not yet delivered");
    case DeliveryState::Failed:
        if (m.statusCode > 0)
            return tr("Failed: %1 %2").arg(m.statusCode).arg(m.reason);
        return m.reason.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(m.reason);
    }
    return {};
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredMessage &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return m.body;
    case Qt::AccessibleTextRole: {
        const QString who = m.direction == Direction::Outgoing ? tr("You") : tr("They");
        QString text =
            tr("%1 at %2: %3")
                .arg(who, QLocale().toString(m.time.toLocalTime().time(), QLocale::ShortFormat),
                     m.body);
        const QString state = stateText(m);
        if (!state.isEmpty())
            text += QLatin1String(" (") + state + QLatin1Char(')');
        return text;
    }
    case MessageIdRole:
        return m.id;
    case OutgoingRole:
        return m.direction == Direction::Outgoing;
    case StateRole:
        return int(m.state);
    case TimeRole:
        return m.time.toLocalTime();
    case SentAtRole:
        return m.sentAt.isValid() ? m.sentAt.toLocalTime() : QDateTime();
    case StatusCodeRole:
        return m.statusCode;
    case ReasonRole:
        return m.reason;
    case DeliveredLateRole:
        return m.deliveredLate;
    case DayBreakRole:
        return dayBreak(index.row());
    case LayoutKeyRole:
        // What a row's height depends on besides the width and font.
        return quint64(m.id) << 8 | quint64(m.state) << 1 | (dayBreak(index.row()) ? 1 : 0);
    case StateTextRole:
        return stateText(m);
    case CallIdRole:
        return m.callId;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(MessageIdRole, "messageId");
    names.insert(BodyRole, "body");
    names.insert(OutgoingRole, "outgoing");
    names.insert(StateRole, "state");
    names.insert(TimeRole, "time");
    names.insert(SentAtRole, "sentAt");
    names.insert(StatusCodeRole, "statusCode");
    names.insert(ReasonRole, "reason");
    names.insert(DeliveredLateRole, "deliveredLate");
    names.insert(DayBreakRole, "dayBreak");
    names.insert(StateTextRole, "stateText");
    names.insert(CallIdRole, "callId");
    names.insert(LayoutKeyRole, "layoutKey");
    return names;
}

} // namespace tidings
