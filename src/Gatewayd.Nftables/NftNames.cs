namespace Gatewayd.Nftables;

/// <summary>Checks names before they are pasted into an nft script.</summary>
public static class NftNames
{
    /// <summary>Linux IFNAMSIZ is 16 including the terminating NUL.</summary>
    private const int MaxInterfaceNameLength = 15;

    /// <summary>
    /// Accepts what the kernel accepts (dev_valid_name: 1-15 bytes, not "." or "..", no '/', ':' or whitespace), narrowed to
    /// letters, digits and <c>. _ - +</c> so the name is always safe inside an nft string: no quotes, no backslash, and no trailing
    /// '*', which nft would read as a wildcard.
    /// </summary>
    /// <param name="name">The interface name.</param>
    /// <exception cref="ArgumentException">The name is not acceptable; the message says why.</exception>
    public static void ValidateInterfaceName(string? name)
    {
        if (InterfaceNameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }
    }

    /// <summary>Null when <paramref name="name"/> is an interface name gatewayd accepts, otherwise the reason it is not.</summary>
    /// <param name="name">The name from config or the command line.</param>
    /// <returns>Null, or a sentence saying what is wrong.</returns>
    public static string? InterfaceNameProblem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "interface name is empty";
        }

        if (name.Length > MaxInterfaceNameLength)
        {
            return $"interface name '{name}' is longer than {MaxInterfaceNameLength} characters";
        }

        if (name is "." or "..")
        {
            return $"interface name '{name}' is reserved";
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+'))
            {
                return $"interface name '{name}' contains '{Printable(c)}'; allowed are letters, digits and . _ - +";
            }
        }

        return null;
    }

    /// <summary>nft identifiers: a letter, then letters, digits, '_' or '-'; nft limits names to 255 bytes, we to 63.</summary>
    /// <param name="name">The table name.</param>
    /// <exception cref="ArgumentException">The name is not acceptable.</exception>
    public static void ValidateTableName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 63 || !char.IsAsciiLetter(name[0]) ||
            !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"table name '{name}' must be a letter then up to 62 letters, digits, '_' or '-'", nameof(name));
        }
    }

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"\\u{(int)c:x4}" : c.ToString();
}
