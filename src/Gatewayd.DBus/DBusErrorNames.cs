namespace Gatewayd.DBus;

/// <summary>Well-known D-Bus error names a caller may want to tell apart.</summary>
public static class DBusErrorNames
{
    /// <summary>Nobody owns the destination name (for <c>gatewayd status</c>: the daemon is not running).</summary>
    public const string ServiceUnknown = "org.freedesktop.DBus.Error.ServiceUnknown";

    /// <summary>The generic failure; a handler's non-<see cref="DBusException"/> exception is replied with it.</summary>
    public const string Failed = "org.freedesktop.DBus.Error.Failed";

    /// <summary>
    /// No reply: the call's timeout expired (sd-bus synthesizes this name, message "Method call timed out", rather than
    /// org.freedesktop.DBus.Error.Timeout) or the connection closed first.
    /// </summary>
    public const string NoReply = "org.freedesktop.DBus.Error.NoReply";

    /// <summary>This connection to the bus was lost (not a D-Bus reply: raised locally).</summary>
    public const string Disconnected = "org.freedesktop.DBus.Error.Disconnected";

    /// <summary>The caller lacks the privilege a method requires.</summary>
    public const string AccessDenied = "org.freedesktop.DBus.Error.AccessDenied";

    /// <summary>The destination has the object but not the member.</summary>
    public const string UnknownMethod = "org.freedesktop.DBus.Error.UnknownMethod";

    /// <summary>The destination has no object at the path.</summary>
    public const string UnknownObject = "org.freedesktop.DBus.Error.UnknownObject";
}
