using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Gatewayd.Ndp;

/// <summary>recvmsg(2) with control messages, and the Linux numbers it needs.</summary>
public sealed partial class RaSocket
{
    // <asm-generic/socket.h>, <linux/in6.h>, <linux/icmpv6.h>
    private const int SolSocket = 1;
    private const int SoBindToDevice = 25;
    private const int IpProtoIpV6 = 41;
    private const int IpProtoIcmpV6 = 58;
    private const int Icmp6Filter = 1;
    private const int Ipv6UnicastHops = 16;
    private const int Ipv6MulticastHops = 18;
    private const int Ipv6MulticastLoop = 19;
    private const int Ipv6RecvPktInfo = 49;
    private const int Ipv6PktInfo = 50;
    private const int Ipv6RecvHopLimit = 51;
    private const int Ipv6HopLimit = 52;
    private const int MsgDontWait = 0x40;
    private const int MsgTrunc = 0x20;
    private const int Eagain = 11;
    private const int Eintr = 4;

    // An RA cannot exceed the link MTU; 64 KiB covers jumbo frames.
    private const int MaxMessage = 65536;
    private const int SockaddrIn6Length = 28;
    private const int ControlLength = 256;

    private readonly byte[] _buffer = new byte[MaxMessage];
    private readonly byte[] _control = new byte[ControlLength];
    private readonly byte[] _name = new byte[SockaddrIn6Length];

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static unsafe partial nint RecvMsg(nint fd, MessageHeader* message, int flags);

    /// <summary>Takes one queued datagram without blocking; false when there was none after all (or EINTR).</summary>
    private unsafe bool TryReceiveMessage(out RaDatagram datagram)
    {
        datagram = default;
        SafeSocketHandle handle = _socket.SafeHandle;
        bool added = false;
        nint received;
        int flags;
        int nameLength;
        int controlLength;
        try
        {
            handle.DangerousAddRef(ref added);
            fixed (byte* buffer = _buffer)
            fixed (byte* control = _control)
            fixed (byte* name = _name)
            {
                var vector = new IoVector { Base = buffer, Length = (nuint)_buffer.Length };
                var header = new MessageHeader
                {
                    Name = name,
                    NameLength = SockaddrIn6Length,
                    Vector = &vector,
                    VectorLength = 1,
                    Control = control,
                    ControlLength = (nuint)_control.Length,
                };
                received = RecvMsg(handle.DangerousGetHandle(), &header, MsgDontWait);
                flags = header.Flags;
                nameLength = (int)header.NameLength;
                controlLength = (int)header.ControlLength;
            }
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }

        if (received < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is Eagain or Eintr)
                return false;
            throw new SocketException(errno);
        }

        if ((flags & MsgTrunc) != 0 || nameLength < SockaddrIn6Length)
            return false; // larger than any link MTU, or no address: not an RA we could use.

        (IPAddress? destination, int? hopLimit, int interfaceIndex) = ParseControl(_control.AsSpan(0, controlLength));
        var source = new IPAddress(_name.AsSpan(8, 16), BinaryPrimitives.ReadUInt32LittleEndian(_name.AsSpan(24)));
        if (source.IsIPv6LinkLocal && source.ScopeId == 0 && interfaceIndex != 0)
            source.ScopeId = interfaceIndex;
        datagram = new RaDatagram(_buffer.AsSpan(0, (int)received).ToArray(), source, destination, hopLimit, interfaceIndex);
        return true;
    }

    /// <summary>Walks the cmsghdr list (CMSG_FIRSTHDR/CMSG_NXTHDR) for IPV6_PKTINFO and IPV6_HOPLIMIT.</summary>
    internal static (IPAddress? Destination, int? HopLimit, int InterfaceIndex) ParseControl(ReadOnlySpan<byte> control)
    {
        int word = IntPtr.Size;
        int headerLength = Align(word + 8, word);
        IPAddress? destination = null;
        int? hopLimit = null;
        int interfaceIndex = 0;
        int offset = 0;
        while (control.Length - offset >= headerLength)
        {
            ReadOnlySpan<byte> cmsg = control[offset..];
            long length = word == 8 ? (long)MemoryMarshal.Read<ulong>(cmsg) : MemoryMarshal.Read<uint>(cmsg);
            if (length < headerLength || length > control.Length - offset)
                break;
            int level = MemoryMarshal.Read<int>(cmsg[word..]);
            int type = MemoryMarshal.Read<int>(cmsg[(word + 4)..]);
            ReadOnlySpan<byte> data = cmsg[headerLength..(int)length];
            if (level == IpProtoIpV6 && type == Ipv6HopLimit && data.Length >= 4)
            {
                hopLimit = MemoryMarshal.Read<int>(data);
            }
            else if (level == IpProtoIpV6 && type == Ipv6PktInfo && data.Length >= 20)
            {
                // struct in6_pktinfo { struct in6_addr ipi6_addr; int ipi6_ifindex; }
                interfaceIndex = MemoryMarshal.Read<int>(data[16..]);
                destination = new IPAddress(data[..16]);
            }

            offset += Align((int)length, word);
        }

        if (destination is { IsIPv6LinkLocal: true } && interfaceIndex != 0)
            destination.ScopeId = interfaceIndex;
        return (destination, hopLimit, interfaceIndex);
    }

    private static int Align(int length, int word) => (length + word - 1) & ~(word - 1);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr (LP64 and ILP32 alike: pointers and size_t are native words).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct MessageHeader
    {
        public byte* Name;
        public uint NameLength;
        public IoVector* Vector;
        public nuint VectorLength;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }
}
