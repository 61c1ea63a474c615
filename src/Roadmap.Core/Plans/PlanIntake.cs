using System.Security.Cryptography;
using System.Text;
using Roadmap.Core.Editing;
using Roadmap.Core.Errors;
using Roadmap.Core.Graph;
using Roadmap.Core.Seeds;

namespace Roadmap.Core.Plans;

/// <summary>What a user gives to add a plan: the file's bytes (or its text) and what the graph records of the plan.</summary>
public sealed record PlanFile(byte[] Bytes, PlanFormat Format, string? FileName, string? Id, string Title, string? TitleEn, string? Issuer, int Year, Period? Period);

/// <summary>
/// The one way in for a new plan, shared by the API's addDocument and <c>roadmap plan add</c>: the size checked before
/// the file is read, the text out of the file, and the document's id, so that both refuse the same files with the same
/// codes. The edit itself is <see cref="EditPlanner.AddDocument"/>.
/// </summary>
public static class PlanIntake
{
    /// <summary>The document to add for a file, or a refusal (PLAN_TOO_LARGE, UNREADABLE_PLAN, NO_PLAN_TEXT, NO_CHINESE_TEXT).</summary>
    public static DocumentDraft Read(PlanFile file, PlanOptions options)
    {
        if (file.Bytes.Length > options.MaxFileBytes)
        {
            throw new RoadmapException(ErrorCodes.PlanTooLarge, $"The file has {file.Bytes.Length:N0} bytes; Plans:MaxFileBytes is {options.MaxFileBytes:N0}.");
        }
        var text = PlanTextExtractor.Extract(file.Bytes, file.Format);
        if (text.Length > options.MaxTextCharacters)
        {
            throw new RoadmapException(ErrorCodes.PlanTooLarge, $"The text has {text.Length:N0} characters; Plans:MaxTextCharacters is {options.MaxTextCharacters:N0}.");
        }
        var id = string.IsNullOrWhiteSpace(file.Id) ? IdFor(file.TitleEn, file.Year, text) : file.Id.Trim();
        return new DocumentDraft(id, file.Title, file.TitleEn, file.Issuer, file.Year, file.Period, text, id[(id.IndexOf(':', StringComparison.Ordinal) + 1)..] + ".txt");
    }

    /// <summary>
    /// A document id when none is given: the English title as a slug (<c>document:15th-five-year-plan-...</c>), as the
    /// seeds' ids are, or, without one, the year and the start of the text's hash, which is the same for the same text.
    /// </summary>
    public static string IdFor(string? titleEn, int year, string text)
    {
        var slug = Slug(titleEn ?? "");
        if (slug.Length > 0) return "document:" + slug;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(QuoteFolding.Fold(text)));
        return $"document:plan-{year}-{Convert.ToHexStringLower(hash)[..8]}";
    }

    private static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }
}
