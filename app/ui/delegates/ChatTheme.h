// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

namespace tidings {

// The colours of the chat area, derived from the application palette so a
// light and a dark desktop both get readable bubbles (text on bubble is at
// least 4.5:1, WCAG 2.1 §1.4.3).
struct ChatTheme
{
    QColor background;
    QColor incomingBubble;
    QColor incomingText;
    QColor outgoingBubble;
    QColor outgoingText;
    QColor meta; // time and state under the text
    QColor link;
    QColor failed;    // a failed message's state and actions
    QColor separator; // the day separator pill
    QColor separatorText;

    static ChatTheme from(const QPalette &palette);
    static bool isDark(const QPalette &palette);
    // WCAG 2.1 contrast ratio of two colours (1..21).
    static double contrast(const QColor &a, const QColor &b);
    // A colour for a name's avatar, the same for the same name.
    static QColor avatarColor(const QString &key);
};

} // namespace tidings
