// SPDX-License-Identifier: GPL-3.0-or-later
#include "WelcomePage.h"

#include "AppInfo.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tidings {

namespace {

QPushButton *choice(const QString &title, const QString &detail, const QString &name,
                    QWidget *parent)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(name);
    button->setAccessibleName(title);
    button->setAccessibleDescription(detail);
    button->setText(title + QLatin1Char('\n') + detail);
    button->setMinimumHeight(64);
    button->setMinimumWidth(380);
    button->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 10px 16px; }"));
    return button;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/%1.svg").arg(AppInfo::id())).pixmap(72, 72));
    logo->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Welcome to %1").arg(AppInfo::displayName()), this);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    title->setFont(f);
    title->setAlignment(Qt::AlignCenter);
    auto *intro = new QLabel(tr("Chat over SIP: with your company's or provider's SIP account, "
                                "or directly with people on your network."),
                             this);
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);
    intro->setForegroundRole(QPalette::PlaceholderText);

    m_addAccount = choice(tr("Add a SIP account"),
                          tr("Your address and password from your PBX or SIP provider"),
                          QStringLiteral("welcomeAddAccount"), this);
    m_local = choice(tr("Use without a server"), tr("Chat directly with people on this network"),
                     QStringLiteral("welcomeUseLocal"), this);
    connect(m_addAccount, &QPushButton::clicked, this, &WelcomePage::addAccountRequested);
    connect(m_local, &QPushButton::clicked, this, &WelcomePage::useWithoutServerRequested);

    auto *column = new QVBoxLayout;
    column->setSpacing(12);
    column->addWidget(logo);
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(16);
    column->addWidget(m_addAccount);
    column->addWidget(m_local);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addLayout(column);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

} // namespace tidings
