using Gatewayd.Dhcp6;
using Gatewayd.Softwire;

namespace Gatewayd.Dhcp;

/// <summary>RFC 7598 MAP-E options from a DHCPv6 server, as Softwire rules: the same code path as manual and built-in rules.</summary>
internal static class ServerMapRules
{
    /// <summary>RFC 7597 5.1: without S46_PORTPARAMS the PSID offset is 6.</summary>
    private const int DefaultPsidOffset = 6;

    /// <summary>The container's usable rules; a rule that fails validation is skipped and named in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<MapRule> From(S46ContainerOption? container, List<string>? problems = null)
    {
        if (container is null)
            return [];
        var br = container.BorderRelays.Count > 0 ? container.BorderRelays[0].Address : null;
        var rules = new List<MapRule>();
        foreach (var r in container.Rules)
        {
            var offset = r.PortParams?.Offset ?? DefaultPsidOffset;
            var reasons = MapRule.Validate(r.Ipv6Prefix, r.Ipv4Prefix, r.EaLength, offset, br);
            if (reasons.Count > 0)
            {
                problems?.Add($"S46_RULE {r.Ipv6Prefix} -> {r.Ipv4Prefix}: {string.Join("; ", reasons)}");
                continue;
            }
            rules.Add(MapRule.Create(r.Ipv6Prefix, r.Ipv4Prefix, r.EaLength, offset, br, vne: "dhcpv6"));
        }
        return rules;
    }
}
