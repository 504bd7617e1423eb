// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryState.h"

namespace tidings {

QString DeliveryNames::direction(Direction direction)
{
    return direction == Direction::Incoming ? QStringLiteral("in") : QStringLiteral("out");
}

std::optional<Direction> DeliveryNames::direction(const QString &name)
{
    if (name == QLatin1String("in")) {
        return Direction::Incoming;
    }
    if (name == QLatin1String("out")) {
        return Direction::Outgoing;
    }
    return std::nullopt;
}

QString DeliveryNames::state(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Received:
        return QStringLiteral("received");
    case DeliveryState::Queued:
        return QStringLiteral("queued");
    case DeliveryState::Sending:
        return QStringLiteral("sending");
    case DeliveryState::Sent:
        return QStringLiteral("sent");
    case DeliveryState::Accepted:
        return QStringLiteral("accepted");
    case DeliveryState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<DeliveryState> DeliveryNames::state(const QString &name)
{
    for (const DeliveryState s :
         {DeliveryState::Received, DeliveryState::Queued, DeliveryState::Sending,
          DeliveryState::Sent, DeliveryState::Accepted, DeliveryState::Failed}) {
        if (name == state(s)) {
            return s;
        }
    }
    return std::nullopt;
}

bool DeliveryNames::isPending(DeliveryState state)
{
    return state == DeliveryState::Queued || state == DeliveryState::Sending;
}

} // namespace tidings
