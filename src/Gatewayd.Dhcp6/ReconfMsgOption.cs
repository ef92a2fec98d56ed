namespace Gatewayd.Dhcp6;

/// <summary>
/// OPTION_RECONF_MSG (RFC 8415 section 21.19): which message a Reconfigure asks for, Renew (5), Rebind (6) or
/// Information-request (11). Other values are kept; judging them is the client's job, not the codec's.
/// </summary>
/// <param name="MessageType">The requested message type.</param>
public sealed record ReconfMsgOption(Dhcp6MessageType MessageType) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.ReconfMsg;

    /// <inheritdoc/>
    public override int ValueLength => 1;

    private protected override void WriteValue(Span<byte> destination) => destination[0] = (byte)MessageType;

    internal static ReconfMsgOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        error = raw.Length == 1 ? null : raw.WrongLength("RECONF_MSG", 1);
        return error is null ? new ReconfMsgOption((Dhcp6MessageType)context.Value(raw)[0]) : null;
    }
}
