using System.Runtime.InteropServices;

namespace Gatewayd.DBus;

public sealed partial class DBusConnection
{
    private readonly List<ExportedObject> _exported = [];

    /// <summary>
    /// Exports <paramref name="definition"/> as <paramref name="interfaceName"/> at <paramref name="path"/>. sd-bus
    /// adds org.freedesktop.DBus.Introspectable, Properties and Peer. Dispose the result to unexport.
    /// </summary>
    public IDisposable ExportObject(string path, string interfaceName, DBusObjectDefinition definition)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        ArgumentNullException.ThrowIfNull(definition);
        return Invoke(() =>
        {
            var exported = new ExportedObject(this, definition);
            exported.Register(Bus, path, interfaceName);
            _exported.Add(exported);
            return exported;
        });
    }

    /// <summary>
    /// Emits org.freedesktop.DBus.Properties.PropertiesChanged for <paramref name="names"/>, carrying the values the
    /// getters return now.
    /// </summary>
    public unsafe void EmitPropertiesChanged(string path, string interfaceName, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Invoke(() =>
        {
            var strv = new nint[names.Length + 1]; // NULL-terminated char**
            try
            {
                for (int i = 0; i < names.Length; i++)
                {
                    strv[i] = Marshal.StringToCoTaskMemUTF8(names[i]);
                }

                fixed (nint* p = strv)
                {
                    DBusException.ThrowIfError(
                        SdBus.sd_bus_emit_properties_changed_strv(Bus, path, interfaceName, p),
                        $"sd_bus_emit_properties_changed_strv({path} {interfaceName} {string.Join(',', names)})");
                }
            }
            finally
            {
                foreach (nint s in strv)
                {
                    Marshal.FreeCoTaskMem(s);
                }
            }

            return true;
        });
    }

    /// <summary>Emits a signal with no argument (<paramref name="arg"/> null) or one string argument.</summary>
    public void EmitSignal(string path, string interfaceName, string member, string? arg = null) =>
        Invoke(() =>
        {
            DBusException.ThrowIfError(SdBus.sd_bus_message_new_signal(Bus, out nint m, path, interfaceName, member), "sd_bus_message_new_signal");
            try
            {
                if (arg is not null)
                {
                    DBusException.ThrowIfError(MessageValues.AppendString(m, (byte)'s', arg), "sd_bus_message_append_basic");
                }

                DBusException.ThrowIfError(SdBus.sd_bus_send(Bus, m, 0), $"sd_bus_send({interfaceName}.{member})");
            }
            finally
            {
                SdBus.sd_bus_message_unref(m);
            }

            return true;
        });

    internal void Unexport(ExportedObject exported)
    {
        // After close the shutdown has unregistered everything, so a late Dispose of the export is a no-op.
        InvokeAsync(() =>
        {
            if (_exported.Remove(exported))
            {
                exported.Unregister();
            }

            return true;
        }).ContinueWith(static t => t.Exception, TaskScheduler.Default).Wait();
    }

    private void UnexportAll()
    {
        foreach (ExportedObject e in _exported)
        {
            e.Unregister();
        }

        _exported.Clear();
    }

    /// <summary>Posts a method reply from a handler's task that completed off the bus thread.</summary>
    internal bool PostReply(Action reply) => TryPost(reply);
}
