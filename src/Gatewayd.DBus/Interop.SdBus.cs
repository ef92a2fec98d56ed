using System.Runtime.InteropServices;

namespace Gatewayd.DBus;

/// <summary>
/// libsystemd's sd-bus, bound with source-generated marshalling. Only the non-variadic entry points are used: a
/// C varargs call cannot be described to <c>LibraryImport</c> portably. Every function here must be called on the
/// connection's bus thread (sd-bus is not thread-safe).
/// </summary>
internal static unsafe partial class SdBus
{
    private const string Lib = "libsystemd.so.0";

    /// <summary>The layout of <c>sd_bus_error</c> from sd-bus.h (name, message, _need_free).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Error
    {
        public nint Name;
        public nint Message;
        public int NeedFree;
    }

    [LibraryImport(Lib)] internal static partial int sd_bus_new(out nint bus);
    [LibraryImport(Lib)] internal static partial int sd_bus_open_system(out nint bus);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int sd_bus_set_address(nint bus, string address);
    [LibraryImport(Lib)] internal static partial int sd_bus_set_bus_client(nint bus, int b);
    [LibraryImport(Lib)] internal static partial int sd_bus_start(nint bus);
    [LibraryImport(Lib)] internal static partial nint sd_bus_flush_close_unref(nint bus);
    [LibraryImport(Lib)] internal static partial int sd_bus_get_unique_name(nint bus, out nint name);

    [LibraryImport(Lib)] internal static partial int sd_bus_process(nint bus, nint ret);
    [LibraryImport(Lib)] internal static partial int sd_bus_get_fd(nint bus);
    [LibraryImport(Lib)] internal static partial int sd_bus_get_events(nint bus);
    [LibraryImport(Lib)] internal static partial int sd_bus_get_timeout(nint bus, out ulong usec);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int sd_bus_request_name(nint bus, string name, ulong flags);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int sd_bus_add_object_vtable(nint bus, out nint slot, string path, string iface, nint vtable, nint userdata);
    [LibraryImport(Lib)] internal static partial nint sd_bus_slot_unref(nint slot);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int sd_bus_emit_properties_changed_strv(nint bus, string path, string iface, nint* names);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int sd_bus_message_new_signal(nint bus, out nint m, string path, string iface, string member);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int sd_bus_message_new_method_call(nint bus, out nint m, string? destination, string path, string iface, string member);
    [LibraryImport(Lib)] internal static partial int sd_bus_message_new_method_return(nint call, out nint m);
    [LibraryImport(Lib)] internal static partial nint sd_bus_message_ref(nint m);
    [LibraryImport(Lib)] internal static partial nint sd_bus_message_unref(nint m);
    [LibraryImport(Lib)] internal static partial nint sd_bus_message_get_member(nint m);
    [LibraryImport(Lib)] internal static partial nint sd_bus_message_get_signature(nint m, int complete);
    [LibraryImport(Lib)] internal static partial Error* sd_bus_message_get_error(nint m);

    // For strings and object paths sd-bus takes the char* itself; for every other basic type a pointer to the value.
    [LibraryImport(Lib)] internal static partial int sd_bus_message_append_basic(nint m, byte type, void* value);
    [LibraryImport(Lib)] internal static partial int sd_bus_message_read_basic(nint m, byte type, void* value);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int sd_bus_message_open_container(nint m, byte type, string contents);
    [LibraryImport(Lib)] internal static partial int sd_bus_message_close_container(nint m);

    [LibraryImport(Lib)] internal static partial int sd_bus_send(nint bus, nint m, nint cookie);
    [LibraryImport(Lib)]
    internal static partial int sd_bus_call_async(
        nint bus, out nint slot, nint m, delegate* unmanaged<nint, nint, Error*, int> callback, nint userdata, ulong usec);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int sd_bus_error_set(Error* e, string name, string? message);
    [LibraryImport(Lib)] internal static partial int sd_bus_error_set_errno(Error* e, int error);
    [LibraryImport(Lib)] internal static partial void sd_bus_error_free(Error* e);
    [LibraryImport(Lib)] internal static partial int sd_bus_reply_method_error(nint call, Error* e);
}
