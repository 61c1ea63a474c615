using Roadmap.Core.Errors;
using Roadmap.Core.GraphQL.Arguments;

namespace Roadmap.Core.GraphQL.Paging;

/// <summary>Opaque cursors over the id-ordered node list: base64 of "node:{position}".</summary>
public static class Cursors
{
    private const string Prefix = "node:";

    public static string Encode(int position) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Prefix + position));

    public static int Decode(string cursor)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            // Digits only, below int.MaxValue (the next page starts one further), and written as Encode writes it:
            // no sign, no spaces, no leading zeros.
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
                && position < int.MaxValue && Encode(position) == cursor)
            {
                return position;
            }
        }
        catch (FormatException)
        {
        }
        throw new RoadmapError(ErrorCodes.InvalidCursor, $"'{cursor}' is not a cursor this service issued.");
    }
}
