using System.Diagnostics;

namespace Gatewayd.Ndp.LabTests.Lab;

/// <summary>Runs a program to completion with a timeout.</summary>
internal static class Sh
{
    public const string Ip = "/usr/sbin/ip";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static string Run(string file, params string[] args)
    {
        Result result = Try(file, args);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {result.ExitCode}: {result.StandardError.Trim()}");
        return result.StandardOutput;
    }

    public static Result Try(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
            psi.ArgumentList.Add(arg);
        using Process process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {Timeout.TotalSeconds} s");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a command inside a named network namespace.</summary>
    public static string InNs(string ns, string file, params string[] args) => Run(Ip, ["netns", "exec", ns, file, .. args]);
}
