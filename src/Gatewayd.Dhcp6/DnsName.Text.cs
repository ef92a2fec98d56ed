using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Gatewayd.Dhcp6;

/// <summary>Presentation format (RFC 1035 section 5.1 escapes) for configuration files and logs.</summary>
public sealed partial class DnsName
{
    /// <summary>Parses presentation format ("aftr.example.jp", trailing dot optional; <c>\.</c>, <c>\\</c>, <c>\DDD</c> escapes).</summary>
    /// <param name="text">The name.</param>
    /// <returns>The name.</returns>
    /// <exception cref="FormatException">Empty labels, labels over 63 bytes, a name over 255 bytes, or a bad escape.</exception>
    public static DnsName Parse(string text) =>
        TryParse(text, out DnsName? name) ? name : throw new FormatException($"'{text}' is not a valid domain name.");

    /// <summary>Parses presentation format without throwing.</summary>
    /// <param name="text">The name.</param>
    /// <param name="name">The parsed name.</param>
    /// <returns>True if <paramref name="text"/> is a valid name.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DnsName? name)
    {
        name = null;
        if (string.IsNullOrEmpty(text))
            return false;
        if (text == ".")
        {
            name = new DnsName([0]);
            return true;
        }

        var wire = new List<byte>(text.Length + 2);
        var label = new List<byte>(MaxLabelLength);
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '.')
            {
                if (label.Count == 0 && i == text.Length && text[^1] == '.')
                    break;
                if (label.Count == 0 || label.Count > MaxLabelLength)
                    return false;
                wire.Add((byte)label.Count);
                wire.AddRange(label);
                label.Clear();
                continue;
            }

            if (text[i] != '\\')
            {
                if (text[i] > 0x7f)
                    return false;
                label.Add((byte)text[i]);
                continue;
            }

            if (i + 3 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
            {
                int value = ((text[i + 1] - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                if (value > 255)
                    return false;
                label.Add((byte)value);
                i += 3;
            }
            else if (i + 1 < text.Length && text[i + 1] <= 0x7f && !char.IsAsciiDigit(text[i + 1]))
            {
                label.Add((byte)text[++i]);
            }
            else
            {
                return false;
            }
        }

        wire.Add(0);
        if (wire.Count > MaxLength)
            return false;
        name = new DnsName([.. wire]);
        return true;
    }

    /// <summary>The name in presentation format without the trailing dot ("." for the root).</summary>
    /// <returns>For example <c>aftr.example.jp</c>.</returns>
    public override string ToString()
    {
        if (_wire.Length == 1)
            return ".";
        var text = new StringBuilder(_wire.Length);
        for (int position = 0; _wire[position] != 0; position += 1 + _wire[position])
        {
            if (position > 0)
                text.Append('.');
            foreach (byte b in _wire.AsSpan(position + 1, _wire[position]))
            {
                if (b is (byte)'.' or (byte)'\\')
                    text.Append('\\').Append((char)b);
                else if (b is <= 0x20 or >= 0x7f)
                    text.Append('\\').Append(b.ToString("D3"));
                else
                    text.Append((char)b);
            }
        }

        return text.ToString();
    }
}
