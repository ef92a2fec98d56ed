namespace Gatewayd.Netlink;

/// <summary><c>IFLA_OPERSTATE</c> values (linux/if.h <c>IF_OPER_*</c>, RFC 2863).</summary>
#pragma warning disable CA1028 // The wire field is one byte.
public enum OperationalState : byte
#pragma warning restore CA1028
{
    /// <summary><c>IF_OPER_UNKNOWN</c> (e.g. loopback, tunnels).</summary>
    Unknown = 0,

    /// <summary><c>IF_OPER_NOTPRESENT</c>.</summary>
    NotPresent = 1,

    /// <summary><c>IF_OPER_DOWN</c>.</summary>
    Down = 2,

    /// <summary><c>IF_OPER_LOWERLAYERDOWN</c>.</summary>
    LowerLayerDown = 3,

    /// <summary><c>IF_OPER_TESTING</c>.</summary>
    Testing = 4,

    /// <summary><c>IF_OPER_DORMANT</c>.</summary>
    Dormant = 5,

    /// <summary><c>IF_OPER_UP</c>.</summary>
    Up = 6,
}
