namespace Gatewayd.Dhcp6;

/// <summary>OPTION_PREFERENCE (RFC 8415 section 21.8): 255 makes a client take this Advertise at once (section 18.2.1).</summary>
/// <param name="Value">The server preference.</param>
public sealed record PreferenceOption(byte Value) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.Preference;

    /// <inheritdoc/>
    public override int ValueLength => 1;

    private protected override void WriteValue(Span<byte> destination) => destination[0] = Value;

    internal static PreferenceOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        error = raw.Length == 1 ? null : raw.WrongLength("PREFERENCE", 1);
        return error is null ? new PreferenceOption(context.Value(raw)[0]) : null;
    }
}
