// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationDelegate.h"

#include "ChatTheme.h"
#include "models/ConversationListModel.h"
#include "store/DeliveryState.h"

#include <QApplication>
#include <QPainter>

namespace tidings {

namespace {

constexpr int kAvatar = 42;
constexpr int kPad = 10;

} // namespace

QString ConversationDelegate::timeLabel(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const QDate day = time.date();
    if (day == now.date())
        return QLocale().toString(time.time(), QLocale::ShortFormat);
    if (day.daysTo(now.date()) < 7 && day < now.date())
        return QLocale().toString(day, QStringLiteral("ddd"));
    return QLocale().toString(day, QLocale::ShortFormat);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(240, qMax(kAvatar, 2 * fm.height() + 6) + 2 * kPad);
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    if (selected) {
        painter->fillRect(r, pal.color(QPalette::Highlight));
    } else if (option.state & QStyle::State_MouseOver) {
        painter->fillRect(r, pal.color(QPalette::AlternateBase));
    }
    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(selected ? 0.85 : 0.68);

    // Avatar: a circle with the initials.
    const QString name = index.data(ConversationListModel::NameRole).toString();
    const QRect avatar(r.left() + kPad, r.top() + (r.height() - kAvatar) / 2, kAvatar, kAvatar);
    painter->setPen(Qt::NoPen);
    painter->setBrush(
        ChatTheme::avatarColor(index.data(ConversationListModel::PeerUriRole).toString()));
    painter->drawEllipse(avatar);
    QFont initialsFont = option.font;
    initialsFont.setBold(true);
    initialsFont.setPointSizeF(option.font.pointSizeF() * 1.05);
    painter->setFont(initialsFont);
    painter->setPen(Qt::white);
    painter->drawText(avatar, Qt::AlignCenter,
                      index.data(ConversationListModel::InitialsRole).toString());

    const int left = avatar.right() + kPad + 2;
    const int right = r.right() - kPad;
    const QFontMetrics fm(option.font);
    const int lineH = fm.height();
    const int top = r.top() + (r.height() - 2 * lineH - 4) / 2;

    // Time, top right.
    const QDateTime last = index.data(ConversationListModel::LastTimeRole).toDateTime();
    const QString when = timeLabel(last, QDateTime::currentDateTime());
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics sm(small);
    const int whenW = sm.horizontalAdvance(when);
    painter->setFont(small);
    painter->setPen(dim);
    painter->drawText(QRect(right - whenW, top, whenW, lineH), Qt::AlignRight | Qt::AlignVCenter,
                      when);

    // Name.
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QRect nameRect(left, top, right - whenW - 8 - left, lineH);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(name, Qt::ElideRight, nameRect.width()));

    // Unread badge, bottom right.
    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    int previewRight = right;
    if (unread > 0) {
        const QString count = unread > 999 ? QStringLiteral("999+") : QString::number(unread);
        QFont badgeFont = small;
        badgeFont.setBold(true);
        const QFontMetrics bm(badgeFont);
        const int h = bm.height() + 2;
        const int w = qMax(h, bm.horizontalAdvance(count) + 10);
        const QRect badge(right - w, top + lineH + 4 + (lineH - h) / 2, w, h);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? pal.color(QPalette::HighlightedText)
                                   : QColor(0x1f, 0x61, 0xa8));
        painter->drawRoundedRect(badge, h / 2.0, h / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(selected ? pal.color(QPalette::Highlight) : QColor(Qt::white));
        painter->drawText(badge, Qt::AlignCenter, count);
        previewRight = badge.left() - 8;
    }

    // Preview.
    QString preview = index.data(ConversationListModel::PreviewRole).toString();
    const bool outgoing =
        index.data(ConversationListModel::LastDirectionRole).toInt() == int(Direction::Outgoing);
    const auto state = DeliveryState(index.data(ConversationListModel::LastStateRole).toInt());
    QColor previewColor = dim;
    if (outgoing) {
        if (state == DeliveryState::Failed) {
            preview = tr("Not sent: %1").arg(preview);
            previewColor = selected ? text : ChatTheme::from(pal).failed;
        } else {
            preview = tr("You: %1").arg(preview);
        }
    }
    painter->setFont(option.font);
    painter->setPen(previewColor);
    const QRect previewRect(left, top + lineH + 4, previewRight - left, lineH);
    painter->drawText(previewRect, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(preview, Qt::ElideRight, previewRect.width()));
    painter->restore();
}

} // namespace tidings
