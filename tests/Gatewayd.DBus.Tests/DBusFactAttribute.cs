namespace Gatewayd.DBus.Tests;

/// <summary>A fact that needs a real bus: a private dbus-daemon, with busctl and dbus-send as independent peers.</summary>
public sealed class DBusFactAttribute : FactAttribute
{
    private static readonly string[] Tools = ["dbus-daemon", "busctl", "dbus-send"];

    public DBusFactAttribute()
    {
        if (MissingTool is { } tool)
        {
            Skip = $"{tool} is not installed (apt-get install dbus systemd); these tests start a private bus.";
        }
    }

    internal static string? MissingTool { get; } = Array.Find(Tools, t => Which(t) is null);

    internal static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':')
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}

/// <summary>The theory form of <see cref="DBusFactAttribute"/>.</summary>
public sealed class DBusTheoryAttribute : TheoryAttribute
{
    public DBusTheoryAttribute()
    {
        if (DBusFactAttribute.MissingTool is { } tool)
        {
            Skip = $"{tool} is not installed (apt-get install dbus systemd); these tests start a private bus.";
        }
    }
}
