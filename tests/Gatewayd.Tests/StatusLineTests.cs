using System.Net;
using Gatewayd.Config;
using Gatewayd.Daemon;
using Gatewayd.Dhcp6;
using Gatewayd.Dhcp6.Client;
using Gatewayd.Planning;
using Gatewayd.Reconcile;
using Microsoft.Extensions.Time.Testing;

namespace Gatewayd.Tests;

public class StatusLineTests
{
    private static readonly GatewaydConfig MapE = ConfigReader.Read("""{"wan":{"interface":"wan0"},"softwire":{"mode":"map-e"}}""").Config!;

    private static Dhcp6Lease Lease(long obtainedAt) => new()
    {
        ServerId = Duid.FromMac([2, 0, 0, 0, 0, 1]),
        Iaid = 1,
        T1 = 7200,
        T2 = 10800,
        RenewAfter = TimeSpan.FromSeconds(7200),
        RebindAfter = TimeSpan.FromSeconds(10800),
        Prefixes = [new LeasedPrefix(IPNetwork.Parse("2400:4050:5c71:af00::/56"), 12600, 14400)],
        ObtainedAt = obtainedAt,
    };

    [Fact]
    public void MapEUp_ShowsAddressPortsBrAndTimeLeft()
    {
        var time = new FakeTimeProvider();
        var lease = Lease(time.GetTimestamp());
        time.Advance(TimeSpan.FromMinutes(8));
        var plan = Planner.Plan(new PlanInput(MapE, DelegatedPrefix: lease.PrimaryPrefix));
        var ok = new ReconcileResult([], [], [], TimeSpan.Zero);
        Assert.Equal("MAP-E up: 153.241.113.198 PSID 47 (1008 ports) via 2001:380:a120::9; PD 2400:4050:5c71:af00::/56 valid 3h52m",
            StatusLine.For(plan, ok, lease, time, "wan0"));
    }

    [Fact]
    public void AFailedStep_IsDegradedAndSaysWhich()
    {
        var time = new FakeTimeProvider();
        var lease = Lease(time.GetTimestamp());
        var plan = Planner.Plan(new PlanInput(MapE, DelegatedPrefix: lease.PrimaryPrefix));
        var failed = new ReconcileResult([], [], [new ReconcileFailure(null, "tunnel mape0", "Operation not supported (EOPNOTSUPP)")], TimeSpan.Zero);
        Assert.Equal("MAP-E degraded: 153.241.113.198 PSID 47 (1008 ports) via 2001:380:a120::9; PD 2400:4050:5c71:af00::/56 valid 4h00m (tunnel mape0: Operation not supported (EOPNOTSUPP))",
            StatusLine.For(plan, failed, lease, time, "wan0"));
    }

    [Fact]
    public void NoPrefix_SaysWhatItWaitsFor()
    {
        var plan = Planner.Plan(new PlanInput(MapE));
        Assert.Equal("wan0: waiting for a delegated prefix (DHCPv6-PD) or an RA /64",
            StatusLine.For(plan, new ReconcileResult([], [], [], TimeSpan.Zero), null, TimeProvider.System, "wan0"));
    }
}
