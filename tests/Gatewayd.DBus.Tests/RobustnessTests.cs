namespace Gatewayd.DBus.Tests;

/// <summary>Failures that must not crash the process: the bus going away, a throwing getter, late disposal.</summary>
public sealed class RobustnessTests
{
    [DBusFact]
    public async Task DaemonKilled_PendingCallGetsNoReply_LaterCallsThrowDisconnected()
    {
        var daemon = new DBusDaemon();
        using var server = await DBusConnection.OpenAddressAsync(daemon.Address);
        await server.RequestNameAsync("io.gatewayd.Gone");
        var hanging = new TaskCompletionSource<string?>();
        using var export = server.ExportObject("/io/gatewayd/Gone", "io.gatewayd.Gone",
            new DBusObjectDefinition().AddAsyncMethod("Hang", "", "s", _ => hanging.Task));
        using var client = await DBusConnection.OpenAddressAsync(daemon.Address);
        var call = client.CallAsync("io.gatewayd.Gone", "/io/gatewayd/Gone", "io.gatewayd.Gone", "Hang");
        await Task.Delay(100);

        daemon.Dispose();

        var ex = await Assert.ThrowsAsync<DBusException>(() => call);
        Assert.Equal(DBusErrorNames.NoReply, ex.ErrorName);
        var later = await Assert.ThrowsAsync<DBusException>(() => client.CallAsync("io.gatewayd.Gone", "/", "io.gatewayd.Gone", "Hang"));
        Assert.Equal(DBusErrorNames.Disconnected, later.ErrorName);
        hanging.SetResult("too late"); // the server's reply is dropped, not crashed on
        await Task.Delay(50);
    }

    [DBusFact]
    public async Task ExportDisposedAfterConnection_IsANoOp()
    {
        using var daemon = new DBusDaemon();
        var server = await DBusConnection.OpenAddressAsync(daemon.Address);
        var export = server.ExportObject("/a", "io.gatewayd.A", new DBusObjectDefinition().AddSignal("S", ""));

        server.Dispose();
        export.Dispose();
        server.Dispose();
    }

    [DBusFact]
    public async Task GetterThrows_GetPropertyRepliesTheError_AndTheServiceLivesOn()
    {
        using var daemon = new DBusDaemon();
        using var server = await DBusConnection.OpenAddressAsync(daemon.Address);
        await server.RequestNameAsync("io.gatewayd.Broken");
        using var export = server.ExportObject("/b", "io.gatewayd.Broken", new DBusObjectDefinition()
            .AddProperty("Bad", "s", () => throw new DBusException("io.gatewayd.Error.NotReady", "no lease yet"))
            .AddProperty("Wrong", "u", () => "not a number")
            .AddProperty("Good", "s", () => "fine"));

        var bad = await Peer.Run("dbus-send", [$"--bus={daemon.Address}", "--print-reply", "--dest=io.gatewayd.Broken", "/b",
            "org.freedesktop.DBus.Properties.Get", "string:io.gatewayd.Broken", "string:Bad"]);
        var wrong = await Peer.Run("dbus-send", [$"--bus={daemon.Address}", "--print-reply", "--dest=io.gatewayd.Broken", "/b",
            "org.freedesktop.DBus.Properties.Get", "string:io.gatewayd.Broken", "string:Wrong"]);
        var good = await Peer.Run("busctl", [$"--address={daemon.Address}", "get-property", "io.gatewayd.Broken", "/b", "io.gatewayd.Broken", "Good"]);

        Assert.Contains("Error io.gatewayd.Error.NotReady: no lease yet", bad.Err, StringComparison.Ordinal);
        Assert.Contains($"Error {DBusErrorNames.Failed}", wrong.Err, StringComparison.Ordinal);
        Assert.Equal("s \"fine\"", good.Out.Trim());
    }
}
