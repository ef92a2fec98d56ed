namespace Gatewayd.Ndp;

/// <summary>Typed views of the options a WAN listener cares about.</summary>
public sealed partial class RouterAdvertisement
{
    /// <summary>Router lifetime as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan RouterLifetime => TimeSpan.FromSeconds(RouterLifetimeSeconds);

    /// <summary>The router's link-layer address, or null.</summary>
    public ReadOnlyMemory<byte>? SourceLinkLayerAddress => NdpOptionList.First<SourceLinkLayerAddressOption>(Options)?.Address;

    /// <summary>The advertised link MTU, or null.</summary>
    public uint? Mtu => NdpOptionList.First<MtuOption>(Options)?.Mtu;

    /// <summary>Well-formed Prefix Information options, in wire order.</summary>
    public IReadOnlyList<PrefixInformationOption> Prefixes => NdpOptionList.All<PrefixInformationOption>(Options);

    /// <summary>Well-formed Route Information options, in wire order.</summary>
    public IReadOnlyList<RouteInformationOption> Routes => NdpOptionList.All<RouteInformationOption>(Options);

    /// <summary>Well-formed RDNSS options, in wire order.</summary>
    public IReadOnlyList<RecursiveDnsServerOption> RecursiveDnsServers => NdpOptionList.All<RecursiveDnsServerOption>(Options);

    /// <summary>Well-formed DNSSL options, in wire order.</summary>
    public IReadOnlyList<DnsSearchListOption> DnsSearchLists => NdpOptionList.All<DnsSearchListOption>(Options);

    /// <summary>Known options that were malformed and are to be ignored; worth a log line and a counter.</summary>
    public IReadOnlyList<MalformedNdpOption> MalformedOptions => NdpOptionList.All<MalformedNdpOption>(Options);
}
