// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// --trace: every SIP message sent and received, with time and addresses,
// written to stderr for troubleshooting.

#include "transport/TransportLayer.h"

#include <QTextStream>

namespace tidings {

inline void installSipTrace(sip::TransportLayer &transport, QTextStream &err)
{
    transport.setTraceHandler([&err](bool outgoing, const sip::Endpoint &local,
                                     const sip::Endpoint &remote, const QByteArray &wire) {
        const QString time =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        err << time << (outgoing ? " sent " : " received ") << wire.size() << " bytes "
            << (outgoing ? "from " : "on ") << local.toString() << (outgoing ? " to " : " from ")
            << remote.hostPort() << ":\n"
            << QString::fromUtf8(wire) << (wire.endsWith('\n') ? "" : "\n") << "----\n";
        err.flush();
    });
}

} // namespace tidings
