namespace Gatewayd.Dhcp6;

/// <summary>Typed lookups over an option list, without LINQ.</summary>
internal static class OptionList
{
    internal static T? First<T>(IReadOnlyList<Dhcp6Option> options)
        where T : Dhcp6Option
    {
        for (int i = 0; i < options.Count; i++)
        {
            if (options[i] is T match)
                return match;
        }

        return null;
    }

    internal static IReadOnlyList<T> All<T>(IReadOnlyList<Dhcp6Option> options)
        where T : Dhcp6Option
    {
        List<T>? matches = null;
        for (int i = 0; i < options.Count; i++)
        {
            if (options[i] is T match)
                (matches ??= []).Add(match);
        }

        return matches ?? (IReadOnlyList<T>)[];
    }
}
