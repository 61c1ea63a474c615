using System.CommandLine;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Roadmap.Core;
using Roadmap.Core.Storage;

namespace Roadmap.Cli.Commands;

/// <summary><c>roadmap query FILE</c>: a GraphQL document run against the local graph; exit code 1 when the response has errors.</summary>
internal static class QueryCommand
{
    public static Command Create()
    {
        var fileArgument = new Argument<FileInfo>("file") { Description = "A file holding a GraphQL document." };
        var variablesOption = new Option<string?>("--variables") { Description = "Variables as a JSON object." };
        var operationOption = new Option<string?>("--operation") { Description = "The operation to run when the document has several." };
        var query = new Command("query", "Run a GraphQL document against the local graph and print the JSON response.") { fileArgument, variablesOption, operationOption };
        query.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(fileArgument)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"roadmap: {file.FullName} does not exist");
                return 2;
            }
            var services = new ServiceCollection().AddRoadmap(GlobalOptions.ConfigurationOf(parse)).BuildServiceProvider();
            await using (services)
            {
                await services.GetRequiredService<IGraphStore>().InitializeAsync(ct);
                var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
                var variablesJson = parse.GetValue(variablesOption);
                var request = new GraphQLRequest
                {
                    Query = await File.ReadAllTextAsync(file.FullName, ct),
                    OperationName = parse.GetValue(operationOption),
                    Variables = variablesJson is null ? null : serializer.Deserialize<Inputs>(variablesJson),
                };
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
                {
                    Query = request.Query,
                    OperationName = request.OperationName,
                    Variables = request.Variables,
                    RequestServices = scope.ServiceProvider,
                    CancellationToken = ct,
                });
                Console.WriteLine(serializer.Serialize(result));
                return result.Errors is { Count: > 0 } ? 1 : 0;
            }
        });
        return query;
    }
}
