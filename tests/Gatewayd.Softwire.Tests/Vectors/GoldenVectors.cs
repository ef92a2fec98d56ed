namespace Gatewayd.Softwire.Tests.Vectors;

/// <summary>Rows of Vectors/mape-golden.csv as xunit theory data (primitives only, so each row is its own test case).</summary>
public static class GoldenVectors
{
    private const string Header = "pd,vne,rule_ipv6_prefix,ipv4,psid,ce,br,first_block,last_block,port_count";

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Vectors", "mape-golden.csv");

    public static IEnumerable<object[]> Rows()
    {
        string[] lines = File.ReadAllLines(FilePath);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"{FilePath}: expected header '{Header}'");
        }

        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] f = line.Split(',');
            if (f.Length != 10)
            {
                throw new InvalidDataException($"{FilePath}: malformed row '{line}'");
            }

            yield return [f[0], f[1], f[2], f[3], int.Parse(f[4]), f[5], f[6], f[7], f[8], int.Parse(f[9])];
        }
    }
}
