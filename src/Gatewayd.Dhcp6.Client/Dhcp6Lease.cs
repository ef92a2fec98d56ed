using System.Net;

namespace Gatewayd.Dhcp6.Client;

/// <summary>
/// A binding as the server last confirmed it. Immutable; made only by <see cref="LeaseFactory"/> from a Reply (or by
/// the lease store from disk). Lifetimes count from <see cref="ObtainedAt"/>, a <see cref="TimeProvider"/> timestamp.
/// </summary>
public sealed record Dhcp6Lease
{
    /// <summary>The server that holds the binding.</summary>
    public required Duid ServerId { get; init; }

    /// <summary>The server's link-local address the Reply came from, when known.</summary>
    public IPAddress? ServerAddress { get; init; }

    /// <summary>The IA_PD's IAID.</summary>
    public required uint Iaid { get; init; }

    /// <summary>T1 and T2 as the server sent them (for echoing); may be 0.</summary>
    public required uint T1 { get; init; }

    /// <inheritdoc cref="T1"/>
    public required uint T2 { get; init; }

    /// <summary>When to Renew, after <see cref="ObtainedAt"/>; null for never (infinite).</summary>
    public required TimeSpan? RenewAfter { get; init; }

    /// <summary>When to Rebind, after <see cref="ObtainedAt"/>; null for never (infinite).</summary>
    public required TimeSpan? RebindAfter { get; init; }

    /// <summary>The delegated prefixes, in the order the server listed them.</summary>
    public required IReadOnlyList<LeasedPrefix> Prefixes { get; init; }

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> value when the Reply was received.</summary>
    public required long ObtainedAt { get; init; }

    /// <summary>Recursive DNS servers (option 23).</summary>
    public IReadOnlyList<IPAddress> DnsServers { get; init; } = [];

    /// <summary>Domain search list (option 24).</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>The DS-Lite AFTR name (RFC 6334), if sent.</summary>
    public string? AftrName { get; init; }

    /// <summary>The RFC 7598 MAP-E container (option 94), if sent.</summary>
    public S46ContainerOption? MapE { get; init; }

    /// <summary>The RKAP reconfigure key from the Reply (RFC 8415 section 20.4), if the server gave one.</summary>
    public ReadOnlyMemory<byte>? ReconfigureKey { get; init; }

    /// <summary>The valid lifetime that ends last, or null when some prefix is infinite.</summary>
    public TimeSpan? ValidUntil => Prefixes.Any(p => p.Valid is null) ? null : Prefixes.Max(p => p.Valid!.Value);

    /// <summary>The first prefix: the one MAP-E and the LANs are planned from.</summary>
    public IPNetwork? PrimaryPrefix => Prefixes.Count == 0 ? null : Prefixes[0].Prefix;

    /// <summary>True when both leases delegate the same prefixes, whatever their lifetimes.</summary>
    public bool SamePrefixesAs(Dhcp6Lease? other) =>
        other is not null && Prefixes.Select(p => p.Prefix).SequenceEqual(other.Prefixes.Select(p => p.Prefix));
}
