using System.Diagnostics;

namespace Gatewayd.LabTests.Lab;

/// <summary>Runs a program to completion with a timeout; the lab's only way to call ip, sysctl and nft directly.</summary>
internal static class Sh
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Result Try(string file, params string[] args) => TryWithInput(null, file, args);

    public static Result TryWithInput(string? stdin, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Timeout))
        {
            // Only the process we started, by its id.
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {Timeout}");
        }

        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Run(string file, params string[] args) => RunWithInput(null, file, args);

    public static string RunWithInput(string? stdin, string file, params string[] args)
    {
        var r = TryWithInput(stdin, file, args);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {r.ExitCode}: {r.StandardError.Trim()}");
        }

        return r.StandardOutput;
    }

    /// <summary><c>ip netns exec NS ...</c></summary>
    public static string InNs(string ns, string file, params string[] args) => Run("ip", ["netns", "exec", ns, file, .. args]);
}
