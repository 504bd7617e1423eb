// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace tidings {

// Paints one row of ConversationListModel: an initials avatar, the name,
// the newest message's time, its preview (with "You:" for ours and the
// state when it failed) and the unread badge. Painting only.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "14:05" today, "Mon" this week, "12.03.26" before.
    static QString timeLabel(const QDateTime &time, const QDateTime &now);
};

} // namespace tidings
