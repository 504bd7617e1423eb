// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QToolButton;

namespace tidings {

class ConversationListModel;

// Conversations whose name, address or preview contains the filter text
// (case- and accent-insensitively: "zoe" finds "Zoë"); blocked peers hidden.
class ConversationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFilterText(const QString &text);
    static QString fold(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_folded;
};

// The left pane: a filter box, the "new conversation" button and the
// conversation list (most recent first), or what to do when it is empty.
class ConversationListPane : public QWidget
{
    Q_OBJECT

public:
    explicit ConversationListPane(QWidget *parent = nullptr);

    void setModel(ConversationListModel *model);
    QListView *listView() const { return m_list; }
    QLineEdit *filterEdit() const { return m_filter; }
    ConversationFilterModel *filterModel() { return &m_proxy; }
    // Selects the conversation's row (clearing the filter if it hides it).
    void select(qint64 conversationId);
    qint64 selectedConversation() const;

signals:
    void conversationActivated(qint64 conversationId);
    void newConversationRequested();

private:
    void updateEmptyState();

    ConversationListModel *m_model = nullptr;
    ConversationFilterModel m_proxy;
    QLineEdit *m_filter = nullptr;
    QToolButton *m_new = nullptr;
    QStackedWidget *m_stack = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace tidings
