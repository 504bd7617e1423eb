// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationPane.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tidings {

ConversationPane::ConversationPane(QWidget *parent)
    : QWidget(parent)
    , m_placeholder(new QLabel(tr("No conversation selected"), this))
{
    setObjectName(QStringLiteral("conversationPane"));
    m_placeholder->setObjectName(QStringLiteral("conversationPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_placeholder);
}

QString ConversationPane::placeholderText() const
{
    return m_placeholder->text();
}

} // namespace tidings
