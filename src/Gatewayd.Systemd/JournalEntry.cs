using System.Buffers.Binary;
using System.Text;

namespace Gatewayd.Systemd;

/// <summary>
/// One journal entry in journald's native protocol (systemd.io/JOURNAL_NATIVE_PROTOCOL): a list of fields encoded as
/// <c>NAME=value\n</c>, or, for a value containing '\n', as <c>NAME\n</c>, its length as a 64-bit little-endian integer, the
/// value and <c>\n</c>. Pure encoding: sending is <see cref="JournaldSink"/>'s job.
/// </summary>
public sealed class JournalEntry
{
    /// <summary>Default cap on an encoded entry, far below the 208 KiB a Unix datagram may carry with the default send buffer.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>Appended to a value cut short to fit the cap.</summary>
    public const string TruncationMarker = "…[truncated]";

    private static readonly byte[] MarkerBytes = Encoding.UTF8.GetBytes(TruncationMarker);

    private readonly List<KeyValuePair<string, string>> _fields = [];

    /// <summary>The fields in the order they are encoded. journald allows a name more than once.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a field.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> breaks journald's naming rules (see <see cref="JournalFieldName.IsValid"/>).</exception>
    public JournalEntry Add(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!JournalFieldName.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a valid journal field name.", nameof(name));
        }

        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Encodes the entry; no cap.</summary>
    public byte[] Encode() => Encode(int.MaxValue);

    /// <summary>
    /// Encodes the entry in at most <paramref name="maxBytes"/> bytes where possible: while it is too large, the longest value
    /// (in practice MESSAGE or EXCEPTION) is cut at a UTF-8 character boundary and ends with <see cref="TruncationMarker"/>.
    /// </summary>
    public byte[] Encode(int maxBytes)
    {
        var names = new byte[_fields.Count][];
        var values = new byte[_fields.Count][];
        long size = 0;
        for (int i = 0; i < _fields.Count; i++)
        {
            names[i] = Encoding.ASCII.GetBytes(_fields[i].Key);
            values[i] = Encoding.UTF8.GetBytes(_fields[i].Value);
            size += FieldSize(names[i], values[i]);
        }

        while (size > maxBytes && Truncate(names, values, size - maxBytes) is long saved && saved > 0)
        {
            size -= saved;
        }

        var output = new byte[size];
        int offset = 0;
        for (int i = 0; i < names.Length; i++)
        {
            offset += WriteField(output.AsSpan(offset), names[i], values[i]);
        }

        return output;
    }

    private static long FieldSize(byte[] name, byte[] value) =>
        value.AsSpan().Contains((byte)'\n')
            ? name.Length + 1 + sizeof(ulong) + value.Length + 1
            : name.Length + 1 + value.Length + 1;

    private static int WriteField(Span<byte> destination, byte[] name, byte[] value)
    {
        name.CopyTo(destination);
        int offset = name.Length;
        if (value.AsSpan().Contains((byte)'\n'))
        {
            destination[offset++] = (byte)'\n';
            BinaryPrimitives.WriteUInt64LittleEndian(destination[offset..], (ulong)value.Length);
            offset += sizeof(ulong);
        }
        else
        {
            destination[offset++] = (byte)'=';
        }

        value.CopyTo(destination[offset..]);
        offset += value.Length;
        destination[offset++] = (byte)'\n';
        return offset;
    }

    // Cuts the longest value by `excess` bytes plus room for the marker; returns how many encoded bytes that saved.
    private static long Truncate(byte[][] names, byte[][] values, long excess)
    {
        int longest = -1;
        for (int i = 0; i < values.Length; i++)
        {
            if (longest < 0 || values[i].Length > values[longest].Length)
            {
                longest = i;
            }
        }

        if (longest < 0 || values[longest].Length <= MarkerBytes.Length)
        {
            return 0;
        }

        byte[] value = values[longest];
        long keep = Math.Max(0, value.Length - excess - MarkerBytes.Length);
        while (keep > 0 && (value[keep] & 0xC0) == 0x80)
        {
            keep--; // do not split a UTF-8 sequence
        }

        byte[] cut = new byte[keep + MarkerBytes.Length];
        value.AsSpan(0, (int)keep).CopyTo(cut);
        MarkerBytes.CopyTo(cut.AsSpan((int)keep));
        long saved = FieldSize(names[longest], value) - FieldSize(names[longest], cut);
        values[longest] = cut;
        return saved;
    }
}
