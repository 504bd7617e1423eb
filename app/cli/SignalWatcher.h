// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe:
// the handler only writes a byte). A second signal while the first is being
// handled ends the process at once, as the CLI contract asks.

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace tidings {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace tidings
