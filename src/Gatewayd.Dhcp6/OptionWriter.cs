namespace Gatewayd.Dhcp6;

/// <summary>Measures and writes runs of options.</summary>
internal static class OptionWriter
{
    internal static int Measure(IReadOnlyList<Dhcp6Option> options)
    {
        int total = 0;
        for (int i = 0; i < options.Count; i++)
            total += options[i].Length;
        return total;
    }

    internal static int Write(IReadOnlyList<Dhcp6Option> options, Span<byte> destination)
    {
        int written = 0;
        for (int i = 0; i < options.Count; i++)
            written += options[i].WriteTo(destination[written..]);
        return written;
    }

    /// <summary>Copies a caller's options into an immutable list so records stay immutable after construction.</summary>
    internal static IReadOnlyList<Dhcp6Option> Freeze(IEnumerable<Dhcp6Option>? options)
    {
        if (options is null)
            return [];
        var list = new List<Dhcp6Option>(options);
        foreach (Dhcp6Option option in list)
            ArgumentNullException.ThrowIfNull(option, nameof(options));
        return list.AsReadOnly();
    }
}
