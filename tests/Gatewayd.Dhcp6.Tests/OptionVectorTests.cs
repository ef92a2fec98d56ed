using System.Net;
using Xunit;

namespace Gatewayd.Dhcp6.Tests;

public sealed class OptionVectorTests
{
    internal static Dhcp6Option ParseOne(byte[] option)
    {
        Assert.True(Dhcp6Message.TryParse(Vectors.Concat(Vectors.Header(7, 1), option), out Dhcp6Message? m, out Dhcp6ParseError? e), e?.ToString());
        return Assert.Single(m.Options);
    }

    public static TheoryData<string, byte[], Dhcp6Option> Options => new()
    {
        { "CLIENTID", Vectors.ClientId, new ClientIdOption(Duid.FromMac([0x00, 0x11, 0x22, 0x33, 0x44, 0x55])) },
        { "SERVERID", Vectors.ServerIdLlt, new ServerIdOption(new Duid([0, 1, 0, 1, 0x2c, 0x3d, 0x4e, 0x5f, 0x52, 0x54, 0x00, 0xab, 0xcd, 0xef])) },
        { "IA_PD hint", Vectors.IaPdHint, new IaPdOption(1, 0, 0, new IaPrefixOption(0, 0, IPNetwork.Parse("::/56"))) },
        {
            "IA_PD lease", Vectors.IaPdLease,
            new IaPdOption(1, 7200, 10800, new IaPrefixOption(12600, 14400, IPNetwork.Parse("2400:4050:5c71:af00::/56")))
        },
        { "ORO", Vectors.Oro, new OroOption(Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.DomainList, Dhcp6OptionCode.SolMaxRt, Dhcp6OptionCode.S46ContMapE) },
        { "ELAPSED_TIME", Vectors.ElapsedOneSecond, ElapsedTimeOption.FromTimeSpan(TimeSpan.FromSeconds(1)) },
        { "RECONF_ACCEPT", Vectors.ReconfAccept, new ReconfAcceptOption() },
        { "RAPID_COMMIT", Vectors.RapidCommit, new RapidCommitOption() },
        { "PREFERENCE", Vectors.Preference255, new PreferenceOption(255) },
        { "DNS_SERVERS", Vectors.DnsServers, new DnsServersOption(IPAddress.Parse("2404:1a8:7f01:a::3"), IPAddress.Parse("2404:1a8:7f01:b::3")) },
        { "DOMAIN_LIST", Vectors.DomainList, new DomainListOption(DnsName.Parse("example.jp"), DnsName.Parse("lan.")) },
        { "AFTR_NAME", Vectors.AftrName, new AftrNameOption(DnsName.Parse("aftr.example.jp")) },
        { "SOL_MAX_RT", Vectors.SolMaxRt, new SolMaxRtOption(3600) },
        { "STATUS_CODE", Vectors.StatusNoBinding, new StatusCodeOption(Dhcp6StatusCode.NoBinding, "unknown") },
        { "RECONF_MSG", Vectors.ReconfMsgRenew, new ReconfMsgOption(Dhcp6MessageType.Renew) },
        { "AUTH", Vectors.AuthKey, Rkap.CreateKeyOption(1, Vectors.RkapKey) },
        {
            "S46_CONT_MAPE", Vectors.MapEContainer,
            new S46ContainerOption(Dhcp6OptionCode.S46ContMapE,
                new S46RuleOption(0x01, 21, IPNetwork.Parse("153.241.0.0/17"), IPNetwork.Parse("2400:4050:4000::/35"), new S46PortParamsOption(6, 0, 0)),
                new S46BrOption(IPAddress.Parse("2001:380:a120::9")))
        },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Option_parses_to_its_record_and_the_record_writes_the_vector(string name, byte[] wire, Dhcp6Option built)
    {
        Dhcp6Option parsed = ParseOne(wire);
        Assert.Equal(built.GetType(), parsed.GetType());
        Assert.Equal(wire, parsed.ToArray());
        Assert.True(built.WireEquals(parsed), name);
        Assert.Equal(wire, built.ToArray());
    }

    [Fact]
    public void Inf_max_rt_and_information_refresh_time_round_trip()
    {
        Assert.Equal([0x00, 0x53, 0x00, 0x04, 0x00, 0x00, 0x0e, 0x10], new InfMaxRtOption(3600).ToArray());
        Assert.Equal([0x00, 0x20, 0x00, 0x04, 0xff, 0xff, 0xff, 0xff], new InformationRefreshTimeOption(Dhcp6Constants.Infinity).ToArray());
        Assert.Equal(3600u, Assert.IsType<InfMaxRtOption>(ParseOne([0x00, 0x53, 0x00, 0x04, 0x00, 0x00, 0x0e, 0x10])).Seconds);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 1)]
    [InlineData(1_000, 100)]
    [InlineData(655_350, 0xffff)]
    [InlineData(10_000_000, 0xffff)]
    [InlineData(-5, 0)]
    public void Elapsed_time_is_in_hundredths_and_saturates(long milliseconds, int hundredths)
    {
        Assert.Equal(hundredths, ElapsedTimeOption.FromTimeSpan(TimeSpan.FromMilliseconds(milliseconds)).Hundredths);
    }

    [Fact]
    public void Duid_from_mac_is_duid_ll_ethernet()
    {
        Duid duid = Duid.FromMac([0x02, 0x00, 0x5e, 0x10, 0x00, 0x01]);
        Assert.Equal([0x00, 0x03, 0x00, 0x01, 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01], duid.Bytes.ToArray());
        Assert.True(duid.IsEthernetLinkLayer);
        Assert.Equal(DuidType.LinkLayer, duid.Type);
        Assert.Throws<ArgumentException>(() => Duid.FromMac([1, 2, 3]));
    }

    [Fact]
    public void Duid_types_are_recognised_but_opaque()
    {
        var en = new Duid([0x00, 0x02, 0x00, 0x00, 0x09, 0xbf, 0xaa, 0xbb]);
        Assert.Equal(2495u, en.EnterpriseNumber);
        Assert.Equal([0xaa, 0xbb], en.EnterpriseIdentifier.ToArray());
        Assert.False(en.IsEthernetLinkLayer);

        Guid guid = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
        var uuid = new Duid([0x00, 0x04, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]);
        Assert.Equal(guid, uuid.Uuid);

        // Unknown DUID types are legal: DUIDs are opaque (RFC 8415 section 11.1).
        var odd = new Duid([0x12, 0x34, 0x56]);
        Assert.Null(odd.HardwareType);
        Assert.True(odd.LinkLayerAddress.IsEmpty);
        Assert.Equal(new Duid([0x12, 0x34, 0x56]), odd);
        Assert.Throws<ArgumentException>(() => new Duid([0x00]));
    }

    [Fact]
    public void Status_code_keeps_invalid_utf8_bytes_verbatim()
    {
        byte[] wire = [/* STATUS_CODE */ 0x00, 0x0d, /* len 4 */ 0x00, 0x04, /* UnspecFail */ 0x00, 0x01, /* bad UTF-8 */ 0xff, 0xfe];
        var status = Assert.IsType<StatusCodeOption>(ParseOne(wire));
        Assert.Equal(Dhcp6StatusCode.UnspecFail, status.Status);
        Assert.Equal("\uFFFD\uFFFD", status.Message);
        Assert.Equal(wire, status.ToArray());
    }

    [Fact]
    public void Empty_oro_is_legal()
    {
        Assert.Empty(Assert.IsType<OroOption>(ParseOne([0x00, 0x06, 0x00, 0x00])).Codes);
    }
}
