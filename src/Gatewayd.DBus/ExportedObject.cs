using System.Runtime.InteropServices;

namespace Gatewayd.DBus;

/// <summary>
/// One registered sd-bus vtable: the unmanaged table, the slot, and a GCHandle that sd-bus passes back as userdata
/// so the static <c>[UnmanagedCallersOnly]</c> callbacks find the managed definition.
/// </summary>
internal sealed unsafe class ExportedObject(DBusConnection connection, DBusObjectDefinition definition) : IDisposable
{
    private readonly Dictionary<string, DBusObjectDefinition.MethodMember> _methods =
        definition.Methods.ToDictionary(m => m.Name, StringComparer.Ordinal);
    private readonly Dictionary<string, DBusObjectDefinition.PropertyMember> _properties =
        definition.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private VTableBuilder? _vtable;
    private GCHandle _handle;
    private nint _slot;

    public void Dispose() => connection.Unexport(this);

    internal void Register(nint bus, string path, string iface)
    {
        var vt = new VTableBuilder(definition.Properties.Count + definition.Methods.Count + definition.Signals.Count);
        foreach (var p in definition.Properties)
        {
            vt.Property(p.Name, p.Signature, (nint)(delegate* unmanaged<nint, nint, nint, nint, nint, nint, SdBus.Error*, int>)&OnGetProperty);
        }

        foreach (var m in definition.Methods)
        {
            // UNPRIVILEGED only where the bus policy lets everyone call (Status); see DBusObjectDefinition.AddMethod.
            vt.Method(m.Name, m.InSignature, m.OutSignature, (nint)(delegate* unmanaged<nint, nint, SdBus.Error*, int>)&OnMethod,
                m.Unprivileged ? VTableBuilder.FlagUnprivileged : 0);
        }

        foreach (var s in definition.Signals)
        {
            vt.Signal(s.Name, s.Signature);
        }

        _handle = GCHandle.Alloc(this);
        int r = SdBus.sd_bus_add_object_vtable(bus, out _slot, path, iface, vt.End(), GCHandle.ToIntPtr(_handle));
        if (r < 0)
        {
            _handle.Free();
            vt.Dispose();
            DBusException.Throw($"sd_bus_add_object_vtable({path} {iface})", -r);
        }

        _vtable = vt;
    }

    /// <summary>Bus thread only. The slot goes first: sd-bus reads the table until then.</summary>
    internal void Unregister()
    {
        SdBus.sd_bus_slot_unref(_slot);
        _slot = 0;
        _vtable?.Dispose();
        _vtable = null;
        if (_handle.IsAllocated)
        {
            _handle.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static int OnGetProperty(nint bus, nint path, nint iface, nint property, nint reply, nint userdata, SdBus.Error* error)
    {
        try
        {
            var self = (ExportedObject)GCHandle.FromIntPtr(userdata).Target!;
            var p = self._properties[Marshal.PtrToStringUTF8(property)!];
            int r = MessageValues.Append(reply, p.Signature, p.Getter());
            return r < 0 ? r : 1;
        }
        catch (Exception ex)
        {
            // Never let an exception cross into C: sd-bus turns the set error into the caller's error reply.
            return ex is DBusException d ? SdBus.sd_bus_error_set(error, d.ErrorName, d.ErrorMessage) : SdBus.sd_bus_error_set(error, DBusErrorNames.Failed, ex.Message);
        }
    }

    [UnmanagedCallersOnly]
    private static int OnMethod(nint m, nint userdata, SdBus.Error* error)
    {
        try
        {
            var self = (ExportedObject)GCHandle.FromIntPtr(userdata).Target!;
            return self.Dispatch(m);
        }
        catch (Exception ex)
        {
            return SdBus.sd_bus_error_set(error, DBusErrorNames.Failed, ex.Message);
        }
    }

    private int Dispatch(nint call)
    {
        // sd-bus has already checked the argument signature against the vtable and replied InvalidArgs otherwise.
        var method = _methods[Marshal.PtrToStringUTF8(SdBus.sd_bus_message_get_member(call))!];
        string? arg = method.InSignature == "s" ? MessageValues.ReadString(call) : null;
        Task<string?> task;
        try
        {
            task = method.Handler(arg);
        }
        catch (Exception ex)
        {
            task = Task.FromException<string?>(ex);
        }

        if (task.IsCompleted)
        {
            Reply(call, method, task);
            return 1;
        }

        // Keep the call alive until the handler finishes; the reply must be built on the bus thread.
        SdBus.sd_bus_message_ref(call);
        task.ContinueWith(
            t =>
            {
                // If the connection closed meanwhile the caller gets NoReply from its own side; the message reference
                // is then left to the process's end rather than touched off the bus thread.
                _ = connection.PostReply(() =>
                {
                    try
                    {
                        Reply(call, method, t);
                    }
                    finally
                    {
                        SdBus.sd_bus_message_unref(call);
                    }
                });
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return 1;
    }

    private static void Reply(nint call, DBusObjectDefinition.MethodMember method, Task<string?> task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            Exception ex = task.Exception?.InnerException ?? new OperationCanceledException();
            if (ex is DBusException d)
            {
                ReplyError(call, d.ErrorName, d.ErrorMessage);
            }
            else
            {
                ReplyError(call, DBusErrorNames.Failed, ex.Message);
            }

            return;
        }

        int r = SdBus.sd_bus_message_new_method_return(call, out nint reply);
        if (r >= 0 && method.OutSignature == "s")
        {
            r = MessageValues.AppendString(reply, (byte)'s', task.Result ?? "");
        }

        if (r >= 0)
        {
            r = SdBus.sd_bus_send(0, reply, 0);
        }

        SdBus.sd_bus_message_unref(reply);
        if (r < 0)
        {
            ReplyError(call, DBusErrorNames.Failed, DBusException.FromErrno("method reply", -r).Message);
        }
    }

    private static void ReplyError(nint call, string name, string message)
    {
        SdBus.Error e = default;
        _ = SdBus.sd_bus_error_set(&e, name, message);
        int r = SdBus.sd_bus_reply_method_error(call, &e);
        SdBus.sd_bus_error_free(&e);
        if (r < 0 && name != DBusErrorNames.Failed)
        {
            // An invalid error name from a handler must still produce a reply.
            ReplyError(call, DBusErrorNames.Failed, $"{name}: {message}");
        }
    }
}
