// SPDX-License-Identifier: GPL-3.0-or-later
#include "Method.h"

namespace sip {
namespace {

struct Row
{
    QByteArrayView name;
    Method method;
};

constexpr Row kMethods[] = {
    {"INVITE", Method::Invite},       {"ACK", Method::Ack},         {"BYE", Method::Bye},
    {"CANCEL", Method::Cancel},       {"OPTIONS", Method::Options}, {"REGISTER", Method::Register},
    {"MESSAGE", Method::Message},     {"INFO", Method::Info},       {"PRACK", Method::Prack},
    {"SUBSCRIBE", Method::Subscribe}, {"NOTIFY", Method::Notify},   {"UPDATE", Method::Update},
    {"REFER", Method::Refer},         {"PUBLISH", Method::Publish},
};

} // namespace

Method methodFromName(QByteArrayView name)
{
    for (const Row &r : kMethods) {
        if (r.name == name)
            return r.method;
    }
    return Method::Other;
}

QByteArrayView methodName(Method method)
{
    for (const Row &r : kMethods) {
        if (r.method == method)
            return r.name;
    }
    return {};
}

} // namespace sip
