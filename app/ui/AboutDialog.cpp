// SPDX-License-Identifier: GPL-3.0-or-later
#include "AboutDialog.h"

#include "AppInfo.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>
#include <QtGlobal>

namespace tidings {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About %1").arg(AppInfo::displayName()));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/%1.svg").arg(AppInfo::id())).pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *name = new QLabel(AppInfo::displayName(), this);
    name->setObjectName(QStringLiteral("aboutName"));
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    name->setFont(nameFont);

    const QStringList lines = {
        tr("Version %1").arg(AppInfo::version()),
        tr("Application id: %1").arg(AppInfo::id()),
        tr("Built with Qt %1, running on Qt %2").arg(QStringLiteral(QT_VERSION_STR), qVersion()),
        QString(),
        tr("Instant messaging over SIP MESSAGE (RFC 3428)."),
        tr("Licensed under the GNU General Public License, version 3 or later."),
    };
    m_text = AppInfo::displayName() + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));

    auto *details = new QLabel(lines.join(QLatin1Char('\n')), this);
    details->setObjectName(QStringLiteral("aboutDetails"));
    details->setTextFormat(Qt::PlainText);
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *textColumn = new QVBoxLayout;
    textColumn->addWidget(name);
    textColumn->addWidget(details);
    textColumn->addStretch(1);

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addSpacing(12);
    row->addLayout(textColumn, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}

} // namespace tidings
