using System.Runtime.InteropServices;

namespace Gatewayd.DBus.Tests;

/// <summary>The sd_bus_vtable bytes we build, checked against systemd 252's sd-bus-vtable.h on x86-64.</summary>
public sealed class VTableLayoutTests
{
    [Fact]
    public void FormatReference_IsLibsystemdsExportedVersion242()
    {
        // sd_bus_object_vtable_format = 242 since systemd v242 (the struct gained features/vtable_format_reference).
        Assert.Equal(242, Marshal.ReadInt32(VTableBuilder.FormatReferenceAddress));
    }

    [Fact]
    public void Entries_Are56Bytes_TypeInLowByte_FlagsAbove_UnionAt8()
    {
        using var vt = new VTableBuilder(3);
        vt.Property("State", "s", 0x1111);
        vt.Method("Echo", "s", "s", 0x2222, VTableBuilder.FlagUnprivileged);
        vt.Signal("PrefixChanged", "s");
        nint t = vt.End();

        Assert.Equal(56, VTableBuilder.EntrySize);
        // START: type '<', flags 0; element_size, features (PARAM_NAMES), &sd_bus_object_vtable_format.
        Assert.Equal('<', Marshal.ReadInt64(t));
        Assert.Equal(56, Marshal.ReadInt64(t, 8));
        Assert.Equal(1, Marshal.ReadInt64(t, 16));
        Assert.Equal(VTableBuilder.FormatReferenceAddress, Marshal.ReadIntPtr(t, 24));
        Assert.Equal(0, Marshal.ReadInt64(t, 32)); // unused union bytes stay zero, as the header demands

        nint p = t + 56; // PROPERTY: member, signature, get, set, offset; flags EMITS_CHANGE (1 << 5)
        Assert.Equal('P' | (1L << 5 << 8), Marshal.ReadInt64(p));
        Assert.Equal("State", Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(p, 8)));
        Assert.Equal("s", Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(p, 16)));
        Assert.Equal(0x1111, Marshal.ReadIntPtr(p, 24));
        Assert.Equal(0, Marshal.ReadIntPtr(p, 32));

        nint m = t + 112; // METHOD: member, signature, result, handler, offset, names; flags UNPRIVILEGED (1 << 2)
        Assert.Equal('M' | (1L << 2 << 8), Marshal.ReadInt64(m));
        Assert.Equal("Echo", Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(m, 8)));
        Assert.Equal("s", Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(m, 24)));
        Assert.Equal(0x2222, Marshal.ReadIntPtr(m, 32));
        Assert.Equal(0, Marshal.ReadIntPtr(m, 40));

        nint s = t + 168; // SIGNAL: member, signature, names
        Assert.Equal('S', Marshal.ReadInt64(s));
        Assert.Equal("PrefixChanged", Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(s, 8)));

        Assert.Equal('>', Marshal.ReadInt64(t + 224)); // END
    }
}
