using System.Net;

namespace Gatewayd.Dhcp6.Client;

/// <summary>One delegated prefix with its lifetimes in seconds as the server sent them (0xffffffff is infinity).</summary>
public sealed record LeasedPrefix(IPNetwork Prefix, uint PreferredLifetime, uint ValidLifetime)
{
    /// <summary>The valid lifetime, or null when infinite.</summary>
    public TimeSpan? Valid => Lifetime.ToTimeSpan(ValidLifetime);

    /// <summary>The preferred lifetime, or null when infinite.</summary>
    public TimeSpan? Preferred => Lifetime.ToTimeSpan(PreferredLifetime);
}

/// <summary>RFC 8415 lifetimes on the wire: seconds, with 0xffffffff meaning infinity (section 7.7).</summary>
public static class Lifetime
{
    /// <summary>Seconds to a span, or null for infinity.</summary>
    public static TimeSpan? ToTimeSpan(uint seconds) => seconds == Dhcp6Constants.Infinity ? null : TimeSpan.FromSeconds(seconds);
}
