using System.Buffers.Binary;

namespace Gatewayd.Dhcp6;

/// <summary>Walks a run of options (top level or encapsulated) and decodes each one.</summary>
internal static class OptionReader
{
    /// <summary>
    /// Reads the options in <c>[start, end)</c> of the context buffer. <paramref name="depth"/> is 0 for the message's
    /// own options and grows by one per encapsulation level.
    /// </summary>
    internal static IReadOnlyList<Dhcp6Option>? Read(ParseContext context, int start, int end, int depth, out Dhcp6ParseError? error)
    {
        ReadOnlySpan<byte> buffer = context.Buffer;
        List<Dhcp6Option>? options = null;
        int position = start;
        while (position < end)
        {
            if (end - position < Dhcp6Constants.OptionHeaderLength)
            {
                error = new Dhcp6ParseError(position, null, Dhcp6ParseErrorKind.Truncated,
                    $"option header cut: {end - position} bytes left at offset {position}, 4 needed");
                return null;
            }

            var code = (Dhcp6OptionCode)BinaryPrimitives.ReadUInt16BigEndian(buffer[position..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(buffer[(position + 2)..]);
            if (++context.OptionCount > Dhcp6Message.MaxOptions)
            {
                error = new Dhcp6ParseError(position, code, Dhcp6ParseErrorKind.TooManyOptions,
                    $"more than {Dhcp6Message.MaxOptions} options");
                return null;
            }

            var raw = new RawOption(code, position, length);
            if (raw.End > end)
            {
                error = raw.Error(Dhcp6ParseErrorKind.LengthOverrun,
                    $"option {(ushort)code} length {length} runs past the end at offset {position} ({end - raw.ValueOffset} bytes left)");
                return null;
            }

            Dhcp6Option? option = OptionDecoder.Decode(context, raw, depth, out error);
            if (option is null)
                return null;
            (options ??= []).Add(option);
            position = raw.End;
        }

        error = null;
        return options ?? (IReadOnlyList<Dhcp6Option>)[];
    }

    /// <summary>Reads the options encapsulated in <paramref name="raw"/> from <paramref name="start"/> to its end.</summary>
    internal static IReadOnlyList<Dhcp6Option>? ReadEncapsulated(ParseContext context, in RawOption raw, int start, int depth, out Dhcp6ParseError? error)
    {
        if (depth + 1 > Dhcp6Message.MaxNestingDepth && start < raw.End)
        {
            error = raw.Error(Dhcp6ParseErrorKind.TooDeep,
                $"options nested deeper than {Dhcp6Message.MaxNestingDepth} levels");
            return null;
        }

        return Read(context, start, raw.End, depth + 1, out error);
    }
}
