using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gatewayd.Dhcp6.Client;

/// <summary>
/// The client's UDP socket: bound to [::]:546 and to the WAN device (SO_BINDTODEVICE), sending to ff02::1:2 port 547
/// out of that interface. Binding [::] rather than the link-local matters at boot: a tentative link-local cannot be
/// bound, and DAD takes a second.
/// </summary>
public sealed class UdpDhcp6Transport : IDhcp6Transport
{
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;

    private readonly Socket _socket;
    private readonly string _interface;
    private readonly IPEndPoint _servers;
    private readonly byte[] _buffer = new byte[65536];
    private bool _linkLocalReady;

    private UdpDhcp6Transport(Socket socket, string interfaceName, int index)
    {
        _socket = socket;
        _interface = interfaceName;
        _servers = new IPEndPoint(new IPAddress(Dhcp6Constants.AllDhcpRelayAgentsAndServers.GetAddressBytes(), index), Dhcp6Constants.ServerPort);
    }

    /// <summary>Opens the socket on <paramref name="interfaceName"/>; a clear error when the port is taken there.</summary>
    /// <exception cref="Dhcp6TransportException">No such interface, or port 546 is in use on it.</exception>
    public static UdpDhcp6Transport Open(string interfaceName)
    {
        var index = LinkFacts.Index(interfaceName) ?? throw new Dhcp6TransportException($"no interface named {interfaceName}");
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetRawSocketOption(SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(interfaceName + "\0"));
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.PacketInformation, true);
            socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, index);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, Dhcp6Constants.ClientPort));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new Dhcp6TransportException(e.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? $"UDP port 546 on {interfaceName} is already taken: is another DHCPv6 client (dhcpcd, dhclient, systemd-networkd, wide-dhcpv6-client) running on it?"
                : $"cannot open the DHCPv6 client socket on {interfaceName}: {e.Message}", e);
        }
        return new UdpDhcp6Transport(socket, interfaceName, index);
    }

    /// <inheritdoc/>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (!_linkLocalReady)
        {
            // Servers answer to the source address; until DAD finishes the kernel has no link-local to send from.
            for (var i = 0; i < 50 && LinkFacts.UsableLinkLocal(_interface) is null; i++)
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            _linkLocalReady = true;
        }
        await _socket.SendToAsync(message, SocketFlags.None, _servers, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<Dhcp6Datagram> ReceiveAsync(CancellationToken cancellationToken)
    {
        var result = await _socket.ReceiveMessageFromAsync(_buffer, SocketFlags.None, new IPEndPoint(IPAddress.IPv6Any, 0), cancellationToken)
            .ConfigureAwait(false);
        var from = ((IPEndPoint)result.RemoteEndPoint).Address;
        return new Dhcp6Datagram(_buffer.AsSpan(0, result.ReceivedBytes).ToArray(), from, result.PacketInformation.Address.IsIPv6Multicast);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
