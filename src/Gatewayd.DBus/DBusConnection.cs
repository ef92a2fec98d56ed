using System.Runtime.InteropServices;

namespace Gatewayd.DBus;

/// <summary>
/// One sd-bus connection, owned by a dedicated bus thread. Public methods may be called from any thread: the work is
/// posted to the bus thread (or run inline when already on it, e.g. from a method handler). Getters and handlers of
/// exported objects run on the bus thread and must never block on this connection's tasks (that thread is the one
/// that would complete them).
/// </summary>
public sealed partial class DBusConnection : IDisposable
{
    private const int EEXIST = 17;
    private const int EALREADY = 114;

    private nint _bus;

    private DBusConnection() => _wakeFd = CreateWakeFd();

    /// <summary>This connection's unique name on the bus, e.g. <c>:1.42</c>.</summary>
    public string UniqueName { get; private set; } = "";

    /// <summary>Connects to the system bus.</summary>
    public static Task<DBusConnection> OpenSystemAsync() =>
        OpenAsync(static () =>
        {
            DBusException.ThrowIfError(SdBus.sd_bus_open_system(out nint bus), "sd_bus_open_system");
            return bus;
        });

    /// <summary>Connects as a bus client to the bus at <paramref name="address"/> (e.g. <c>unix:path=/run/x/bus</c>).</summary>
    public static Task<DBusConnection> OpenAddressAsync(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        return OpenAsync(() =>
        {
            DBusException.ThrowIfError(SdBus.sd_bus_new(out nint bus), "sd_bus_new");
            try
            {
                DBusException.ThrowIfError(SdBus.sd_bus_set_address(bus, address), "sd_bus_set_address");
                // A client of a message bus sends Hello and gets a unique name; without it sd-bus speaks peer-to-peer.
                DBusException.ThrowIfError(SdBus.sd_bus_set_bus_client(bus, 1), "sd_bus_set_bus_client");
                DBusException.ThrowIfError(SdBus.sd_bus_start(bus), $"sd_bus_start({address})");
                return bus;
            }
            catch
            {
                SdBus.sd_bus_flush_close_unref(bus);
                throw;
            }
        });
    }

    /// <summary>
    /// Requests a well-known name without queueing. Throws <see cref="DBusException"/> (errno EEXIST) when another
    /// connection owns it; succeeds when this connection already does.
    /// </summary>
    public Task RequestNameAsync(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return InvokeAsync(() =>
        {
            // sd_bus_request_name blocks the bus thread for the round trip; incoming messages wait in sd-bus's queue.
            int r = SdBus.sd_bus_request_name(Bus, name, 0);
            if (r == -EEXIST)
            {
                throw DBusException.FromErrno($"sd_bus_request_name({name})", EEXIST, "the name is owned by another connection");
            }

            if (r != -EALREADY)
            {
                DBusException.ThrowIfError(r, $"sd_bus_request_name({name})");
            }

            return true;
        });
    }

    private static Task<DBusConnection> OpenAsync(Func<nint> connect)
    {
        var connection = new DBusConnection();
        var opened = new TaskCompletionSource<DBusConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection._thread = new Thread(() => connection.Run(connect, opened)) { IsBackground = true, Name = "sd-bus" };
        connection._thread.Start();
        return opened.Task;
    }

    /// <summary>Connects on the bus thread, so the sd_bus object never touches another thread.</summary>
    private void Connect(Func<nint> connect)
    {
        _bus = connect();
        // Waits for the Hello reply, so a connection handed out is ready and named.
        DBusException.ThrowIfError(SdBus.sd_bus_get_unique_name(_bus, out nint unique), "sd_bus_get_unique_name");
        UniqueName = Marshal.PtrToStringUTF8(unique) ?? "";
    }

    /// <summary>The live sd_bus pointer; only valid on the bus thread.</summary>
    private nint Bus => _bus != 0 ? _bus : throw ClosedException();
}
