namespace Gatewayd.Netlink.Uapi;

/// <summary>Wire numbers from <c>linux/if_addr.h</c>.</summary>
internal static class AddressConstants
{
    public const int IfaddrmsgLength = 8;    // sizeof(struct ifaddrmsg)
    public const int IfaCacheinfoLength = 16; // sizeof(struct ifa_cacheinfo)

    public const ushort IfaAddress = 1;   // IFA_ADDRESS
    public const ushort IfaLocal = 2;     // IFA_LOCAL
    public const ushort IfaLabel = 3;     // IFA_LABEL
    public const ushort IfaCacheinfo = 6; // IFA_CACHEINFO
    public const ushort IfaFlags = 8;     // IFA_FLAGS (u32, supersedes ifa_flags)
    public const ushort IfaProto = 11;    // IFA_PROTO (u8, kernel 5.18+)
}
