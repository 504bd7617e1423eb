// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace tidings {

// Stored as 0/1 in messages.direction.
enum class Direction
{
    Incoming = 0,
    Outgoing = 1,
};

// Where a message stands (docs/ARCHITECTURE.md, app/core). Incoming messages are always
// Received; outgoing ones move through the outbox:
//   Queued -> Sending -> Sent (200) | Accepted (202) | Failed (status, reason)
//   Sending -> Queued (interrupted: the account went away, the program quit)
//   Failed -> Queued (retry)
// Stored as the integer values in messages.state.
enum class DeliveryState
{
    Received = 0,
    Queued = 1,
    Sending = 2,
    Sent = 3,
    Accepted = 4,
    Failed = 5,
};

// The names of the tidings-cli contract: "in"/"out",
// "received"/"queued"/"sending"/"sent"/"accepted"/"failed".
class DeliveryNames
{
public:
    static QString direction(Direction direction);
    static std::optional<Direction> direction(const QString &name);
    static QString state(DeliveryState state);
    static std::optional<DeliveryState> state(const QString &name);
    // Queued or Sending: still in the outbox.
    static bool isPending(DeliveryState state);
};

} // namespace tidings
