namespace Gatewayd.Netlink.Tests.Kernel;

public class RuleTests
{
    [KernelFact]
    public async Task FwmarkRule_WithProtocol_AddsShowsDeletes()
    {
        using var ns = new TestNamespace();
        var rule = new RuleInfo
        {
            Family = InetFamily.IPv4,
            Priority = 1000,
            FirewallMark = 0x10,
            FirewallMask = 0xff,
            Table = 100,
            Protocol = 0x9d,
        };
        await ns.Rtnl.AddRuleAsync(rule);
        Assert.Contains("1000:\tfrom all fwmark 0x10/0xff lookup 100 proto 157", ns.Ip("-4 rule show"), StringComparison.Ordinal);
        var found = Assert.Single(await ns.Rtnl.DumpRulesAsync(InetFamily.IPv4, 100));
        Assert.Equal(rule with { }, found with { Flags = 0 });

        var e = await Assert.ThrowsAsync<NetlinkException>(() => ns.Rtnl.AddRuleAsync(rule));
        Assert.Equal(Errno.EEXIST, e.Errno);
        Assert.Equal("RTM_NEWRULE pref 1000 fwmark 0x10/0xff lookup 100 proto 157", e.Operation);

        await ns.Rtnl.DeleteRuleAsync(rule);
        Assert.Empty(await ns.Rtnl.DumpRulesAsync(InetFamily.IPv4, 100));
        var missing = await Assert.ThrowsAsync<NetlinkException>(() => ns.Rtnl.DeleteRuleAsync(rule));
        Assert.Equal(Errno.ENOENT, missing.Errno);
    }

    [KernelFact]
    public async Task Ipv6Rule_WithIifOifAndLargeTable()
    {
        using var ns = new TestNamespace();
        var rule = new RuleInfo { Family = InetFamily.IPv6, Priority = 1001, InputInterface = "lan0", OutputInterface = "mape0", Table = 2000, Protocol = 0x9d };
        await ns.Rtnl.AddRuleAsync(rule);
        Assert.Contains("1001:\tfrom all iif lan0 [detached] oif mape0 [detached] lookup 2000 proto 157", ns.Ip("-6 rule show"), StringComparison.Ordinal);
        var found = Assert.Single(await ns.Rtnl.DumpRulesAsync(InetFamily.IPv6), r => r.Priority == 1001);
        Assert.Equal(("lan0", "mape0", 2000u), (found.InputInterface, found.OutputInterface, found.Table));
    }
}
