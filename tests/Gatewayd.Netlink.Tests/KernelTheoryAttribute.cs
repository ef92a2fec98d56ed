namespace Gatewayd.Netlink.Tests;

/// <summary>The <see cref="KernelFactAttribute"/> skip rule for theories.</summary>
public sealed class KernelTheoryAttribute : TheoryAttribute
{
    public KernelTheoryAttribute()
    {
        if (KernelFactAttribute.SkipReason is { } reason)
        {
            Skip = $"needs the host kernel: {reason}";
        }
    }
}
