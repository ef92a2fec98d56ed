namespace Gatewayd.Ndp;

/// <summary>One option as found on the wire: type, absolute offset, total length in bytes.</summary>
internal readonly record struct RawNdpOption(NdpOptionType Type, int Offset, int Length, byte[] Buffer)
{
    /// <summary>Everything after the type and length bytes.</summary>
    internal ReadOnlySpan<byte> Body => Buffer.AsSpan(Offset + 2, Length - 2);

    internal ReadOnlyMemory<byte> BodyMemory(int start, int length) => Buffer.AsMemory(Offset + 2 + start, length);

    /// <summary>Keeps the option verbatim with the reason it cannot be used.</summary>
    internal MalformedNdpOption Malformed(int offset, string reason) =>
        new(Type, BodyMemory(0, Length - 2), new NdpParseError(offset, Type, NdpParseErrorKind.MalformedOption, reason));

    internal MalformedNdpOption Malformed(string reason) => Malformed(Offset, reason);
}

/// <summary>Walks the options of an RA or RS (RFC 4861 section 4.6).</summary>
internal static class NdpOptionReader
{
    internal static IReadOnlyList<NdpOption>? Read(byte[] buffer, int start, int maxOptions, out NdpParseError? error)
    {
        List<NdpOption>? options = null;
        int position = start;
        while (position < buffer.Length)
        {
            if (buffer.Length - position < 2)
            {
                error = new NdpParseError(position, null, NdpParseErrorKind.LengthOverrun,
                    $"option header cut: 1 byte left at offset {position}");
                return null;
            }

            var type = (NdpOptionType)buffer[position];
            int length = buffer[position + 1] * NdpConstants.OptionUnit;
            if (length == 0)
            {
                // RFC 4861 section 4.6: "Nodes MUST silently discard an ND packet that contains an option with length zero."
                error = new NdpParseError(position, type, NdpParseErrorKind.ZeroLengthOption, $"option {(byte)type} has length 0 at offset {position}");
                return null;
            }

            if (length > buffer.Length - position)
            {
                error = new NdpParseError(position, type, NdpParseErrorKind.LengthOverrun,
                    $"option {(byte)type} length {length} runs past the end at offset {position} ({buffer.Length - position} bytes left)");
                return null;
            }

            if ((options?.Count ?? 0) >= maxOptions)
            {
                error = new NdpParseError(position, type, NdpParseErrorKind.TooManyOptions, $"more than {maxOptions} options");
                return null;
            }

            (options ??= []).Add(Decode(new RawNdpOption(type, position, length, buffer)));
            position += length;
        }

        error = null;
        return options ?? (IReadOnlyList<NdpOption>)[];
    }

    private static NdpOption Decode(in RawNdpOption raw) => raw.Type switch
    {
        NdpOptionType.SourceLinkLayerAddress => SourceLinkLayerAddressOption.Decode(raw),
        NdpOptionType.PrefixInformation => PrefixInformationOption.Decode(raw),
        NdpOptionType.Mtu => MtuOption.Decode(raw),
        NdpOptionType.RouteInformation => RouteInformationOption.Decode(raw),
        NdpOptionType.RecursiveDnsServer => RecursiveDnsServerOption.Decode(raw),
        NdpOptionType.DnsSearchList => DnsSearchListOption.Decode(raw),
        _ => new UnknownNdpOption(raw.Type, raw.BodyMemory(0, raw.Length - 2)),
    };
}

/// <summary>Writing and typed lookups over option lists, without LINQ.</summary>
internal static class NdpOptionList
{
    internal static IReadOnlyList<NdpOption> Freeze(IEnumerable<NdpOption>? options)
    {
        var list = options is null ? [] : new List<NdpOption>(options);
        foreach (NdpOption option in list)
            ArgumentNullException.ThrowIfNull(option, nameof(options));
        return list.AsReadOnly();
    }

    internal static int Measure(IReadOnlyList<NdpOption> options)
    {
        int total = 0;
        for (int i = 0; i < options.Count; i++)
            total += options[i].Length;
        return total;
    }

    internal static int Write(IReadOnlyList<NdpOption> options, Span<byte> destination)
    {
        int written = 0;
        for (int i = 0; i < options.Count; i++)
            written += options[i].WriteTo(destination[written..]);
        return written;
    }

    internal static T? First<T>(IReadOnlyList<NdpOption> options)
        where T : NdpOption
    {
        for (int i = 0; i < options.Count; i++)
        {
            if (options[i] is T match)
                return match;
        }

        return null;
    }

    internal static IReadOnlyList<T> All<T>(IReadOnlyList<NdpOption> options)
        where T : NdpOption
    {
        List<T>? matches = null;
        for (int i = 0; i < options.Count; i++)
        {
            if (options[i] is T match)
                (matches ??= []).Add(match);
        }

        return matches ?? (IReadOnlyList<T>)[];
    }
}
