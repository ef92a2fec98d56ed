namespace Gatewayd.Dhcp6.Client;

/// <summary>What the client asks for and how it identifies itself. The defaults are the NTT NGN profile.</summary>
public sealed record Dhcp6ClientOptions
{
    /// <summary>The WAN interface name, for logs.</summary>
    public required string InterfaceName { get; init; }

    /// <summary>Our DUID. The NGN only serves DUID-LL with hardware type 1 (<see cref="Duid.FromMac"/>).</summary>
    public required Duid ClientId { get; init; }

    /// <summary>The IA_PD's IAID; it must stay the same across restarts so the server finds our binding.</summary>
    public required uint Iaid { get; init; }

    /// <summary>Prefix length to hint in the Solicit's IAPREFIX (::/56), or null for no hint.</summary>
    public int? PrefixLengthHint { get; init; } = 56;

    /// <summary>Extra options to ask for beyond DNS servers, domain list and SOL_MAX_RT: AFTR_NAME for DS-Lite, S46_CONT_MAPE for MAP-E.</summary>
    public IReadOnlyList<Dhcp6OptionCode> ExtraRequestedOptions { get; init; } = [];

    /// <summary>
    /// Renew and Rebind carry the T1/T2 and lifetimes last received instead of zeros. NTT gear is reported to drop
    /// Renews with zeros (as odhcp6c, dhcpcd and networkd send); WIDE dhcp6c echoes and keeps its binding.
    /// </summary>
    public bool EchoLifetimes { get; init; } = true;

    /// <summary>
    /// Probe: stop at the best Advertise and report it (<see cref="PrefixOffered"/>) instead of sending a Request, so
    /// nothing is bound and nothing changes on the network (`gatewayd probe`).
    /// </summary>
    public bool ProbeOnly { get; init; }

    /// <summary>The options requested in every message's ORO.</summary>
    public IReadOnlyList<Dhcp6OptionCode> RequestedOptions =>
        [Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.DomainList, Dhcp6OptionCode.SolMaxRt, .. ExtraRequestedOptions.Where(o => o is not (Dhcp6OptionCode.DnsServers or Dhcp6OptionCode.DomainList or Dhcp6OptionCode.SolMaxRt))];
}
