using System.Net;
using Gatewayd.Config;
using Gatewayd.Softwire;

namespace Gatewayd.Planning;

/// <summary>
/// One snapshot of what gatewayd has observed: the config, the DHCPv6-PD lease, what the WAN RA said, and what was
/// resolved. The planner sees nothing else, so the same snapshot always gives the same plan.
/// </summary>
internal sealed record PlanInput(
    GatewaydConfig Config,
    IPNetwork? DelegatedPrefix = null,
    IPNetwork? RaPrefix = null,
    IPAddress? WanGlobalAddress = null,
    IPAddress? AftrAddress = null,
    IReadOnlyList<MapRule>? ServerMapRules = null);
