using System.Diagnostics.CodeAnalysis;

namespace Gatewayd.Dhcp6;

/// <summary>Throws from one place so callers stay small (serialization only; parsing never throws).</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    internal static void DestinationTooShort(int needed, int available) =>
        throw new ArgumentException($"Destination holds {available} bytes; {needed} are needed.");

    [DoesNotReturn]
    internal static void OptionTooLong(Dhcp6OptionCode code, int length) =>
        throw new InvalidOperationException($"Option {(ushort)code} value is {length} bytes; option-len is 16 bits (RFC 8415 section 21.1).");

    [DoesNotReturn]
    internal static void Argument(string paramName, string message) => throw new ArgumentException(message, paramName);
}
