namespace Gatewayd.Dhcp6;

/// <summary>OPTION_RAPID_COMMIT (RFC 8415 section 21.14): a flag with no value.</summary>
public sealed record RapidCommitOption : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.RapidCommit;

    /// <inheritdoc/>
    public override int ValueLength => 0;

    private protected override void WriteValue(Span<byte> destination)
    {
    }

    internal static RapidCommitOption? Decode(in RawOption raw, out Dhcp6ParseError? error)
    {
        error = raw.Length == 0 ? null : raw.WrongLength("RAPID_COMMIT", 0);
        return error is null ? new RapidCommitOption() : null;
    }
}

/// <summary>OPTION_RECONF_ACCEPT (RFC 8415 section 21.20): the client accepts Reconfigure messages. No value.</summary>
public sealed record ReconfAcceptOption : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.ReconfAccept;

    /// <inheritdoc/>
    public override int ValueLength => 0;

    private protected override void WriteValue(Span<byte> destination)
    {
    }

    internal static ReconfAcceptOption? Decode(in RawOption raw, out Dhcp6ParseError? error)
    {
        error = raw.Length == 0 ? null : raw.WrongLength("RECONF_ACCEPT", 0);
        return error is null ? new ReconfAcceptOption() : null;
    }
}
