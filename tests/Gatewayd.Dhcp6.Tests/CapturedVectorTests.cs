using System.Net;
using System.Text;
using Xunit;

namespace Gatewayd.Dhcp6.Tests;

/// <summary>
/// Real dhcpcd 9.4.1 / kea-dhcp6 2.2.0 exchange (<see cref="CapturedVectors"/>). Expectations come from the capture setup
/// (capture.sh: MACs, kea's pool, timers and options), not from the codec under test.
/// </summary>
public sealed class CapturedVectorTests
{
    private const Dhcp6OptionCode ClientFqdn = (Dhcp6OptionCode)39;

    private static readonly IPNetwork PdPool = IPNetwork.Parse("2400:4050:5c71:af00::/56");
    private static readonly IPNetwork KeaSubnet = IPNetwork.Parse("2400:4050:5c71::/48");

    /// <summary>dhcpcd's ORO in every message that has one (Debian's stock "option domain_name_servers, domain_name, domain_search").</summary>
    private static readonly Dhcp6OptionCode[] DhcpcdOro =
        [Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.DomainList, ClientFqdn, Dhcp6OptionCode.SolMaxRt, Dhcp6OptionCode.InfMaxRt];

    public static TheoryData<string> AllFiles => [.. CapturedVectors.Files];

    public static TheoryData<string> ClientFiles => [.. CapturedVectors.Files.Where(f => !f.EndsWith("reply") && !f.EndsWith("advertise"))];

    /// <summary>Each client message and the server message answering it.</summary>
    public static TheoryData<string, string> Exchanges => new()
    {
        { "01-solicit", "02-advertise" },
        { "03-request", "04-reply" },
        { "05-renew", "06-reply" },
        { "07-renew", "08-reply" },
        { "09-rebind", "10-reply" },
        { "11-release", "12-reply" },
    };

    /// <summary>The Replies that carry the lease (to Request, Renew, Renew, Rebind).</summary>
    public static TheoryData<string> LeaseReplies => ["04-reply", "06-reply", "08-reply", "10-reply"];

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Captured_message_parses_and_reserializes_byte_identical(string name)
    {
        byte[] wire = CapturedVectors.Load(name);
        Assert.True(Dhcp6Message.TryParse(wire, out Dhcp6Message? message, out Dhcp6ParseError? error), $"{name}: {error}");
        Assert.Equal(wire.Length, message.Length);
        Assert.Equal(wire, message.ToArray());
        Assert.DoesNotContain(message.Options, o => o is UnknownOption);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Message_type_matches_the_file_name(string name)
    {
        Dhcp6MessageType expected = name[3..] switch
        {
            "solicit" => Dhcp6MessageType.Solicit,
            "advertise" => Dhcp6MessageType.Advertise,
            "request" => Dhcp6MessageType.Request,
            "renew" => Dhcp6MessageType.Renew,
            "rebind" => Dhcp6MessageType.Rebind,
            "release" => Dhcp6MessageType.Release,
            "reply" => Dhcp6MessageType.Reply,
            _ => throw new InvalidOperationException(name),
        };
        Assert.Equal(expected, CapturedVectors.Parse(name).Type);
        Assert.Equal((byte)expected, CapturedVectors.Load(name)[0]);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Every_message_carries_dhcpcds_DUID_LL_with_the_veth_MAC(string name)
    {
        Duid clientId = CapturedVectors.Parse(name).ClientId!;
        Assert.Equal(DuidType.LinkLayer, clientId.Type);
        Assert.Equal((ushort)1, clientId.HardwareType);
        Assert.Equal(CapturedVectors.CeMac, clientId.LinkLayerAddress.ToArray());
        Assert.True(clientId.IsEthernetLinkLayer);
        Assert.Equal("00:03:00:01:02:00:00:00:ce:01", clientId.ToString());
        Assert.Equal(Duid.FromMac(CapturedVectors.CeMac), clientId);
    }

    [Theory]
    [MemberData(nameof(ClientFiles))]
    public void Every_client_message_has_elapsed_time_zero_and_only_an_IA_PD(string name)
    {
        Dhcp6Message m = CapturedVectors.Parse(name);
        Assert.Equal((ushort)0, m.ElapsedTime!.Hundredths); // every message here is a first transmission
        IaPdOption ia = Assert.Single(m.IaPds);
        Assert.Equal(1u, ia.Iaid);
        Assert.Null(m.GetOption(Dhcp6OptionCode.IaNa));
        Assert.Null(m.GetOption(Dhcp6OptionCode.IaTa));
        Assert.False(m.RapidCommit);
        Assert.False(m.ReconfigureAccept);
        Assert.Null(m.GetOption((Dhcp6OptionCode)16)); // VENDOR_CLASS: suppressed by "vendorclassid" (capture.sh)
    }

    [Theory]
    [MemberData(nameof(Exchanges))]
    public void Server_answers_with_the_clients_transaction_id_and_DUID(string clientName, string serverName)
    {
        Dhcp6Message client = CapturedVectors.Parse(clientName);
        Dhcp6Message server = CapturedVectors.Parse(serverName);
        Assert.Equal(client.TransactionId, server.TransactionId);
        Assert.Equal(CapturedVectors.Load(clientName)[1..4], CapturedVectors.Load(serverName)[1..4]);
        Assert.Equal(client.ClientId, server.ClientId);
        Assert.Equal(serverName == "02-advertise" ? Dhcp6MessageType.Advertise : Dhcp6MessageType.Reply, server.Type);
    }

    [Fact]
    public void Each_exchange_has_its_own_transaction_id()
    {
        uint[] xids = [.. CapturedVectors.Files.Where((_, i) => i % 2 == 0).Select(f => CapturedVectors.Parse(f).TransactionId)];
        Assert.Equal([0xf5f64bu, 0xc7e5f8u, 0x105d8fu, 0x913d2eu, 0x4e16c5u, 0x9860acu], xids);
        Assert.Equal(xids.Length, xids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Kea_server_id_is_DUID_LLT_from_its_veth_MAC(string name)
    {
        Duid? serverId = CapturedVectors.Parse(name).ServerId;
        if (name is "01-solicit" or "09-rebind")
        {
            Assert.Null(serverId); // RFC 8415: Solicit and Rebind carry no Server Identifier
            return;
        }

        Assert.NotNull(serverId);
        Assert.Equal(DuidType.LinkLayerPlusTime, serverId.Type);
        Assert.Equal((ushort)1, serverId.HardwareType);
        Assert.Equal(CapturedVectors.KeaDuidTime, serverId.Time);
        Assert.Equal(CapturedVectors.NgnMac, serverId.LinkLayerAddress.ToArray());
        Assert.False(serverId.IsEthernetLinkLayer);
        Assert.Equal("00:01:00:01:32:96:23:06:02:00:00:00:47:01", serverId.ToString());
    }

    [Fact]
    public void Solicit_asks_for_a_prefix_without_a_hint_and_without_an_address()
    {
        Dhcp6Message m = CapturedVectors.Parse("01-solicit");
        Assert.Equal(0xf5f64bu, m.TransactionId);
        Assert.Equal(
            [Dhcp6OptionCode.ClientId, Dhcp6OptionCode.IaPd, Dhcp6OptionCode.Oro, Dhcp6OptionCode.ElapsedTime],
            m.Options.Select(o => o.Code));
        IaPdOption ia = Assert.Single(m.IaPds);
        Assert.Equal((1u, 0u, 0u), (ia.Iaid, ia.T1, ia.T2));
        Assert.Empty(ia.Options); // dhcpcd sends no IAPREFIX hint when ia_pd names no prefix length
        Assert.Null(m.GetOption(Dhcp6OptionCode.IaNa));
        Assert.Equal(DhcpcdOro, m.RequestedOptions);
        Assert.DoesNotContain(Dhcp6OptionCode.AftrName, m.RequestedOptions);
    }

    [Fact]
    public void Solicit_built_from_typed_options_matches_the_capture()
    {
        var solicit = new Dhcp6Message(Dhcp6MessageType.Solicit, 0xf5f64b,
            new ClientIdOption(Duid.FromMac(CapturedVectors.CeMac)),
            new IaPdOption(1, 0, 0),
            new OroOption(DhcpcdOro),
            new ElapsedTimeOption(0));
        Assert.Equal(CapturedVectors.Load("01-solicit"), solicit.ToArray());
    }

    [Fact]
    public void Advertise_offers_the_pool_prefix_with_keas_timers_and_options()
    {
        Dhcp6Message m = CapturedVectors.Parse("02-advertise");
        Assert.Equal(
            [Dhcp6OptionCode.ClientId, Dhcp6OptionCode.ServerId, Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.DomainList,
             Dhcp6OptionCode.IaPd, Dhcp6OptionCode.AftrName],
            m.Options.Select(o => o.Code));
        Assert.Null(m.GetOption<PreferenceOption>()); // kea sends no Preference unless configured
        Assert.Equal(0, m.Preference);
        AssertLease(m);
    }

    [Theory]
    [MemberData(nameof(LeaseReplies))]
    public void Lease_reply_delegates_the_pool_prefix_with_keas_timers_and_options(string name)
    {
        Dhcp6Message m = CapturedVectors.Parse(name);
        Assert.Null(m.StatusCode);
        Assert.Equal(
            [Dhcp6OptionCode.ClientId, Dhcp6OptionCode.ServerId, Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.DomainList,
             Dhcp6OptionCode.IaPd, Dhcp6OptionCode.AftrName],
            m.Options.Select(o => o.Code));
        AssertLease(m);
    }

    [Fact]
    public void Kea_sends_the_same_lease_bytes_to_Request_Renew_and_Rebind()
    {
        byte[] advertise = CapturedVectors.Load("02-advertise");
        foreach (string name in new[] { "04-reply", "06-reply", "08-reply", "10-reply" })
            Assert.Equal(advertise[4..], CapturedVectors.Load(name)[4..]);
    }

    [Fact]
    public void Reply_built_from_typed_options_matches_the_capture()
    {
        var reply = new Dhcp6Message(Dhcp6MessageType.Reply, 0xc7e5f8,
            new ClientIdOption(Duid.FromMac(CapturedVectors.CeMac)),
            new ServerIdOption(new Duid([0x00, 0x01, 0x00, 0x01, 0x32, 0x96, 0x23, 0x06, .. CapturedVectors.NgnMac])),
            new DnsServersOption(IPAddress.Parse("2400:4050:5c71::53")),
            new DomainListOption(DnsName.Parse("example.jp")),
            new IaPdOption(1, 4, 6, new IaPrefixOption(8, 10, PdPool)),
            new AftrNameOption(DnsName.Parse("gw.example.jp")));
        Assert.Equal(CapturedVectors.Load("04-reply"), reply.ToArray());
    }

    [Fact]
    public void Request_echoes_the_advertised_server_and_prefix_with_zero_T1_T2()
    {
        Dhcp6Message advertise = CapturedVectors.Parse("02-advertise");
        Dhcp6Message m = CapturedVectors.Parse("03-request");
        Assert.NotEqual(CapturedVectors.Parse("01-solicit").TransactionId, m.TransactionId);
        Assert.Equal(advertise.ServerId, m.ServerId);
        Assert.Equal(
            [Dhcp6OptionCode.ClientId, Dhcp6OptionCode.ServerId, Dhcp6OptionCode.IaPd, Dhcp6OptionCode.Oro, Dhcp6OptionCode.ElapsedTime],
            m.Options.Select(o => o.Code));
        AssertEchoedPrefixWithZeroTimers(m);
        Assert.Equal(DhcpcdOro, m.RequestedOptions);
    }

    /// <summary>
    /// The NGN problem gatewayd avoids: dhcpcd's Renew has T1 = T2 = 0 in the IA_PD (RFC 8415 section 18.2.4 lets a client
    /// send 0, NTT gear is reported to drop such a Renew). Its IAPREFIX lifetimes, though, echo the lease (8/10), not 0.
    /// </summary>
    [Theory]
    [InlineData("05-renew")]
    [InlineData("07-renew")]
    public void Dhcpcd_renew_sends_zero_T1_T2_but_echoes_the_prefix_lifetimes(string name)
    {
        Dhcp6Message m = CapturedVectors.Parse(name);
        Assert.Equal(CapturedVectors.Parse("04-reply").ServerId, m.ServerId);
        Assert.Equal(
            [Dhcp6OptionCode.ClientId, Dhcp6OptionCode.ServerId, Dhcp6OptionCode.IaPd, Dhcp6OptionCode.Oro, Dhcp6OptionCode.ElapsedTime],
            m.Options.Select(o => o.Code));
        AssertEchoedPrefixWithZeroTimers(m);
        Assert.Equal(DhcpcdOro, m.RequestedOptions);
    }

    [Fact]
    public void Renew_differs_from_the_Request_only_in_type_and_transaction_id()
    {
        byte[] request = CapturedVectors.Load("03-request");
        Assert.Equal(request[4..], CapturedVectors.Load("05-renew")[4..]);
        Assert.Equal(request[4..], CapturedVectors.Load("07-renew")[4..]);
    }

    [Fact]
    public void Rebind_is_the_Renew_without_the_server_id()
    {
        Dhcp6Message m = CapturedVectors.Parse("09-rebind");
        Assert.Null(m.ServerId);
        Assert.Equal(
            [Dhcp6OptionCode.ClientId, Dhcp6OptionCode.IaPd, Dhcp6OptionCode.Oro, Dhcp6OptionCode.ElapsedTime],
            m.Options.Select(o => o.Code));
        AssertEchoedPrefixWithZeroTimers(m);
    }

    [Fact]
    public void Release_names_the_server_and_the_prefix_and_requests_nothing()
    {
        Dhcp6Message m = CapturedVectors.Parse("11-release");
        Assert.Equal(CapturedVectors.Parse("04-reply").ServerId, m.ServerId);
        Assert.Equal(
            [Dhcp6OptionCode.ClientId, Dhcp6OptionCode.ServerId, Dhcp6OptionCode.IaPd, Dhcp6OptionCode.ElapsedTime],
            m.Options.Select(o => o.Code));
        Assert.Empty(m.RequestedOptions);
        AssertEchoedPrefixWithZeroTimers(m);
    }

    [Fact]
    public void Reply_to_Release_reports_success_twice_and_nothing_else()
    {
        Dhcp6Message m = CapturedVectors.Parse("12-reply");
        Assert.Equal(
            [Dhcp6OptionCode.ClientId, Dhcp6OptionCode.ServerId, Dhcp6OptionCode.StatusCode, Dhcp6OptionCode.IaPd],
            m.Options.Select(o => o.Code));
        Assert.Equal(Dhcp6StatusCode.Success, m.StatusCode!.Status);
        Assert.Equal("Summary status for all processed IA_NAs", m.StatusCode.Message); // kea says IA_NAs even for an IA_PD
        IaPdOption ia = Assert.Single(m.IaPds);
        Assert.Equal((1u, 0u, 0u), (ia.Iaid, ia.T1, ia.T2));
        Assert.Empty(ia.Prefixes);
        Assert.Equal(Dhcp6StatusCode.Success, ia.Status!.Status);
        Assert.Equal("Lease released. Thank you, please come again.", ia.Status.Message);
        Assert.Empty(m.DnsServers);
        Assert.Null(m.AftrName);
    }

    [Fact]
    public void Annotated_arrays_are_the_captured_bytes()
    {
        Assert.Equal(CapturedVectors.Load("01-solicit"), CapturedVectors.Solicit);
        Assert.Equal(CapturedVectors.Load("04-reply"), CapturedVectors.Reply);
        Assert.Equal(CapturedVectors.Load("05-renew"), CapturedVectors.Renew);
    }

    [Fact]
    public void Capture_holds_one_of_each_exchange_and_two_renews()
    {
        Dhcp6MessageType[] types = [.. CapturedVectors.Files.Select(f => CapturedVectors.Parse(f).Type)];
        Assert.Equal(
            [Dhcp6MessageType.Solicit, Dhcp6MessageType.Advertise, Dhcp6MessageType.Request, Dhcp6MessageType.Reply,
             Dhcp6MessageType.Renew, Dhcp6MessageType.Reply, Dhcp6MessageType.Renew, Dhcp6MessageType.Reply,
             Dhcp6MessageType.Rebind, Dhcp6MessageType.Reply, Dhcp6MessageType.Release, Dhcp6MessageType.Reply],
            types);
    }

    /// <summary>What kea was configured to hand out (capture.sh), checked field by field.</summary>
    private static void AssertLease(Dhcp6Message m)
    {
        IaPdOption ia = Assert.Single(m.IaPds);
        Assert.Equal((1u, 4u, 6u), (ia.Iaid, ia.T1, ia.T2));
        Assert.Null(ia.Status);
        IaPrefixOption prefix = Assert.Single(ia.Prefixes);
        Assert.Equal(56, prefix.PrefixLength);
        Assert.True(PdPool.Contains(prefix.Address));
        Assert.True(KeaSubnet.Contains(prefix.Address));
        Assert.Equal(PdPool, prefix.Prefix); // a /56 pool delegating /56s holds exactly one prefix
        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af00::"), prefix.Address);
        Assert.Equal((8u, 10u), (prefix.PreferredLifetime, prefix.ValidLifetime));
        Assert.Empty(prefix.Options);
        Assert.Equal([IPAddress.Parse("2400:4050:5c71::53")], m.DnsServers);
        Assert.Equal(["example.jp"], m.DomainList.Select(n => n.ToString()));
        Assert.Equal("gw.example.jp", m.AftrName!.ToString());
        Assert.Equal(Encoding.ASCII.GetBytes("\u0002gw\u0007example\u0002jp\0"), m.AftrName.WireFormat.ToArray());
        Assert.Null(m.ElapsedTime); // servers do not send it
    }

    /// <summary>dhcpcd's IA_PD in Request, Renew, Rebind and Release: T1 = T2 = 0, the lease's prefix with its lifetimes.</summary>
    private static void AssertEchoedPrefixWithZeroTimers(Dhcp6Message m)
    {
        IaPdOption ia = Assert.Single(m.IaPds);
        Assert.Equal((1u, 0u, 0u), (ia.Iaid, ia.T1, ia.T2));
        IaPrefixOption prefix = Assert.Single(ia.Prefixes);
        Assert.Equal(PdPool, prefix.Prefix);
        Assert.Equal((8u, 10u), (prefix.PreferredLifetime, prefix.ValidLifetime));
    }
}
