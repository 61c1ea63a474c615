using GraphQL.Types;
using Roadmap.Core.Analysis;

namespace Roadmap.Core.GraphQL.Search;

public sealed class SearchMatchEnum : EnumerationGraphType<SearchMatch>
{
    public SearchMatchEnum()
    {
        Name = "SearchMatch";
        Description = "How a name matched the text searched for; search ranks the hits in this order.";
        EnumValueDescriptions.Describe(this, SearchMatch.Exact, "The whole name (nameZh, nameEn or an alias) is the text, ignoring case.");
        EnumValueDescriptions.Describe(this, SearchMatch.Prefix, "The name starts with the text.");
        EnumValueDescriptions.Describe(this, SearchMatch.Word, "A word of the name starts with the text (\"photon-counting CT\" for \"ct\"); in Chinese, which has no spaces, any other match.");
        EnumValueDescriptions.Describe(this, SearchMatch.Substring, "The text is inside a Latin word or number of the name (\"traction\" for \"ct\").");
    }
}
