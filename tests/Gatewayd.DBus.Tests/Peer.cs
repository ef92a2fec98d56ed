using System.Diagnostics;

namespace Gatewayd.DBus.Tests;

/// <summary>Runs busctl or dbus-send against the private bus: a peer that shares no code with the binding.</summary>
internal static class Peer
{
    internal sealed record Result(int ExitCode, string Out, string Err);

    internal static Task<Result> Busctl(DBusDaemon bus, params string[] args) =>
        Run("busctl", [$"--address={bus.Address}", .. args]);

    internal static Task<Result> DBusSend(DBusDaemon bus, params string[] args) =>
        Run("dbus-send", [$"--bus={bus.Address}", .. args]);

    internal static async Task<Result> Run(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await p.WaitForExitAsync(timeout.Token);
        return new Result(p.ExitCode, await stdout, await stderr);
    }

    /// <summary>A long-running peer (busctl monitor) whose output is collected as it arrives.</summary>
    internal sealed class Background : IDisposable
    {
        private readonly Process _process;
        private readonly System.Text.StringBuilder _out = new();

        internal Background(string file, params string[] args)
        {
            var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
            _process = Process.Start(psi)!;
            _process.OutputDataReceived += (_, e) => { lock (_out) { _out.AppendLine(e.Data); } };
            _process.ErrorDataReceived += (_, e) => { lock (_out) { _out.AppendLine(e.Data); } };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        internal string Output
        {
            get { lock (_out) { return _out.ToString(); } }
        }

        /// <summary>Polls the output until <paramref name="predicate"/> holds, running <paramref name="poke"/> between polls.</summary>
        internal async Task<bool> WaitForAsync(Func<string, bool> predicate, Action? poke = null, int timeoutMs = 10_000)
        {
            var deadline = Environment.TickCount64 + timeoutMs;
            while (Environment.TickCount64 < deadline)
            {
                if (predicate(Output))
                {
                    return true;
                }

                poke?.Invoke();
                await Task.Delay(100);
            }

            return predicate(Output);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
