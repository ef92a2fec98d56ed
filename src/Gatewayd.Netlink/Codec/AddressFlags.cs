namespace Gatewayd.Netlink;

/// <summary>Address flags (linux/if_addr.h <c>IFA_F_*</c>), carried in <c>ifa_flags</c> and the 32-bit <c>IFA_FLAGS</c>.</summary>
[Flags]
#pragma warning disable CA1028, CA1711 // The wire field is 32 bits; "Flags" is the kernel's name.
public enum AddressFlags : uint
#pragma warning restore CA1028, CA1711
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary><c>IFA_F_SECONDARY</c> (IPv4) / <c>IFA_F_TEMPORARY</c> (IPv6).</summary>
    Secondary = 0x01,

    /// <summary><c>IFA_F_NODAD</c>: skip duplicate address detection (RFC 4862).</summary>
    NoDad = 0x02,

    /// <summary><c>IFA_F_OPTIMISTIC</c> (RFC 4429).</summary>
    Optimistic = 0x04,

    /// <summary><c>IFA_F_DADFAILED</c>: DAD found a duplicate; the address is unusable.</summary>
    DadFailed = 0x08,

    /// <summary><c>IFA_F_HOMEADDRESS</c> (Mobile IPv6).</summary>
    HomeAddress = 0x10,

    /// <summary><c>IFA_F_DEPRECATED</c>: preferred lifetime over.</summary>
    Deprecated = 0x20,

    /// <summary><c>IFA_F_TENTATIVE</c>: DAD in progress.</summary>
    Tentative = 0x40,

    /// <summary><c>IFA_F_PERMANENT</c>: configured, not autoconfigured (no lifetimes).</summary>
    Permanent = 0x80,

    /// <summary><c>IFA_F_MANAGETEMPADDR</c>.</summary>
    ManageTemporaryAddresses = 0x100,

    /// <summary><c>IFA_F_NOPREFIXROUTE</c>: do not add the prefix route.</summary>
    NoPrefixRoute = 0x200,

    /// <summary><c>IFA_F_MCAUTOJOIN</c>.</summary>
    MulticastAutoJoin = 0x400,

    /// <summary><c>IFA_F_STABLE_PRIVACY</c> (RFC 7217).</summary>
    StablePrivacy = 0x800,
}
