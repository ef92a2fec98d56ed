using System.Buffers.Binary;

namespace Gatewayd.Dhcp6;

/// <summary>OPTION_ELAPSED_TIME (RFC 8415 section 21.9): hundredths of a second since the exchange began.</summary>
/// <param name="Hundredths">Elapsed time in 1/100 s; 0xffff means "at least 655.35 s".</param>
public sealed record ElapsedTimeOption(ushort Hundredths) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.ElapsedTime;

    /// <inheritdoc/>
    public override int ValueLength => 2;

    /// <summary>The elapsed time as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan Elapsed => TimeSpan.FromMilliseconds(Hundredths * 10L);

    /// <summary>Converts a duration, saturating at 0xffff as RFC 8415 section 21.9 requires; negatives become 0.</summary>
    /// <param name="elapsed">Time since the client sent the first message of the exchange.</param>
    /// <returns>The option.</returns>
    public static ElapsedTimeOption FromTimeSpan(TimeSpan elapsed)
    {
        long hundredths = elapsed.Ticks / (TimeSpan.TicksPerMillisecond * 10);
        return new ElapsedTimeOption((ushort)Math.Clamp(hundredths, 0, ushort.MaxValue));
    }

    private protected override void WriteValue(Span<byte> destination) =>
        BinaryPrimitives.WriteUInt16BigEndian(destination, Hundredths);

    internal static ElapsedTimeOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        error = raw.Length == 2 ? null : raw.WrongLength("ELAPSED_TIME", 2);
        return error is null ? new ElapsedTimeOption(BinaryPrimitives.ReadUInt16BigEndian(context.Value(raw))) : null;
    }
}
