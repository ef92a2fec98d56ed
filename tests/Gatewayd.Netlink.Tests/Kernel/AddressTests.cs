using System.Net;

namespace Gatewayd.Netlink.Tests.Kernel;

public class AddressTests
{
    private const byte OurProtocol = 0x9d;

    [KernelFact]
    public async Task Ipv6Slash128_WithNodadAndProtocol_ReadsBack_AndDeletes()
    {
        using var ns = new TestNamespace();
        var index = await ns.AddVethPairAsync();
        var address = new AddressInfo
        {
            Family = InetFamily.IPv6,
            PrefixLength = 128,
            Index = index,
            Address = IPAddress.Parse("2001:db8:1::1"),
            Flags = AddressFlags.NoDad,
            Lifetime = new AddressLifetime(1800, 3600),
            Protocol = OurProtocol,
        };
        await ns.Rtnl.AddAddressAsync(address);

        var found = Assert.Single(await ns.Rtnl.DumpAddressesAsync(InetFamily.IPv6, index), a => address.Address.Equals(a.Address));
        Assert.Equal(OurProtocol, found.Protocol);
        Assert.True(found.Flags.HasFlag(AddressFlags.NoDad));
        Assert.False(found.Flags.HasFlag(AddressFlags.Tentative)); // NODAD: usable at once
        Assert.InRange(found.Lifetime!.Value.ValidSeconds, 3590u, 3600u);

        // iproute2 6.1 neither sets nor prints an address protocol, so `ip` can only confirm the address and nodad.
        var shown = ns.Ip("-6 addr show dev veth0");
        var line = Assert.Single(shown.Split('\n'), l => l.Contains("inet6 2001:db8:1::1/128", StringComparison.Ordinal));
        Assert.Contains("nodad", line, StringComparison.Ordinal);
        Assert.Contains("dynamic", line, StringComparison.Ordinal); // finite lifetimes

        await ns.Rtnl.DeleteAddressAsync(address);
        Assert.DoesNotContain(await ns.Rtnl.DumpAddressesAsync(InetFamily.IPv6, index), a => address.Address.Equals(a.Address));
    }

    [KernelFact]
    public async Task Ipv4Slash32_AddsAndShows()
    {
        using var ns = new TestNamespace();
        var index = await ns.AddVethPairAsync();
        var ip = IPAddress.Parse("192.0.2.1");
        await ns.Rtnl.AddAddressAsync(new AddressInfo { Family = InetFamily.IPv4, PrefixLength = 32, Index = index, Local = ip, Address = ip, Protocol = OurProtocol });
        var found = Assert.Single(await ns.Rtnl.DumpAddressesAsync(InetFamily.IPv4), a => ip.Equals(a.Local));
        Assert.Equal(32, found.PrefixLength);
        Assert.Equal(OurProtocol, found.Protocol);
        Assert.Contains("inet 192.0.2.1/32 scope global veth0", ns.Ip("-4 addr show dev veth0"), StringComparison.Ordinal);
    }

    [KernelFact]
    public async Task AddingAnExistingAddress_IsEexistNamingIt()
    {
        using var ns = new TestNamespace();
        var index = await ns.AddVethPairAsync();
        var ip = IPAddress.Parse("192.0.2.1");
        var address = new AddressInfo { Family = InetFamily.IPv4, PrefixLength = 32, Index = index, Local = ip, Address = ip };
        await ns.Rtnl.AddAddressAsync(address);
        var e = await Assert.ThrowsAsync<NetlinkException>(() => ns.Rtnl.AddAddressAsync(address));
        Assert.Equal(Errno.EEXIST, e.Errno);
        Assert.Equal("RTM_NEWADDR 192.0.2.1/32 dev veth0", e.Operation);
        await ns.Rtnl.ReplaceAddressAsync(address); // replace is fine
    }
}
