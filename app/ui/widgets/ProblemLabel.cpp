// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProblemLabel.h"

#include "delegates/ChatTheme.h"

#include <QEvent>

namespace tidings {

ProblemLabel::ProblemLabel(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyColour();
    hide();
}

void ProblemLabel::showProblem(const QString &text)
{
    setText(text);
    setAccessibleDescription(text);
    show();
}

void ProblemLabel::clearProblem()
{
    clear();
    hide();
}

void ProblemLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColour();
}

void ProblemLabel::applyColour()
{
    QPalette pal = palette();
    const QColor colour = ChatTheme::from(pal).failed;
    if (pal.color(QPalette::WindowText) != colour) {
        pal.setColor(QPalette::WindowText, colour);
        setPalette(pal);
    }
}

} // namespace tidings
