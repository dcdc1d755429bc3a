#pragma once

#include "result.h"

#include <QHostAddress>

namespace hanji {

// Whether Hanji may fetch from this address on a digest's word: only the public internet,
// never this machine (loopback), its link (169.254/16, fe80::/10, where cloud metadata
// lives) or a private network (RFC 1918, CGNAT, fc00::/7, site-local), nor an unspecified,
// multicast or broadcast address. An IPv4 address inside IPv6 (::ffff:a.b.c.d) is judged as
// the IPv4 address it is. The error names the address and what it is.
enum class LoopbackPolicy { Refuse, AllowForTests };
[[nodiscard]] Result<> checkPublicAddress(const QHostAddress &address, LoopbackPolicy loopback = LoopbackPolicy::Refuse);

} // namespace hanji
