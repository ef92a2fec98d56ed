using System.Net;
using Gatewayd.Nftables;
using Gatewayd.Softwire;

namespace Gatewayd.Config;

/// <summary>The whole of /etc/gatewayd/config.json, validated and immutable.</summary>
internal sealed record GatewaydConfig(WanConfig Wan, SoftwireConfig Softwire, IReadOnlyList<LanConfig> Lan)
{
    /// <summary>DHCPv6 client settings.</summary>
    public Dhcp6Config Dhcp6 { get; init; } = Dhcp6Config.Default;

    /// <summary>A config with no WAN interface: valid, and gatewayd stays idle (the packaged default).</summary>
    public bool IsIdle => Wan.Interface is null;
}

internal sealed record WanConfig(string? Interface);

internal enum SoftwireMode { None, MapE, Ipip6, DsLite }

internal sealed record SoftwireConfig(
    SoftwireMode Mode,
    string TunnelName,
    int Mtu,
    MapEConfig MapE,
    Ipip6Config? Ipip6,
    DsLiteConfig? DsLite);

/// <summary>Which interface-id form the CE address takes; Auto is draft-03 for tables and manual rules, RFC 7597 for rules a DHCPv6 server sends.</summary>
internal enum InterfaceIdChoice { Auto, Draft03, Rfc7597 }

internal sealed record MapEConfig(string Vne, MapRule? Rule, InterfaceIdChoice InterfaceId, UdpMapping UdpMapping)
{
    public static MapEConfig Default { get; } = new("auto", null, InterfaceIdChoice.Auto, UdpMapping.RoundRobin);
}

internal sealed record Ipip6Config(IPAddress Ipv4Address, IPAddress InterfaceId, IPAddress BrAddress, Ipip6UpdateConfig? Update);

internal sealed record Ipip6UpdateConfig(Uri Url, string? CredentialsFile);

internal sealed record DsLiteConfig(string Aftr);

internal sealed record LanConfig(string Interface, int SubnetId);

/// <summary>The DHCPv6-PD client's settings.</summary>
/// <param name="ReleaseOnStop">Send a Release when the daemon stops. Off by default: a restart must keep the prefix.</param>
/// <param name="StartImmediately">Solicit at once instead of waiting for an RA with M or O set (RFC 7084 WPD-1).</param>
internal sealed record Dhcp6Config(bool ReleaseOnStop, bool StartImmediately)
{
    public static Dhcp6Config Default { get; } = new(false, false);
}
