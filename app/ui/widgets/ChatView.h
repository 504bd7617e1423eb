// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIdentityProxyModel>
#include <QListView>
#include <QPointer>

namespace tidings {

class MessageDelegate;
class MessageListModel;

// The message list of a conversation: opens at the newest message, follows
// new ones while the user is at the bottom (and stays put while they read
// further up), and reads older pages when scrolled near the top, keeping
// what is on screen where it was.
class ChatView : public QListView
{
    Q_OBJECT

public:
    explicit ChatView(QWidget *parent = nullptr);

    void setMessageModel(MessageListModel *model);
    MessageListModel *messageModel() const { return m_model; }
    MessageDelegate *messageDelegate() const { return m_delegate; }
    bool isAtBottom() const;
    void scrollToNewest();

protected:
    void verticalScrollbarValueChanged(int value) override;
    void resizeEvent(QResizeEvent *event) override;
    void updateGeometries() override;
    void doItemsLayout() override;

private:
    void fetchOlder();

    // QListView fetches more whenever the LAST row is visible (right for
    // lists that grow downwards); a chat grows upwards, so the view sees a
    // model that never offers more and asks the real one itself.
    class NoAutoFetch : public QIdentityProxyModel
    {
    public:
        using QIdentityProxyModel::QIdentityProxyModel;
        bool canFetchMore(const QModelIndex &) const override { return false; }
    };

    QPointer<MessageListModel> m_model;
    NoAutoFetch m_proxy;
    MessageDelegate *m_delegate = nullptr;
    bool m_fetching = false;
    bool m_followBottom = true;
    // Where to put the scroll position after the next layout.
    bool m_anchorPending = false;
    int m_anchor = -1; // distance from the bottom to keep; -1: none
    int m_topGap = 0;
};

} // namespace tidings
