using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Gatewayd.LabTests.Lab;

namespace Gatewayd.LabTests.Dhcp6;

/// <summary>gatewayd run as the real program, in a namespace, with its log lines collected; stopped by its own pid.</summary>
internal sealed class GatewaydProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private GatewaydProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "gatewayd.dll");

    /// <summary>Starts `gatewayd ARGS` inside <paramref name="ns"/>; `ip netns exec` execs, so our pid is gatewayd's.</summary>
    public static GatewaydProcess Start(string ns, params string[] args) => StartWith(ns, null, args);

    /// <summary>As <see cref="Start"/>, with extra environment variables (NOTIFY_SOCKET, WATCHDOG_USEC).</summary>
    public static GatewaydProcess StartWith(string ns, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
            psi.Environment[k] = v;
        foreach (var a in (string[])["netns", "exec", ns, "dotnet", Dll, .. args])
            psi.ArgumentList.Add(a);
        return new GatewaydProcess(Process.Start(psi)!);
    }

    /// <summary>Runs `gatewayd ARGS` in <paramref name="ns"/> to completion.</summary>
    public static Sh.Result Run(string ns, params string[] args) => Sh.Try("ip", ["netns", "exec", ns, "dotnet", Dll, .. args]);

    public int Pid => _process.Id;

    public string[] Lines
    {
        get
        {
            lock (_lines)
                return [.. _lines];
        }
    }

    private void Add(string? line)
    {
        if (line is null)
            return;
        lock (_lines)
            _lines.Add(line);
    }

    /// <summary>Waits for a log line matching <paramref name="pattern"/> after the first <paramref name="skip"/> lines.</summary>
    public string WaitForLine(string pattern, TimeSpan timeout, int skip = 0)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        string? found = null;
        NgnLab.WaitFor(() => (found = Lines.Skip(skip).FirstOrDefault(regex.IsMatch)) is not null || _process.HasExited, timeout,
            $"a gatewayd log line matching /{pattern}/; it logged:\n{string.Join('\n', Lines)}");
        return found ?? throw new InvalidOperationException($"gatewayd exited {_process.ExitCode} before logging /{pattern}/:\n{string.Join('\n', Lines)}");
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Sends <paramref name="signal"/>; by default waits for the exit it should cause (and drains the output).</summary>
    public void Signal(string signal, bool wait = true)
    {
        Sh.Try("kill", $"-{signal}", Pid.ToString(CultureInfo.InvariantCulture));
        if (!wait)
            return;
        // The parameterless wait also drains the redirected output, so every line logged before exit is in Lines.
        if (_process.WaitForExit(10000))
            _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Signal("KILL");
        _process.Dispose();
    }
}
