namespace Gatewayd.Netlink;

/// <summary>Policy-rule actions (linux/fib_rules.h <c>FR_ACT_*</c>).</summary>
#pragma warning disable CA1028 // The wire field is one byte.
public enum RuleAction : byte
#pragma warning restore CA1028
{
    /// <summary><c>FR_ACT_UNSPEC</c>.</summary>
    Unspecified = 0,

    /// <summary><c>FR_ACT_TO_TBL</c>: look up in the rule's table.</summary>
    ToTable = 1,

    /// <summary><c>FR_ACT_GOTO</c>: jump to another rule.</summary>
    Goto = 2,

    /// <summary><c>FR_ACT_NOP</c>.</summary>
    Nop = 3,

    /// <summary><c>FR_ACT_BLACKHOLE</c>.</summary>
    Blackhole = 6,

    /// <summary><c>FR_ACT_UNREACHABLE</c>.</summary>
    Unreachable = 7,

    /// <summary><c>FR_ACT_PROHIBIT</c>.</summary>
    Prohibit = 8,
}
