using System.Globalization;
using System.Runtime.InteropServices;

namespace Gatewayd.DBus;

/// <summary>Writes managed values into an sd-bus message by D-Bus signature, and reads a string back.</summary>
internal static unsafe class MessageValues
{
    internal static bool IsSupported(string signature) =>
        signature is "s" or "o" or "b" or "y" or "i" or "u" or "x" or "t" or "d" or "as";

    /// <summary>Appends <paramref name="value"/>; returns sd-bus's result (negative errno on failure).</summary>
    internal static int Append(nint m, string signature, object value)
    {
        var c = CultureInfo.InvariantCulture;
        switch (signature)
        {
            case "s" or "o": return AppendString(m, (byte)signature[0], Convert.ToString(value, c) ?? "");
            case "b": { int v = Convert.ToBoolean(value, c) ? 1 : 0; return SdBus.sd_bus_message_append_basic(m, (byte)'b', &v); }
            case "y": { byte v = Convert.ToByte(value, c); return SdBus.sd_bus_message_append_basic(m, (byte)'y', &v); }
            case "i": { int v = Convert.ToInt32(value, c); return SdBus.sd_bus_message_append_basic(m, (byte)'i', &v); }
            case "u": { uint v = Convert.ToUInt32(value, c); return SdBus.sd_bus_message_append_basic(m, (byte)'u', &v); }
            case "x": { long v = Convert.ToInt64(value, c); return SdBus.sd_bus_message_append_basic(m, (byte)'x', &v); }
            case "t": { ulong v = Convert.ToUInt64(value, c); return SdBus.sd_bus_message_append_basic(m, (byte)'t', &v); }
            case "d": { double v = Convert.ToDouble(value, c); return SdBus.sd_bus_message_append_basic(m, (byte)'d', &v); }
            case "as": return AppendStrings(m, (IEnumerable<string>)value);
            default: throw new ArgumentException($"Unsupported signature '{signature}'.", nameof(signature));
        }
    }

    internal static int AppendString(nint m, byte type, string value)
    {
        // sd-bus takes the char* itself for 's' and 'o'; a D-Bus string cannot hold NUL, so cut there as C would.
        nint p = Marshal.StringToCoTaskMemUTF8(value);
        try
        {
            return SdBus.sd_bus_message_append_basic(m, type, (void*)p);
        }
        finally
        {
            Marshal.FreeCoTaskMem(p);
        }
    }

    private static int AppendStrings(nint m, IEnumerable<string> values)
    {
        int r = SdBus.sd_bus_message_open_container(m, (byte)'a', "s");
        if (r < 0)
        {
            return r;
        }

        foreach (string v in values)
        {
            r = AppendString(m, (byte)'s', v);
            if (r < 0)
            {
                return r;
            }
        }

        return SdBus.sd_bus_message_close_container(m);
    }

    /// <summary>Reads the next 's' of a message; the pointer sd-bus returns lives in the message, so copy it now.</summary>
    internal static string ReadString(nint m)
    {
        nint p;
        DBusException.ThrowIfError(SdBus.sd_bus_message_read_basic(m, (byte)'s', &p), "sd_bus_message_read_basic");
        return Marshal.PtrToStringUTF8(p) ?? "";
    }

    /// <summary>Reads a reply body of "" (null) or "s"; anything else is not this binding's to decode.</summary>
    internal static string? ReadOptionalString(nint m)
    {
        string signature = Marshal.PtrToStringUTF8(SdBus.sd_bus_message_get_signature(m, 1)) ?? "";
        return signature switch
        {
            "" => null,
            "s" => ReadString(m),
            _ => throw new DBusException(DBusErrorNames.Failed, $"Reply signature '{signature}' is not supported (\"\" or \"s\")."),
        };
    }
}
