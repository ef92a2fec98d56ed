using System.Runtime.InteropServices;

namespace Gatewayd.DBus;

public sealed partial class DBusConnection
{
    private readonly HashSet<PendingCall> _pending = [];

    /// <summary>
    /// Calls a method whose input is "" or "s" and whose reply is "" (null) or "s". An error reply, a timeout
    /// (<see cref="DBusErrorNames.NoReply"/>) or an unowned destination (<see cref="DBusErrorNames.ServiceUnknown"/>)
    /// throws <see cref="DBusException"/> carrying the D-Bus error name and message.
    /// </summary>
    /// <param name="destination">The bus name to call, e.g. <c>io.gatewayd1</c>.</param>
    /// <param name="path">The object path.</param>
    /// <param name="interfaceName">The interface of the member.</param>
    /// <param name="member">The method name.</param>
    /// <param name="arg">The single string argument, or null for none.</param>
    /// <param name="timeout">How long to wait for the reply; sd-bus's default (25 s) when null.</param>
    /// <param name="cancellationToken">Abandons the call; a late reply is then dropped.</param>
    public Task<string?> CallAsync(
        string destination, string path, string interfaceName, string member, string? arg = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var call = new PendingCall(this);
        ulong usec = timeout is { } t ? (ulong)Math.Max(1, t.Ticks / 10) : 0;
        if (!TryPost(() => StartCall(call, destination, path, interfaceName, member, arg, usec)))
        {
            return Task.FromException<string?>(ClosedException());
        }

        if (cancellationToken.CanBeCanceled)
        {
            call.Registration = cancellationToken.Register(() => TryPost(() => call.Finish(0, cancel: true)));
        }

        return call.Result.Task;
    }

    private unsafe void StartCall(PendingCall call, string destination, string path, string iface, string member, string? arg, ulong usec)
    {
        nint m = 0;
        try
        {
            DBusException.ThrowIfError(SdBus.sd_bus_message_new_method_call(Bus, out m, destination, path, iface, member), "sd_bus_message_new_method_call");
            if (arg is not null)
            {
                DBusException.ThrowIfError(MessageValues.AppendString(m, (byte)'s', arg), "sd_bus_message_append_basic");
            }

            call.Handle = GCHandle.Alloc(call);
            int r = SdBus.sd_bus_call_async(Bus, out call.Slot, m, &OnReply, GCHandle.ToIntPtr(call.Handle), usec);
            if (r < 0)
            {
                call.Handle.Free();
                DBusException.Throw($"sd_bus_call_async({destination} {path} {iface}.{member})", -r);
            }

            _pending.Add(call);
        }
        catch (Exception ex)
        {
            call.Result.TrySetException(ex);
        }
        finally
        {
            SdBus.sd_bus_message_unref(m);
        }
    }

    /// <summary>sd-bus calls this with the reply, an error reply, or the NoReply error it synthesizes on timeout.</summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static unsafe int OnReply(nint m, nint userdata, SdBus.Error* retError)
    {
        var call = (PendingCall)GCHandle.FromIntPtr(userdata).Target!;
        call.Finish(m, cancel: false);
        return 0;
    }

    private void FailPendingCalls()
    {
        foreach (PendingCall call in _pending.ToArray())
        {
            call.Finish(0, cancel: false);
        }
    }

    private sealed class PendingCall(DBusConnection connection)
    {
        public readonly TaskCompletionSource<string?> Result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public nint Slot;
        public GCHandle Handle;
        public CancellationTokenRegistration Registration;

        /// <summary>Completes from a reply (m != 0), a cancellation, or the connection closing; bus thread only.</summary>
        public unsafe void Finish(nint m, bool cancel)
        {
            if (!connection._pending.Remove(this))
            {
                return; // already finished: a reply raced a cancellation.
            }

            // Dropping our slot reference unregisters the reply callback; inside the callback sd-bus holds its own.
            SdBus.sd_bus_slot_unref(Slot);
            Handle.Free();
            Registration.Dispose();
            try
            {
                if (cancel)
                {
                    Result.TrySetCanceled();
                }
                else if (m == 0)
                {
                    Result.TrySetException(new DBusException(DBusErrorNames.NoReply, "The connection closed before the reply arrived."));
                }
                else if (SdBus.sd_bus_message_get_error(m) is var e && e != null)
                {
                    Result.TrySetException(new DBusException(
                        Marshal.PtrToStringUTF8(e->Name) ?? DBusErrorNames.Failed, Marshal.PtrToStringUTF8(e->Message) ?? ""));
                }
                else
                {
                    Result.TrySetResult(MessageValues.ReadOptionalString(m));
                }
            }
            catch (Exception ex)
            {
                Result.TrySetException(ex);
            }
        }
    }
}
