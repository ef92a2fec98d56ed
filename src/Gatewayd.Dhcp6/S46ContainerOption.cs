namespace Gatewayd.Dhcp6;

/// <summary>
/// A softwire container (RFC 7598 section 5): S46_CONT_MAPE (94), S46_CONT_MAPT (95) or S46_CONT_LW (96), holding rules,
/// BRs, DMRs and bindings as encapsulated options.
/// </summary>
public sealed record S46ContainerOption : Dhcp6Option
{
    private readonly Dhcp6OptionCode _code;

    /// <summary>Creates a container.</summary>
    /// <param name="code">94, 95 or 96.</param>
    /// <param name="options">Encapsulated options, copied.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a container code.</exception>
    public S46ContainerOption(Dhcp6OptionCode code, params IEnumerable<Dhcp6Option> options)
        : this(code, OptionWriter.Freeze(options))
    {
        if (code is not (Dhcp6OptionCode.S46ContMapE or Dhcp6OptionCode.S46ContMapT or Dhcp6OptionCode.S46ContLw))
            ThrowHelper.Argument(nameof(code), $"{code} is not an RFC 7598 container.");
    }

    private S46ContainerOption(Dhcp6OptionCode code, IReadOnlyList<Dhcp6Option> options)
    {
        _code = code;
        Options = options;
    }

    /// <summary>Encapsulated options in wire order.</summary>
    public IReadOnlyList<Dhcp6Option> Options { get; }

    /// <summary>The mapping rules.</summary>
    public IReadOnlyList<S46RuleOption> Rules => OptionList.All<S46RuleOption>(Options);

    /// <summary>The border relays (MAP-E) or AFTRs (lw4o6).</summary>
    public IReadOnlyList<S46BrOption> BorderRelays => OptionList.All<S46BrOption>(Options);

    /// <summary>The default mapping rule (MAP-T), or null.</summary>
    public S46DmrOption? DefaultMappingRule => OptionList.First<S46DmrOption>(Options);

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => _code;

    /// <inheritdoc/>
    public override int ValueLength => OptionWriter.Measure(Options);

    private protected override void WriteValue(Span<byte> destination) => OptionWriter.Write(Options, destination);

    internal static S46ContainerOption? Decode(ParseContext context, in RawOption raw, int depth, out Dhcp6ParseError? error)
    {
        IReadOnlyList<Dhcp6Option>? options = OptionReader.ReadEncapsulated(context, raw, raw.ValueOffset, depth, out error);
        return options is null ? null : new S46ContainerOption(raw.Code, options);
    }
}
