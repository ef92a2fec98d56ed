using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace Gatewayd.Nftables;

/// <summary>How <see cref="NftClient"/> runs nft.</summary>
public sealed class NftClientOptions
{
    /// <summary>The nft binary.</summary>
    public string NftPath { get; init; } = "/usr/sbin/nft";

    /// <summary>When set, nft runs inside this named network namespace via <c>ip netns exec</c> (tests and the lab).</summary>
    public string? NetworkNamespace { get; init; }

    /// <summary>The ip binary, used only with <see cref="NetworkNamespace"/>.</summary>
    public string IpPath { get; init; } = "/usr/sbin/ip";

    /// <summary>Longest one nft run may take before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The value of a named nft counter.</summary>
/// <param name="Packets">Packets counted.</param>
/// <param name="Bytes">Bytes counted.</param>
public readonly record struct NftCounterValue(ulong Packets, ulong Bytes);

/// <summary>
/// Runs <c>nft</c> against gatewayd's own table only (never <c>flush ruleset</c>): atomic replace, readback check, listing, delete.
/// </summary>
public sealed class NftClient
{
    private readonly NftClientOptions _options;

    /// <summary>Creates a client.</summary>
    /// <param name="options">Paths, namespace and timeout; defaults when null.</param>
    public NftClient(NftClientOptions? options = null)
    {
        _options = options ?? new NftClientOptions();
    }

    /// <summary>
    /// Makes the kernel hold exactly <paramref name="ruleset"/>'s table. When the table already verifies against it nothing is
    /// written (counters and round-robin state survive); otherwise the table is replaced in one <c>nft -f -</c> transaction and read
    /// back. When nft rejects the script the previous table stays in force. When nft accepts it but the readback differs (a form
    /// nft mangles silently), what nft loaded stays and the next apply replaces it.
    /// </summary>
    /// <param name="ruleset">What the table should hold.</param>
    /// <param name="ct">Cancels the nft runs.</param>
    /// <exception cref="ArgumentException">The ruleset is invalid.</exception>
    /// <exception cref="NftException">nft failed (Operation <c>apply</c>) or the readback differs (Operation <c>verify</c>).</exception>
    public Task ApplyAsync(GatewaydRuleset ruleset, CancellationToken ct = default) => EnsureAsync(ruleset, ct);

    /// <summary>As <see cref="ApplyAsync"/>, telling whether the table was written.</summary>
    /// <param name="ruleset">What the table should hold.</param>
    /// <param name="ct">Cancels the nft runs.</param>
    /// <returns>True when the table was (re)written, false when it already matched.</returns>
    public async Task<bool> EnsureAsync(GatewaydRuleset ruleset, CancellationToken ct = default)
    {
        var plan = RulesetRenderer.Plan(ruleset);
        return await ApplyScriptAsync(RulesetRenderer.Render(plan), plan, skipWhenCurrent: true, ct);
    }

    /// <summary>
    /// Runs <paramref name="script"/> and verifies the result against <paramref name="expected"/>. Internal so tests can feed a
    /// script that differs from the plan (a silently broken SNAT form, a syntax error) through the real path.
    /// </summary>
    internal async Task<bool> ApplyScriptAsync(string script, TablePlan expected, bool skipWhenCurrent, CancellationToken ct)
    {
        if (skipWhenCurrent)
        {
            var current = await TryListTableJsonAsync(expected.TableName, ct);
            if (current is not null && NftReadback.Verify(expected, current).Count == 0)
            {
                return false;
            }
        }

        var result = await RunAsync(["-f", "-"], script, ct);
        if (result.ExitCode != 0)
        {
            throw new NftException("apply", $"nft rejected the ruleset for table inet {expected.TableName}; the previous table stays in force: {FirstLine(result.StandardError)}",
                result.StandardError, result.ExitCode);
        }

        var json = await ListTableJsonAsync(expected.TableName, ct);
        var problems = NftReadback.Verify(expected, json);
        if (problems.Count > 0)
        {
            throw new NftException("verify", $"table inet {expected.TableName} as listed by nft differs from the rendered ruleset: {string.Join("; ", problems.Take(5))}",
                string.Empty, result.ExitCode, problems);
        }

        return true;
    }

    /// <summary>Whether <c>table inet NAME</c> exists.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="ct">Cancels the nft run.</param>
    public async Task<bool> TableExistsAsync(string tableName = "gatewayd", CancellationToken ct = default)
    {
        NftNames.ValidateTableName(tableName);
        var result = await RunAsync(["-j", "list", "tables"], null, ct);
        ThrowOnFailure("list", result, "list tables");
        using var doc = JsonDocument.Parse(result.StandardOutput);
        foreach (var item in doc.RootElement.GetProperty("nftables").EnumerateArray())
        {
            if (item.TryGetProperty("table", out var t) && t.GetProperty("family").GetString() == "inet" && t.GetProperty("name").GetString() == tableName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Deletes <c>table inet NAME</c> in one transaction; nothing happens when it does not exist.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="ct">Cancels the nft run.</param>
    public async Task DeleteTableAsync(string tableName = "gatewayd", CancellationToken ct = default)
    {
        NftNames.ValidateTableName(tableName);

        // nft 1.0.6 has no `destroy`: creating the table first makes the delete valid whether or not it existed, atomically.
        var result = await RunAsync(["-f", "-"], $"table inet {tableName} {{}}\ndelete table inet {tableName}\n", ct);
        ThrowOnFailure("delete", result, $"delete table inet {tableName}");
    }

    /// <summary>The output of <c>nft -j list table inet NAME</c>.</summary>
    /// <param name="tableName">The table.</param>
    /// <param name="ct">Cancels the nft run.</param>
    /// <exception cref="NftException">The table does not exist or nft failed.</exception>
    public async Task<string> ListTableJsonAsync(string tableName = "gatewayd", CancellationToken ct = default)
    {
        NftNames.ValidateTableName(tableName);
        var result = await RunAsync(["-j", "list", "table", "inet", tableName], null, ct);
        ThrowOnFailure("list", result, $"list table inet {tableName}");
        return result.StandardOutput;
    }

    /// <summary>Reads a named counter of gatewayd's table, e.g. <see cref="RulesetRenderer.UnmappableCounterName"/>.</summary>
    /// <param name="counterName">The counter.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="ct">Cancels the nft run.</param>
    /// <returns>The counter, or null when the table or the counter does not exist.</returns>
    public async Task<NftCounterValue?> GetCounterAsync(string counterName = RulesetRenderer.UnmappableCounterName, string tableName = "gatewayd", CancellationToken ct = default)
    {
        var json = await TryListTableJsonAsync(tableName, ct);
        if (json is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        foreach (var item in doc.RootElement.GetProperty("nftables").EnumerateArray())
        {
            if (item.TryGetProperty("counter", out var c) && c.GetProperty("name").GetString() == counterName)
            {
                return new NftCounterValue(c.GetProperty("packets").GetUInt64(), c.GetProperty("bytes").GetUInt64());
            }
        }

        return null;
    }

    private async Task<string?> TryListTableJsonAsync(string tableName, CancellationToken ct)
    {
        NftNames.ValidateTableName(tableName);
        var result = await RunAsync(["-j", "list", "table", "inet", tableName], null, ct);
        if (result.ExitCode != 0 && result.StandardError.Contains("No such file or directory", StringComparison.Ordinal))
        {
            return null;
        }

        ThrowOnFailure("list", result, $"list table inet {tableName}");
        return result.StandardOutput;
    }

    private async Task<BufferedCommandResult> RunAsync(IReadOnlyList<string> nftArguments, string? stdin, CancellationToken ct)
    {
        Command command;
        if (_options.NetworkNamespace is { } ns)
        {
            command = Cli.Wrap(_options.IpPath).WithArguments(["netns", "exec", ns, _options.NftPath, .. nftArguments]);
        }
        else
        {
            command = Cli.Wrap(_options.NftPath).WithArguments(nftArguments);
        }

        command = command.WithValidation(CommandResultValidation.None);
        if (stdin is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(stdin));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await command.ExecuteBufferedAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new NftException("run", $"nft {string.Join(' ', nftArguments)} did not finish within {_options.Timeout}", string.Empty, null, null, e);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new NftException("run", $"cannot start {command.TargetFilePath}: {e.Message}", string.Empty, null, null, e);
        }
    }

    private static void ThrowOnFailure(string operation, BufferedCommandResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new NftException(operation, $"nft {what} failed: {FirstLine(result.StandardError)}", result.StandardError, result.ExitCode);
        }
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var nl = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? trimmed : trimmed[..nl];
    }
}
