namespace Gatewayd.Dhcp6;

/// <summary>The bytes of one message being parsed, and the budget shared by all of its options.</summary>
/// <remarks>The message is copied once; parsed options slice that copy instead of allocating per field.</remarks>
internal sealed class ParseContext(byte[] buffer)
{
    internal byte[] Buffer { get; } = buffer;

    /// <summary>Options seen so far at any depth; capped so a hostile message costs at most linear work.</summary>
    internal int OptionCount { get; set; }

    internal ReadOnlySpan<byte> Value(in RawOption raw) => Buffer.AsSpan(raw.ValueOffset, raw.Length);

    internal ReadOnlyMemory<byte> Memory(int offset, int length) => Buffer.AsMemory(offset, length);
}

/// <summary>One option header as found on the wire: code, absolute offset of the header, value length.</summary>
internal readonly record struct RawOption(Dhcp6OptionCode Code, int Offset, int Length)
{
    internal int ValueOffset => Offset + Dhcp6Constants.OptionHeaderLength;

    internal int End => ValueOffset + Length;

    internal Dhcp6ParseError Error(Dhcp6ParseErrorKind kind, string reason) => new(Offset, Code, kind, reason);

    internal Dhcp6ParseError ErrorAt(int offset, Dhcp6ParseErrorKind kind, string reason) => new(offset, Code, kind, reason);

    /// <summary>The error for an option whose value must be exactly <paramref name="expected"/> bytes.</summary>
    internal Dhcp6ParseError WrongLength(string name, int expected) => Length == 0 && expected > 0
        ? Error(Dhcp6ParseErrorKind.EmptyValue, $"zero-length {name}, {expected} bytes required")
        : Error(Dhcp6ParseErrorKind.BadLength, $"{name} length {Length}, must be {expected}");

    /// <summary>The error for an option whose value must be at least <paramref name="minimum"/> bytes.</summary>
    internal Dhcp6ParseError TooShort(string name, int minimum) => Length == 0
        ? Error(Dhcp6ParseErrorKind.EmptyValue, $"zero-length {name}, at least {minimum} bytes required")
        : Error(Dhcp6ParseErrorKind.BadLength, $"{name} shorter than {minimum} bytes (length {Length})");
}
