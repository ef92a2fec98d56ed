namespace Gatewayd.DBus.Tests;

/// <summary>CallAsync from a second connection, errors a CLI must tell apart, and use from many threads.</summary>
public sealed class ClientTests(TestService service) : IClassFixture<TestService>
{
    private Task<DBusConnection> Client() => DBusConnection.OpenAddressAsync(service.Bus.Address);

    [DBusFact]
    public async Task CallAsync_Status_ReturnsJson()
    {
        using var client = await Client();

        string? json = await client.CallAsync(TestService.Name, TestService.ObjectPath, TestService.Interface, "Status");

        Assert.Equal(TestService.StatusJson, json);
        Assert.StartsWith(":1.", client.UniqueName, StringComparison.Ordinal);
    }

    [DBusFact]
    public async Task CallAsync_Echo_AndEmptyReply()
    {
        using var client = await Client();

        Assert.Equal("abc", await client.CallAsync(TestService.Name, TestService.ObjectPath, TestService.Interface, "Echo", "abc"));
        Assert.Null(await client.CallAsync(TestService.Name, TestService.ObjectPath, TestService.Interface, "Reconfigure"));
    }

    [DBusFact]
    public async Task CallAsync_Fail_ThrowsWithTheErrorName()
    {
        using var client = await Client();

        var ex = await Assert.ThrowsAsync<DBusException>(
            () => client.CallAsync(TestService.Name, TestService.ObjectPath, TestService.Interface, "Fail"));

        Assert.Equal(TestService.FailErrorName, ex.ErrorName);
        Assert.Equal("deliberate failure", ex.ErrorMessage);
        Assert.Null(ex.Operation);
    }

    [DBusFact]
    public async Task CallAsync_NameNobodyOwns_ThrowsServiceUnknown()
    {
        using var client = await Client();

        var ex = await Assert.ThrowsAsync<DBusException>(
            () => client.CallAsync("io.gatewayd.Nobody", "/io/gatewayd/Nobody", "io.gatewayd.Nobody", "Status"));

        Assert.Equal(DBusErrorNames.ServiceUnknown, ex.ErrorName);
    }

    [DBusFact]
    public async Task CallAsync_NoReplyWithinTimeout_ThrowsNoReplyTimedOut()
    {
        using var client = await Client();

        var ex = await Assert.ThrowsAsync<DBusException>(() => client.CallAsync(
            TestService.Name, TestService.ObjectPath, TestService.Interface, "Hang", timeout: TimeSpan.FromMilliseconds(200)));

        // sd-bus synthesizes NoReply, not org.freedesktop.DBus.Error.Timeout, when its own timer expires.
        Assert.Equal(DBusErrorNames.NoReply, ex.ErrorName);
        Assert.Equal("Method call timed out", ex.ErrorMessage);
    }

    [DBusFact]
    public async Task CallAsync_Cancelled_CompletesCanceled()
    {
        using var client = await Client();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync(
            TestService.Name, TestService.ObjectPath, TestService.Interface, "Hang", cancellationToken: cts.Token));
    }

    [DBusFact]
    public async Task Dispose_WithCallInFlight_FailsItWithNoReply()
    {
        var client = await Client();
        var call = client.CallAsync(TestService.Name, TestService.ObjectPath, TestService.Interface, "Hang");

        client.Dispose();

        var ex = await Assert.ThrowsAsync<DBusException>(() => call);
        Assert.Equal(DBusErrorNames.NoReply, ex.ErrorName);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.CallAsync(TestService.Name, TestService.ObjectPath, TestService.Interface, "Status"));
    }

    [DBusFact]
    public async Task CallAsync_ToOwnObjectOnSameConnection_DoesNotDeadlock()
    {
        string? echoed = await service.Server.CallAsync(TestService.Name, TestService.ObjectPath, TestService.Interface, "Echo", "self");

        Assert.Equal("self", echoed);
    }

    [DBusFact]
    public async Task ManyThreads_CallAndEmitConcurrently_AllSucceedOnTheBusThread()
    {
        using var client = await Client();
        const int Threads = 8, CallsPerThread = 50;

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            for (int i = 0; i < CallsPerThread; i++)
            {
                string arg = $"{t}-{i}";
                Assert.Equal(arg, await client.CallAsync(TestService.Name, TestService.ObjectPath, TestService.Interface, "Echo", arg));
                service.Server.EmitSignal(TestService.ObjectPath, TestService.Interface, "PrefixChanged", arg);
                service.Server.EmitPropertiesChanged(TestService.ObjectPath, TestService.Interface, "State");
            }
        }));
        await Task.WhenAll(workers);

        Assert.Equal(0, service.WrongThreadCalls);
    }

    [DBusFact]
    public async Task RequestName_OwnedByAnotherConnection_ThrowsEexist()
    {
        using var client = await Client();

        var ex = await Assert.ThrowsAsync<DBusException>(() => client.RequestNameAsync(TestService.Name));

        Assert.Equal(17, ex.Errno);
        Assert.Equal(
            "sd_bus_request_name(io.gatewayd.Test1) failed: the name is owned by another connection: File exists (org.freedesktop.DBus.Error.FileExists)",
            ex.Message);
    }

    [DBusFact]
    public async Task RequestName_AlreadyOwnedByUs_Succeeds() => await service.Server.RequestNameAsync(TestService.Name);

    [DBusFact]
    public async Task ExportObject_TwiceAtSamePathAndInterface_ThrowsAndServiceLivesOn()
    {
        var ex = Assert.Throws<DBusException>(
            () => service.Server.ExportObject(TestService.ObjectPath, TestService.Interface, service.Definition()));

        Assert.StartsWith("sd_bus_add_object_vtable", ex.Operation, StringComparison.Ordinal);
        using var client = await Client();
        Assert.Equal("x", await client.CallAsync(TestService.Name, TestService.ObjectPath, TestService.Interface, "Echo", "x"));
    }

    [DBusFact]
    public async Task ExportObject_Disposed_IsGoneFromTheBus()
    {
        var export = service.Server.ExportObject("/io/gatewayd/Temp", "io.gatewayd.Temp", new DBusObjectDefinition().AddMethod("Ping", "", "s", _ => "pong"));
        using var client = await Client();
        Assert.Equal("pong", await client.CallAsync(TestService.Name, "/io/gatewayd/Temp", "io.gatewayd.Temp", "Ping"));

        export.Dispose();

        var ex = await Assert.ThrowsAsync<DBusException>(() => client.CallAsync(TestService.Name, "/io/gatewayd/Temp", "io.gatewayd.Temp", "Ping"));
        Assert.Equal(DBusErrorNames.UnknownObject, ex.ErrorName);
    }

    [DBusFact]
    public async Task OpenAddress_NoDaemonThere_ThrowsNamingTheCall()
    {
        var ex = await Assert.ThrowsAsync<DBusException>(() => DBusConnection.OpenAddressAsync("unix:path=/nonexistent/bus"));

        Assert.NotNull(ex.Operation);
        Assert.Contains("/nonexistent/bus", ex.Message, StringComparison.Ordinal);
    }
}
