using System.Diagnostics.CodeAnalysis;

namespace Gatewayd.Ndp;

/// <summary>Checks shared by every ND message header (RFC 4861 sections 6.1.1, 6.1.2).</summary>
internal static class NdpHeader
{
    internal static bool Check(ReadOnlySpan<byte> data, NdpMessageType type, int headerLength, [NotNullWhen(false)] out NdpParseError? error)
    {
        if (data.Length < headerLength)
            error = new NdpParseError(data.Length, null, NdpParseErrorKind.Truncated,
                $"{type} of {data.Length} bytes is shorter than its {headerLength}-byte header");
        else if (data[0] != (byte)type)
            error = new NdpParseError(0, null, NdpParseErrorKind.WrongType, $"ICMPv6 type {data[0]}, expected {(byte)type}");
        else if (data[1] != 0)
            error = new NdpParseError(1, null, NdpParseErrorKind.BadCode, $"ICMPv6 code {data[1]}, must be 0");
        else
            error = null;
        return error is null;
    }
}
