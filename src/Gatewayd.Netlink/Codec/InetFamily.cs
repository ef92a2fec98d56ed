namespace Gatewayd.Netlink;

/// <summary>The address family byte of rtnetlink headers (values are the kernel's <c>AF_*</c>, not .NET's <see cref="System.Net.Sockets.AddressFamily"/>).</summary>
#pragma warning disable CA1028 // The wire field is one byte.
public enum InetFamily : byte
#pragma warning restore CA1028
{
    /// <summary><c>AF_UNSPEC</c>: both families (dumps).</summary>
    Unspecified = 0,

    /// <summary><c>AF_INET</c>.</summary>
    IPv4 = 2,

    /// <summary><c>AF_INET6</c>.</summary>
    IPv6 = 10,
}
