// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContactPane.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tidings {

ContactPane::ContactPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_listView(new QListView(this))
    , m_emptyState(new QWidget(this))
    , m_emptyTitle(new QLabel(tr("No accounts yet"), m_emptyState))
    , m_emptyDetail(
          new QLabel(tr("Adding accounts is not available in this version."), m_emptyState))
{
    setObjectName(QStringLiteral("contactPane"));

    auto *heading = new QLabel(tr("Contacts"), this);
    heading->setObjectName(QStringLiteral("contactPaneHeading"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setContentsMargins(6, 6, 6, 6);

    m_listView->setObjectName(QStringLiteral("contactList"));
    m_listView->setUniformItemSizes(true);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);

    m_emptyState->setObjectName(QStringLiteral("contactEmptyState"));
    m_emptyTitle->setObjectName(QStringLiteral("contactEmptyStateTitle"));
    m_emptyDetail->setObjectName(QStringLiteral("contactEmptyStateDetail"));
    QFont titleFont = m_emptyTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_emptyTitle->setFont(titleFont);
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    m_emptyDetail->setAlignment(Qt::AlignCenter);
    m_emptyDetail->setWordWrap(true);
    m_emptyDetail->setForegroundRole(QPalette::PlaceholderText);
    m_emptyTitle->setTextFormat(Qt::PlainText);
    m_emptyDetail->setTextFormat(Qt::PlainText);

    auto *emptyLayout = new QVBoxLayout(m_emptyState);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_emptyDetail);
    emptyLayout->addStretch(2);

    m_stack->addWidget(m_listView);
    m_stack->addWidget(m_emptyState);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_stack, 1);

    updateEmptyState();
}

void ContactPane::setModel(QAbstractItemModel *model)
{
    for (const auto &connection : std::as_const(m_modelConnections)) {
        disconnect(connection);
    }
    m_modelConnections.clear();

    m_model = model;
    m_listView->setModel(model);
    if (model) {
        const auto update = [this] { updateEmptyState(); };
        m_modelConnections = {
            connect(model, &QAbstractItemModel::rowsInserted, this, update),
            connect(model, &QAbstractItemModel::rowsRemoved, this, update),
            connect(model, &QAbstractItemModel::modelReset, this, update),
            connect(model, &QAbstractItemModel::layoutChanged, this, update),
        };
    }
    updateEmptyState();
}

QAbstractItemModel *ContactPane::model() const
{
    return m_model;
}

bool ContactPane::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyState;
}

QString ContactPane::emptyStateTitle() const
{
    return m_emptyTitle->text();
}

void ContactPane::updateEmptyState()
{
    const bool empty = !m_model || m_model->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? m_emptyState : static_cast<QWidget *>(m_listView));
}

} // namespace tidings
