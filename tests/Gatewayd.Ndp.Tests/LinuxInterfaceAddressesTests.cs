using System.Runtime.Versioning;
using Xunit;

namespace Gatewayd.Ndp.Tests;

[SupportedOSPlatform("linux")]
public sealed class LinuxInterfaceAddressesTests
{
    // /proc/net/if_inet6: address ifindex prefixlen scope flags name (hex)
    private const string IfInet6 =
        "00000000000000000000000000000001 01 80 10 80       lo\n" +
        "fe80000000000000000000fffe100001 02 40 20 c0     wan0\n" + // tentative (0x40) + permanent
        "240040505c71af000000000000000001 02 40 00 80     wan0\n" +
        "fe80000000000000000000fffe100002 03 40 20 80     lan0\n" +
        "fe80000000000000000000fffe100003 04 40 20 88     dad0\n";   // dadfailed

    [Theory]
    [InlineData("wan0", false)]
    [InlineData("lan0", true)]
    [InlineData("dad0", false)]
    [InlineData("lo", false)]
    [InlineData("nope", false)]
    public void Link_local_must_be_neither_tentative_nor_dad_failed(string name, bool usable) =>
        Assert.Equal(usable, LinuxInterfaceAddresses.HasUsableLinkLocal(IfInet6, name));

    [Fact]
    public void Mac_is_read_from_sysfs_text()
    {
        Assert.Equal([0x02, 0x00, 0x5e, 0x10, 0x00, 0x01], LinuxInterfaceAddresses.ParseMac("02:00:5e:10:00:01\n")!.GetAddressBytes());
        Assert.Null(LinuxInterfaceAddresses.ParseMac("00:00:00:00:00:00\n"));
        Assert.Null(LinuxInterfaceAddresses.ParseMac("\n"));
    }

    [Fact]
    public void Files_that_do_not_exist_mean_no_address()
    {
        var addresses = new LinuxInterfaceAddresses("wan0", "/nonexistent/sys/class/net", "/nonexistent/if_inet6");

        Assert.Null(addresses.GetLinkLayerAddress());
        Assert.False(addresses.HasLinkLocalAddress());
    }
}
