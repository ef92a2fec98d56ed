using System.Globalization;
using Serilog.Events;
using Serilog.Parsing;

namespace Gatewayd.Systemd;

/// <summary>Text of a log event for the journal and the console: no quotes around strings, invariant culture.</summary>
internal static class LogEventText
{
    /// <summary>
    /// The message with string properties written as-is (Serilog's <c>{Message:l}</c>): <c>Prefix 2400::/56 changed</c>, not
    /// <c>Prefix "2400::/56" changed</c>, so journalctl output reads like a sentence and grep finds the value.
    /// </summary>
    public static string RenderMessage(LogEvent logEvent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (MessageTemplateToken token in logEvent.MessageTemplate.Tokens)
        {
            if (token is PropertyToken property
                && logEvent.Properties.TryGetValue(property.PropertyName, out LogEventPropertyValue? value)
                && value is ScalarValue { Value: string text })
            {
                writer.Write(Pad(text, property.Alignment));
            }
            else
            {
                token.Render(logEvent.Properties, writer, CultureInfo.InvariantCulture);
            }
        }

        return writer.ToString();
    }

    /// <summary>A property value as field text: scalars bare (strings unquoted, numbers invariant), others as Serilog renders them.</summary>
    /// <remarks>Strings are taken directly: Serilog's "l" format would be handed to numbers' IFormattable and throw.</remarks>
    public static string RenderValue(LogEventPropertyValue value)
    {
        if (value is ScalarValue { Value: string text })
        {
            return text;
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        value.Render(writer, null, CultureInfo.InvariantCulture);
        return writer.ToString();
    }

    private static string Pad(string text, Alignment? alignment)
    {
        if (alignment is not { } a || text.Length >= a.Width)
        {
            return text;
        }

        return a.Direction == AlignmentDirection.Left ? text.PadRight(a.Width) : text.PadLeft(a.Width);
    }
}
