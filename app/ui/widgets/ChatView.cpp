// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatView.h"

#include "delegates/ChatTheme.h"
#include "delegates/MessageDelegate.h"
#include "models/MessageListModel.h"

#include <QResizeEvent>
#include <QScrollBar>
#include <QTimer>

namespace tidings {

namespace {

// Start reading the older page while this much is still above the view.
constexpr int kPrefetchPixels = 400;

} // namespace

ChatView::ChatView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new MessageDelegate(this))
{
    setObjectName(QStringLiteral("messageList"));
    setAccessibleName(tr("Messages"));
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFrameShape(QFrame::NoFrame);
    setWordWrap(true);
    verticalScrollBar()->setSingleStep(24);
    QPalette pal = palette();
    pal.setColor(QPalette::Base, ChatTheme::from(pal).background);
    pal.setColor(QPalette::Window, ChatTheme::from(pal).background);
    setPalette(pal);
    setAutoFillBackground(true); // the gap above a short conversation too
    setModel(&m_proxy);
}

void ChatView::setMessageModel(MessageListModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_delegate->clearCache();
    m_proxy.setSourceModel(model);
    m_followBottom = true;
    if (!model)
        return;
    // Older rows at the top: keep the distance from the bottom, so what the
    // user reads stays where it is; new rows at the bottom: follow them when
    // the user was at the bottom. Applied once the (delayed, one per event
    // loop turn) layout has run: see updateGeometries().
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first) {
                if (m_anchorPending)
                    return;
                QScrollBar *bar = verticalScrollBar();
                m_anchor = first == 0 ? bar->maximum() - bar->value() : -1;
                m_followBottom = isAtBottom();
                m_anchorPending = true;
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] { m_fetching = false; });
    // A changed row can change its height (a failure adds lines); QListView
    // asks the delegate again only when it lays out.
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_anchorPending) {
            m_followBottom = isAtBottom();
            m_anchor = -1;
            m_anchorPending = m_followBottom;
        }
        scheduleDelayedItemsLayout();
    });
    scrollToNewest();
}

bool ChatView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void ChatView::scrollToNewest()
{
    m_followBottom = true;
    m_anchor = -1;
    m_anchorPending = true;
    scheduleDelayedItemsLayout();
}

void ChatView::fetchOlder()
{
    if (!m_model || m_fetching || !m_model->canFetchMore({}))
        return;
    m_fetching = true;
    m_model->fetchMore({});
    m_fetching = false;
}

void ChatView::verticalScrollbarValueChanged(int value)
{
    QListView::verticalScrollbarValueChanged(value);
    if (value < kPrefetchPixels && verticalScrollBar()->maximum() > 0)
        QTimer::singleShot(0, this, &ChatView::fetchOlder);
}

void ChatView::doItemsLayout()
{
    QListView::doItemsLayout(); // every row placed, the scroll range set
    QScrollBar *bar = verticalScrollBar();
    if (m_anchorPending) {
        m_anchorPending = false;
        if (m_followBottom)
            bar->setValue(bar->maximum());
        else if (m_anchor >= 0)
            bar->setValue(bar->maximum() - m_anchor);
    }
    // Still near the top (a short conversation, or the page just read did
    // not fill the distance): read the next older page.
    if (m_model && bar->value() < kPrefetchPixels && m_model->canFetchMore({}))
        QTimer::singleShot(0, this, &ChatView::fetchOlder);
}

void ChatView::updateGeometries()
{
    QListView::updateGeometries();
    // A conversation shorter than the view sits at its bottom, next to the
    // composer, as chats do.
    int content = 0;
    if (model() && model()->rowCount() > 0 && verticalScrollBar()->maximum() == 0) {
        const QRect last = visualRect(model()->index(model()->rowCount() - 1, 0));
        content = last.bottom() + 1 - visualRect(model()->index(0, 0)).top();
    }
    const int available = viewport()->height() + m_topGap;
    const int gap = (content > 0 && content < available) ? available - content : 0;
    if (gap != m_topGap) {
        m_topGap = gap;
        setViewportMargins(0, gap, 0, 0);
    }
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = isAtBottom();
    if (event->size().width() != event->oldSize().width())
        m_delegate->clearCache();
    QListView::resizeEvent(event);
    if (atBottom)
        scrollToNewest();
}

} // namespace tidings
