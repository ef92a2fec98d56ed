using System.Diagnostics;

namespace Gatewayd.DBus.Tests;

/// <summary>
/// A private dbus-daemon with a policy that allows everything, listening on a socket in a temporary directory.
/// Started per test class (as a class fixture) and killed by pid at the end.
/// </summary>
public sealed class DBusDaemon : IDisposable
{
    private readonly Process? _process;
    private readonly DirectoryInfo? _dir;

    public DBusDaemon()
    {
        if (DBusFactAttribute.MissingTool is not null)
        {
            return;
        }

        _dir = Directory.CreateTempSubdirectory("gatewayd-dbus-");
        // Readable by others so the unprivileged-caller test can reach the socket as nobody.
        File.SetUnixFileMode(_dir.FullName, (UnixFileMode)0b111_101_101);
        SocketPath = Path.Combine(_dir.FullName, "bus");
        string config = Path.Combine(_dir.FullName, "bus.conf");
        File.WriteAllText(config, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path={SocketPath}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow user="*"/>
                <allow own="*"/>
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
              </policy>
            </busconfig>
            """);
        var psi = new ProcessStartInfo("dbus-daemon", ["--nofork", "--print-address=1", $"--config-file={config}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(psi)!;
        // The daemon prints its address once it listens: that line is the readiness signal.
        var line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(10)) || line.Result is null)
        {
            Dispose();
            throw new InvalidOperationException("dbus-daemon did not print its address: " + _process.StandardError.ReadToEnd());
        }

        Address = $"unix:path={SocketPath}";
    }

    public string Address { get; } = "";

    public string SocketPath { get; } = "";

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _dir?.Delete(recursive: true);
    }
}
