using System.Reflection;
using Roadmap.Api.Http;
using Roadmap.Api.Security;
using Roadmap.Core.GraphQL.Execution;
using Roadmap.Core.Seeds;
using Roadmap.Core.Storage;
using Roadmap.Core.Storage.Neo4j;

namespace Roadmap.Tests.Api;

/// <summary>docs/configuration.md names every setting of every options class, as Section:Property.</summary>
public class ConfigurationDocsTests
{
    public static TheoryData<string, string> Settings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (section, type) in new (string, Type)[]
                 {
                     (GraphQLOptions.Section, typeof(GraphQLOptions)), (GraphQLHttpOptions.Section, typeof(GraphQLHttpOptions)),
                     (AuthOptions.Section, typeof(AuthOptions)), (StoreOptions.Section, typeof(StoreOptions)),
                     (EmbeddedStoreOptions.Section, typeof(EmbeddedStoreOptions)), (Neo4jOptions.Section, typeof(Neo4jOptions)),
                     (SeedsOptions.Section, typeof(SeedsOptions)), (Roadmap.Core.Plans.PlanOptions.Section, typeof(Roadmap.Core.Plans.PlanOptions)),
                     (Roadmap.Api.Http.CrossOriginOptions.Section, typeof(Roadmap.Api.Http.CrossOriginOptions)),
                 })
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                data.Add(section, property.Name);
            }
        }
        var perAddress = ConnectionsPerAddress.Setting.LastIndexOf(':');
        data.Add(ConnectionsPerAddress.Setting[..perAddress], ConnectionsPerAddress.Setting[(perAddress + 1)..]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_setting_is_in_the_configuration_reference(string section, string property)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "docs", "configuration.md"));
        text.ShouldContain($"`{section}:{property}`", Case.Sensitive, $"docs/configuration.md does not list {section}:{property}");
    }
}
