using System.Runtime.InteropServices;

namespace Gatewayd.DBus;

/// <summary>
/// Builds an <c>sd_bus_vtable[]</c> in unmanaged memory, as systemd 252's sd-bus-vtable.h lays it out on 64-bit:
/// each entry is 56 bytes, a <c>uint8_t type:8; uint64_t flags:56</c> word (type in the low byte on little-endian)
/// followed at offset 8 by a union whose largest arm, <c>method</c>, holds six pointer-sized fields.
/// sd-bus keeps pointers into the table and its strings for as long as the slot lives, so the owner frees them
/// only after <c>sd_bus_slot_unref</c>.
/// </summary>
internal sealed unsafe class VTableBuilder : IDisposable
{
    /// <summary>sizeof(sd_bus_vtable) since v242, when <c>features</c> and <c>vtable_format_reference</c> were added.</summary>
    internal const int EntrySize = 56;

    internal const byte TypeStart = (byte)'<';
    internal const byte TypeEnd = (byte)'>';
    internal const byte TypeMethod = (byte)'M';
    internal const byte TypeSignal = (byte)'S';
    internal const byte TypeProperty = (byte)'P';

    internal const ulong FlagUnprivileged = 1UL << 2;
    internal const ulong FlagPropertyEmitsChange = 1UL << 5;

    /// <summary>_SD_BUS_VTABLE_PARAM_NAMES: the <c>names</c> fields are present (we leave them empty).</summary>
    internal const ulong FeatureParamNames = 1;

    private readonly List<nint> _strings = [];
    private byte* _table;
    private int _count;
    private int _capacity;

    internal VTableBuilder(int memberCount)
    {
        // START + members + END; zeroed because sd-bus reads whole entries and the unused union arms must be 0.
        _capacity = memberCount + 2;
        _table = (byte*)NativeMemory.AllocZeroed((nuint)(_capacity * EntrySize));
        Entry(TypeStart, 0, EntrySize, (nint)FeatureParamNames, (nint)FormatReference);
    }

    /// <summary>The table, valid after <see cref="End"/> and until <see cref="Dispose"/>.</summary>
    internal nint Pointer => (nint)_table;

    /// <summary>&amp;sd_bus_object_vtable_format: sd-bus reads it to know which struct version the caller compiled against.</summary>
    internal static uint* FormatReference { get; } =
        (uint*)NativeLibrary.GetExport(NativeLibrary.Load("libsystemd.so.0"), "sd_bus_object_vtable_format");

    /// <summary>The address of sd_bus_object_vtable_format, for code without an unsafe context.</summary>
    internal static nint FormatReferenceAddress => (nint)FormatReference;

    internal void Method(string member, string signature, string result, nint handler, ulong flags) =>
        Entry(TypeMethod, flags, Str(member), Str(signature), Str(result), handler, 0, Str(""));

    internal void Signal(string member, string signature) =>
        Entry(TypeSignal, 0, Str(member), Str(signature), Str(""));

    internal void Property(string member, string signature, nint getter) =>
        Entry(TypeProperty, FlagPropertyEmitsChange, Str(member), Str(signature), getter, 0, 0);

    internal nint End()
    {
        Entry(TypeEnd, 0);
        return Pointer;
    }

    private void Entry(byte type, ulong flags, params ReadOnlySpan<nint> fields)
    {
        if (_count == _capacity)
        {
            throw new InvalidOperationException("vtable capacity exceeded");
        }

        byte* e = _table + (_count++ * EntrySize);
        *(ulong*)e = type | (flags << 8);
        for (int i = 0; i < fields.Length; i++)
        {
            ((nint*)(e + 8))[i] = fields[i];
        }
    }

    private nint Str(string s)
    {
        nint p = Marshal.StringToCoTaskMemUTF8(s);
        _strings.Add(p);
        return p;
    }

    public void Dispose()
    {
        foreach (nint p in _strings)
        {
            Marshal.FreeCoTaskMem(p);
        }

        _strings.Clear();
        NativeMemory.Free(_table);
        _table = null;
    }
}
