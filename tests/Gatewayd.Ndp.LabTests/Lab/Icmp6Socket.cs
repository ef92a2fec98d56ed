using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace Gatewayd.Ndp.LabTests.Lab;

/// <summary>
/// A plain raw ICMPv6 socket for the test's own side of the link: sends crafted RAs with a chosen hop limit, or catches
/// the Router Solicitations gatewayd sends. Open it inside a namespace with <see cref="Netns.Run{T}"/>.
/// </summary>
internal sealed class Icmp6Socket : IDisposable
{
    private readonly Socket _socket;

    private Icmp6Socket(Socket socket) => _socket = socket;

    /// <summary>Opens a socket bound to <paramref name="device"/> that receives only ICMPv6 type <paramref name="passType"/>.</summary>
    public static Icmp6Socket Open(string device, byte passType)
    {
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Raw, ProtocolType.IcmpV6);
        socket.SetRawSocketOption(1 /* SOL_SOCKET */, 25 /* SO_BINDTODEVICE */, Encoding.ASCII.GetBytes(device + "\0"));
        Span<uint> filter = stackalloc uint[8];
        filter.Fill(uint.MaxValue);
        filter[passType >> 5] &= ~(1u << (passType & 31));
        socket.SetRawSocketOption(58 /* IPPROTO_ICMPV6 */, 1 /* ICMP6_FILTER */, MemoryMarshal.AsBytes(filter));
        socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0)); // .NET's ReceiveFrom wants a bound socket
        return new Icmp6Socket(socket);
    }

    /// <summary>Sends an ICMPv6 message (the kernel fills in the checksum) to a link-local multicast group.</summary>
    public void SendMulticast(byte[] message, IPAddress group, int hopLimit)
    {
        _socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastTimeToLive, hopLimit);
        _socket.SendTo(message, new IPEndPoint(group, 0));
    }

    /// <summary>Receives one message, or null on timeout.</summary>
    public async Task<(byte[] Message, IPAddress Source)?> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[2048];
        try
        {
            SocketReceiveFromResult result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.IPv6Any, 0), cts.Token);
            return (buffer[..result.ReceivedBytes], ((IPEndPoint)result.RemoteEndPoint).Address);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Receives one message with a blocking call on a dedicated thread and stamps it with <see cref="Stopwatch"/> right
    /// there: a thread-pool continuation on a loaded 2-core host runs tens of milliseconds late.
    /// </summary>
    public Task<((byte[] Message, IPAddress Source)? Received, long Timestamp)> ReceiveOnOwnThread(TimeSpan timeout)
    {
        var done = new TaskCompletionSource<((byte[], IPAddress)?, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            var buffer = new byte[2048];
            EndPoint from = new IPEndPoint(IPAddress.IPv6Any, 0);
            _socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
            try
            {
                int length = _socket.ReceiveFrom(buffer, ref from);
                long timestamp = Stopwatch.GetTimestamp();
                done.SetResult(((buffer[..length], ((IPEndPoint)from).Address), timestamp));
            }
            catch (SocketException)
            {
                done.SetResult((null, Stopwatch.GetTimestamp()));
            }
        })
        { IsBackground = true, Name = "RS catcher" };
        thread.Start();
        return done.Task;
    }

    public void Dispose() => _socket.Dispose();
}
