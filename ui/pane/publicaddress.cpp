#include "publicaddress.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace hanji {

Result<> checkPublicAddress(const QHostAddress &address, LoopbackPolicy loopback)
{
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4); // also unwraps ::ffff:a.b.c.d
    const QHostAddress judged = isIPv4 ? QHostAddress(ipv4) : address;
    const auto refuse = [&](const QString &what) {
        return failure(u"%1 is %2, not a public address"_s.arg(address.toString(), what), Error::Kind::Invalid);
    };
    if (judged.isNull())
        return failure(u"no address"_s, Error::Kind::Invalid);
    if (judged.isLoopback())
        return loopback == LoopbackPolicy::AllowForTests ? Result<>() : refuse(u"this machine (loopback)"_s);
    if (judged.isLinkLocal())
        return refuse(u"link-local"_s);
    static const QList<std::pair<QHostAddress, int>> privateNetworks = {
        QHostAddress::parseSubnet(u"10.0.0.0/8"_s),     QHostAddress::parseSubnet(u"172.16.0.0/12"_s),
        QHostAddress::parseSubnet(u"192.168.0.0/16"_s), QHostAddress::parseSubnet(u"100.64.0.0/10"_s),
        QHostAddress::parseSubnet(u"fc00::/7"_s),       QHostAddress::parseSubnet(u"fec0::/10"_s),
    };
    for (const auto &[network, prefix] : privateNetworks) {
        if (judged.isInSubnet(network, prefix))
            return refuse(u"on a private network"_s);
    }
    // What is left and still not global: 0.0.0.0/8, ::, multicast, broadcast, reserved ranges.
    if (!judged.isGlobal() || judged.isMulticast() || judged.isBroadcast())
        return refuse(u"reserved"_s);
    return {};
}

} // namespace hanji
