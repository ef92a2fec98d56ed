using System.Net.Sockets;
using System.Runtime.InteropServices;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>
/// Owns one <c>AF_NETLINK</c>/<c>NETLINK_ROUTE</c> file descriptor, made with libc and wrapped in a <see cref="Socket"/> for async I/O.
/// The socket stays in the network namespace of the thread that opened it, wherever it is used afterwards. Linux only.
/// </summary>
public sealed class NetlinkSocket : IDisposable
{
    private readonly Socket _socket;

    private NetlinkSocket(Socket socket, uint portId)
    {
        _socket = socket;
        PortId = portId;
    }

    /// <summary>The port id the kernel assigned at <c>bind</c> (<c>nl_pid</c>).</summary>
    public uint PortId { get; }

    /// <summary>Opens and binds a socket in the calling thread's network namespace.</summary>
    /// <param name="options">Groups and socket options; null for a plain request socket.</param>
    /// <returns>The socket.</returns>
    /// <exception cref="NetlinkException">A system call failed (named in <see cref="NetlinkException.Operation"/>).</exception>
    public static unsafe NetlinkSocket Open(NetlinkSocketOptions? options = null)
    {
        options ??= new NetlinkSocketOptions();
        var fd = Interop.Socket(NetlinkConstants.AfNetlink, Interop.SockRaw | Interop.SockCloexec, NetlinkConstants.NetlinkRoute);
        if (fd < 0)
        {
            ThrowHelper.ThrowLastError("socket(AF_NETLINK, NETLINK_ROUTE)");
        }

        var handle = new SafeSocketHandle(fd, ownsHandle: true);
        try
        {
            if (options.ExtendedAck)
            {
                SetInt(fd, NetlinkConstants.SolNetlink, NetlinkConstants.NetlinkExtAck, 1, "setsockopt(NETLINK_EXT_ACK)");
            }

            if (options.StrictCheck)
            {
                SetInt(fd, NetlinkConstants.SolNetlink, NetlinkConstants.NetlinkGetStrictChk, 1, "setsockopt(NETLINK_GET_STRICT_CHK)");
            }

            if (options.ReceiveBufferSize is { } size
                && !TrySetInt(fd, NetlinkConstants.SolSocket, NetlinkConstants.SoRcvbufForce, size))
            {
                SetInt(fd, NetlinkConstants.SolSocket, NetlinkConstants.SoRcvbuf, size, "setsockopt(SO_RCVBUF)");
            }

            // struct sockaddr_nl { sa_family_t nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; }
            byte* address = stackalloc byte[Interop.SockaddrNlLength];
            new Span<byte>(address, Interop.SockaddrNlLength).Clear();
            *(ushort*)address = NetlinkConstants.AfNetlink;
            *(uint*)(address + 8) = options.Groups;
            if (Interop.Bind(fd, address, Interop.SockaddrNlLength) != 0)
            {
                ThrowHelper.ThrowLastError($"bind(AF_NETLINK, groups 0x{options.Groups:x})");
            }

            foreach (var group in options.Memberships)
            {
                SetInt(fd, NetlinkConstants.SolNetlink, NetlinkConstants.NetlinkAddMembership, group, $"setsockopt(NETLINK_ADD_MEMBERSHIP {group})");
            }

            var length = Interop.SockaddrNlLength;
            if (Interop.GetSockName(fd, address, &length) != 0)
            {
                ThrowHelper.ThrowLastError("getsockname(AF_NETLINK)");
            }

            return new NetlinkSocket(new Socket(handle), *(uint*)(address + 4));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Sends one datagram to the kernel.</summary>
    /// <param name="datagram">One or more netlink messages.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the kernel has taken the datagram.</returns>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken)
    {
        var sent = await _socket.SendAsync(datagram, SocketFlags.None, cancellationToken);
        if (sent != datagram.Length)
        {
            throw new NetlinkException("send", 0, $"sent {sent} of {datagram.Length} bytes");
        }
    }

    /// <summary>Receives one datagram.</summary>
    /// <param name="buffer">Where to put it; the kernel's dump datagrams stay under 32 KiB.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The datagram length.</returns>
    /// <exception cref="SocketException"><see cref="SocketError.NoBufferSpaceAvailable"/> when multicast messages were dropped (ENOBUFS).</exception>
    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    /// <summary>Closes the file descriptor.</summary>
    public void Dispose() => _socket.Dispose();

    private static unsafe bool TrySetInt(int fd, int level, int name, int value) =>
        Interop.SetSockOpt(fd, level, name, &value, sizeof(int)) == 0;

    private static void SetInt(int fd, int level, int name, int value, string operation)
    {
        if (!TrySetInt(fd, level, name, value))
        {
            ThrowHelper.ThrowLastError(operation);
        }
    }
}
