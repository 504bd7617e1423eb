// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QStyledItemDelegate>
#include <QUrl>

#include <memory>

class QTextLayout;

namespace tidings {

// Paints one message of MessageListModel as a chat bubble: mine on the
// right, theirs on the left, the text as plain text (never rich text: a body
// of <b>x</b> shows those characters), wrapped at word boundaries or
// anywhere in a long unbroken line, with the time and the delivery state
// under it, a day separator above the first message of a day, and on a
// failed message the Retry and Delete actions.
//
// Painting only: a click on a link or an action is reported through the
// signals, the view decides what to do.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QObject *parent = nullptr);
    ~MessageDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    // What is under `pos` (viewport coordinates) in a row painted in `option`.
    struct Hit
    {
        enum class Kind
        {
            None,
            Bubble,
            Link,
            Retry,
            Delete,
        };
        Kind kind = Kind::None;
        QUrl url;
    };
    Hit hitTest(const QStyleOptionViewItem &option, const QModelIndex &index,
                const QPoint &pos) const;

    // http(s) links and SIP addresses in a text: [start, length, url].
    struct Link
    {
        int start = 0;
        int length = 0;
        QUrl url;
    };
    static QList<Link> findLinks(const QString &text);

    // Where the bubble of a row painted in `option` is (for tests and
    // accessibility).
    QRect bubbleRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // Where the Retry or Delete action of a failed message is; empty when
    // the row has none.
    QRect actionRect(const QStyleOptionViewItem &option, const QModelIndex &index,
                     Hit::Kind action) const;

    // Forget cached sizes (font or width changed).
    void clearCache() const { m_heights.clear(); }

signals:
    void linkActivated(const QUrl &url);
    void retryRequested(qint64 messageId);
    void deleteRequested(qint64 messageId);

private:
    struct Geometry;
    Geometry layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    // (layout key: id, state, day break; width; font size) -> row height;
    // sizeHint is asked for every row at each layout, wrapping a text is the
    // costly part.
    struct HeightKey
    {
        quint64 layout = 0;
        int width = 0;
        qreal fontSize = 0;
        friend bool operator==(const HeightKey &, const HeightKey &) = default;
        friend size_t qHash(const HeightKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.layout, k.width, k.fontSize);
        }
    };
    mutable QHash<HeightKey, int> m_heights;
};

} // namespace tidings
