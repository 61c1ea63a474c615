using System.Text.Json;

namespace Roadmap.Api.Http;

/// <summary>
/// Whether JSON text is Unicode throughout: valid UTF-8, and no escape (<c>\ud800</c>) that names half a
/// surrogate pair. The serializer reports either as a value it cannot convert, as it does a field of the wrong
/// type; this tells the two apart, so that bad bytes are INVALID_JSON and a wrong type BAD_REQUEST.
/// </summary>
internal static class JsonUnicode
{
    public static bool IsUnicode(ReadOnlySpan<byte> json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json)) return false;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped) _ = reader.GetString();
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (JsonException)
        {
            // Not well-formed: the caller has its own answer for that.
        }
        return true;
    }
}
