using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gatewayd.Dhcp6;
using Gatewayd.LabTests.Lab;

namespace Gatewayd.LabTests.Dhcp6;

/// <summary>
/// A DHCPv6 server made of one UDP socket in the NGN namespace, for what kea 2.2 cannot do: hand out an RKAP key and
/// send Reconfigure. It answers exactly as told; every byte it sends is built with the codec and signed by hand.
/// </summary>
internal sealed class CraftedServer : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[2048];

    public CraftedServer(NgnLab lab)
    {
        var index = int.Parse(Sh.InNs(lab.Ngn, "cat", $"/sys/class/net/{lab.NgnIf}/ifindex").Trim(), CultureInfo.InvariantCulture);
        _socket = Netns.Run(lab.Ngn, () =>
        {
            var s = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(IPAddress.IPv6Any, 547));
            s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership, new IPv6MulticastOption(IPAddress.Parse("ff02::1:2"), index));
            s.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, index);
            return s;
        });
        Index = index;
    }

    public int Index { get; }

    public Duid Id { get; } = new([0x00, 0x01, 0x00, 0x01, 0x2c, 0x00, 0x00, 0x01, 0x02, 0x42, 0xac, 0x11, 0x00, 0x01]);

    public IPEndPoint? Client { get; private set; }

    /// <summary>The next client message, or null when none comes within <paramref name="timeout"/>.</summary>
    public Dhcp6Message? Receive(TimeSpan timeout)
    {
        _socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        try
        {
            EndPoint from = new IPEndPoint(IPAddress.IPv6Any, 0);
            var n = _socket.ReceiveFrom(_buffer, ref from);
            Client = (IPEndPoint)from;
            return Dhcp6Message.TryParse(_buffer.AsSpan(0, n), out var m, out var error) ? m : throw new InvalidOperationException($"client sent garbage: {error}");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
        {
            return null;
        }
    }

    public Dhcp6Message ReceiveType(Dhcp6MessageType type, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Receive(deadline - DateTime.UtcNow) is { } m && m.Type == type)
                return m;
        }
        throw new TimeoutException($"no {type} from the client within {timeout.TotalSeconds} s");
    }

    public void Send(ReadOnlySpan<byte> message, IPEndPoint? to = null) => _socket.SendTo(message, to ?? Client!);

    public void Send(Dhcp6Message message, IPEndPoint? to = null) => Send(message.ToArray(), to);

    /// <summary>Advertise, then a Reply carrying a reconfigure key (RFC 8415 20.4.1) for the client's Request.</summary>
    public void Bind(ReadOnlySpan<byte> key, TimeSpan timeout)
    {
        var solicit = ReceiveType(Dhcp6MessageType.Solicit, timeout);
        Send(new Dhcp6Message(Dhcp6MessageType.Advertise, solicit.TransactionId,
            [new ClientIdOption(solicit.ClientId!), new ServerIdOption(Id), Ia(solicit), new PreferenceOption(255)]));
        var request = ReceiveType(Dhcp6MessageType.Request, timeout);
        Send(new Dhcp6Message(Dhcp6MessageType.Reply, request.TransactionId,
            [new ClientIdOption(request.ClientId!), new ServerIdOption(Id), Ia(request), Rkap.CreateKeyOption(1, key)]));
        ClientId = request.ClientId;
    }

    public Duid? ClientId { get; private set; }

    private static IaPdOption Ia(Dhcp6Message m) =>
        new(m.IaPds[0].Iaid, 300, 480, new IaPrefixOption(600, 900, IPNetwork.Parse("2400:4050:5c71:af00::/56")));

    /// <summary>A Reconfigure (Renew), signed with <paramref name="key"/> as RFC 8415 20.4.3 says.</summary>
    public byte[] Reconfigure(ulong replay, ReadOnlySpan<byte> key, Duid? serverId = null)
    {
        var bytes = new Dhcp6Message(Dhcp6MessageType.Reconfigure, 0,
            [new ServerIdOption(serverId ?? Id), new ClientIdOption(ClientId!), new ReconfMsgOption(Dhcp6MessageType.Renew), Rkap.CreateDigestOption(replay)]).ToArray();
        if (!Rkap.TrySign(bytes, key))
            throw new InvalidOperationException("no digest field to sign");
        return bytes;
    }

    public IPEndPoint AllNodes => new(new IPAddress(IPAddress.Parse("ff02::1").GetAddressBytes(), Index), 546);

    public void Dispose() => _socket.Dispose();
}
