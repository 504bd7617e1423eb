// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SIP request methods (RFC 3261 §7.1 and extensions). Method names are
// case-sensitive (§7.1).

#include <QByteArrayView>

namespace sip {

enum class Method : quint8
{
    Other,
    Invite,
    Ack,
    Bye,
    Cancel,
    Options,
    Register,
    Message, // RFC 3428
    Info,
    Prack,
    Subscribe,
    Notify,
    Update,
    Refer,
    Publish
};

Method methodFromName(QByteArrayView name);
QByteArrayView methodName(Method method); // empty for Method::Other

} // namespace sip
