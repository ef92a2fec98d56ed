using System.Diagnostics;
using Gatewayd.LabTests.Lab;
using Gatewayd.Planning;
using Xunit;
using Xunit.Abstractions;

namespace Gatewayd.LabTests.Reconcile;

/// <summary>
/// The reconciler on the host kernel: the OCN plan (minus the ip6tnl) applied in a fresh namespace, checked with ip and nft,
/// reapplied, changed to another prefix and withdrawn, with a user's address, route and nft table beside it throughout.
/// </summary>
public class ReconcilerLabTests(ITestOutputHelper output)
{
    private const string Ce = "2400:4050:5c71:af00:99:f171:c600:2f00";
    private const string NextCe = "2400:4050:5c72:af00:99:f171:ca00:2f00";

    /// <summary>Objects a user made by hand: none carries gatewayd's protocol, so none may be touched.</summary>
    private static void AddUserObjects(ReconcileLab lab)
    {
        lab.Ip("-6", "addr", "add", "2001:db8:99::5/64", "dev", "wan0", "nodad");
        lab.Ip("-4", "addr", "add", "192.168.77.1/24", "dev", "lan0");
        lab.Ip("route", "add", "10.9.0.0/16", "via", "192.168.77.254", "dev", "lan0", "proto", "static");
        lab.Ip("-6", "route", "add", "2001:db8:aaaa::/48", "dev", "wan0", "proto", "static");
        Sh.RunWithInput("table inet usertable {\n\tchain c {\n\t\ttype filter hook forward priority 10; policy accept;\n\t}\n}\n",
            "ip", "netns", "exec", lab.Name, "nft", "-f", "-");
    }

    private static void AssertUserObjectsSurvive(ReconcileLab lab)
    {
        Assert.Contains("2001:db8:99::5/64", lab.Ip("-6", "addr", "show", "dev", "wan0"), StringComparison.Ordinal);
        Assert.Contains("192.168.77.1/24", lab.Ip("-4", "addr", "show", "dev", "lan0"), StringComparison.Ordinal);
        Assert.Contains("10.9.0.0/16 via 192.168.77.254", lab.Ip("route", "show", "proto", "static"), StringComparison.Ordinal);
        Assert.Contains("2001:db8:aaaa::/48", lab.Ip("-6", "route", "show", "proto", "static"), StringComparison.Ordinal);
        Assert.Contains("table inet usertable", lab.NftText("list", "tables"), StringComparison.Ordinal);
    }

    [LabFact]
    public async Task OcnPlan_AppliedWithOurProtocol_SecondRunChangesNothing()
    {
        using var lab = new ReconcileLab();
        var plan = ReconcileLab.Plan(ReconcileLab.OcnPd);

        var clock = Stopwatch.StartNew();
        var first = await lab.Reconciler.ReconcileAsync(plan);
        var applyTime = clock.Elapsed;
        clock.Restart();
        var second = await lab.Reconciler.ReconcileAsync(plan);
        var noOpTimes = new List<double> { clock.Elapsed.TotalMilliseconds };
        for (var i = 0; i < 4; i++)
        {
            clock.Restart();
            Assert.False((await lab.Reconciler.ReconcileAsync(plan)).Changed);
            noOpTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"full apply {applyTime.TotalMilliseconds:F1} ms ({first.Applied.Count} actions), no-op {string.Join(" / ", noOpTimes.Select(t => t.ToString("F1")))} ms");

        Assert.Empty(first.Failures);
        Assert.True(first.Changed);
        Assert.Empty(second.Failures);
        Assert.False(second.Changed);
        Assert.Equal(["EnsureRuleset"], second.Planned.Select(a => a.GetType().Name));

        Assert.Contains($"{Ce}/128", lab.Ip("-6", "addr", "show", "dev", "wan0"), StringComparison.Ordinal);
        Assert.Contains("153.241.113.198/32", lab.Ip("-4", "addr", "show", "dev", "mape0"), StringComparison.Ordinal);
        Assert.Contains("2400:4050:5c71:af01::1/64", lab.Ip("-6", "addr", "show", "dev", "lan0"), StringComparison.Ordinal);
        Assert.Equal("default dev mape0 scope link", lab.Ip("route", "show", "proto", "157").Trim());
        Assert.StartsWith("unreachable 2400:4050:5c71:af00::/56 dev lo metric 1024", lab.Ip("-6", "route", "show", "proto", "157").Trim(), StringComparison.Ordinal);
        Assert.Contains("153.241.113.198", lab.NftText("list", "table", "inet", "gatewayd"), StringComparison.Ordinal);

        // iproute2 6.1 cannot show IFA_PROTO; our own dump can.
        Assert.Equal(
        [
            "addr 153.241.113.198/32 dev mape0 proto 157",
            $"addr {Ce}/128 dev wan0 proto 157",
            "addr 2400:4050:5c71:af01::1/64 dev lan0 proto 157",
            "route 0.0.0.0/0 dev mape0 table 254 proto 157",
            "route unreachable 2400:4050:5c71:af00::/56 dev lo table 254 proto 157 metric 1024",
        ], await lab.OwnedAsync());
    }

    [LabFact]
    public async Task PrefixChange_OldOwnedObjectsGone_NewOnesPresent_UsersUntouched()
    {
        using var lab = new ReconcileLab();
        AddUserObjects(lab);
        Assert.Empty((await lab.Reconciler.ReconcileAsync(ReconcileLab.Plan(ReconcileLab.OcnPd))).Failures);

        var clock = Stopwatch.StartNew();
        var change = await lab.Reconciler.ReconcileAsync(ReconcileLab.Plan(ReconcileLab.OcnPdNext));
        output.WriteLine($"prefix change {clock.Elapsed.TotalMilliseconds:F1} ms ({change.Applied.Count} actions)");

        Assert.Empty(change.Failures);
        var owned = await lab.OwnedAsync();
        Assert.Equal(
        [
            "addr 153.241.113.202/32 dev mape0 proto 157",
            $"addr {NextCe}/128 dev wan0 proto 157",
            "addr 2400:4050:5c72:af01::1/64 dev lan0 proto 157",
            "route 0.0.0.0/0 dev mape0 table 254 proto 157",
            "route unreachable 2400:4050:5c72:af00::/56 dev lo table 254 proto 157 metric 1024",
        ], owned);
        Assert.DoesNotContain(Ce, lab.Ip("-6", "addr"), StringComparison.Ordinal);
        Assert.DoesNotContain("153.241.113.198", lab.Ip("-4", "addr"), StringComparison.Ordinal);
        Assert.DoesNotContain("5c71:af00::/56", lab.Ip("-6", "route"), StringComparison.Ordinal);
        var table = lab.NftText("list", "table", "inet", "gatewayd");
        Assert.Contains("153.241.113.202", table, StringComparison.Ordinal);
        Assert.DoesNotContain("153.241.113.198", table, StringComparison.Ordinal);
        AssertUserObjectsSurvive(lab);

        Assert.False((await lab.Reconciler.ReconcileAsync(ReconcileLab.Plan(ReconcileLab.OcnPdNext))).Changed);
    }

    [LabFact]
    public async Task EmptyPlan_RemovesEveryOwnedObject_AndLeavesTheUsers()
    {
        using var lab = new ReconcileLab();
        AddUserObjects(lab);
        await lab.Reconciler.ReconcileAsync(ReconcileLab.Plan(ReconcileLab.OcnPd));

        var clock = Stopwatch.StartNew();
        var teardown = await lab.Reconciler.ReconcileAsync(DesiredNetwork.Empty("lease lost"));
        output.WriteLine($"teardown {clock.Elapsed.TotalMilliseconds:F1} ms ({teardown.Applied.Count} actions)");

        Assert.Empty(teardown.Failures);
        Assert.Equal(
            ["DeleteRoute", "DeleteRoute", "DeleteRuleset", "DeleteAddress", "DeleteAddress", "DeleteAddress"],
            teardown.Applied.Select(a => a.GetType().Name));
        Assert.Empty(await lab.OwnedAsync());
        Assert.DoesNotContain("gatewayd", lab.NftText("list", "tables"), StringComparison.Ordinal);
        AssertUserObjectsSurvive(lab);

        // The veth standing in for the tunnel is not an ip6tnl: it is never deleted.
        Assert.Contains("mape0", lab.Ip("link", "show", "mape0"), StringComparison.Ordinal);
        Assert.False((await lab.Reconciler.ReconcileAsync(DesiredNetwork.Empty())).Changed);
    }

    [LabFact]
    public async Task TamperedObjects_AreRepaired()
    {
        using var lab = new ReconcileLab();
        var plan = ReconcileLab.Plan(ReconcileLab.OcnPd);
        await lab.Reconciler.ReconcileAsync(plan);
        var before = await lab.OwnedAsync();

        lab.Ip("route", "del", "default", "dev", "mape0");
        lab.Ip("-6", "addr", "del", $"{Ce}/128", "dev", "wan0");
        lab.NftText("add", "rule", "inet", "gatewayd", "forward", "ip", "saddr", "10.9.9.9", "drop");

        var repair = await lab.Reconciler.ReconcileAsync(plan);

        Assert.Empty(repair.Failures);
        Assert.Equal(["AddAddress", "EnsureRuleset", "AddRoute"], repair.Applied.Select(a => a.GetType().Name));
        Assert.Equal(before, await lab.OwnedAsync());
        Assert.DoesNotContain("10.9.9.9", lab.NftText("list", "table", "inet", "gatewayd"), StringComparison.Ordinal);
    }
}
