using System.Text;

namespace Roadmap.Core.Graph;

/// <summary>Enum values as the seeds and the GraphQL schema spell them: CONSTANT_CASE.</summary>
public static class EnumNames
{
    public static string ToConstant<T>(T value) where T : struct, Enum => ToConstant(value.ToString());

    public static string ToConstant(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i])) sb.Append('_');
            sb.Append(char.ToUpperInvariant(pascal[i]));
        }
        return sb.ToString();
    }

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(ToConstant(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => ToConstant(v)));
}
