using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Gatewayd.Netlink;

/// <summary>Throw sites kept out of hot paths.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowLastError(string operation) =>
        throw new NetlinkException(operation, Marshal.GetLastPInvokeError(), null);

    [DoesNotReturn]
    public static void ThrowMalformed(string operation, NetlinkParseError error) =>
        throw new NetlinkException(operation, 0, $"malformed reply: {error}");

    [DoesNotReturn]
    public static void ThrowKernelError(string operation, NetlinkErrorMessage error) =>
        throw new NetlinkException(operation, error.Errno, error.ExtendedAckMessage, error.ExtendedAckOffset);
}
