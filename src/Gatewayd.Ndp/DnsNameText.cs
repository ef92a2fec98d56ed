using System.Text;

namespace Gatewayd.Ndp;

/// <summary>
/// Converts between uncompressed DNS wire-format names (RFC 1035 section 3.1) and presentation text, escaping '.',
/// '\' and non-printable bytes as RFC 1035 section 5.1 does, so every label survives a round trip.
/// </summary>
internal static class DnsNameText
{
    private const int MaxLength = 255;
    private const int MaxLabelLength = 63;

    /// <summary>Reads one name; <paramref name="baseOffset"/> is the absolute offset of <paramref name="source"/>.</summary>
    internal static string? Read(ReadOnlySpan<byte> source, int baseOffset, out int consumed, out int problemOffset, out string? problem)
    {
        var text = new StringBuilder();
        int position = 0;
        consumed = 0;
        while (true)
        {
            problemOffset = baseOffset + position;
            if (position >= source.Length)
            {
                problem = $"name starting at offset {baseOffset} runs past the end without a root label";
                return null;
            }

            byte length = source[position];
            if (length == 0)
                break;
            if (length > MaxLabelLength)
            {
                problem = (length & 0xC0) == 0xC0
                    ? $"compression pointer 0x{length:x2} at offset {problemOffset} (RFC 8106 section 5.2 forbids compression)"
                    : $"label length {length} at offset {problemOffset} exceeds {MaxLabelLength}";
                return null;
            }

            if (position + 1 + length > source.Length)
            {
                problem = $"label of {length} bytes at offset {problemOffset} runs past the end";
                return null;
            }

            if (position + 1 + length + 1 > MaxLength)
            {
                problemOffset = baseOffset;
                problem = $"name starting at offset {baseOffset} is longer than {MaxLength} bytes";
                return null;
            }

            if (text.Length > 0)
                text.Append('.');
            AppendLabel(text, source.Slice(position + 1, length));
            position += 1 + length;
        }

        consumed = position + 1;
        problem = null;
        return text.Length == 0 ? "." : text.ToString();
    }

    /// <summary>Appends the wire form of <paramref name="name"/> to <paramref name="wire"/>; false (and nothing appended) if invalid.</summary>
    internal static bool TryEncode(string name, List<byte> wire)
    {
        // The root alone cannot be carried: in a DNSSL a zero byte where a name starts is padding (RFC 8106 section 5.2).
        if (string.IsNullOrEmpty(name) || name == ".")
            return false;
        var encoded = new List<byte>(name.Length + 2);
        var label = new List<byte>();
        for (int i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '.')
            {
                if (label.Count == 0 && i == name.Length && name[^1] == '.')
                    break;
                if (label.Count is 0 or > MaxLabelLength)
                    return false;
                encoded.Add((byte)label.Count);
                encoded.AddRange(label);
                label.Clear();
            }
            else if (name[i] != '\\')
            {
                if (name[i] > 0x7f)
                    return false;
                label.Add((byte)name[i]);
            }
            else if (i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]) && char.IsAsciiDigit(name[i + 2]) && char.IsAsciiDigit(name[i + 3]))
            {
                int value = ((name[i + 1] - '0') * 100) + ((name[i + 2] - '0') * 10) + (name[i + 3] - '0');
                if (value > 255)
                    return false;
                label.Add((byte)value);
                i += 3;
            }
            else if (i + 1 < name.Length && name[i + 1] <= 0x7f && !char.IsAsciiDigit(name[i + 1]))
            {
                label.Add((byte)name[++i]);
            }
            else
            {
                return false;
            }
        }

        encoded.Add(0);
        if (encoded.Count > MaxLength)
            return false;
        wire.AddRange(encoded);
        return true;
    }

    /// <summary>The canonical text of a valid name (no trailing dot, minimal escapes).</summary>
    internal static string Normalize(string name)
    {
        var wire = new List<byte>();
        TryEncode(name, wire);
        return Read([.. wire], 0, out _, out _, out _) ?? name;
    }

    private static void AppendLabel(StringBuilder text, ReadOnlySpan<byte> label)
    {
        foreach (byte b in label)
        {
            if (b is (byte)'.' or (byte)'\\')
                text.Append('\\').Append((char)b);
            else if (b is <= 0x20 or >= 0x7f)
                text.Append('\\').Append(b.ToString("D3"));
            else
                text.Append((char)b);
        }
    }
}
