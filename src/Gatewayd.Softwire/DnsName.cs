using System.Diagnostics.CodeAnalysis;

namespace Gatewayd.Softwire;

/// <summary>Host name syntax: RFC 1035 section 2.3.1 letters-digits-hyphens, as relaxed by RFC 1123 section 2.1.</summary>
internal static class DnsName
{
    public static bool TryValidate(string name, [NotNullWhen(false)] out string? reason)
    {
        string body = name.EndsWith('.') ? name[..^1] : name;
        if (body.Length is 0 or > 253)
        {
            reason = "a name must have 1..253 characters";
            return false;
        }

        string[] labels = body.Split('.');
        foreach (string label in labels)
        {
            if (label.Length is 0 or > 63)
            {
                reason = $"label '{label}' must have 1..63 characters";
                return false;
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                reason = $"label '{label}' starts or ends with a hyphen";
                return false;
            }

            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                reason = $"label '{label}' has characters other than letters, digits and hyphens";
                return false;
            }
        }

        // RFC 3696 section 2: a top-level label is never all-numeric, which also catches mistyped IPv4 addresses.
        if (labels[^1].All(char.IsAsciiDigit))
        {
            reason = $"the last label '{labels[^1]}' is all digits (an IPv4 address is not an AFTR)";
            return false;
        }

        reason = null;
        return true;
    }
}
