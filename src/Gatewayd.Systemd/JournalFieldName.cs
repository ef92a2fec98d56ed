using System.Text;

namespace Gatewayd.Systemd;

/// <summary>
/// journald's rules for field names, and the mapping from Serilog property names onto them.
/// </summary>
public static class JournalFieldName
{
    /// <summary>journald rejects longer names (<c>JOURNAL_FIELD_NAME_MAX</c> in systemd's journal-file.h).</summary>
    public const int MaxLength = 64;

    /// <summary>Prepended to a property name that would be empty, start with a digit, or shadow a field the sink writes itself.</summary>
    public const string PropertyPrefix = "PROPERTY_";

    // Fields JournaldSink writes; a structured property must not replace them.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "EXCEPTION",
    };

    /// <summary>
    /// True when journald accepts <paramref name="name"/> from a client: A–Z, 0–9 and '_', not starting with a digit, at most 64
    /// characters. A leading '_' marks the fields journald itself adds (trusted fields), so clients may not use it.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxLength || name[0] == '_' || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Maps a Serilog property name to a journal field name: Pascal/camel case becomes upper snake case (<c>GatewaydEvent</c> →
    /// <c>GATEWAYD_EVENT</c>, <c>IPAddress</c> → <c>IP_ADDRESS</c>, <c>Ipv6Prefix</c> → <c>IPV6_PREFIX</c>), other characters
    /// become '_', leading '_' are dropped; an empty result, one starting with a digit, or one equal to MESSAGE, PRIORITY,
    /// SYSLOG_IDENTIFIER or EXCEPTION gets <see cref="PropertyPrefix"/>; the result is cut to 64 characters.
    /// </summary>
    public static string FromPropertyName(string propertyName)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        var sb = new StringBuilder(propertyName.Length + 8);
        for (int i = 0; i < propertyName.Length; i++)
        {
            char c = propertyName[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                AppendSeparator(sb);
                continue;
            }

            if (char.IsAsciiLetterUpper(c) && i > 0 && StartsWord(propertyName, i))
            {
                AppendSeparator(sb);
            }

            sb.Append(char.ToUpperInvariant(c));
        }

        string name = sb.ToString().Trim('_');
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || Reserved.Contains(name))
        {
            name = PropertyPrefix + name;
        }

        return name.Length > MaxLength ? name[..MaxLength].TrimEnd('_') : name;
    }

    // An upper-case letter starts a word after a lower-case letter or digit ("gatewaydEvent", "Ipv6Prefix"), or when it ends
    // an acronym that a capitalised word follows ("IPAddress": the 'A').
    private static bool StartsWord(string s, int i)
    {
        char previous = s[i - 1];
        if (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous))
        {
            return true;
        }

        return char.IsAsciiLetterUpper(previous) && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]);
    }

    private static void AppendSeparator(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != '_')
        {
            sb.Append('_');
        }
    }
}
