// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatTheme.h"

#include <QHash>
#include <QString>

#include <cmath>

namespace tidings {

bool ChatTheme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

ChatTheme ChatTheme::from(const QPalette &palette)
{
    ChatTheme t;
    if (isDark(palette)) {
        t.background = QColor(0x0e, 0x16, 0x21);
        t.incomingBubble = QColor(0x18, 0x25, 0x33);
        t.incomingText = QColor(0xf5, 0xf5, 0xf5);
        t.outgoingBubble = QColor(0x2b, 0x52, 0x78);
        t.outgoingText = QColor(0xff, 0xff, 0xff);
        t.meta = QColor(0xa8, 0xb8, 0xc8);
        t.link = QColor(0x8c, 0xc8, 0xff);
        t.failed = QColor(0xff, 0x8a, 0x80);
        t.separator = QColor(0x1e, 0x2c, 0x3a);
        t.separatorText = QColor(0xd0, 0xd8, 0xe0);
    } else {
        t.background = QColor(0xe9, 0xee, 0xf3);
        t.incomingBubble = QColor(0xff, 0xff, 0xff);
        t.incomingText = QColor(0x11, 0x18, 0x20);
        t.outgoingBubble = QColor(0xd4, 0xea, 0xff);
        t.outgoingText = QColor(0x0b, 0x14, 0x1d);
        t.meta = QColor(0x4a, 0x5a, 0x6a);
        t.link = QColor(0x0b, 0x57, 0xa8);
        t.failed = QColor(0xb0, 0x1c, 0x12);
        t.separator = QColor(0xd2, 0xdb, 0xe4);
        t.separatorText = QColor(0x26, 0x32, 0x3e);
    }
    return t;
}

double ChatTheme::contrast(const QColor &a, const QColor &b)
{
    // WCAG 2.1 relative luminance.
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor ChatTheme::avatarColor(const QString &key)
{
    // Mid-dark hues: white initials stay readable on each.
    static const QColor colors[] = {
        QColor(0xc0, 0x39, 0x2b), QColor(0xd3, 0x54, 0x00), QColor(0x1e, 0x84, 0x49),
        QColor(0x16, 0x7d, 0x7f), QColor(0x1f, 0x61, 0xa8), QColor(0x6c, 0x3f, 0xa0),
        QColor(0xa0, 0x2f, 0x6f), QColor(0x5d, 0x6d, 0x7e),
    };
    return colors[qHash(key) % (sizeof(colors) / sizeof(colors[0]))];
}

} // namespace tidings
