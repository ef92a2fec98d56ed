namespace Gatewayd.DBus.Tests;

/// <summary>
/// A private bus with io.gatewayd.Test1 exported at /io/gatewayd/Test1 by a server connection, shaped like the
/// daemon's status object. One per test class.
/// </summary>
public sealed class TestService : IAsyncLifetime
{
    public const string Name = "io.gatewayd.Test1";
    public const string ObjectPath = "/io/gatewayd/Test1";
    public const string Interface = "io.gatewayd.Test1";
    public const string FailErrorName = "io.gatewayd.Test1.Error.Deliberate";
    public const string StatusJson = """{"state":"bound","portCount":1008}""";

    private IDisposable? _export;

    public DBusDaemon Bus { get; } = new();

    public DBusConnection Server { get; private set; } = null!;

    public string State { get; set; } = "bound";

    public IReadOnlyList<string> Prefixes { get; set; } = ["2001:db8:1::/56", "2001:db8:2::/64"];

    /// <summary>Completed by tests that need a reply to arrive later, off the bus thread.</summary>
    public TaskCompletionSource<string?> Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int WrongThreadCalls => Volatile.Read(ref _wrongThreadCalls);

    private int _wrongThreadCalls;

    public DBusObjectDefinition Definition() => new DBusObjectDefinition()
        .AddProperty("State", "s", () => Checked(State))
        .AddProperty("PortCount", "u", () => Checked(1008u))
        .AddProperty("Prefixes", "as", () => Checked(Prefixes))
        .AddProperty("Up", "b", () => Checked(true))
        .AddProperty("Uptime", "t", () => Checked(ulong.MaxValue - 1))
        .AddProperty("Mtu", "i", () => Checked(-1500))
        .AddMethod("Status", "", "s", _ => Checked(StatusJson), unprivileged: true)
        .AddMethod("Echo", "s", "s", arg => Checked(arg), unprivileged: true)
        .AddMethod("Fail", "", "", string? (_) => throw new DBusException(FailErrorName, "deliberate failure"), unprivileged: true)
        .AddMethod("Crash", "", "", string? (_) => throw new InvalidOperationException("handler bug"), unprivileged: true)
        .AddAsyncMethod("Slow", "s", "s", async arg => { await Task.Delay(50); return "slow:" + arg; }, unprivileged: true)
        .AddAsyncMethod("Hang", "", "s", _ => Hanging.Task, unprivileged: true)
        .AddMethod("Reconfigure", "", "", string? (_) => null)
        .AddSignal("PrefixChanged", "s");

    public async Task InitializeAsync()
    {
        if (DBusFactAttribute.MissingTool is not null)
        {
            return;
        }

        Server = await DBusConnection.OpenAddressAsync(Bus.Address);
        await Server.RequestNameAsync(Name);
        _export = Server.ExportObject(ObjectPath, Interface, Definition());
    }

    // The thread of the first getter or handler call; every later call must come on the same (bus) thread.
    private int _firstThread;

    private T Checked<T>(T value)
    {
        int id = Environment.CurrentManagedThreadId;
        int first = Interlocked.CompareExchange(ref _firstThread, id, 0);
        if (first != 0 && first != id)
        {
            Interlocked.Increment(ref _wrongThreadCalls);
        }

        return value;
    }

    public Task DisposeAsync()
    {
        _export?.Dispose();
        Server?.Dispose();
        Bus.Dispose();
        return Task.CompletedTask;
    }
}
