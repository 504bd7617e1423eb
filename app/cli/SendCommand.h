// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `tidings-cli send`: sends one instant message and prints its outcome as a
// JSON line; the exit status says delivered (0), refused (1) or no answer (3).
//
// With a profile (--profile DIR or TIDINGS_PROFILE) the message goes through
// the profile's outbox: it is recorded (Queued) before anything is sent, its
// states (Sending, then Sent, Accepted or Failed with status and reason) are
// written as they happen, and what the account's outbox still held from an
// earlier run goes out before it, oldest first. The profile is opened for
// writing, so a profile that another writer (listen, the GUI) holds is
// refused with the lock's message.

#include "CliOptions.h"

#include <QTextStream>

namespace sip {
class Stack;
}

namespace tidings {

class Database;

class SendCommand
{
    Q_DECLARE_TR_FUNCTIONS(SendCommand)

public:
    static int run(const SendOptions &options, QTextStream &out, QTextStream &err);

private:
    static int sendDirect(const SendOptions &options, sip::Stack &stack, QTextStream &out,
                          QTextStream &err);
    static int sendThroughOutbox(const SendOptions &options, sip::Stack &stack, Database &db,
                                 qint64 accountId, QTextStream &out, QTextStream &err);
};

} // namespace tidings
