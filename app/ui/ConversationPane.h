// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace tidings {

// The right pane: the open conversation. Until conversations exist it says
// that none is selected.
class ConversationPane : public QWidget
{
    Q_OBJECT

public:
    explicit ConversationPane(QWidget *parent = nullptr);

    QString placeholderText() const;

private:
    QLabel *m_placeholder = nullptr;
};

} // namespace tidings
