using System.Net;
using Xunit;

namespace Gatewayd.Dhcp6.Tests;

public sealed class MessageVectorTests
{
    private static readonly byte[] Mac = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55];

    public static TheoryData<string, byte[]> Messages => new()
    {
        { "Solicit", Vectors.Solicit },
        { "Advertise", Vectors.Advertise },
        { "Request", Vectors.Request },
        { "Reply", Vectors.Reply },
        { "Renew", Vectors.Renew },
        { "Rebind", Vectors.Rebind },
        { "Release", Vectors.Release },
        { "ReplyNoBinding", Vectors.ReplyNoBinding },
        { "Reconfigure", Vectors.Reconfigure },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Parse_then_serialize_is_byte_identical(string name, byte[] wire)
    {
        Assert.True(Dhcp6Message.TryParse(wire, out Dhcp6Message? message, out Dhcp6ParseError? error), $"{name}: {error}");
        Assert.Equal(wire.Length, message.Length);
        Assert.Equal(wire, message.ToArray());
        Assert.DoesNotContain(message.Options, o => o is UnknownOption);
    }

    [Fact]
    public void Solicit_built_from_options_matches_the_ngn_vector()
    {
        var solicit = new Dhcp6Message(Dhcp6MessageType.Solicit, 0x1a2b3c,
            new ClientIdOption(Duid.FromMac(Mac)),
            new IaPdOption(1, 0, 0, new IaPrefixOption(0, 0, IPNetwork.Parse("::/56"))),
            new OroOption(Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.DomainList, Dhcp6OptionCode.SolMaxRt, Dhcp6OptionCode.S46ContMapE),
            ElapsedTimeOption.FromTimeSpan(TimeSpan.Zero),
            new ReconfAcceptOption());

        Assert.Equal(Vectors.Solicit, solicit.ToArray());
    }

    [Fact]
    public void Solicit_fields()
    {
        Assert.True(Dhcp6Message.TryParse(Vectors.Solicit, out Dhcp6Message? m, out _));
        Assert.Equal(Dhcp6MessageType.Solicit, m.Type);
        Assert.Equal(0x1a2b3cu, m.TransactionId);
        Assert.True(m.ClientId!.IsEthernetLinkLayer);
        Assert.Equal(Mac, m.ClientId.LinkLayerAddress.ToArray());
        Assert.Null(m.ServerId);
        Assert.True(m.ReconfigureAccept);
        Assert.Equal(TimeSpan.Zero, m.ElapsedTime!.Elapsed);
        Assert.Equal([Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.DomainList, Dhcp6OptionCode.SolMaxRt, Dhcp6OptionCode.S46ContMapE], m.RequestedOptions);
        IaPrefixOption hint = Assert.Single(Assert.Single(m.IaPds).Prefixes);
        Assert.Equal(IPNetwork.Parse("::/56"), hint.Prefix);
    }

    [Fact]
    public void Advertise_fields()
    {
        Assert.True(Dhcp6Message.TryParse(Vectors.Advertise, out Dhcp6Message? m, out _));
        Assert.Equal(255, m.Preference);
        Assert.Equal(DuidType.LinkLayerPlusTime, m.ServerId!.Type);
        Assert.Equal(0x2c3d4e5fu, m.ServerId.Time);
        Assert.Equal((ushort)1, m.ServerId.HardwareType);
        Assert.Equal(3600u, m.SolMaxRt);
        Assert.Equal("00:01:00:01:2c:3d:4e:5f:52:54:00:ab:cd:ef", m.ServerId.ToString());
    }

    [Fact]
    public void Reply_fields()
    {
        Assert.True(Dhcp6Message.TryParse(Vectors.Reply, out Dhcp6Message? m, out _));
        Assert.Equal(Dhcp6MessageType.Reply, m.Type);
        IaPdOption ia = Assert.Single(m.IaPds);
        Assert.Equal((1u, 7200u, 10800u), (ia.Iaid, ia.T1, ia.T2));
        Assert.Null(ia.Status);
        IaPrefixOption prefix = Assert.Single(ia.Prefixes);
        Assert.Equal(IPNetwork.Parse("2400:4050:5c71:af00::/56"), prefix.Prefix);
        Assert.Equal((12600u, 14400u), (prefix.PreferredLifetime, prefix.ValidLifetime));
        Assert.Equal([IPAddress.Parse("2404:1a8:7f01:a::3"), IPAddress.Parse("2404:1a8:7f01:b::3")], m.DnsServers);
        Assert.Equal(["example.jp", "lan"], m.DomainList.Select(n => n.ToString()));
        Assert.NotNull(m.MapE);
        Assert.True(Rkap.TryGetReconfigureKey(m.Auth!, out byte[]? key));
        Assert.Equal(Vectors.RkapKey, key);
    }

    [Fact]
    public void Rebind_has_no_server_id_and_echoes_lifetimes()
    {
        Assert.True(Dhcp6Message.TryParse(Vectors.Rebind, out Dhcp6Message? m, out _));
        Assert.Null(m.ServerId);
        Assert.Equal(12600u, m.IaPds[0].Prefixes[0].PreferredLifetime);
        Assert.Equal(TimeSpan.FromSeconds(1), m.ElapsedTime!.Elapsed);
    }

    [Fact]
    public void Reply_with_NoBinding_exposes_the_status()
    {
        Assert.True(Dhcp6Message.TryParse(Vectors.ReplyNoBinding, out Dhcp6Message? m, out _));
        Assert.Equal(Dhcp6StatusCode.NoBinding, m.StatusCode!.Status);
        Assert.Equal("unknown", m.StatusCode.Message);
    }

    [Fact]
    public void Reconfigure_fields()
    {
        Assert.True(Dhcp6Message.TryParse(Vectors.Reconfigure, out Dhcp6Message? m, out _));
        Assert.Equal(0u, m.TransactionId);
        Assert.Equal(Dhcp6MessageType.Renew, m.ReconfigureMessageType);
        Assert.Equal(Rkap.Protocol, m.Auth!.Protocol);
        Assert.Equal(1ul, m.Auth.ReplayDetection);
    }

    [Fact]
    public void Unknown_options_are_kept_in_place_and_reserialized_unchanged()
    {
        byte[] wire = Vectors.Concat(Vectors.Header(7, 1),
            [/* option 9999 */ 0x27, 0x0f, /* len 3 */ 0x00, 0x03, 0xde, 0xad, 0x01],
            Vectors.ClientId,
            [/* IA_NA, not interpreted */ 0x00, 0x03, /* len 12 */ 0x00, 0x0c, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.True(Dhcp6Message.TryParse(wire, out Dhcp6Message? m, out _));
        var unknown = Assert.IsType<UnknownOption>(m.Options[0]);
        Assert.Equal((Dhcp6OptionCode)9999, unknown.Code);
        Assert.Equal([0xde, 0xad, 0x01], unknown.Value.ToArray());
        Assert.IsType<UnknownOption>(m.GetOption(Dhcp6OptionCode.IaNa));
        Assert.Equal(wire, m.ToArray());
    }

    [Fact]
    public void Iaprefix_keeps_host_bits_on_the_wire_but_masks_them_in_Prefix()
    {
        byte[] wire = [.. Vectors.IaPdLease];
        wire[20 + 9 + 15] = 0x01; // last prefix byte (IAPREFIX value at 20, prefix at +9), beyond /56
        Assert.True(Dhcp6Message.TryParse(Vectors.Concat(Vectors.Header(7, 1), wire), out Dhcp6Message? m, out _));
        IaPrefixOption prefix = m.IaPds[0].Prefixes[0];
        Assert.Equal(IPNetwork.Parse("2400:4050:5c71:af00::/56"), prefix.Prefix);
        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af00::1"), prefix.Address);
        Assert.Equal(wire, m.IaPds[0].ToArray());
    }

    [Fact]
    public void Transaction_id_wider_than_24_bits_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dhcp6Message(Dhcp6MessageType.Solicit, 0x1000000));
    }

    [Fact]
    public void WriteTo_a_short_buffer_throws_and_exact_buffer_works()
    {
        Assert.True(Dhcp6Message.TryParse(Vectors.Reply, out Dhcp6Message? m, out _));
        Assert.Throws<ArgumentException>(() => m.WriteTo(new byte[m.Length - 1]));
        var exact = new byte[m.Length];
        Assert.Equal(m.Length, m.WriteTo(exact));
        Assert.Equal(Vectors.Reply, exact);
    }
}
