// SPDX-License-Identifier: GPL-3.0-or-later
#include "Composer.h"

#include <QKeyEvent>
#include <QTextBlock>

namespace tidings {

namespace {

constexpr int kMaxLines = 6;

} // namespace

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("composer"));
    setAccessibleName(tr("Message"));
    setPlaceholderText(tr("Write a message…"));
    setTabChangesFocus(true);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        updateGeometry();
        setFixedHeight(sizeHint().height());
    });
    setFixedHeight(sizeHint().height());
}

QString Composer::text() const
{
    QString raw = document()->toRawText();
    raw.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    raw.replace(QChar::LineSeparator, QLatin1Char('\n'));
    return raw;
}

int Composer::heightForLines(int lines) const
{
    const QFontMetrics fm(font());
    const QMargins m = contentsMargins();
    return lines * fm.lineSpacing() + int(2 * document()->documentMargin()) + m.top() + m.bottom() +
           4;
}

QSize Composer::sizeHint() const
{
    int lines = 0;
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next())
        lines += qMax(1, b.layout() ? b.layout()->lineCount() : 1);
    return QSize(QPlainTextEdit::sizeHint().width(), heightForLines(qBound(1, lines, kMaxLines)));
}

QSize Composer::minimumSizeHint() const
{
    return QSize(80, heightForLines(1));
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier))) {
        emit sendRequested();
        event->accept();
        return;
    }
    if (enter) {
        // Shift+Enter: a new line, whatever the modifier.
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace tidings
