// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace tidings {

// Help → About Tidings: name, version, application id and Qt versions.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The dialog's text as shown, for tests and accessibility.
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace tidings
