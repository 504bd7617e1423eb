// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoredMessage.h"

#include <QString>

class QSqlQuery;

namespace tidings {

// The SELECT list and FROM clause that read a StoredMessage (messages `m`
// joined with its conversation `c` for the peer key), shared by every query
// that returns messages.
class MessageRow
{
public:
    // "m.id, m.uid, ..., c.peer_key, ..." — columnCount() columns.
    static QString columns();
    // "messages m JOIN conversations c ON c.id = m.conversation_id"
    static QString from();
    static int columnCount();
    // Reads the columns starting at `first`.
    static StoredMessage read(const QSqlQuery &query, int first = 0);
};

} // namespace tidings
