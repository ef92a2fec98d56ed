namespace Gatewayd.DBus.Tests;

/// <summary>The exported object as busctl and dbus-send, independent peers, see it.</summary>
public sealed class ExportTests(TestService service) : IClassFixture<TestService>
{
    private readonly DBusDaemon _bus = service.Bus;

    [DBusFact]
    public async Task Introspect_ListsEveryMemberWithItsSignature_AndSdBusStandardInterfaces()
    {
        var r = await Peer.Busctl(_bus, "introspect", TestService.Name, TestService.ObjectPath);

        Assert.True(r.ExitCode == 0, r.Err);
        string[] expected =
        [
            ".State", ".PortCount", ".Prefixes", ".Up", ".Status", ".Echo", ".Fail", ".PrefixChanged",
            "org.freedesktop.DBus.Introspectable", "org.freedesktop.DBus.Properties", "org.freedesktop.DBus.Peer",
        ];
        foreach (string member in expected)
        {
            Assert.Contains(member, r.Out, StringComparison.Ordinal);
        }

        // busctl's columns: NAME TYPE SIGNATURE RESULT/VALUE FLAGS.
        Assert.Matches(@"\.PortCount\s+property\s+u\s+1008\s+emits-change", r.Out);
        Assert.Matches(@"\.Echo\s+method\s+s\s+s\s", r.Out);
        Assert.Matches(@"\.Status\s+method\s+-\s+s\s", r.Out);
        Assert.Matches(@"\.PrefixChanged\s+signal\s+s\s", r.Out);
    }

    [DBusFact]
    public async Task IntrospectXml_AnnotatesPrivilegedOnlyOnMethodsWithoutUnprivilegedFlag()
    {
        var r = await Peer.Busctl(_bus, "--xml-interface", "introspect", TestService.Name, TestService.ObjectPath);

        Assert.True(r.ExitCode == 0, r.Err);
        const string Privileged = "<annotation name=\"org.freedesktop.systemd1.Privileged\" value=\"true\"/>";
        Assert.Matches($@"<method name=""Reconfigure"">\s*{Privileged}", r.Out);
        Assert.Matches(@"<method name=""Status"">\s*<arg type=""s"" direction=""out""/>\s*</method>", r.Out);
        Assert.Contains("<property name=\"Prefixes\" type=\"as\" access=\"read\">", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"<signal name=""PrefixChanged"">\s*<arg type=""s""/>", r.Out);
    }

    [DBusTheory]
    [InlineData("State", "s \"bound\"")]
    [InlineData("PortCount", "u 1008")]
    [InlineData("Prefixes", "as 2 \"2001:db8:1::/56\" \"2001:db8:2::/64\"")]
    [InlineData("Up", "b true")]
    [InlineData("Uptime", "t 18446744073709551614")]
    [InlineData("Mtu", "i -1500")]
    public async Task GetProperty_ReturnsGetterValueInItsSignature(string property, string expected)
    {
        var r = await Peer.Busctl(_bus, "get-property", TestService.Name, TestService.ObjectPath, TestService.Interface, property);

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal(expected, r.Out.Trim());
    }

    [DBusFact]
    public async Task CallStatus_ReturnsJson()
    {
        var r = await Peer.Busctl(_bus, "--json=short", "call", TestService.Name, TestService.ObjectPath, TestService.Interface, "Status");

        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal(TestService.StatusJson, doc.RootElement.GetProperty("data")[0].GetString());
    }

    [DBusFact]
    public async Task CallEcho_ReturnsArgument()
    {
        var r = await Peer.Busctl(_bus, "--json=short", "call", TestService.Name, TestService.ObjectPath, TestService.Interface, "Echo", "s", "hé llo");

        Assert.True(r.ExitCode == 0, r.Err);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal("hé llo", doc.RootElement.GetProperty("data")[0].GetString());
    }

    [DBusFact]
    public async Task CallSlow_AsyncHandlerReplyIsPostedBack()
    {
        var r = await Peer.Busctl(_bus, "call", TestService.Name, TestService.ObjectPath, TestService.Interface, "Slow", "s", "x");

        Assert.True(r.ExitCode == 0, r.Err);
        Assert.Equal("s \"slow:x\"", r.Out.Trim());
    }

    [DBusFact]
    public async Task CallFail_RepliesWithTheHandlersErrorName()
    {
        var r = await Peer.DBusSend(_bus, "--print-reply", $"--dest={TestService.Name}", TestService.ObjectPath, $"{TestService.Interface}.Fail");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains($"Error {TestService.FailErrorName}: deliberate failure", r.Err, StringComparison.Ordinal);
    }

    [DBusFact]
    public async Task CallCrash_OtherExceptionsReplyFailed_AndTheServiceLivesOn()
    {
        var r = await Peer.DBusSend(_bus, "--print-reply", $"--dest={TestService.Name}", TestService.ObjectPath, $"{TestService.Interface}.Crash");
        var after = await Peer.Busctl(_bus, "call", TestService.Name, TestService.ObjectPath, TestService.Interface, "Echo", "s", "alive");

        Assert.Contains($"Error {DBusErrorNames.Failed}: handler bug", r.Err, StringComparison.Ordinal);
        Assert.Equal("s \"alive\"", after.Out.Trim());
    }

    [DBusFact]
    public async Task CallEcho_WithWrongArgumentType_SdBusRepliesInvalidArgs()
    {
        var r = await Peer.DBusSend(_bus, "--print-reply", $"--dest={TestService.Name}", TestService.ObjectPath, $"{TestService.Interface}.Echo", "uint32:7");

        Assert.Contains("org.freedesktop.DBus.Error.InvalidArgs", r.Err, StringComparison.Ordinal);
    }

    [DBusFact]
    public async Task Unprivileged_StatusIsOpenToNobody_ButReconfigureNeedsCapSysAdmin()
    {
        // sd-bus checks CAP_SYS_ADMIN itself for members without SD_BUS_VTABLE_UNPRIVILEGED, on top of the bus policy.
        string[] asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", "dbus-send", $"--bus={_bus.Address}", "--print-reply", $"--dest={TestService.Name}", TestService.ObjectPath];
        var status = await Peer.Run("setpriv", [.. asNobody, $"{TestService.Interface}.Status"]);
        var reconfigure = await Peer.Run("setpriv", [.. asNobody, $"{TestService.Interface}.Reconfigure"]);
        var reconfigureAsRoot = await Peer.Busctl(_bus, "call", TestService.Name, TestService.ObjectPath, TestService.Interface, "Reconfigure");

        Assert.True(status.ExitCode == 0, status.Err);
        Assert.NotEqual(0, reconfigure.ExitCode);
        Assert.Contains($"Error {DBusErrorNames.AccessDenied}", reconfigure.Err, StringComparison.Ordinal);
        Assert.True(reconfigureAsRoot.ExitCode == 0, reconfigureAsRoot.Err);
    }

    [DBusFact]
    public void Handlers_AllRanOnOneThread() => Assert.Equal(0, service.WrongThreadCalls);
}
