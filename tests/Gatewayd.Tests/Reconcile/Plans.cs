using System.Net;
using Gatewayd.Config;
using Gatewayd.Planning;

namespace Gatewayd.Tests.Reconcile;

/// <summary>The OCN worked example (DESIGN's MAP-E case) and its neighbours, straight from the planner.</summary>
internal static class Plans
{
    public static readonly IPNetwork OcnPd = IPNetwork.Parse("2400:4050:5c71:af00::/56");

    /// <summary>
    /// Another /56 of the same OCN rule with a different IPv4 (153.241.113.202), so every object changes: CE, IPv4, port set,
    /// LAN /64, unreachable route. (2400:4050:5c71:b100::/56 would keep 153.241.113.198 and change only the PSID.)
    /// </summary>
    public static readonly IPNetwork OcnPdNext = IPNetwork.Parse("2400:4050:5c72:af00::/56");

    public static GatewaydConfig MapEConfig { get; } =
        ConfigReader.Read("""{"wan":{"interface":"wan0"},"softwire":{"mode":"map-e"},"lan":[{"interface":"lan0","subnetId":1}]}""").Config
        ?? throw new InvalidOperationException("test config invalid");

    public static DesiredNetwork Ocn(IPNetwork? prefix = null) => Planner.Plan(new PlanInput(MapEConfig, DelegatedPrefix: prefix ?? OcnPd));

    public static DesiredNetwork DsLiteUnresolved()
    {
        var config = ConfigReader.Read("""{"wan":{"interface":"wan0"},"softwire":{"mode":"ds-lite","dsLite":{"aftr":"gw.transix.jp"}}}""").Config
            ?? throw new InvalidOperationException("test config invalid");
        return Planner.Plan(new PlanInput(config, DelegatedPrefix: OcnPd));
    }
}
