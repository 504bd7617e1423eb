// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace tidings {

// A line that says what went wrong and what to do, in the palette's
// error colour (readable on light and dark palettes); hidden until there is
// something to say.
class ProblemLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ProblemLabel(const QString &objectName, QWidget *parent = nullptr);

    void showProblem(const QString &text);
    void clearProblem();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColour();
};

} // namespace tidings
