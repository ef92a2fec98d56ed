namespace Gatewayd.Netlink.Uapi;

/// <summary>Wire numbers from <c>linux/fib_rules.h</c>.</summary>
internal static class RuleConstants
{
    public const int FibRuleHdrLength = 12; // sizeof(struct fib_rule_hdr)

    public const ushort FraDst = 1;       // FRA_DST
    public const ushort FraSrc = 2;       // FRA_SRC
    public const ushort FraIifname = 3;   // FRA_IIFNAME (FRA_IFNAME)
    public const ushort FraPriority = 6;  // FRA_PRIORITY
    public const ushort FraFwmark = 10;   // FRA_FWMARK
    public const ushort FraTable = 15;    // FRA_TABLE
    public const ushort FraFwmask = 16;   // FRA_FWMASK
    public const ushort FraOifname = 17;  // FRA_OIFNAME
    public const ushort FraProtocol = 21; // FRA_PROTOCOL (u8)
}
