// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageDelegate.h"

#include "ChatTheme.h"
#include "models/MessageListModel.h"
#include "store/DeliveryState.h"

#include <QAbstractItemView>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QTextLayout>

namespace tidings {

namespace {

constexpr int kSideMargin = 14;
constexpr int kRowGap = 3;
constexpr int kPadH = 11;
constexpr int kPadV = 7;
constexpr int kRadius = 13;
constexpr int kMetaGap = 3;
constexpr int kMaxBubble = 640;

QString dayText(const QDate &day)
{
    const QDate today = QDate::currentDate();
    if (day == today)
        return MessageDelegate::tr("Today");
    if (day == today.addDays(-1))
        return MessageDelegate::tr("Yesterday");
    if (day.year() == today.year())
        return QLocale().toString(day, QStringLiteral("dddd, d MMMM"));
    return QLocale().toString(day, QLocale::LongFormat);
}

QString shortTime(const QDateTime &t)
{
    return QLocale().toString(t.time(), QLocale::ShortFormat);
}

QString metaText(const QModelIndex &index)
{
    QString text = shortTime(index.data(MessageListModel::TimeRole).toDateTime());
    const auto state = DeliveryState(index.data(MessageListModel::StateRole).toInt());
    if (index.data(MessageListModel::OutgoingRole).toBool()) {
        // ✓ for a 200, the state in words otherwise.
        switch (state) {
        case DeliveryState::Sent:
            text += QStringLiteral("  ✓ ") + MessageDelegate::tr("Sent");
            break;
        case DeliveryState::Failed:
            break; // on its own line
        default:
            text +=
                QStringLiteral("  ·  ") + index.data(MessageListModel::StateTextRole).toString();
        }
    } else if (index.data(MessageListModel::DeliveredLateRole).toBool()) {
        const QDateTime sent = index.data(MessageListModel::SentAtRole).toDateTime();
        if (sent.isValid() &&
            sent.date() != index.data(MessageListModel::TimeRole).toDateTime().date())
            text = MessageDelegate::tr("sent %1, delivered late")
                       .arg(QLocale().toString(sent, QLocale::ShortFormat));
        else if (sent.isValid())
            text = MessageDelegate::tr("sent %1, delivered late at %2").arg(shortTime(sent), text);
        else
            text += QStringLiteral("  ·  ") + MessageDelegate::tr("delivered late");
    }
    return text;
}

// Underlined links, in `color` when it is valid.
QList<QTextLayout::FormatRange> linkFormats(const QList<MessageDelegate::Link> &links,
                                            const QColor &color = {})
{
    QList<QTextLayout::FormatRange> formats;
    for (const MessageDelegate::Link &l : links) {
        QTextLayout::FormatRange range;
        range.start = l.start;
        range.length = l.length;
        range.format.setFontUnderline(true);
        if (color.isValid())
            range.format.setForeground(color);
        formats.append(range);
    }
    return formats;
}

QFont metaFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.8 : 8);
    return f;
}

} // namespace

struct MessageDelegate::Geometry
{
    QRect separator; // the day pill (empty: none)
    QString separatorText;
    QRect bubble;
    QPoint textOrigin;
    std::shared_ptr<QTextLayout> text;
    QList<Link> links;
    QRect meta;
    QString metaText;
    QRect failedLine; // the failure in words
    QString failedText;
    QRect retry;
    QRect remove;
    int height = 0;
};

MessageDelegate::MessageDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

MessageDelegate::~MessageDelegate() = default;

QList<MessageDelegate::Link> MessageDelegate::findLinks(const QString &text)
{
    // http(s) URLs, and SIP addresses (sip:user@host) as RFC 3261 §19.1
    // writes them; trailing punctuation of the sentence is not part of it.
    static const QRegularExpression re(
        QStringLiteral(R"((?:https?://[^\s<>"]+)|(?:sips?:[^\s<>"@]+@[^\s<>"]+))"),
        QRegularExpression::CaseInsensitiveOption);
    QList<Link> links;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        QString s = m.captured(0);
        while (!s.isEmpty() && QStringLiteral(".,;:!?)]}'").contains(s.back()))
            s.chop(1);
        const QUrl url(s, QUrl::TolerantMode);
        if (!url.isValid())
            continue;
        links.append({int(m.capturedStart(0)), int(s.size()), url});
    }
    return links;
}

MessageDelegate::Geometry MessageDelegate::layout(const QStyleOptionViewItem &option,
                                                  const QModelIndex &index) const
{
    Geometry g;
    const QRect r = option.rect;
    const QFont font = option.font;
    const QFontMetrics fm(font);
    const QFont small = metaFont(font);
    const QFontMetrics sm(small);
    const bool outgoing = index.data(MessageListModel::OutgoingRole).toBool();
    const auto state = DeliveryState(index.data(MessageListModel::StateRole).toInt());
    int y = r.top() + kRowGap;

    if (index.data(MessageListModel::DayBreakRole).toBool()) {
        g.separatorText = dayText(index.data(MessageListModel::TimeRole).toDateTime().date());
        const int w = sm.horizontalAdvance(g.separatorText) + 20;
        const int h = sm.height() + 8;
        g.separator = QRect(r.left() + (r.width() - w) / 2, y + 8, w, h);
        y += h + 16;
    }

    const int maxBubble = qMax(120, qMin(kMaxBubble, int((r.width() - 2 * kSideMargin) * 0.75)));
    const int maxText = maxBubble - 2 * kPadH;

    // The text, wrapped at word boundaries, or anywhere inside a word longer
    // than the line.
    const QString body = index.data(MessageListModel::BodyRole).toString();
    // QTextLayout breaks lines only at U+2028; the text keeps its "\n"
    // (the same length, so link offsets stay right).
    QString shown = body;
    shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
    g.text = std::make_shared<QTextLayout>(shown, font);
    QTextOption to;
    to.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    to.setTextDirection(body.isRightToLeft() ? Qt::RightToLeft : Qt::LeftToRight);
    g.text->setTextOption(to);
    g.links = findLinks(body);
    if (!g.links.isEmpty())
        g.text->setFormats(linkFormats(g.links));
    g.text->beginLayout();
    qreal textH = 0;
    qreal textW = 0;
    for (;;) {
        QTextLine line = g.text->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(maxText);
        line.setPosition(QPointF(0, textH));
        textH += line.height();
        textW = qMax(textW, line.naturalTextWidth());
    }
    g.text->endLayout();
    if (body.isEmpty())
        textH = fm.height();

    g.metaText = metaText(index);
    int contentW = qMax(int(std::ceil(textW)), sm.horizontalAdvance(g.metaText));
    int extraH = sm.height() + kMetaGap;
    if (outgoing && state == DeliveryState::Failed) {
        g.failedText = index.data(MessageListModel::StateTextRole).toString();
        const QString retryText = tr("Retry");
        const QString deleteText = tr("Delete");
        contentW = qMin(maxText, qMax(contentW, sm.horizontalAdvance(g.failedText)));
        const int actionsW =
            sm.horizontalAdvance(retryText) + sm.horizontalAdvance(deleteText) + 3 * 10;
        contentW = qMax(contentW, actionsW);
        extraH += 2 * (sm.height() + kMetaGap) + 2;
    }
    const int bubbleW = contentW + 2 * kPadH;
    const int bubbleH = kPadV + int(std::ceil(textH)) + extraH + kPadV;
    const int left = outgoing ? r.right() - kSideMargin - bubbleW : r.left() + kSideMargin;
    g.bubble = QRect(left, y, bubbleW, bubbleH);
    g.textOrigin = QPoint(left + kPadH, y + kPadV);
    int metaY = y + kPadV + int(std::ceil(textH)) + kMetaGap;
    g.meta = QRect(left + kPadH, metaY, contentW, sm.height());
    if (!g.failedText.isEmpty()) {
        metaY += sm.height() + kMetaGap;
        g.failedLine = QRect(left + kPadH, metaY, contentW, sm.height());
        metaY += sm.height() + kMetaGap + 2;
        const int rw = sm.horizontalAdvance(tr("Retry")) + 10;
        const int dw = sm.horizontalAdvance(tr("Delete")) + 10;
        g.retry = QRect(left + kPadH - 5, metaY - 1, rw, sm.height() + 2);
        g.remove = QRect(g.retry.right() + 10, metaY - 1, dw, sm.height() + 2);
    }
    g.height = (g.bubble.bottom() + 1 - r.top()) + kRowGap;
    return g;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = option.rect.width() > 0 ? option.rect.width() : 600;
    const HeightKey key{index.data(MessageListModel::LayoutKeyRole).toULongLong(), width,
                        option.font.pointSizeF()};
    if (const auto it = m_heights.constFind(key); it != m_heights.cend())
        return QSize(width, *it);
    QStyleOptionViewItem o = option;
    o.rect = QRect(0, 0, width, 0);
    const int h = layout(o, index).height;
    if (m_heights.size() > 50'000)
        m_heights.clear();
    m_heights.insert(key, h);
    return QSize(width, h);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Geometry g = layout(option, index);
    const ChatTheme theme = ChatTheme::from(option.palette);
    const bool outgoing = index.data(MessageListModel::OutgoingRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont small = metaFont(option.font);

    if (!g.separator.isEmpty()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(theme.separator);
        painter->drawRoundedRect(g.separator, g.separator.height() / 2.0,
                                 g.separator.height() / 2.0);
        painter->setPen(theme.separatorText);
        painter->setFont(small);
        painter->drawText(g.separator, Qt::AlignCenter, g.separatorText);
    }

    QColor bubble = outgoing ? theme.outgoingBubble : theme.incomingBubble;
    if (selected)
        bubble = bubble.darker(ChatTheme::isDark(option.palette) ? 70 : 110);
    painter->setPen(Qt::NoPen);
    painter->setBrush(bubble);
    painter->drawRoundedRect(g.bubble, kRadius, kRadius);
    if (option.state & QStyle::State_HasFocus) {
        QPen focus(option.palette.color(QPalette::Highlight));
        focus.setWidthF(1.5);
        painter->setPen(focus);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(g.bubble).adjusted(0.75, 0.75, -0.75, -0.75), kRadius,
                                 kRadius);
    }

    const QColor textColor = outgoing ? theme.outgoingText : theme.incomingText;
    painter->setPen(textColor);
    g.text->draw(painter, g.textOrigin, linkFormats(g.links, theme.link));

    painter->setFont(small);
    painter->setPen(theme.meta);
    painter->drawText(g.meta, Qt::AlignRight | Qt::AlignVCenter, g.metaText);
    if (!g.failedText.isEmpty()) {
        painter->setPen(theme.failed);
        painter->drawText(
            g.failedLine, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(small).elidedText(g.failedText, Qt::ElideRight, g.failedLine.width()));
        QFont action = small;
        action.setBold(true);
        painter->setFont(action);
        painter->setPen(theme.link);
        painter->drawText(g.retry, Qt::AlignCenter, tr("Retry"));
        painter->setPen(theme.failed);
        painter->drawText(g.remove, Qt::AlignCenter, tr("Delete"));
    }
    painter->restore();
}

QRect MessageDelegate::bubbleRect(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    return layout(option, index).bubble;
}

QRect MessageDelegate::actionRect(const QStyleOptionViewItem &option, const QModelIndex &index,
                                  Hit::Kind action) const
{
    const Geometry g = layout(option, index);
    return action == Hit::Kind::Retry ? g.retry : action == Hit::Kind::Delete ? g.remove : QRect();
}

MessageDelegate::Hit MessageDelegate::hitTest(const QStyleOptionViewItem &option,
                                              const QModelIndex &index, const QPoint &pos) const
{
    const Geometry g = layout(option, index);
    Hit hit;
    if (!g.retry.isEmpty() && g.retry.contains(pos)) {
        hit.kind = Hit::Kind::Retry;
        return hit;
    }
    if (!g.remove.isEmpty() && g.remove.contains(pos)) {
        hit.kind = Hit::Kind::Delete;
        return hit;
    }
    if (!g.bubble.contains(pos))
        return hit;
    hit.kind = Hit::Kind::Bubble;
    const QPointF local = QPointF(pos - g.textOrigin);
    for (int i = 0; i < g.text->lineCount(); ++i) {
        const QTextLine line = g.text->lineAt(i);
        if (local.y() < line.y() || local.y() >= line.y() + line.height())
            continue;
        if (local.x() < 0 || local.x() > line.naturalTextWidth())
            break;
        const int cursor = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
        for (const Link &l : std::as_const(g.links)) {
            if (cursor >= l.start && cursor < l.start + l.length) {
                hit.kind = Hit::Kind::Link;
                hit.url = l.url;
                return hit;
            }
        }
        break;
    }
    return hit;
}

bool MessageDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                  const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    auto *mouse = static_cast<QMouseEvent *>(event);
    if (mouse->button() != Qt::LeftButton)
        return false;
    const Hit hit = hitTest(option, index, mouse->position().toPoint());
    const qint64 id = index.data(MessageListModel::MessageIdRole).toLongLong();
    switch (hit.kind) {
    case Hit::Kind::Link:
        emit linkActivated(hit.url);
        return true;
    case Hit::Kind::Retry:
        emit retryRequested(id);
        return true;
    case Hit::Kind::Delete:
        emit deleteRequested(id);
        return true;
    default:
        return false;
    }
}

} // namespace tidings
