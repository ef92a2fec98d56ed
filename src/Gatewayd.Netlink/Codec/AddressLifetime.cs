namespace Gatewayd.Netlink;

/// <summary>The lifetimes in <c>IFA_CACHEINFO</c> (<c>ifa_prefered</c>, <c>ifa_valid</c>), in seconds; RFC 4862 section 5.5.4.</summary>
/// <param name="PreferredSeconds">Preferred lifetime; <see cref="Infinite"/> for forever.</param>
/// <param name="ValidSeconds">Valid lifetime; <see cref="Infinite"/> for forever.</param>
public readonly record struct AddressLifetime(uint PreferredSeconds, uint ValidSeconds)
{
    /// <summary><c>INFINITY_LIFE_TIME</c> (0xFFFFFFFF).</summary>
    public const uint Infinite = uint.MaxValue;

    /// <summary>Both lifetimes forever (what a permanent address reports).</summary>
    public static AddressLifetime Forever { get; } = new(Infinite, Infinite);
}
