using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gatewayd.Cli;

/// <summary>Writes one indented JSON document to a string, for verbs with --json.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Interface names and VNE names are ASCII; keep '+' and '<' readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
            write(w);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
