using System.Buffers.Binary;

namespace Gatewayd.Dhcp6;

/// <summary>
/// OPTION_SOL_MAX_RT (RFC 8415 section 21.24). The codec keeps any value; a client ignores values outside 60..86400.
/// </summary>
/// <param name="Seconds">The new SOL_MAX_RT in seconds.</param>
public sealed record SolMaxRtOption(uint Seconds) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.SolMaxRt;

    /// <inheritdoc/>
    public override int ValueLength => 4;

    private protected override void WriteValue(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Seconds);

    internal static SolMaxRtOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error) =>
        SecondsReader.Read(context, raw, "SOL_MAX_RT", out error) is { } s ? new SolMaxRtOption(s) : null;
}

/// <summary>
/// OPTION_INF_MAX_RT (RFC 8415 section 21.25). The codec keeps any value; a client ignores values outside 60..86400.
/// </summary>
/// <param name="Seconds">The new INF_MAX_RT in seconds.</param>
public sealed record InfMaxRtOption(uint Seconds) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.InfMaxRt;

    /// <inheritdoc/>
    public override int ValueLength => 4;

    private protected override void WriteValue(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Seconds);

    internal static InfMaxRtOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error) =>
        SecondsReader.Read(context, raw, "INF_MAX_RT", out error) is { } s ? new InfMaxRtOption(s) : null;
}

/// <summary>OPTION_INFORMATION_REFRESH_TIME (RFC 8415 section 21.23).</summary>
/// <param name="Seconds">Refresh time in seconds; 0xffffffff is infinity.</param>
public sealed record InformationRefreshTimeOption(uint Seconds) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.InformationRefreshTime;

    /// <inheritdoc/>
    public override int ValueLength => 4;

    private protected override void WriteValue(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Seconds);

    internal static InformationRefreshTimeOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error) =>
        SecondsReader.Read(context, raw, "INFORMATION_REFRESH_TIME", out error) is { } s ? new InformationRefreshTimeOption(s) : null;
}

/// <summary>Reads the single 32-bit value of a seconds option.</summary>
internal static class SecondsReader
{
    internal static uint? Read(ParseContext context, in RawOption raw, string name, out Dhcp6ParseError? error)
    {
        error = raw.Length == 4 ? null : raw.WrongLength(name, 4);
        return error is null ? BinaryPrimitives.ReadUInt32BigEndian(context.Value(raw)) : null;
    }
}
