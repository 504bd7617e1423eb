// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationListPane.h"

#include "delegates/ConversationDelegate.h"
#include "models/ConversationListModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace tidings {

QString ConversationFilterModel::fold(const QString &text)
{
    // Canonical decomposition, then without the combining marks.
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toCaseFolded());
    }
    return out;
}

void ConversationFilterModel::setFilterText(const QString &text)
{
    m_folded = fold(text.trimmed());
    invalidateFilter();
}

bool ConversationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &parent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, parent);
    if (i.data(ConversationListModel::BlockedRole).toBool())
        return false;
    if (m_folded.isEmpty())
        return true;
    for (int role : {int(ConversationListModel::NameRole), int(ConversationListModel::PeerUriRole),
                     int(ConversationListModel::PreviewRole)}) {
        if (fold(i.data(role).toString()).contains(m_folded))
            return true;
    }
    return false;
}

ConversationListPane::ConversationListPane(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_new(new QToolButton(this))
    , m_stack(new QStackedWidget(this))
    , m_list(new QListView(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("conversationListPane"));
    m_filter->setObjectName(QStringLiteral("conversationFilter"));
    m_filter->setPlaceholderText(tr("Filter conversations"));
    m_filter->setAccessibleName(tr("Filter conversations"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy.setFilterText(text);
        updateEmptyState();
    });

    m_new->setObjectName(QStringLiteral("newConversationButton"));
    m_new->setText(tr("New"));
    m_new->setAccessibleName(tr("New conversation"));
    m_new->setToolTip(tr("New conversation (Ctrl+N)"));
    connect(m_new, &QToolButton::clicked, this, &ConversationListPane::newConversationRequested);

    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setItemDelegate(new ConversationDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->setModel(&m_proxy);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit conversationActivated(
                        current.data(ConversationListModel::ConversationIdRole).toLongLong());
            });

    m_empty->setObjectName(QStringLiteral("conversationListEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setContentsMargins(16, 16, 16, 16);

    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 8, 8, 8);
    top->addWidget(m_filter, 1);
    top->addWidget(m_new);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    updateEmptyState();
}

void ConversationListPane::setModel(ConversationListModel *model)
{
    m_model = model;
    m_proxy.setSourceModel(model);
    if (model) {
        connect(&m_proxy, &QAbstractItemModel::rowsInserted, this,
                &ConversationListPane::updateEmptyState);
        connect(&m_proxy, &QAbstractItemModel::rowsRemoved, this,
                &ConversationListPane::updateEmptyState);
        connect(&m_proxy, &QAbstractItemModel::modelReset, this,
                &ConversationListPane::updateEmptyState);
    }
    updateEmptyState();
}

void ConversationListPane::updateEmptyState()
{
    if (m_proxy.rowCount() > 0) {
        m_stack->setCurrentWidget(m_list);
        return;
    }
    m_empty->setText(m_filter->text().isEmpty()
                         ? tr("No conversations yet.\nStart one with New (Ctrl+N).")
                         : tr("No conversation matches \"%1\".").arg(m_filter->text()));
    m_stack->setCurrentWidget(m_empty);
}

void ConversationListPane::select(qint64 conversationId)
{
    if (!m_model)
        return;
    const int row = m_model->rowOf(conversationId);
    if (row < 0)
        return;
    QModelIndex proxyIndex = m_proxy.mapFromSource(m_model->index(row));
    if (!proxyIndex.isValid() && !m_filter->text().isEmpty()) {
        m_filter->clear();
        proxyIndex = m_proxy.mapFromSource(m_model->index(row));
    }
    if (proxyIndex.isValid()) {
        m_list->setCurrentIndex(proxyIndex);
        m_list->scrollTo(proxyIndex);
    }
}

qint64 ConversationListPane::selectedConversation() const
{
    const QModelIndex i = m_list->currentIndex();
    return i.isValid() ? i.data(ConversationListModel::ConversationIdRole).toLongLong() : 0;
}

} // namespace tidings
