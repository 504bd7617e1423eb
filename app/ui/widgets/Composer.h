// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace tidings {

// Where a message is written: Enter sends, Shift+Enter (or Ctrl+Enter in an
// input method's composition) starts a new line; the text is sent exactly as
// typed (line breaks and spaces kept). Grows with its text up to a few lines.
class Composer : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit Composer(QWidget *parent = nullptr);

    // The text exactly as typed: line breaks as "\n", every space (also
    // non-breaking ones, which toPlainText() would turn into plain spaces).
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void sendRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int heightForLines(int lines) const;
};

} // namespace tidings
