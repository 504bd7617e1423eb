// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QListView;
class QStackedWidget;

namespace tidings {

// The left pane: the contact list, or an empty-state message while the list
// has no rows (or no model at all).
class ContactPane : public QWidget
{
    Q_OBJECT

public:
    explicit ContactPane(QWidget *parent = nullptr);

    // The model is not owned. nullptr shows the empty state.
    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const;

    QListView *listView() const { return m_listView; }
    bool isShowingEmptyState() const;
    QString emptyStateTitle() const;

private:
    void updateEmptyState();

    QStackedWidget *m_stack = nullptr;
    QListView *m_listView = nullptr;
    QWidget *m_emptyState = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyDetail = nullptr;
    QPointer<QAbstractItemModel> m_model;
    QList<QMetaObject::Connection> m_modelConnections;
};

} // namespace tidings
