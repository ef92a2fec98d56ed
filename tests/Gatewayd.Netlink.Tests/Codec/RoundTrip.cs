namespace Gatewayd.Netlink.Tests.Codec;

/// <summary>Decode, encode, decode again: the two decodes must be equal.</summary>
internal static class RoundTrip
{
    /// <summary>True when some typed decoder accepted the message (and it round-tripped).</summary>
    public static bool Check(byte[] message)
    {
        if (!NetlinkHeader.TryRead(message, out var header))
        {
            return false;
        }

        var type = (RtMessageType)header.Type;
        if (LinkInfo.TryParse(message, out var link, out _))
        {
            Assert.True(LinkInfo.TryParse(link.ToMessage(type, header.Flags), out var again, out var e), e.ToString());
            Assert.Equal(link, again);
            return true;
        }

        if (AddressInfo.TryParse(message, out var address, out _))
        {
            Assert.True(AddressInfo.TryParse(address.ToMessage(type, header.Flags), out var again, out var e), e.ToString());
            Assert.Equal(address, again);
            return true;
        }

        if (RouteInfo.TryParse(message, out var route, out _))
        {
            Assert.True(RouteInfo.TryParse(route.ToMessage(type, header.Flags), out var again, out var e), e.ToString());
            Assert.Equal(route, again);
            return true;
        }

        if (RuleInfo.TryParse(message, out var rule, out _))
        {
            Assert.True(RuleInfo.TryParse(rule.ToMessage(type, header.Flags), out var again, out var e), e.ToString());
            Assert.Equal(rule, again);
            return true;
        }

        return false;
    }
}
