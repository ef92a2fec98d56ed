namespace Gatewayd.DBus.Tests;

/// <summary>Signals as `busctl monitor` (a bus monitor, independent of the binding) observes them.</summary>
public sealed class SignalTests(TestService service) : IClassFixture<TestService>
{
    [DBusFact]
    public async Task EmitSignal_AndPropertiesChanged_AreSeenByBusctlMonitor()
    {
        using var monitor = new Peer.Background("busctl", $"--address={service.Bus.Address}", "monitor", TestService.Name);
        // The monitor has no readiness line we can rely on, so emit probes until one shows up.
        int probe = 0;
        Assert.True(
            await monitor.WaitForAsync(o => o.Contains("probe-", StringComparison.Ordinal),
                () => service.Server.EmitSignal(TestService.ObjectPath, TestService.Interface, "PrefixChanged", $"probe-{probe++}")),
            monitor.Output);

        service.Server.EmitSignal(TestService.ObjectPath, TestService.Interface, "PrefixChanged", "2001:db8:9::/56");
        service.State = "renewing";
        service.Prefixes = ["2001:db8:9::/56"];
        service.Server.EmitPropertiesChanged(TestService.ObjectPath, TestService.Interface, "State", "Prefixes");

        Assert.True(await monitor.WaitForAsync(o => o.Contains("PropertiesChanged", StringComparison.Ordinal)), monitor.Output);
        await Task.Delay(100); // the rest of the PropertiesChanged dump
        string output = monitor.Output;
        Assert.Contains("Member=PrefixChanged", output, StringComparison.Ordinal);
        Assert.Contains("STRING \"2001:db8:9::/56\";", output, StringComparison.Ordinal);
        Assert.Contains("Interface=org.freedesktop.DBus.Properties  Member=PropertiesChanged", output, StringComparison.Ordinal);
        Assert.Contains("STRING \"renewing\";", output, StringComparison.Ordinal);
        Assert.Contains("STRING \"State\";", output, StringComparison.Ordinal);
        Assert.Contains("STRING \"Prefixes\";", output, StringComparison.Ordinal);
    }

    [DBusFact]
    public void EmitPropertiesChanged_ForUnknownProperty_ThrowsNamingTheCall()
    {
        var ex = Assert.Throws<DBusException>(
            () => service.Server.EmitPropertiesChanged(TestService.ObjectPath, TestService.Interface, "NoSuchProperty"));

        Assert.StartsWith("sd_bus_emit_properties_changed_strv", ex.Operation, StringComparison.Ordinal);
        Assert.NotEqual(0, ex.Errno);
    }
}
