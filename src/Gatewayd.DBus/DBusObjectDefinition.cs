namespace Gatewayd.DBus;

/// <summary>
/// The members of one exported D-Bus interface: read-only properties, methods and signals. Getters and handlers
/// run on the connection's bus thread, so they should only read state (or post work elsewhere) and return quickly.
/// </summary>
public sealed class DBusObjectDefinition
{
    private readonly List<PropertyMember> _properties = [];
    private readonly List<MethodMember> _methods = [];
    private readonly List<SignalMember> _signals = [];

    internal IReadOnlyList<PropertyMember> Properties => _properties;
    internal IReadOnlyList<MethodMember> Methods => _methods;
    internal IReadOnlyList<SignalMember> Signals => _signals;

    /// <summary>
    /// Adds a read-only property. It is declared "emits change", so <see cref="DBusConnection.EmitPropertiesChanged"/>
    /// sends its new value (read through <paramref name="getter"/>) with the signal.
    /// </summary>
    /// <param name="name">The member name, e.g. <c>State</c>.</param>
    /// <param name="signature">One of <c>s o b y i u x t d as</c>.</param>
    /// <param name="getter">Returns the current value: a string, a number convertible to the type, a bool, or an <see cref="IEnumerable{T}"/> of string for <c>as</c>.</param>
    public DBusObjectDefinition AddProperty(string name, string signature, Func<object> getter)
    {
        ArgumentNullException.ThrowIfNull(getter);
        if (!MessageValues.IsSupported(signature))
        {
            throw new ArgumentException($"Property signature '{signature}' is not supported.", nameof(signature));
        }

        _properties.Add(new PropertyMember(CheckNew(name), signature, getter));
        return this;
    }

    /// <summary>Adds a method answered synchronously.</summary>
    /// <param name="name">The member name.</param>
    /// <param name="inSignature">"" (no argument) or "s".</param>
    /// <param name="outSignature">"" (empty reply) or "s".</param>
    /// <param name="handler">Gets the argument (null when none) and returns the reply string (ignored when "").
    /// A thrown <see cref="DBusException"/> is replied with its name; any other exception as <see cref="DBusErrorNames.Failed"/>.</param>
    /// <param name="unprivileged">Sets SD_BUS_VTABLE_UNPRIVILEGED. Without it sd-bus itself answers AccessDenied to a
    /// caller lacking CAP_SYS_ADMIN on a connection it does not trust (the system bus), whatever the bus policy says.</param>
    public DBusObjectDefinition AddMethod(
        string name, string inSignature, string outSignature, Func<string?, string?> handler, bool unprivileged = false)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddAsyncMethod(name, inSignature, outSignature, arg => Task.FromResult(handler(arg)), unprivileged);
    }

    /// <summary>Adds a method whose reply is sent when the task completes (the reply is posted back to the bus thread).</summary>
    /// <inheritdoc cref="AddMethod(string, string, string, Func{string?, string?}, bool)"/>
    public DBusObjectDefinition AddAsyncMethod(
        string name, string inSignature, string outSignature, Func<string?, Task<string?>> handler, bool unprivileged = false)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (inSignature is not ("" or "s"))
        {
            throw new ArgumentException($"Method input signature '{inSignature}' is not supported (\"\" or \"s\").", nameof(inSignature));
        }

        if (outSignature is not ("" or "s"))
        {
            throw new ArgumentException($"Method output signature '{outSignature}' is not supported (\"\" or \"s\").", nameof(outSignature));
        }

        _methods.Add(new MethodMember(CheckNew(name), inSignature, outSignature, handler, unprivileged));
        return this;
    }

    /// <summary>Declares a signal so introspection lists it; emit it with <see cref="DBusConnection.EmitSignal"/>.</summary>
    /// <param name="name">The member name.</param>
    /// <param name="signature">"" or "s".</param>
    public DBusObjectDefinition AddSignal(string name, string signature)
    {
        if (signature is not ("" or "s"))
        {
            throw new ArgumentException($"Signal signature '{signature}' is not supported (\"\" or \"s\").", nameof(signature));
        }

        _signals.Add(new SignalMember(CheckNew(name), signature));
        return this;
    }

    private string CheckNew(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_properties.Exists(p => p.Name == name) || _methods.Exists(m => m.Name == name) || _signals.Exists(s => s.Name == name))
        {
            throw new ArgumentException($"Member '{name}' is already defined.", nameof(name));
        }

        return name;
    }

    internal sealed record PropertyMember(string Name, string Signature, Func<object> Getter);

    internal sealed record MethodMember(
        string Name, string InSignature, string OutSignature, Func<string?, Task<string?>> Handler, bool Unprivileged);

    internal sealed record SignalMember(string Name, string Signature);
}
