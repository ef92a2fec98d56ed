using System.Globalization;

namespace Gatewayd.Netlink.Tests;

/// <summary>Loads a <c>Fixtures/*.hex</c> file: datagrams introduced by <c>== datagram</c>, hex bytes, <c>#</c> comments.</summary>
internal static class HexFixture
{
    public static List<byte[]> Datagrams(string name)
    {
        var datagrams = new List<byte[]>();
        List<byte>? current = null;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".hex")))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("==", StringComparison.Ordinal))
            {
                current = [];
                datagrams.Add([]);
                continue;
            }

            foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                current!.Add(byte.Parse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }

            datagrams[^1] = [.. current!];
        }

        return datagrams;
    }

    /// <summary>Every message of every datagram in the fixture.</summary>
    public static List<byte[]> Messages(string name)
    {
        var messages = new List<byte[]>();
        foreach (var datagram in Datagrams(name))
        {
            var reader = new NetlinkMessageReader(datagram);
            while (reader.TryReadNext(out _, out var message))
            {
                messages.Add(message.ToArray());
            }

            Assert.Null(reader.Error);
        }

        return messages;
    }

    /// <summary>Parses "0a 00 ff" style hex, ignoring everything after // on each line.</summary>
    public static byte[] Bytes(string annotated)
    {
        var bytes = new List<byte>();
        foreach (var raw in annotated.Split('\n'))
        {
            var line = raw.Split("//")[0];
            foreach (var token in line.Split([' ', '\t', '\r', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                bytes.Add(byte.Parse(token, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }

        return [.. bytes];
    }
}
