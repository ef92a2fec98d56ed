namespace Gatewayd.Config;

/// <summary>One thing wrong (or worth a warning) in a config file, located by its JSON path.</summary>
internal readonly record struct ConfigProblem(string Path, string Reason, bool IsWarning = false)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>The outcome of reading a config: the config when there are no errors, and every problem found.</summary>
internal sealed record ConfigResult(GatewaydConfig? Config, IReadOnlyList<ConfigProblem> Problems)
{
    public IEnumerable<ConfigProblem> Errors => Problems.Where(p => !p.IsWarning);

    public IEnumerable<ConfigProblem> Warnings => Problems.Where(p => p.IsWarning);
}
