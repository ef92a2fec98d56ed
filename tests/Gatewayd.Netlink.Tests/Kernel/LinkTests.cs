using System.Net;

namespace Gatewayd.Netlink.Tests.Kernel;

public class LinkTests
{
    [KernelFact]
    public async Task DumpLinks_SeesLoopbackAndTheVethPair()
    {
        using var ns = new TestNamespace();
        var veth0 = await ns.AddVethPairAsync();
        var links = await ns.Rtnl.DumpLinksAsync();
        Assert.Equal(["lo", "veth0", "veth1"], links.Select(l => l.Name).Order());
        var v0 = links.Single(l => l.Name == "veth0");
        Assert.Equal(veth0, v0.Index);
        Assert.Equal("veth", v0.Kind);
        Assert.Equal(links.Single(l => l.Name == "veth1").Index, v0.ParentIndex);
    }

    [KernelFact]
    public async Task GetLink_OfMissingName_IsNull()
    {
        using var ns = new TestNamespace();
        Assert.Null(await ns.Rtnl.GetLinkAsync("nosuch0"));
        Assert.Equal("lo", (await ns.Rtnl.GetLinkAsync(1))!.Name);
    }

    [KernelFact]
    public async Task SetMtu_SetLinkUp_DeleteLink()
    {
        using var ns = new TestNamespace();
        var index = await ns.AddVethPairAsync();
        await ns.Rtnl.SetLinkUpAsync(index, up: false);
        await ns.Rtnl.SetMtuAsync(index, 1460);
        var link = await ns.Rtnl.GetLinkAsync(index);
        Assert.Equal(1460u, link!.Mtu);
        Assert.False(link.Flags.HasFlag(LinkFlags.Up));
        await ns.Rtnl.SetLinkUpAsync(index);
        Assert.True((await ns.Rtnl.GetLinkAsync(index))!.Flags.HasFlag(LinkFlags.Up));
        await ns.Rtnl.DeleteLinkAsync(index);
        Assert.Null(await ns.Rtnl.GetLinkAsync("veth0"));
        Assert.Null(await ns.Rtnl.GetLinkAsync("veth1")); // a veth goes with its peer
    }

    [KernelFact]
    public async Task ModifyLink_ChangesAnExistingLinkInPlace()
    {
        using var ns = new TestNamespace();
        var index = await ns.AddVethPairAsync();
        await ns.Rtnl.ModifyLinkAsync(new LinkInfo { Index = index, Mtu = 1400 });
        Assert.Equal(1400u, (await ns.Rtnl.GetLinkAsync(index))!.Mtu);
        var e = await Assert.ThrowsAsync<NetlinkException>(() => ns.Rtnl.ModifyLinkAsync(new LinkInfo { Index = 999, Mtu = 1400 }));
        Assert.Equal(Errno.ENODEV, e.Errno);
        Assert.Equal("RTM_NEWLINK #999 mtu 1400", e.Operation);
    }

    [KernelFact]
    public async Task AddIp6Tunnel_OnAKernelWithoutIp6tnl_FailsWithUnknownDeviceType()
    {
        using var ns = new TestNamespace();
        var index = await ns.AddVethPairAsync();
        var tunnel = new Ip6TunnelInfo
        {
            Link = (uint)index,
            Local = IPAddress.Parse("2001:db8::1"),
            Remote = IPAddress.Parse("2001:db8::2"),
            HopLimit = 64,
            Flags = Ip6TunnelFlags.IgnoreEncapsulationLimit,
        };
        var e = await Assert.ThrowsAsync<NetlinkException>(() => ns.Rtnl.AddLinkAsync(RtNetlink.Ip6TunnelLink("mape0", tunnel, 1460)));
        Assert.Equal(Errno.EOPNOTSUPP, e.Errno);
        Assert.Equal("Unknown device type", e.ExtendedAckMessage);
        Assert.StartsWith("RTM_NEWLINK mape0 type ip6tnl remote 2001:db8::2", e.Message, StringComparison.Ordinal);
    }
}
