namespace Gatewayd.Netlink;

/// <summary><c>ifi_flags</c> bits (linux/if.h <c>IFF_*</c>).</summary>
[Flags]
#pragma warning disable CA1028, CA1711 // The wire field is 32 bits; "Flags" is the kernel's name.
public enum LinkFlags : uint
#pragma warning restore CA1028, CA1711
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary><c>IFF_UP</c>: administratively up.</summary>
    Up = 0x1,

    /// <summary><c>IFF_BROADCAST</c>.</summary>
    Broadcast = 0x2,

    /// <summary><c>IFF_LOOPBACK</c>.</summary>
    Loopback = 0x8,

    /// <summary><c>IFF_POINTOPOINT</c>.</summary>
    PointToPoint = 0x10,

    /// <summary><c>IFF_RUNNING</c>: operationally up (RFC 2863 up or unknown).</summary>
    Running = 0x40,

    /// <summary><c>IFF_NOARP</c>.</summary>
    NoArp = 0x80,

    /// <summary><c>IFF_MULTICAST</c>.</summary>
    Multicast = 0x1000,

    /// <summary><c>IFF_LOWER_UP</c>: the driver signals carrier.</summary>
    LowerUp = 0x10000,
}
