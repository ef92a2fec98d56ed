namespace Gatewayd.Tests;

/// <summary>Finds files of the repository (examples, schema) from the test's output directory.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Gatewayd.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"no Gatewayd.sln above {AppContext.BaseDirectory}");
    }
}
