using System.Net;
using Xunit;

namespace Gatewayd.Ndp.Tests;

public sealed class RouterAdvertisementTests
{
    private static RouterAdvertisement Parse(byte[] wire)
    {
        Assert.True(RouterAdvertisement.TryParse(wire, out RouterAdvertisement? ra, out NdpParseError? error), error?.ToString());
        return ra;
    }

    [Fact]
    public void Ngn_ra_parses_into_its_fields()
    {
        RouterAdvertisement ra = Parse(RaVectors.Ngn);
        Assert.Equal(64, ra.CurHopLimit);
        Assert.True(ra.Managed);
        Assert.True(ra.OtherConfiguration);
        Assert.Equal(RouterPreference.Medium, ra.Preference);
        Assert.Equal(TimeSpan.FromSeconds(1800), ra.RouterLifetime);
        Assert.Equal(300_000u, ra.ReachableTimeMilliseconds);
        Assert.Equal(10_000u, ra.RetransTimerMilliseconds);
        Assert.Equal(1500u, ra.Mtu);
        Assert.Equal(RaVectors.RouterMac, ra.SourceLinkLayerAddress!.Value.ToArray());

        PrefixInformationOption pio = Assert.Single(ra.Prefixes);
        Assert.Equal(IPNetwork.Parse("2400:4050:5c71:af00::/64"), pio.Prefix);
        Assert.True(pio.OnLink);
        Assert.True(pio.Autonomous);
        Assert.Equal((2_592_000u, 604_800u), (pio.ValidLifetime, pio.PreferredLifetime));

        RecursiveDnsServerOption rdnss = Assert.Single(ra.RecursiveDnsServers);
        Assert.Equal(1800u, rdnss.Lifetime);
        Assert.Equal([IPAddress.Parse("2400:4050:5c71:af00::1")], rdnss.Servers);

        DnsSearchListOption dnssl = Assert.Single(ra.DnsSearchLists);
        Assert.Equal(["example.jp"], dnssl.DomainNames);
        Assert.Empty(ra.MalformedOptions);
    }

    [Fact]
    public void Ngn_ra_round_trips_byte_for_byte()
    {
        Assert.Equal(RaVectors.Ngn, Parse(RaVectors.Ngn).ToArray());
        Assert.Equal(RaVectors.WithRoute, Parse(RaVectors.WithRoute).ToArray());
    }

    [Fact]
    public void Ngn_ra_built_from_fields_matches_the_vector()
    {
        var ra = new RouterAdvertisement(64, managed: true, otherConfiguration: true, RouterPreference.Medium, 1800, 300_000, 10_000,
            new SourceLinkLayerAddressOption(RaVectors.RouterMac),
            new MtuOption(1500),
            new PrefixInformationOption(IPNetwork.Parse("2400:4050:5c71:af00::/64"), onLink: true, autonomous: true, 2_592_000, 604_800),
            new RecursiveDnsServerOption(1800, IPAddress.Parse("2400:4050:5c71:af00::1")),
            new DnsSearchListOption(1800, "example.jp."));
        Assert.Equal(RaVectors.Ngn, ra.ToArray());
    }

    [Fact]
    public void Route_information_option()
    {
        RouteInformationOption rio = Assert.Single(Parse(RaVectors.WithRoute).Routes);
        Assert.Equal(IPNetwork.Parse("2001:db8:1::/48"), rio.Prefix);
        Assert.Equal(RouterPreference.High, rio.Preference);
        Assert.Equal(1800u, rio.RouteLifetime);
        Assert.Equal(RaVectors.Rio, new RouteInformationOption(IPNetwork.Parse("2001:db8:1::/48"), RouterPreference.High, 1800).ToArray());
    }

    [Theory]
    [InlineData(0x00, RouterPreference.Medium)]
    [InlineData(0x08, RouterPreference.High)]
    [InlineData(0x18, RouterPreference.Low)]
    [InlineData(0x10, RouterPreference.Medium)] // reserved 10 is treated as medium (RFC 4191 section 2.2)
    public void Router_preference_bits(byte flags, RouterPreference expected)
    {
        byte[] wire = [.. RaVectors.Header];
        wire[5] = flags;
        Assert.Equal(expected, Parse(wire).Preference);
    }

    [Fact]
    public void Preference_is_ignored_when_router_lifetime_is_zero()
    {
        byte[] wire = [.. RaVectors.Header];
        wire[5] = 0x08;
        wire[6] = wire[7] = 0;
        Assert.Equal(RouterPreference.Medium, Parse(wire).Preference);
    }

    [Fact]
    public void Unknown_options_and_extra_flag_bits_are_kept()
    {
        byte[] wire = RaVectors.Concat(RaVectors.Header, [/* option 200 */ 0xc8, 0x01, 1, 2, 3, 4, 5, 6]);
        wire[5] |= 0x24; // H (RFC 6275) and P (RFC 4389)
        RouterAdvertisement ra = Parse(wire);
        var unknown = Assert.IsType<UnknownNdpOption>(Assert.Single(ra.Options));
        Assert.Equal([1, 2, 3, 4, 5, 6], unknown.Body.ToArray());
        Assert.Equal(wire, ra.ToArray());
    }

    [Fact]
    public void Checksum_is_kept_not_verified()
    {
        byte[] wire = [.. RaVectors.Ngn];
        wire[2] = 0xbe;
        wire[3] = 0xef;
        RouterAdvertisement ra = Parse(wire);
        Assert.Equal(0xbeef, ra.Checksum);
        Assert.Equal(wire, ra.ToArray());
    }
}
