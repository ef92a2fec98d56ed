namespace Gatewayd.Ndp;

/// <summary>Settings of <see cref="RaListener"/>; the defaults are RFC 4861's host constants.</summary>
public sealed record RaListenerOptions
{
    /// <summary>The WAN interface name, for logs.</summary>
    public string InterfaceName { get; init; } = "wan";

    /// <summary>Whether to solicit at start (RFC 4861 section 6.3.7). Default true.</summary>
    public bool SendSolicitations { get; init; } = true;

    /// <summary>Upper bound of the random delay before the first RS: MAX_RTR_SOLICITATION_DELAY.</summary>
    public TimeSpan MaxSolicitationDelay { get; init; } = NdpConstants.MaxRtrSolicitationDelay;

    /// <summary>Time between RSs: RTR_SOLICITATION_INTERVAL.</summary>
    public TimeSpan SolicitationInterval { get; init; } = NdpConstants.RtrSolicitationInterval;

    /// <summary>How many RSs at most: MAX_RTR_SOLICITATIONS.</summary>
    public int MaxSolicitations { get; init; } = NdpConstants.MaxRtrSolicitations;

    /// <summary>Accepted RAs buffered for a slow reader; beyond this the oldest is dropped (and counted).</summary>
    public int QueueCapacity { get; init; } = 64;
}
