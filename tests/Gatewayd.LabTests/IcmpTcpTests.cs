using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Gatewayd.LabTests.Lab;
using Xunit;

namespace Gatewayd.LabTests;

/// <summary>ICMP echo and TCP through the port-set SNAT.</summary>
public class IcmpTcpTests
{
    private const int TcpMaxSeg = 2;

    [LabFact]
    public async Task Ping_FromLan_IsAnswered_AndTheServerSeesAnEchoIdInThePortSet()
    {
        using var lab = new MapeTopology(PortSets.OcnAddress);
        await lab.Nft.ApplyAsync(PortSets.OcnRuleset());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var serverTap = Netns.Run(lab.ServerNs, () => new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp));
        using var pinger = Netns.Run(lab.Lan, () => new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp));
        const ushort id = 4242;

        pinger.SendTo(EchoRequest(id, sequence: 1), new IPEndPoint(MapeTopology.Server, 0));

        // The server's kernel answers; its raw socket gets a copy of the (translated) request.
        var (requestSource, request) = await ReceiveIcmpAsync(serverTap, type: 8, timeout.Token);
        Assert.Equal(PortSets.OcnAddress, requestSource);
        var translatedId = BinaryPrimitives.ReadUInt16BigEndian(request.AsSpan(4));
        Assert.True(PortSets.BlockOf(PortSets.Ocn, translatedId) >= 0, $"echo id {translatedId} is outside the port set");

        var (replySource, reply) = await ReceiveIcmpAsync(pinger, type: 0, timeout.Token);
        Assert.Equal(MapeTopology.Server, replySource);
        Assert.Equal(id, BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(4)));
    }

    [LabFact]
    public async Task Tcp_ConnectAndExchange_UsesAPortInTheSet_AndMssIsClampedBothWays()
    {
        using var lab = new MapeTopology(PortSets.OcnAddress);
        await lab.Nft.ApplyAsync(PortSets.OcnRuleset() with { TunnelMtu = MapeTopology.TunnelMtu });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var listener = Netns.Run(lab.ServerNs, () =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Bind(new IPEndPoint(MapeTopology.Server, 8080));
            s.Listen();
            return s;
        });
        using var client = Netns.Run(lab.Lan, () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));

        var accept = listener.AcceptAsync(timeout.Token);
        await client.ConnectAsync(new IPEndPoint(MapeTopology.Server, 8080), timeout.Token);
        using var accepted = await accept;
        await client.SendAsync("ping"u8.ToArray(), timeout.Token);
        var buffer = new byte[4];
        Assert.Equal(4, await accepted.ReceiveAsync(buffer, timeout.Token));
        await accepted.SendAsync("pong"u8.ToArray(), timeout.Token);
        Assert.Equal(4, await client.ReceiveAsync(buffer, timeout.Token));
        Assert.Equal("pong"u8.ToArray(), buffer);

        var remote = (IPEndPoint)accepted.RemoteEndPoint!;
        Assert.Equal(PortSets.OcnAddress, remote.Address);
        Assert.True(PortSets.BlockOf(PortSets.Ocn, remote.Port) >= 0, $"port {remote.Port} is outside the port set");

        // Unclamped both ends would use 1460 - 12 (timestamps); the tunnel's MTU 1460 allows at most 1420.
        var serverMss = ReadInt(accepted);
        var clientMss = ReadInt(client);
        // The LAN's SYN is clamped to rt mtu on the way out; the server's SYN-ACK needs the fixed clamp from TunnelMtu on the way in.
        Assert.True(serverMss is > 0 and <= MapeTopology.TunnelMtu - 40, $"server-side MSS {serverMss}: the outgoing SYN was not clamped");
        Assert.True(clientMss is > 0 and <= MapeTopology.TunnelMtu - 40, $"LAN-side MSS {clientMss}: the incoming SYN-ACK was not clamped");
    }

    private static int ReadInt(Socket s)
    {
        var value = new byte[4];
        s.GetRawSocketOption(6, TcpMaxSeg, value);
        return BitConverter.ToInt32(value);
    }

    internal static byte[] EchoRequest(ushort id, ushort sequence)
    {
        var packet = new byte[16];
        packet[0] = 8; // echo request
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), id);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), sequence);
        "gatewayd"u8.CopyTo(packet.AsSpan(8));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), Checksum(packet));
        return packet;
    }

    /// <summary>RFC 1071 internet checksum.</summary>
    private static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (data.Length % 2 == 1)
        {
            sum += (uint)data[^1] << 8;
        }

        while (sum > 0xffff)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }

        return (ushort)~sum;
    }

    /// <summary>Reads raw IPv4 datagrams until an ICMP message of <paramref name="type"/>; returns its source and the ICMP bytes.</summary>
    private static async Task<(IPAddress Source, byte[] Icmp)> ReceiveIcmpAsync(Socket raw, byte type, CancellationToken ct)
    {
        var buffer = new byte[1500];
        while (true)
        {
            var n = await raw.ReceiveAsync(buffer, ct);
            var headerLength = (buffer[0] & 0x0f) * 4;
            if (n >= headerLength + 8 && buffer[headerLength] == type)
            {
                return (new IPAddress(buffer.AsSpan(12, 4)), buffer[headerLength..n]);
            }
        }
    }
}
