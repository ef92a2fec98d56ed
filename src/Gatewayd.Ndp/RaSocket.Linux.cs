using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace Gatewayd.Ndp;

/// <summary>
/// The raw ICMPv6 socket of the WAN (Linux): bound to the interface with SO_BINDTODEVICE, filtered to Router Advertisements
/// with ICMP6_FILTER, reporting hop limit and destination per packet. It owns the file descriptor. The socket keeps the
/// network namespace it was opened in, whichever thread uses it later.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class RaSocket : IRaTransport
{
    private static readonly IPEndPoint AllRouters = new(NdpConstants.AllRouters, 0);

    private readonly Socket _socket;
    private readonly byte[] _peek = new byte[1];

    private RaSocket(Socket socket, string interfaceName)
    {
        _socket = socket;
        InterfaceName = interfaceName;
    }

    /// <summary>The interface the socket is bound to.</summary>
    public string InterfaceName { get; }

    /// <summary>Opens the socket in the calling thread's network namespace. Needs CAP_NET_RAW.</summary>
    /// <param name="interfaceName">The WAN interface.</param>
    /// <returns>The open socket.</returns>
    /// <exception cref="IOException">A socket call failed; the message names it, the inner exception is the cause.</exception>
    public static RaSocket Open(string interfaceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        Socket socket;
        try
        {
            socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Raw, ProtocolType.IcmpV6);
        }
        catch (SocketException e)
        {
            throw new IOException($"socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6) for {interfaceName}: {e.Message}", e);
        }

        try
        {
            Configure(socket, interfaceName);
            return new RaSocket(socket, interfaceName);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask SendSolicitationAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        // No scope id: with SO_BINDTODEVICE the kernel routes link-local multicast out of the bound interface.
        await _socket.SendToAsync(message, SocketFlags.None, AllRouters, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<RaDatagram> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // .NET's ReceiveMessageFrom reports no hop limit. Wait for readiness with a 1-byte MSG_PEEK (leaves the
            // datagram queued), then take it with recvmsg(2) and its control messages.
            await _socket.ReceiveAsync(_peek, SocketFlags.Peek, cancellationToken).ConfigureAwait(false);
            if (TryReceiveMessage(out RaDatagram datagram))
                return datagram;
        }
    }

    /// <summary>Closes the socket.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Configure(Socket socket, string interfaceName)
    {
        Set(socket, SolSocket, SoBindToDevice, Encoding.ASCII.GetBytes(interfaceName + "\0"), $"SO_BINDTODEVICE {interfaceName}", interfaceName);
        Set(socket, IpProtoIcmpV6, Icmp6Filter, RouterAdvertisementFilter(), "ICMP6_FILTER", interfaceName);
        SetInt(socket, IpProtoIpV6, Ipv6RecvHopLimit, 1, "IPV6_RECVHOPLIMIT", interfaceName);
        SetInt(socket, IpProtoIpV6, Ipv6RecvPktInfo, 1, "IPV6_RECVPKTINFO", interfaceName);
        // "Hop Limit is always 255" for ND (RFC 4861 section 6.1.1); an RS goes to ff02::2, so the multicast one matters.
        SetInt(socket, IpProtoIpV6, Ipv6MulticastHops, NdpConstants.HopLimit, "IPV6_MULTICAST_HOPS", interfaceName);
        SetInt(socket, IpProtoIpV6, Ipv6UnicastHops, NdpConstants.HopLimit, "IPV6_UNICAST_HOPS", interfaceName);
        SetInt(socket, IpProtoIpV6, Ipv6MulticastLoop, 0, "IPV6_MULTICAST_LOOP", interfaceName);
    }

    /// <summary>ICMP6_FILTER (RFC 3542 section 3.2, Linux bit semantics: set = block): block all, pass type 134.</summary>
    internal static byte[] RouterAdvertisementFilter()
    {
        Span<uint> words = stackalloc uint[8];
        words.Fill(uint.MaxValue);
        const int type = (int)NdpMessageType.RouterAdvertisement;
        words[type >> 5] &= ~(1u << (type & 31));
        return MemoryMarshal.AsBytes(words).ToArray();
    }

    private static void SetInt(Socket socket, int level, int name, int value, string what, string interfaceName) =>
        Set(socket, level, name, BitConverter.GetBytes(value), what, interfaceName);

    private static void Set(Socket socket, int level, int name, byte[] value, string what, string interfaceName)
    {
        try
        {
            socket.SetRawSocketOption(level, name, value);
        }
        catch (SocketException e)
        {
            throw new IOException($"setsockopt({what}) on the RA socket for {interfaceName}: {e.Message}", e);
        }
    }
}
