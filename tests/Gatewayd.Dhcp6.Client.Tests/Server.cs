using System.Net;
using Gatewayd.Dhcp6.Client;

namespace Gatewayd.Dhcp6.Client.Tests;

/// <summary>Builds server messages the way kea would, answering what the client last sent.</summary>
internal sealed class Server
{
    public static readonly byte[] Mac = [0x02, 0x00, 0x5e, 0x10, 0x00, 0x01];

    public Server(byte id = 1) => Id = new Duid([0x00, 0x01, 0x00, 0x01, 0x2c, 0x00, 0x00, id, 0x02, 0x42, 0xac, 0x11, 0x00, id]);

    public Duid Id { get; }

    public IPAddress Address { get; } = IPAddress.Parse("fe80::1");

    public static IPNetwork Pd { get; } = IPNetwork.Parse("2400:4050:5c71:af00::/56");

    public Dhcp6Message Advertise(Dhcp6Message solicit, byte preference = 0, IPNetwork? prefix = null, params Dhcp6Option[] extra) =>
        new(Dhcp6MessageType.Advertise, solicit.TransactionId,
        [
            new ClientIdOption(solicit.ClientId!),
            new ServerIdOption(Id),
            new IaPdOption(solicit.IaPds[0].Iaid, 7200, 10800, new IaPrefixOption(12600, 14400, prefix ?? Pd)),
            new PreferenceOption(preference),
            .. extra,
        ]);

    public Dhcp6Message Reply(Dhcp6Message request, uint t1 = 7200, uint t2 = 10800, uint preferred = 12600, uint valid = 14400,
        IPNetwork? prefix = null, params Dhcp6Option[] extra) =>
        ReplyWith(request, new IaPdOption(request.IaPds[0].Iaid, t1, t2, new IaPrefixOption(preferred, valid, prefix ?? Pd)), extra);

    public Dhcp6Message ReplyWith(Dhcp6Message request, IaPdOption ia, params Dhcp6Option[] extra) =>
        new(Dhcp6MessageType.Reply, request.TransactionId,
        [
            new ClientIdOption(request.ClientId!),
            new ServerIdOption(Id),
            ia,
            new DnsServersOption([IPAddress.Parse("2404:1a8:7f01:a::3")]),
            .. extra,
        ]);

    public Dhcp6Message Status(Dhcp6Message request, Dhcp6StatusCode code, bool inIa) =>
        inIa
            ? ReplyWith(request, new IaPdOption(request.IaPds[0].Iaid, 0, 0, new StatusCodeOption(code, code.ToString())))
            : new(Dhcp6MessageType.Reply, request.TransactionId,
                [new ClientIdOption(request.ClientId!), new ServerIdOption(Id), new StatusCodeOption(code, code.ToString())]);

    public Dhcp6Datagram Datagram(Dhcp6Message m, bool multicast = false) => new(m.ToArray(), Address, multicast);
}
